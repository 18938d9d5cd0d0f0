"""What a finding is: a code from the registry, a place, and a message."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """Severities as IAM Access Analyzer names them; the first two fail the check."""

    ERROR = "error"
    SECURITY_WARNING = "security warning"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def fails(self) -> bool:
        return self in (Severity.ERROR, Severity.SECURITY_WARNING)


@dataclass(frozen=True)
class Code:
    """One entry of the problem registry: every code is defined once."""

    code: str
    severity: Severity
    title: str
    help: str


@dataclass(frozen=True, order=True)
class Problem:
    """A finding at PATH:LINE:COL; `included_from` names the page (page:line) that included PATH."""

    path: str
    line: int
    col: int
    code: str
    message: str
    included_from: str | None = None

    def __str__(self) -> str:
        where = f" (included from {self.included_from})" if self.included_from else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}{where}"

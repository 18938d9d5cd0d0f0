"""What the IAM checker returns: one finding per problem, at a 1-based line and column of the text."""

from __future__ import annotations

from dataclasses import dataclass

from docscheck.problems import Severity

from .codes import BY_CODE

__all__ = ["IamFinding"]


@dataclass(frozen=True)
class IamFinding:
    """A finding. ``message`` starts with the JSON path (``Statement[0].Action: ...``), which is also
    in ``path``; ``code`` is a key of :data:`docscheck.iam.codes.BY_CODE` (its severity is there)."""

    line: int
    col: int
    code: str
    message: str
    path: str = ""

    @property
    def severity(self) -> Severity:
        return BY_CODE[self.code].severity

"""The problem registry: the docs codes and the IAM codes, each once."""

from __future__ import annotations

from . import codes as docs_codes
from .iam import codes as iam_codes
from .problems import Code, Severity


def _merge(*lists: list[Code]) -> dict[str, Code]:
    merged: dict[str, Code] = {}
    for entry in (c for codes in lists for c in codes):
        if entry.code in merged:
            raise ValueError(f"code {entry.code} is defined twice")
        merged[entry.code] = entry
    return merged


CODES: dict[str, Code] = _merge(docs_codes.CODES, iam_codes.CODES)


def severity(code: str) -> Severity:
    """The code's severity; an unknown code (a bug) counts as an error."""
    entry = CODES.get(code)
    return entry.severity if entry else Severity.ERROR

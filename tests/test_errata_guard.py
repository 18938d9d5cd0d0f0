"""No outdated fact from ../shared/errata.md is presented as current.

Each old value or old name below may appear on the site only where the text says
it is old: the same line, or the few lines above it (an admonition title, a
table row's own wording), must carry a word such as "was", "changed", "renamed",
"retired" or "notes"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"

OUTDATED = {
    "L-16 memory capped at 3,008 MB": r"3,?008 ?MB",
    "L-18 async payload 128 KB": r"128 ?KB[^|]*(?:async|event|payload)|(?:async|event|payload)[^|]*128 ?KB",
    "LIM-2 burst +500 per minute": r"500 (?:per|a|/) ?min",
    "E-2 Spot blocks": r"spot blocks?|defined[- ]duration",
    "S-1 's3 Output'": r"s3 output",
    "L-1 CloudWatch Events": r"cloudwatch events",
    "Q-4 'bolt23'": r"bolt23",
    "G-3 Glue Elastic Views": r"elastic views",
    "SEC-5 Inspector Classic": r"inspector classic",
    "IA-3 AWS SSO": r"(?-i:\bAWS SSO\b)",
    "IA-5 10-digit account id": r"\b1234567890\b",
}
MARKERS = re.compile(
    r"\b(?:was|were|old|older|notes?|changed?|renamed|retired|removed|no longer|formerly|gone|misread\w*|"
    r"misspel\w*|until|previous\w*|legacy|ended|early|instead|not|never|is now|memori[sz]ed|wrong|outdated|"
    r"replaced|deprecated|closed|end of support)\b",
    re.I,
)
WINDOW = 4  # lines above an occurrence that may carry the marker


def occurrences(pattern: str):
    regex = re.compile(pattern, re.I)
    for page in sorted(DOCS.rglob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if regex.search(line):
                yield page.relative_to(DOCS).as_posix(), number, lines[max(0, number - 1 - WINDOW):number]


@pytest.mark.parametrize("row", sorted(OUTDATED))
def test_outdated_value_only_appears_as_old(row):
    unmarked = [f"{page}:{number}" for page, number, context in occurrences(OUTDATED[row])
                if not any(MARKERS.search(line) for line in context)]
    assert unmarked == [], f"{row}: presented without saying it is outdated at {unmarked}"


def test_guard_flags_an_unmarked_old_value(tmp_path):
    regex = re.compile(OUTDATED["L-16 memory capped at 3,008 MB"], re.I)
    line = "Lambda memory ranges from 128 to 3,008 MB."
    assert regex.search(line) and not MARKERS.search(line)
    assert MARKERS.search("Until December 2020 memory was capped at 3,008 MB.")

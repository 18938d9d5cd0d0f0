"""The published anchors list: one 'page.md' or 'page.md#id' line per published page and anchor."""

from __future__ import annotations

import re

from .config import Config
from .index import Index

GENERATED_ID_RE = re.compile(r"^(?:__|fn:|fnref\d*:)")
HEADER = "# Published anchors: checked by scripts/check_docs.py, extended by --update-anchors.\n"


def parse(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(entries, malformed lines), each as (line number, text)."""
    entries, bad = [], []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if " " in line or ".md" not in line.split("#")[0]:
            bad.append((number, line))
        else:
            entries.append((number, line))
    return entries, bad


def published_ids(ids: frozenset[str]) -> set[str]:
    """Ids a reader may share: not generated ones (__*, footnotes), none with spaces."""
    return {i for i in ids if not GENERATED_ID_RE.match(i) and not any(c.isspace() for c in i)}


def current(index: Index) -> set[str]:
    entries = set()
    for src, page in index.pages.items():
        entries.add(src)
        entries.update(f"{src}#{i}" for i in published_ids(page.ids))
    return entries


def update(config: Config, index: Index) -> int:
    """Add what is new to the list (never remove a line); return how many entries were added."""
    old = {e for _, e in parse(index.anchors_text or "")[0]}
    new = current(index) - old
    config.anchors_file.write_text(HEADER + "".join(f"{e}\n" for e in sorted(old | new)), encoding="utf-8")
    return len(new)

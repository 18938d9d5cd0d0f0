"""Read the site's Markdown the way the build does, keeping track of where each line came from.

`expand()` resolves `pymdownx.snippets` includes (`--8<-- "path"` and multi-line `--8<--` blocks,
paths relative to the repo root, optional `:start:end` lines or `:section`) into a list of
`Line`s that remember their origin file and line. Fenced blocks and inline code spans are then
found on the expanded text, so a command or sample that lives in `examples/` is reported at its
own file and line, and a page that includes it is still scanned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Auto-appended to every page by the build; only abbreviation definitions.
SKIPPED_PAGES = {DOCS / "includes" / "abbreviations.md"}

_INLINE_SNIPPET = re.compile(r"""^(?P<space>[ \t]*)(?P<escape>;*)-+8<-+[ \t]+(?P<q>["'])(?P<path>.+?)(?P=q)\s*$""")
_BLOCK_MARKER = re.compile(r"^[ \t]*(?P<escape>;*)-+8<-+\s*$")
_SECTION_MARKER = re.compile(r"(?i)-+8<-+[ \t]+\[[ \t]*(?P<kind>start|end)[ \t]*:[ \t]*(?P<name>[a-z][-_0-9a-z]*)")
_TARGET = re.compile(r"(?i)^(?P<path>.*?)(?::(?P<start>-?\d*)(?::(?P<end>-?\d*))?|:(?P<section>[a-z][-_0-9a-z]*))?$")
_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)([\s\S]+?)(?<!`)\1(?!`)")


@dataclass(frozen=True)
class Line:
    text: str
    path: Path  # file this line is read from (a page, or an included file)
    lineno: int  # 1-based line in `path`

    @property
    def where(self) -> str:
        return f"{rel(self.path)}:{self.lineno}"


@dataclass(frozen=True)
class SnippetRef:
    target: str  # as written, e.g. "examples/s3/list.py:3:9"
    path: Path  # resolved file (may not exist)
    where: str  # page:line of the include


@dataclass(frozen=True)
class Block:
    lang: str
    lines: tuple[Line, ...]  # content lines, fence indentation removed
    where: str  # file:line of the opening fence

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines) + "\n"

    def origins(self) -> set[Path]:
        return {line.path for line in self.lines if line.text.strip()}


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def pages() -> list[Path]:
    """Every Markdown file under docs/, including docs/includes/, except the abbreviations."""
    return sorted(p for p in DOCS.rglob("*.md") if p not in SKIPPED_PAGES)


def parse_target(target: str) -> tuple[Path, int | None, int | None, str | None]:
    """Split `path[:start[:end]]` or `path:section`; a path that exists as written wins."""
    if (ROOT / target).is_file():
        return ROOT / target, None, None, None
    m = _TARGET.match(target)
    start = int(m["start"]) if m["start"] else None
    end = int(m["end"]) if m["end"] else None
    return ROOT / m["path"], start, end, m["section"]


def _select(lines: list[str], start: int | None, end: int | None, section: str | None) -> list[tuple[int, str]]:
    numbered = list(enumerate(lines, start=1))
    if section:
        inside, picked = False, []
        for n, text in numbered:
            m = _SECTION_MARKER.search(text)
            if m and m["name"] == section:
                inside = m["kind"].lower() == "start"
                continue
            if inside:
                picked.append((n, text))
        return picked
    lo = start if start and start > 0 else 1
    hi = end if end and end > 0 else len(lines)
    return numbered[lo - 1 : hi]


def expand(path: Path, refs: list[SnippetRef] | None = None) -> list[Line]:
    """The file's lines with snippet includes replaced by the included lines (recursively).

    Every include is recorded in `refs`; a missing target contributes nothing.
    """
    numbered = list(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1))
    return _expand(path, numbered, refs, frozenset({path}))


def _expand(path: Path, numbered, refs, seen: frozenset) -> list[Line]:
    out: list[Line] = []
    in_block = False
    for n, text in numbered:
        here = Line(text, path, n)
        marker = _BLOCK_MARKER.match(text)
        inline = _INLINE_SNIPPET.match(text)
        if (marker and marker["escape"]) or (inline and inline["escape"]):
            out.append(Line(text.replace(";", "", 1), path, n))
            continue
        if marker:
            in_block = not in_block
            continue
        if in_block:
            target, space = text.strip(), text[: len(text) - len(text.lstrip())]
            if not target or target.startswith(";"):
                continue
        elif inline:
            target, space = inline["path"].strip(), inline["space"]
        else:
            if not _SECTION_MARKER.search(text):
                out.append(here)
            continue
        file, start, end, section = parse_target(target)
        if refs is not None:
            refs.append(SnippetRef(target, file, here.where))
        if not file.is_file() or file in seen:
            continue
        raw = file.read_text(encoding="utf-8").splitlines()
        for line in _expand(file, _select(raw, start, end, section), refs, seen | {file}):
            out.append(Line(space + line.text if line.text else "", line.path, line.lineno))
    return out


def _lang(info: str) -> str:
    info = info.strip()
    if info.startswith("{"):
        m = re.search(r"\.([\w+-]+)", info)
        return m[1].lower() if m else ""
    return info.split()[0].lower() if info else ""


def split(lines: list[Line]) -> tuple[list[Block], list[Line]]:
    """Fenced code blocks (``` or ~~~, at any indentation, e.g. in tabs or admonitions) and
    the remaining prose lines."""
    blocks: list[Block] = []
    prose: list[Line] = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i].text)
        if not m:
            prose.append(lines[i])
            i += 1
            continue
        indent, fence = len(m["indent"].expandtabs(4)), m["fence"]
        close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        body: list[Line] = []
        j = i + 1
        while j < len(lines) and not close.match(lines[j].text):
            text = lines[j].text.expandtabs(4)
            strip = min(indent, len(text) - len(text.lstrip(" ")))
            body.append(Line(text[strip:], lines[j].path, lines[j].lineno))
            j += 1
        blocks.append(Block(_lang(m["info"]), tuple(body), lines[i].where))
        i = j + 1
    return blocks, prose


def code_spans(lines: list[Line]) -> list[tuple[Line, str]]:
    """Inline code spans in prose, with the line they start on; a span may wrap onto the next line."""
    spans = []
    paragraph: list[Line] = []
    for line in [*lines, Line("", Path(), 0)]:
        if line.text.strip() and (
            not paragraph or (line.path, line.lineno) == (paragraph[-1].path, paragraph[-1].lineno + 1)
        ):
            paragraph.append(line)
            continue
        text = "\n".join(p.text for p in paragraph)
        for m in _CODE_SPAN.finditer(text):
            spans.append((paragraph[text.count("\n", 0, m.start())], " ".join(m[2].split())))
        paragraph = [line] if line.text.strip() else []
    return spans


@dataclass(frozen=True)
class Site:
    blocks: tuple[Block, ...]
    spans: tuple[tuple[Line, str], ...]
    refs: tuple[SnippetRef, ...]


def scan(files: list[Path] | None = None) -> Site:
    """Blocks, inline code spans and includes of the given pages (default: the whole site).

    A file included into several pages (or scanned on its own too) is counted once.
    """
    blocks: dict[tuple, Block] = {}
    spans: dict[tuple, tuple[Line, str]] = {}
    refs: list[SnippetRef] = []
    for page in pages() if files is None else files:
        page_blocks, prose = split(expand(page, refs))
        for block in page_blocks:
            blocks.setdefault((block.where, block.text), block)
        for line, code in code_spans(prose):
            spans.setdefault((line.where, code), (line, code))
    return Site(tuple(blocks.values()), tuple(spans.values()), tuple(refs))

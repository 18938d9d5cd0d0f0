"""What the Markdown reader produces: lines, fences, links and code spans, each knowing its file and line."""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem


def label_key(label: str) -> str:
    """A reference label as Python-Markdown compares them: case and runs of whitespace ignored."""
    return " ".join(label.split()).lower()


@dataclass(frozen=True)
class SourceLine:
    """One line of a page after includes are expanded, and where it was written."""

    text: str
    path: str  # file the line is read from (the page, or an included file), relative to the repository
    lineno: int  # 1-based line in `path`
    col0: int = 0  # characters the include's indentation added in front of the text
    via: str | None = None  # "page.md:LINE" of the include, for a line from an included file

    @property
    def where(self) -> str:
        return f"{self.path}:{self.lineno}"

    def problem(self, col: int, code: str, message: str) -> Problem:
        """A problem at column `col` of the expanded line, placed where the text was written."""
        return Problem(self.path, self.lineno, max(1, col - self.col0), code, message, self.via)


@dataclass(frozen=True)
class Fence:
    """A fenced code block: its opening line, language, attributes and body lines (indentation removed)."""

    start: SourceLine
    indent: int
    lang: str
    attrs: tuple[tuple[str, str], ...]  # brace attributes and options, e.g. (("title", "x.json"),)
    body: tuple[SourceLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.body)

    def attr(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)


@dataclass(frozen=True)
class Link:
    url: str
    line: SourceLine
    col: int  # column in the expanded line
    html: bool = False  # href/src in raw HTML: not rewritten by MkDocs


@dataclass(frozen=True)
class RefUse:
    label: str
    line: SourceLine
    col: int
    shortcut: bool  # [label] alone, rather than [text][label]


@dataclass(frozen=True)
class CodeSpan:
    code: str  # whitespace collapsed
    line: SourceLine
    col: int


@dataclass(frozen=True)
class Include:
    target: str  # as written, e.g. "examples/s3/list.py:3:9"
    path: str | None  # resolved file, relative to the repository; None if missing
    line: SourceLine  # the include line


@dataclass(frozen=True)
class Document:
    """A Markdown file as the reader sees it: expanded lines and what was found in them."""

    path: str
    lines: tuple[SourceLine, ...] = ()
    fences: tuple[Fence, ...] = ()
    links: tuple[Link, ...] = ()
    refs: tuple[RefUse, ...] = ()
    labels: frozenset[str] = frozenset()  # reference definitions, normalised
    spans: tuple[CodeSpan, ...] = ()
    includes: tuple[Include, ...] = ()
    problems: tuple[Problem, ...] = ()
    render_text: str = ""  # the skeleton the renderer turns into ids (see render.py)

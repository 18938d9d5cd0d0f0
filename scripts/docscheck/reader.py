"""The one Markdown reader, used by the checker and by the tests.

`Reader.read(path)` reads a page, expands its includes (snippets.py), and finds fences, links,
reference definitions and uses, and inline code spans, each with the file and line where it was
written (inside an included file if that is where the text lives). Links are looked for after
blanking what cannot hold one: fenced and inline code, backslash escapes and HTML comments.
It also prepares the skeleton the renderer turns into ids (see render.py).
"""

from __future__ import annotations

import bisect
import itertools
import re
from pathlib import Path

from markdown.extensions.attr_list import get_attrs_and_remainder
from pymdownx.superfences import RE_HL_LINES, RE_LINENUMS, RE_NESTED_FENCE_START, RE_OPTIONS

from .config import Config
from .problems import Problem
from .snippets import Expander
from .source import CodeSpan, Document, Fence, Link, RefUse, SourceLine, label_key
from .textfile import front_matter, read_text

FENCE_RE = re.compile(r"^([ \t]*)(`{3,}|~{3,})(.*)$")
FENCE_OPTIONS = {"hl_lines": RE_HL_LINES, "linenums": RE_LINENUMS, "title": None, "title_mode": None}
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
CODE_SPAN_RE = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
ESCAPE_RE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>]")
BRACKETS = r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
INLINE_LINK_RE = re.compile(r"!?" + BRACKETS + r"\(")
REF_USE_RE = re.compile(r"(?=" + BRACKETS + r"[ \t\n]?\[([^\[\]]*)\])")
SHORTCUT_RE = re.compile(r"(?<![\]\\!*])(?<!\] )\[([^\[\]\n]+)\](?![\[(:])(?![ \t]\[)")
# Python-Markdown's ReferenceProcessor.RE, allowing the indentation of nested blocks: a definition is
# the URL and an optional title, then the end of the line ("[x]: Project Pages sites" is text).
REF_DEF_RE = re.compile(r"^[ \t]*\[([^\[\]]*)\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|[^\s<][^\s]*)[ \t]*(?:\n[ \t]*)?"
                        r"""((["'])(.*)\4[ \t]*|\((.*)\)[ \t]*)?$""", re.M)
TAG_RE = re.compile(r"<[A-Za-z][^<>]*>")
ATTR_RE = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]*)>", re.I)
# Skeleton for the renderer: prose lines that cannot carry an id are shortened to "x".
LIST_PREFIX_RE = re.compile(r"^((?:[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+|>[ \t]?))*[ \t]*)(.*)$")
KEEP_RE = re.compile(r"[{}]|\[\^|\b(?:id|name)\s*=|^(?:[#<]|===|!!!|\?\?\?|///|\*\[|--8<|:|~~~|```|[-=*_ ]+$)"
                     r"|^[\w-]+:(?:\s|$)")
TABLE_CELL_RE = re.compile(r"(?<=\|)[^|]*(?=\|)|(?<=\|)[^|]+$|^[^|]+(?=\|)")
TABLE_RULE_RE = re.compile(r"^\s*:?-+:?\s*$")
SETEXT_RE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$")


def fence_header_ok(header: str) -> bool:
    """Whether superfences (with pymdownx.highlight's validator) makes a code block of it."""
    m = RE_NESTED_FENCE_START.match(header)
    if not m or m.group("unrecognized"):
        return False
    for option in RE_OPTIONS.finditer(m.group("options") or ""):
        key, value = option.group("key"), option.group("value")
        if key not in FENCE_OPTIONS or value is None or (FENCE_OPTIONS[key] and not FENCE_OPTIONS[key].match(value)):
            return False
    return True


def fence_lang_attrs(header: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    m = RE_NESTED_FENCE_START.match(header)
    lang, attrs = (m.group("lang") or "") if m else "", []
    if m and m.group("attrs") is not None:
        pairs, _ = get_attrs_and_remainder(m.group("attrs"))
        classes = [v for k, v in pairs if k == "."]
        lang = lang or (classes[0] if classes else "")
        attrs = [(k, v) for k, v in pairs if k != "."]
    elif m and m.group("options"):
        attrs = [(o.group("key"), o.group("value") or "") for o in RE_OPTIONS.finditer(m.group("options"))]
    return lang.lower(), tuple(attrs)


def scan_fences(lines: list[SourceLine], problems: list[Problem]) -> list[tuple[int, int, Fence]]:
    """Fenced code blocks like superfences finds them: (first, last) line indexes and the fence.

    A fence that is not closed before the end, or before the indentation of its block drops, is
    not a code block (F003): its lines are read as prose again."""
    found: list[tuple[int, int, Fence]] = []
    i = 0
    while i < len(lines):
        m = FENCE_RE.match(lines[i].text)
        if not m or (m.group(2)[0] == "`" and "`" in m.group(3)):
            i += 1
            continue
        start, indent, marker = lines[i], len(m.group(1)), m.group(2)
        if not fence_header_ok(marker + m.group(3).rstrip()):
            problems.append(start.problem(indent + 1, "F006",
                            f"superfences does not accept the fence header {m.group(3).strip()!r}: the block "
                            "renders as text (use title=\"...\" or { .lang .class })"))
            i += 1
            continue
        body, j, closed = [], i + 1, None
        while j < len(lines):
            text = lines[j].text
            if text.strip() and len(text) - len(text.lstrip(" \t")) < indent:
                break
            end = FENCE_RE.match(text)
            if end and end.group(2) == marker and not end.group(3).strip():
                closed = j
                break
            strip = min(indent, len(text) - len(text.lstrip(" \t")))
            line = lines[j]
            body.append(SourceLine(text[strip:], line.path, line.lineno, line.col0 - strip, line.via))
            j += 1
        if closed is None:
            why = "never closed" if j == len(lines) else "not closed before the indentation drops"
            problems.append(start.problem(indent + 1, "F003", f"code fence is {why}: it renders as text"))
            i += 1
            continue
        lang, attrs = fence_lang_attrs(marker + m.group(3).rstrip())
        found.append((i, closed, Fence(start, indent, lang, attrs, tuple(body))))
        i = closed + 1
    return found


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group())


def _destination(text: str, pos: int) -> tuple[int, str]:
    """Parse an inline link destination starting at pos (just after the '(')."""
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    if text.startswith("<", pos):
        end = text.find(">", pos)
        return pos + 1, text[pos + 1:end] if end > 0 else ""
    depth, end = 0, pos
    while end < len(text) and not text[end].isspace():
        if text[end] == "(":
            depth += 1
        elif text[end] == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    return pos, text[pos:end]


def _skeleton(lines: list[SourceLine], fences: dict[int, int]) -> str:
    """What the renderer needs for ids: each fence replaced by one "x" line at its indentation, and
    prose lines that cannot carry an id (no heading, attribute list, HTML, footnote or block syntax)
    shortened to "x". Code blocks add no id a reader links to, so nothing is lost (see render.py)."""
    out = []
    hidden = {k for first, last in fences.items() for k in range(first + 1, last + 1)}
    for i, line in enumerate(lines):
        if i in hidden:
            out.append("")
            continue
        if i in fences:
            out.append(line.text[:len(line.text) - len(line.text.lstrip())] + "x")
            continue
        pre, rest = LIST_PREFIX_RE.match(line.text).groups()
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        if not rest.strip() or KEEP_RE.search(rest) or SETEXT_RE.match(following):
            out.append(line.text)
        elif "|" in rest:  # a table row: keep its shape, not its text
            out.append(pre + TABLE_CELL_RE.sub(lambda m: m.group() if TABLE_RULE_RE.match(m.group()) else " x ", rest))
        else:
            out.append(pre + "x")
    return "\n".join(out)


class Reader:
    def __init__(self, config: Config):
        self.config = config
        settings = dict(config.extension_configs.get("pymdownx.snippets", {}))
        self.snippets = "pymdownx.snippets" in config.extensions or bool(settings)
        self.expander = Expander(settings, config.root)
        self.auto_append = [a for a in settings.get("auto_append", []) if not self._abbreviations_only(a)]

    def _abbreviations_only(self, name: str) -> bool:
        """Files holding only *[ABBR]: definitions add no link and no id: the reader skips them."""
        for base in self.expander.base_path:
            try:
                text = (Path(base) / name).read_text(encoding="utf-8")
            except (OSError, UnicodeError):
                continue
            return all(re.match(r"\*\[[^\]]+\]:", line) for line in text.splitlines() if line.strip())
        return False

    def read(self, path: Path, page: bool = True) -> Document:
        rel = self.config.rel(path)
        problems: list[Problem] = []
        text = read_text(path, rel, problems)
        if text is None:
            return Document(rel, problems=tuple(problems))
        skip = front_matter(text, rel, problems) if page else 0
        raw = [SourceLine(t, rel, n) for n, t in enumerate(text.split("\n"), 1)][skip:]
        includes = ()
        if self.snippets and page:  # includes are expanded where the build expands them: in pages
            self.expander.problems, self.expander.includes = problems, []
            raw = self.expander.expand(raw, self.auto_append)
            includes = tuple(self.expander.includes)
        return scan(rel, raw, problems, includes)


def scan(rel: str, lines: list[SourceLine], problems: list[Problem], includes: tuple = ()) -> Document:
    """Find fences, links, references and code spans in expanded lines."""
    fences = scan_fences(lines, problems)
    hidden = {k for first, last, _ in fences for k in range(first, last + 1)}
    text = "\n".join(" " * len(line.text) if i in hidden else line.text for i, line in enumerate(lines))
    starts = [0, *itertools.accumulate(len(line.text) + 1 for line in lines)]

    def at(offset: int) -> tuple[SourceLine, int]:
        k = bisect.bisect_right(starts, offset) - 1
        return lines[k], offset - starts[k] + 1

    code_spans: list[CodeSpan] = []
    offset, parts = 0, []
    for block in re.split(r"(\n[ \t]*\n)", text):  # code spans never cross a blank line
        for m in CODE_SPAN_RE.finditer(block):
            code_spans.append(CodeSpan(" ".join(m.group(2).split()), *at(offset + m.start())))
        parts.append(CODE_SPAN_RE.sub(_blank, block))
        offset += len(block)
    masked = COMMENT_RE.sub(_blank, ESCAPE_RE.sub(_blank, "".join(parts)))

    found = [(*_destination(masked, m.end()), False) for m in INLINE_LINK_RE.finditer(masked)]
    defs = [m for m in REF_DEF_RE.finditer(masked) if not m.group(1).startswith("^")]
    found += [(m.start(2) + m.group(2).startswith("<"), m.group(2).strip("<>"), False) for m in defs]
    for tag in TAG_RE.finditer(masked):
        for m in ATTR_RE.finditer(tag.group()):
            group = next(g for g in (1, 2, 3) if m.group(g) is not None)
            found.append((tag.start() + m.start(group), m.group(group), True))
    found += [(m.start(1), m.group(1), False) for m in AUTOLINK_RE.finditer(masked)]
    links = tuple(Link(url, *at(pos), html) for pos, url, html in sorted(found, key=lambda f: f[0]))
    refs = []
    for m in REF_USE_RE.finditer(masked):
        label = m.group(2) or m.group(1)
        if not label.startswith("^") and not m.group(1).startswith("^"):
            refs.append(RefUse(label, *at(m.start()), shortcut=False))
    for m in SHORTCUT_RE.finditer(masked):
        label = m.group(1)
        if re.search(r"[A-Za-z]{2}", label) and not label.startswith(("^", "!")):
            refs.append(RefUse(label, *at(m.start()), shortcut=True))
    return Document(
        path=rel, lines=tuple(lines), fences=tuple(f for _, _, f in fences), links=links,
        refs=tuple(sorted(refs, key=lambda r: (r.line.lineno, r.col))),
        labels=frozenset(label_key(m.group(1)) for m in defs), spans=tuple(code_spans),
        includes=includes, problems=tuple(problems),
        render_text=_skeleton(lines, {first: last for first, last, _ in fences}),
    )

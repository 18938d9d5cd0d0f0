"""Strict JSON (RFC 8259) with positions: every value and key knows its line, column and offsets.

Errors a reader makes in hand-written JSON are reported and, where that is safe, parsing goes on:
comments (IAM003), trailing commas (IAM004), single-quoted strings (IAM005), NaN/Infinity (IAM006),
duplicate keys (IAM002). Anything else stops the parse (IAM001). Material for MkDocs annotation
markers at the end of a line (``// (1)!``) are blanked out first, keeping lines and columns.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field

from .findings import IamFinding

__all__ = ["Member", "Node", "Parser", "join_path", "parse", "strip_annotations", "to_python"]


@dataclass
class Node:
    kind: str  # "object" | "array" | "string" | "number" | "bool" | "null"
    value: object  # dict[str, Member] | list[Node] | str | int | float | bool | None
    line: int
    col: int
    start: int = 0  # offsets into the text (strings: including the quotes)
    end: int = 0


@dataclass
class Member:
    key: str
    line: int
    col: int
    start: int
    end: int
    node: Node = field(repr=False, default=None)  # type: ignore[assignment]


class _Fatal(Exception):
    """A JSON error after which parsing cannot continue."""


_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_WS = " \t\n\r"
_WS_RUN = re.compile(r"[ \t\n\r]*")
_PLAIN = re.compile(r'[^"\\\x00-\x1f]*')  # the body of a double-quoted string without escapes
_SIMPLE_KEY = re.compile(r"[A-Za-z0-9_:\-/${}*]+")


class Parser:
    def __init__(self, text: str):
        self.text = text
        self.i = 0
        self.findings: list[IamFinding] = []
        self._line_starts: list[int] | None = None

    # positions -----------------------------------------------------------------------------
    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]
        return self._line_starts

    def pos(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def report(self, offset: int, code: str, message: str) -> None:
        """Record a finding; *message* starts with the JSON path ("Statement[0]: ...")."""
        line, col = self.pos(offset)
        path = message.split(": ", 1)[0]
        self.findings.append(IamFinding(line, col, code, message, path))

    def fatal(self, offset: int, message: str, path: str) -> _Fatal:
        self.report(offset, "IAM001", f"{path}: {message}")
        return _Fatal()

    def describe(self, offset: int) -> str:
        if offset >= len(self.text):
            return "end of input"
        return f"character {self.text[offset]!r}"

    # lexical -------------------------------------------------------------------------------
    def skip_ws(self, path: str) -> None:
        text = self.text
        while self.i < len(text):
            self.i = _WS_RUN.match(text, self.i).end()  # type: ignore[union-attr]
            if self.i >= len(text):
                return
            ch = text[self.i]
            if ch not in "/#":
                return
            if text.startswith("//", self.i) or ch == "#":
                self.report(self.i, "IAM003", f"{path}: comments are not allowed in JSON")
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            elif text.startswith("/*", self.i):
                self.report(self.i, "IAM003", f"{path}: comments are not allowed in JSON")
                end = text.find("*/", self.i + 2)
                if end < 0:
                    raise self.fatal(self.i, "unterminated comment", path)
                self.i = end + 2
            else:
                return

    def parse_document(self) -> Node | None:
        try:
            self.skip_ws("(root)")
            if self.i >= len(self.text):
                raise self.fatal(self.i, "empty document, expected a JSON value", "(root)")
            node = self.parse_value("(root)")
            self.skip_ws("(root)")
            if self.i < len(self.text):
                raise self.fatal(self.i, f"unexpected {self.describe(self.i)} after the JSON value", "(root)")
            return node
        except _Fatal:
            return None
        except RecursionError:
            self.report(0, "IAM001", "(root): JSON nesting too deep")
            return None

    def parse_value(self, path: str) -> Node:
        text, i = self.text, self.i
        ch = text[i] if i < len(text) else ""
        line, col = self.pos(i)
        if ch == "{":
            return self.parse_object(path)
        if ch == "[":
            return self.parse_array(path)
        if ch and ch in "\"'":
            value = self.parse_string(path)
            return Node("string", value, line, col, i, self.i)
        for word, value, kind in (("true", True, "bool"), ("false", False, "bool"), ("null", None, "null")):
            if text.startswith(word, i):
                self.i += len(word)
                return Node(kind, value, line, col, i, self.i)
        for word in ("NaN", "Infinity", "-Infinity"):
            if text.startswith(word, i):
                self.report(i, "IAM006", f"{path}: {word} is not valid JSON")
                self.i += len(word)
                return Node("number", float(word), line, col, i, self.i)
        m = _NUMBER.match(text, i)
        if m and m.end() > i:
            self.i = m.end()
            raw = m.group()
            number = float(raw) if any(c in raw for c in ".eE") else int(raw)
            return Node("number", number, line, col, i, self.i)
        raise self.fatal(i, f"expected a JSON value, found {self.describe(i)}", path)

    def parse_string(self, path: str) -> str:
        text = self.text
        start = self.i
        quote = text[start]
        if quote == "'":
            self.report(start, "IAM005", f"{path}: strings must use double quotes")
        else:
            end = _PLAIN.match(text, start + 1).end()  # type: ignore[union-attr]
            if end < len(text) and text[end] == '"':
                self.i = end + 1
                return text[start + 1 : end]
        out = []
        i = start + 1
        while True:
            if i >= len(text):
                raise self.fatal(start, "unterminated string", path)
            ch = text[i]
            if ch == quote:
                self.i = i + 1
                return "".join(out)
            if ch == "\\":
                nxt = text[i + 1] if i + 1 < len(text) else ""
                if nxt in _ESCAPES:
                    out.append(_ESCAPES[nxt])
                    i += 2
                elif nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2 : i + 6]):
                    out.append(chr(int(text[i + 2 : i + 6], 16)))
                    i += 6
                elif nxt == "'" and quote == "'":
                    out.append("'")
                    i += 2
                else:
                    raise self.fatal(i, "invalid escape sequence in string", path)
            elif ch < " ":
                raise self.fatal(i, "unescaped control character in string (newline inside a string?)", path)
            else:
                out.append(ch)
                i += 1

    def parse_object(self, path: str) -> Node:
        start = self.i
        line, col = self.pos(start)
        self.i += 1
        members: dict[str, Member] = {}
        self.skip_ws(path)
        if self.text.startswith("}", self.i):
            self.i += 1
            return Node("object", members, line, col, start, self.i)
        while True:
            key_start = self.i
            if self.i >= len(self.text) or self.text[self.i] not in "\"'":
                raise self.fatal(self.i, f"expected a double-quoted key, found {self.describe(self.i)}", path)
            key = self.parse_string(path)
            key_path = join_path(path, key)
            kline, kcol = self.pos(key_start)
            if key in members:
                first = members[key]
                self.report(key_start, "IAM002", f"{key_path}: duplicate key (first at line {first.line})")
            member = Member(key, kline, kcol, key_start, self.i)
            self.skip_ws(key_path)
            if not self.text.startswith(":", self.i):
                raise self.fatal(self.i, f"expected ':' after key, found {self.describe(self.i)}", key_path)
            self.i += 1
            self.skip_ws(key_path)
            member.node = self.parse_value(key_path)
            members[key] = member
            if self.end_of_item("}", key_path, path):
                break
        return Node("object", members, line, col, start, self.i)

    def parse_array(self, path: str) -> Node:
        start = self.i
        line, col = self.pos(start)
        self.i += 1
        items: list[Node] = []
        self.skip_ws(path)
        if self.text.startswith("]", self.i):
            self.i += 1
            return Node("array", items, line, col, start, self.i)
        while True:
            item_path = f"{path}[{len(items)}]"
            self.skip_ws(item_path)
            items.append(self.parse_value(item_path))
            if self.end_of_item("]", item_path, path):
                break
        return Node("array", items, line, col, start, self.i)

    def end_of_item(self, close: str, item_path: str, path: str) -> bool:
        """After an object member or array item: consume ',' (IAM004 for a trailing one) or `close`;
        True once the object or array is closed."""
        self.skip_ws(item_path)
        ch = self.text[self.i] if self.i < len(self.text) else ""
        if ch == ",":
            comma = self.i
            self.i += 1
            self.skip_ws(path)
            if not self.text.startswith(close, self.i):
                return False
            self.report(comma, "IAM004", f"{item_path}: trailing comma before '{close}'")
        elif ch != close:
            raise self.fatal(self.i, f"expected ',' or '{close}', found {self.describe(self.i)}", item_path)
        self.i += 1
        return True


def join_path(path: str, key: str) -> str:
    """Append an object key to a JSON path; keys that would be ambiguous are quoted."""
    if _SIMPLE_KEY.fullmatch(key):
        return key if path == "(root)" else f"{path}.{key}"
    return f"{'' if path == '(root)' else path}[{json.dumps(key)}]"


def to_python(node: Node) -> object:
    if node.kind == "object":
        return {k: to_python(m.node) for k, m in node.value.items()}  # type: ignore[union-attr]
    if node.kind == "array":
        return [to_python(n) for n in node.value]  # type: ignore[union-attr]
    return node.value


# --------------------------------------------------------------------------------------------------
# Annotation markers
# --------------------------------------------------------------------------------------------------

_MARKER = re.compile(r"[ \t]*(?://|#|/\*)[ \t]*\(\d+\)![ \t]*(?:\*/)?[ \t]*$")


def _outside_string(line: str, end: int) -> bool:
    """True when offset *end* of *line* is not inside a double-quoted string."""
    inside = False
    i = 0
    while i < end:
        if line[i] == "\\" and inside:
            i += 2
            continue
        if line[i] == '"':
            inside = not inside
        i += 1
    return not inside


def strip_annotations(text: str) -> str:
    """Blank out Material annotation markers (``// (1)!``) at line ends, keeping lines and columns."""
    if ")!" not in text:
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        body = line.rstrip("\r")
        m = _MARKER.search(body)
        if m and _outside_string(body, m.start()):
            lines[n] = body[: m.start()] + " " * (m.end() - m.start()) + line[len(body) :]
    return "\n".join(lines)


def parse(text: str) -> tuple[Parser, Node | None]:
    """Parse *text* (annotation markers blanked); the parser holds the findings and positions.

    Valid JSON takes a fast path: the C decoder reads the values, one regular-expression pass finds
    where each key and value starts, and line and column are worked out only for findings (nodes
    then carry line 0). Anything the decoder rejects, or a duplicate key, goes to the character-by-
    character parser, which reports each problem where it is."""
    parser = Parser(strip_annotations(text))
    root = _fast_parse(parser.text)
    return parser, (root if root is not None else parser.parse_document())


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def _no_constant(name: str) -> float:
    raise ValueError(name)


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
_VALUE_START = re.compile(r'"(?:[^"\\]|\\.)*"|[{\[]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null')


def _fast_parse(text: str) -> Node | None:
    try:
        value = _DECODER.decode(text)
        return _build(value, _VALUE_START.finditer(text))
    except (ValueError, _Duplicate, RecursionError, StopIteration):
        return None


def _build(value: object, starts) -> Node:
    m = next(starts)
    start = m.start()
    if isinstance(value, dict):
        members = {}
        for key, item in value.items():
            k = next(starts)
            node = _build(item, starts)
            members[key] = Member(key, 0, 0, k.start(), k.end(), node)
        return Node("object", members, 0, 0, start, 0)
    if isinstance(value, list):
        return Node("array", [_build(item, starts) for item in value], 0, 0, start, 0)
    if isinstance(value, str):
        return Node("string", value, 0, 0, start, m.end())
    if isinstance(value, bool):
        return Node("bool", value, 0, 0, start, m.end())
    if value is None:
        return Node("null", None, 0, 0, start, m.end())
    return Node("number", value, 0, 0, start, m.end())

"""Read a text file the way the checker wants it: UTF-8, newline-normalised, odd characters reported."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from .problems import Problem

ODD_CHAR_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                         "\u2066-\u2069\ufeff\ufffd\ufffe\uffff]")


def read_text(path: Path, rel: str, problems: list[Problem], via: str | None = None) -> str | None:
    """The file's text, or None after adding F001; F004 for each line with an odd character."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 1, 1, "F001", f"cannot read file: {exc.strerror or exc}", via))
        return None
    if b"\0" in data:
        problems.append(Problem(rel, 1, 1, "F001", "binary file (contains NUL bytes)", via))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(Problem(rel, line, col, "F001", f"not valid UTF-8 (byte {exc.start})", via))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), 1):
        if m := ODD_CHAR_RE.search(line):
            problems.append(Problem(rel, number, m.start() + 1, "F004",
                                    f"odd character U+{ord(m.group()):04X} (control, bidi or invalid)", via))
    return text


def front_matter(text: str, rel: str, problems: list[Problem]) -> int:
    """The number of lines the front matter (and the blank lines after it) takes; F002 if it is bad."""
    if not re.match(r"-{3}[ \t]*\n", text):
        return 0
    m = YAML_RE.match(text)
    if not m:
        problems.append(Problem(rel, 1, 1, "F002", "front matter is not closed by a '---' line"))
        return 0
    try:
        data = yaml.load(m.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        reason = ": ".join(filter(None, [getattr(exc, "context", None), getattr(exc, "problem", None)]))
        problems.append(Problem(rel, line, col, "F002", f"front matter is not valid YAML: {reason or exc}"))
        return 0
    if not isinstance(data, dict):
        problems.append(Problem(rel, 1, 1, "F002", "front matter is not a mapping of keys to values"))
        return 0
    rest = text[m.end():]
    return text.count("\n", 0, m.end()) + (len(rest) - len(rest.lstrip("\n")))

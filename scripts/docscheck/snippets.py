"""Expand --8<-- includes with pymdownx.snippets' own parser, keeping each line's file and line.

`Expander` subclasses pymdownx's SnippetPreprocessor, so paths, line ranges (`x.py:1:2,8:9`),
sections, block includes, escapes and base paths mean exactly what they mean in the build. Lines
are `_Tagged` strings: pymdownx prepends the include's indentation with `space + line`, and
`_Tagged.__radd__` keeps the origin through that. A missing file or section is reported (S001) at
the include line instead of stopping the page, and an unreadable included file is reported (F001).
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from pymdownx.snippets import SnippetPreprocessor

from .problems import Problem
from .source import Include, SourceLine
from .textfile import read_text


class _Tagged(str):
    """A str that remembers where it was written (a SourceLine rides along)."""

    origin: SourceLine

    def __new__(cls, text: str, origin: SourceLine):
        obj = super().__new__(cls, text)
        obj.origin = origin
        return obj

    def __radd__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        o = self.origin
        return _Tagged(other + str(self), SourceLine(other + o.text, o.path, o.lineno, o.col0 + len(other), o.via))


class _Watch:
    """Wraps one of pymdownx's patterns to remember the line being matched (the include line)."""

    def __init__(self, pattern: re.Pattern, expander: Expander):
        self.pattern, self.expander = pattern, expander

    def match(self, line, *args):
        if isinstance(line, _Tagged):
            self.expander.current = line.origin
        return self.pattern.match(line, *args)


class Expander(SnippetPreprocessor):
    def __init__(self, settings: dict, root: Path):
        md = markdown.Markdown()
        config = {"base_path": ["."], "restrict_base_path": True, "encoding": "utf-8", "check_paths": False,
                  "auto_append": [], "url_download": False, "url_max_size": 0, "url_timeout": 0,
                  "url_request_headers": {}, "dedent_subsections": False, "max_retries": 0, "backoff_factor": 0}
        config.update({k: v for k, v in settings.items() if k in config})
        config["check_paths"] = False  # report and go on instead of raising
        super().__init__(config, md)
        self.root = root
        self.RE_ALL_SNIPPETS = _Watch(SnippetPreprocessor.RE_ALL_SNIPPETS, self)
        self.RE_SNIPPET = _Watch(SnippetPreprocessor.RE_SNIPPET, self)
        self.current: SourceLine | None = None
        self.problems: list[Problem] = []
        self.includes: list[Include] = []

    def rel(self, path: str) -> str:
        p = Path(path).resolve()
        return p.relative_to(self.root).as_posix() if p.is_relative_to(self.root) else p.as_posix()

    def _missing(self, message: str) -> None:
        here = self.current
        if here is not None:
            self.problems.append(here.problem(1 + here.col0, "S001", message))

    def parse_snippet_target(self, path):
        target = super().parse_snippet_target(path)
        if target is None:
            self._missing("snippet include with an empty path")
        return target

    def get_snippet_path(self, path):
        found = super().get_snippet_path(path)
        if self.current is not None:
            self.includes.append(Include(path, found and self.rel(found), self.current))
        if found is None:
            self._missing(f"snippet {path!r} could not be found")
        return found

    def read_lines(self, path):
        rel, via = self.rel(path), (self.current.via or self.current.where) if self.current else None
        text = read_text(Path(path), rel, self.problems, via)
        lines = text.split("\n") if text else []
        return [_Tagged(t, SourceLine(t, rel, n, 0, via)) for n, t in enumerate(lines, 1)]

    def extract_section(self, section, lines):
        markers = (self.match_section(line) for line in lines)
        if not any(m and m.group("name") == section and m.group("type").lower() == "start" for m in markers):
            self._missing(f"snippet section {section!r} could not be found")
            return []
        return super().extract_section(section, lines)

    def expand(self, lines: list[SourceLine], auto_append: list[str] = ()) -> list[SourceLine]:
        """The lines with every include replaced by the included lines."""
        self.seen, self.bases, self.failed = set(), None, set()
        tagged = [_Tagged(line.text, line) for line in lines]
        if auto_append:
            last = lines[-1] if lines else SourceLine("", "", 1)
            extra = "\n\n-8<-\n{}\n-8<-\n".format("\n\n".join(auto_append)).split("\n")
            tagged += [_Tagged(t, SourceLine(t, last.path, last.lineno, 0, last.via)) for t in extra]
        out: list[SourceLine] = []
        for line in self.parse_snippets(tagged):
            if isinstance(line, _Tagged):
                out.append(line.origin if line.origin.text == line else
                           SourceLine(str(line), line.origin.path, line.origin.lineno, 0, line.origin.via))
            else:  # a line pymdownx rewrote (an escaped include) or inserted: it follows the previous one
                prev = out[-1] if out else (lines[0] if lines else SourceLine("", "", 0))
                out.append(SourceLine(str(line), prev.path, prev.lineno + (prev.text != ""), 0, prev.via))
        return out

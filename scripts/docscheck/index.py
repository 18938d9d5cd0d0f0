"""Collect: read every page once, render it once, and keep what the rules need in an immutable Index.

Rules take (config, index) and never read or render files themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .config import Config
from .problems import Problem
from .reader import Reader
from .render import render_all
from .source import Document


@dataclass(frozen=True)
class Page:
    src: str  # docs-relative path, e.g. security/iam.md
    doc: Document
    ids: frozenset[str]


@dataclass(frozen=True)
class Index:
    pages: MappingProxyType  # docs-relative path -> Page, every page of the site
    targets: tuple[Document, ...]  # the documents whose problems are reported
    whole_site: bool  # nav and published anchors are checked only for the whole site
    anchors_text: str | None  # the published anchors list, None if absent or not configured
    problems: tuple[Problem, ...]  # problems met while reading and rendering

    def page_of(self, doc: Document) -> Page | None:
        return next((p for p in self.pages.values() if p.doc is doc), None)


def build(config: Config, paths: list[Path] | None = None) -> Index:
    """Index the whole site (paths None) or check only the given .md files and folders."""
    reader = Reader(config)
    page_files = {src: config.files[src] for src in config.pages}
    docs = {src: reader.read(path) for src, path in page_files.items()}
    rendered = render_all(config, [docs[src].render_text if not _unreadable(docs[src]) else "" for src in docs])
    pages, problems = {}, []
    for (src, doc), (ids, error) in zip(docs.items(), rendered, strict=True):
        pages[src] = Page(src, doc, ids)
        if error:
            problems.append(Problem(doc.path, 1, 1, "F005", error))
    by_file = {path: pages[src].doc for src, path in page_files.items()}
    if paths is None:
        targets = [pages[src].doc for src in sorted(pages)]
        readme = config.root / "README.md"
        if readme.is_file():
            targets.append(reader.read(readme, page=False))
    else:
        given = {p.resolve() for p in paths if p.is_file()}
        found = {f.resolve() for p in paths if p.is_dir() for f in p.rglob("*.md")}
        chosen = sorted(given | {f for f in found if f in by_file or config.docs not in f.parents})
        targets = [by_file.get(f) or reader.read(f, page=False) for f in chosen]
    anchors_text = None
    if paths is None and config.anchors_file and config.anchors_file.is_file():
        anchors_text = config.anchors_file.read_text(encoding="utf-8", errors="replace")
    return Index(MappingProxyType(pages), tuple(targets), paths is None, anchors_text, tuple(problems))


def _unreadable(doc: Document) -> bool:
    return any(p.code == "F001" and p.path == doc.path for p in doc.problems)

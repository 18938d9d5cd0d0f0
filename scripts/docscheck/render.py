"""Turn each page into its set of ids with Python-Markdown and the site's extensions, once.

The renderer gets the reader's skeleton of a page (includes already expanded, fence bodies
emptied, plain prose shortened), which yields the same ids as the full page in about half the
time (tests/test_docscheck_reader.py compares both on the real site). Ids come from headings,
{ #id } attributes, raw HTML, content tabs and blocks (attrs: {id: ...}). Pages render in forked
worker processes when there are several CPUs.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import re

import markdown

from .config import Config, ConfigError

HTML_ID_TAG_RE = re.compile(r"<([a-zA-Z][\w-]*)\s[^<>]*?\b(?:id|name)\s*=[^<>]*>")
HTML_ID_ATTR_RE = re.compile(r"""\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def html_ids(text: str) -> frozenset[str]:
    """Every id (and <a name>) in HTML; a regex is 10x faster than html.parser here."""
    ids = set()
    for tag in HTML_ID_TAG_RE.finditer(text):
        for m in HTML_ID_ATTR_RE.finditer(tag.group()):
            if m.group(1).lower() == "id" or tag.group(1).lower() == "a":
                ids.add(html.unescape(next(g for g in m.groups()[1:] if g is not None)))
    ids.discard("")
    return frozenset(ids)


def markdown_for(config: Config, expand_snippets: bool = False) -> markdown.Markdown:
    """A Markdown converter with the site's extensions; includes are already expanded by the reader."""
    try:
        md = markdown.Markdown(extensions=list(config.extensions), extension_configs=dict(config.extension_configs))
    except Exception as exc:
        raise ConfigError(f"markdown_extensions: {exc}") from None
    if "snippet" in md.preprocessors and not expand_snippets:
        md.preprocessors["snippet"].run = lambda lines: lines
    return md


def render_ids(md: markdown.Markdown, text: str) -> tuple[frozenset[str], str | None]:
    """(ids, error message or None)."""
    md.reset()
    try:
        return html_ids(md.convert(text)), None
    except Exception as exc:  # Python-Markdown on hostile input: report, never crash
        return frozenset(), f"cannot render page: {type(exc).__name__}: {exc}"


_WORK: tuple[markdown.Markdown, list[str]] | None = None  # what a forked worker renders


def _render_in_worker(k: int):
    md, texts = _WORK
    return render_ids(md, texts[k])


def render_all(config: Config, texts: list[str]) -> list[tuple[frozenset[str], str | None]]:
    """Render many skeletons, in forked worker processes when there are several CPUs."""
    global _WORK
    md = markdown_for(config)
    workers = min(os.cpu_count() or 1, 4)
    if len(texts) < 8 or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [render_ids(md, t) for t in texts]
    _WORK = (md, texts)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_render_in_worker, range(len(texts)), chunksize=2)
    finally:
        _WORK = None

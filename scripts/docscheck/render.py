"""Turn each page into its set of ids with Python-Markdown and the site's extensions, once.

The renderer gets the reader's skeleton of a page (includes already expanded, fence bodies
emptied, plain prose shortened), which yields the same ids as the full page in about half the
time (tests/test_docscheck.py compares both on the real site). Ids come from headings,
{ #id } attributes, raw HTML, content tabs and blocks (attrs: {id: ...}). Pages render in forked
worker processes when there are idle CPUs.
"""

from __future__ import annotations

import html
import re

import markdown

from .config import Config, ConfigError
from .parallel import map_forked

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


# Extensions whose output holds no id a link could target, once fences are out of the skeleton:
# the renderer leaves them out (tests/test_docscheck.py compares with the full render).
NO_IDS = {"abbr", "def_list", "tables", "pymdownx.emoji", "pymdownx.highlight", "pymdownx.inlinehilite",
          "pymdownx.keys", "pymdownx.mark", "pymdownx.superfences"}


def markdown_for(config: Config, full: bool = False) -> markdown.Markdown:
    """A Markdown converter for skeletons (includes already expanded, no id-less extensions), or with
    `full` the site's own converter, which expands includes itself."""
    extensions = [e for e in config.extensions if full or not (isinstance(e, str) and e in NO_IDS)]
    settings = {k: v for k, v in config.extension_configs.items() if full or k not in NO_IDS}
    try:
        md = markdown.Markdown(extensions=extensions, extension_configs=settings)
    except Exception as exc:
        raise ConfigError(f"markdown_extensions: {exc}") from None
    if "snippet" in md.preprocessors and not full:
        md.preprocessors["snippet"].run = lambda lines: lines
    return md


def render_ids(md: markdown.Markdown, text: str) -> tuple[frozenset[str], str | None]:
    """(ids, error message or None)."""
    md.reset()
    try:
        return html_ids(md.convert(text)), None
    except Exception as exc:  # Python-Markdown on hostile input: report, never crash
        return frozenset(), f"cannot render page: {type(exc).__name__}: {exc}"


def _render(state, k: int):
    md, texts = state
    return render_ids(md, texts[k])


def render_all(config: Config, texts: list[str]) -> list[tuple[frozenset[str], str | None]]:
    """Render many skeletons, in forked worker processes when there are idle CPUs."""
    md = markdown_for(config)
    if len(texts) < 8:
        return [render_ids(md, t) for t in texts]
    return map_forked(_render, (md, texts), list(range(len(texts))), chunksize=2)

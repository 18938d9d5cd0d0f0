"""Markdown extension: write at build time the markup the site used to add in the browser.

Every element inserted or attribute changed after the first paint makes the browser
restyle part of the page, and Material's CSS has `:nth-child()` rules, so an element
inserted into the article restyles every block after it. On a phone those restyles were
most of the blocking time of a long page (issue #19). What does not depend on the reader
is therefore written into the HTML here:

- each Markdown table comes in the wrapper Material would put it in when the page loads
  (a scrolling region, reachable by keyboard and named after the heading above it), with
  `class="fg-table"` so that Material leaves it alone: Material wraps `table:not([class])`
  by taking the table out of the page and putting it back, which restyled the table and,
  through the `:nth-child()` rules, the rest of the article. Material's table styles are
  written for `table:not([class])`; extra.css repeats them for `.fg-table`;
- each abbreviation is focusable (`tabindex="0"`): its expansion then shows on keyboard
  focus and on a tap (extra.css), not only in the browser's tooltip on mouse hover;
- each interview question (`<details id=...>`) gets its link, like a heading's ¶, in a
  wrapper just before it (not inside `<summary>`: a control inside a control; not after it:
  hidden while the question is closed); CSS shows it in the summary's line, and the search
  index leaves its ¶ out (`data-search-exclude`, Material's own exclusion);
- each diagram opens full size on a tap (it is wrapped in a link to the image).

It is a Markdown postprocessor (the last one, on the finished HTML of each page) rather than
an MkDocs hook, so that Zensical builds the same pages. tests/test_static_markup.py checks each
rewrite, and that extra.css still has every table rule of Material's CSS.
"""

from __future__ import annotations

import html
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

TABLE_OR_HEADING = re.compile(r"<table>|<h(?P<level>[1-6])\b[^>]*>(?P<heading>.*?)</h(?P=level)>", re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
# Material's selector for the tables it styles and wraps; extra.css uses this one for ours.
MATERIAL_TABLE = "table:not([class])"
OUR_TABLE = "table.fg-table"
ABBR = re.compile(r"<abbr (?![^>]*\btabindex=)")
QUESTION = re.compile(r'<details\b[^>]*\bid="([^"]+)"[^>]*>\s*<summary>(.*?)</summary>', re.S)
DETAILS_TAG = re.compile(r"<details\b|</details>")
DIAGRAM = re.compile(r'(<a\b[^>]*>\s*)?(<img\b[^>]*\bsrc="([^"]*assets/diagrams/[^"]*)"[^>]*>)')
TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", HEADERLINK.sub("", fragment))).split())


def wrap_tables(text: str) -> str:
    """Each table in Material's scrolling wrapper, named "Table N: <heading above it>"."""
    # One pass over headings and tables in page order: the last heading seen names the next table.
    out, pos, count, above = [], 0, 0, ""
    for match in TABLE_OR_HEADING.finditer(text):
        if match.group("heading") is not None:
            above = f": {_text(match.group('heading'))}"
            continue
        count += 1
        label = html.escape(f"Table {count}{above}")
        out += [text[pos:match.start()],
                f'<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-label="{label}">'
                '<div class="md-typeset__table"><table class="fg-table">']
        pos = match.end()
    return ("".join(out) + text[pos:]).replace("</table>", "</table></div></div>")


def focusable_abbreviations(text: str) -> str:
    return ABBR.sub('<abbr tabindex="0" ', text)


def _end_of_details(text: str, start: int) -> int:
    """Index just after the `</details>` that closes the element opened at `start`."""
    depth = 0
    for tag in DETAILS_TAG.finditer(text, start):
        depth += 1 if tag.group() == "<details" else -1
        if depth == 0:
            return tag.end()
    return len(text)


def question_links(text: str) -> str:
    out, pos = [], 0
    for match in QUESTION.finditer(text):
        if match.start() < pos:  # inside a question already wrapped
            continue
        end = _end_of_details(text, match.start())
        question_id = match.group(1)
        summary = _text(match.group(2))
        label = html.escape(f"Link to this question: {summary}" if summary else "Link to this question")
        out += [text[pos:match.start()], '<div class="fg-question">',
                f'<a class="headerlink fg-question-link" href="#{question_id}" aria-label="{label}" '
                f'data-search-exclude>\u00b6</a>',
                text[match.start():end], "</div>"]
        pos = end
    return "".join(out) + text[pos:]


def diagram_links(text: str) -> str:
    def link(match: re.Match) -> str:
        if match.group(1):  # already a link
            return match.group(0)
        return (f'<a class="fg-diagram" href="{match.group(3)}" title="Open the diagram full size">'
                f"{match.group(2)}</a>")

    return DIAGRAM.sub(link, text)


def rewrite(text: str) -> str:
    return diagram_links(question_links(focusable_abbreviations(wrap_tables(text))))


class StaticMarkup(Postprocessor):
    def run(self, text: str) -> str:
        return rewrite(text)


class StaticMarkupExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        # Priority 0: after every other postprocessor, raw HTML (md_in_html) included.
        md.postprocessors.register(StaticMarkup(md), "static_markup", 0)


def makeExtension(**kwargs) -> StaticMarkupExtension:  # noqa: N802 (Python-Markdown's name)
    return StaticMarkupExtension(**kwargs)

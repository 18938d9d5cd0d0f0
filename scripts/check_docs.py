"""Check the documentation site without building it: links, anchors, nav, published anchors, JSON.

    python scripts/check_docs.py [--config mkdocs.yml] [--update-anchors] [PATH ...]

Without PATH the whole site configured by mkdocs.yml is checked: every page of its docs_dir,
its nav, the README.md next to it, the published anchors list and every JSON file a page
includes. PATH may be .md files or folders (only those pages are checked) or .json files
(validated as IAM policies). Each problem is one line, PATH:LINE:COL: CODE message, with PATH
relative to the config file's folder; a summary line comes last. Exit status: 0 clean,
1 problems found, 2 usage or configuration error.

How it works. Links are found in the Markdown source, after blanking out what cannot hold a
link (front matter, fenced and inline code, backslash escapes, HTML comments), so line and
column point into the source. Anchors come from rendering each page with Python-Markdown,
using the extensions and settings mkdocs' own config loader reads from mkdocs.yml, and
collecting every id in the HTML: heading ids, { #id } attributes, raw HTML ids and content-tab
ids (which MkDocs 1.6 misses, mkdocs#3690). Snippets are resolved from the config's folder.

Settings, under extra: check_docs: in mkdocs.yml (each one optional):

    not_in_nav:                 # pages deliberately left out of the nav, with the reason
      drafts/idea.md: "Linked from the changelog only"
    published_anchors: published-anchors.txt     # absent: published anchors are not checked
    cache: .cache/check_docs.json                # absent: every page is rendered every run

Published anchors. The list holds one page.md line per page and one page.md#id line per
published anchor, sorted. --update-anchors adds what is new and never removes a line. Heading
ids, explicit ids and content-tab ids are published (tab ids derive from heading and label text,
so they are stable, and readers share them). Generated ids are not: __* (code lines, spans,
fallback tab ids) and footnote ids (fn:*, fnref*:*). A listed page may go if redirect_maps
(mkdocs-redirects) sends it to a page that has its anchors; a listed anchor may go if the page
still yields its id some other way, such as <a id="old-anchor"></a> or { #old-anchor }.

JSON. Every fenced block whose language is json goes to iam_policy.check_json. It is forced to
be an IAM policy when its header has the class .iam: ``` { .json .iam title="Read a bucket" }
(superfences turns ```json iam into plain text, see F006). A block holding only a snippet
include (--8<-- "examples/iam/x.json") is checked, and reported, as that file.

Speed. Pages render in forked worker processes when there are several CPUs, and with the cache
setting a page is rendered again only when it or a snippet file it read has changed (sha256).

Codes:
    L001 link target missing        L002 anchor missing           L003 wrong letter case
    L004 link to a folder           L005 undefined reference      L006 absolute path link
    L007 empty link                 S001 missing snippet          N001 page not in nav
    N002 nav entry missing file     N003 stale not_in_nav entry   A001 published anchor removed
    A002 published page removed     A003 malformed anchors line   X001 http:// link
    X002 malformed URL              X003 unsupported URL scheme   F001 unreadable or binary file
    F002 bad front matter           F003 unclosed code fence      F004 odd Unicode character
    F005 page cannot be rendered    F006 fence header superfences rejects (renders as text)
    C001 usage or configuration error (exit 2)                    C002 anchors list missing
    C003 iam_policy cannot be imported or failed; iam_policy's own codes pass through
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import html
import importlib.metadata
import itertools
import json
import logging
import multiprocessing
import os
import posixpath
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.utils.meta import YAML_RE, get_data
from pymdownx.snippets import SnippetMissingError, SnippetPreprocessor
from pymdownx.superfences import RE_HL_LINES, RE_LINENUMS, RE_NESTED_FENCE_START, RE_OPTIONS

sys.path.insert(0, str(Path(__file__).resolve().parent))

FENCE_RE = re.compile(r"^([ \t]*)(`{3,}|~{3,})(.*)$")
FENCE_OPTIONS = {"hl_lines": RE_HL_LINES, "linenums": RE_LINENUMS, "title": None, "title_mode": None}
ODD_CHAR_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                         "\u2066-\u2069\ufeff\ufffd\ufffe\uffff]")
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
CODE_SPAN_RE = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
ESCAPE_RE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>]")
BRACKETS = r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
INLINE_LINK_RE = re.compile(r"!?" + BRACKETS + r"\(")
REF_USE_RE = re.compile(r"(?=" + BRACKETS + r"[ \t\n]?\[([^\[\]]*)\])")
REF_DEF_RE = re.compile(r"^[ \t]*\[([^\]\n]+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)", re.M)
TAG_RE = re.compile(r"<[A-Za-z][^<>]*>")
ATTR_RE = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]*)>", re.I)
HTML_ID_TAG_RE = re.compile(r"<([a-zA-Z][\w-]*)\s[^<>]*?\b(?:id|name)\s*=[^<>]*>")
HTML_ID_ATTR_RE = re.compile(r"""\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
GENERATED_ID_RE = re.compile(r"^(?:__|fn:|fnref\d*:)")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


class ConfigError(Exception):
    """A usage or configuration error: reported as C001, exit status 2."""


@dataclass
class Fence:
    line: int  # 1-based line of the opening fence
    indent: int
    marker: str  # the fence itself, e.g. ```
    info: str
    body: list[str]


@dataclass
class Source:
    """One Markdown file: its text, problems, links, fences and (for pages) rendered ids."""

    rel: str  # path relative to the repository (config folder), posix
    text: str = ""
    problems: list[Problem] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # line, col, url
    refs: list[tuple[int, int, str]] = field(default_factory=list)  # line, col, label
    fences: list[Fence] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)
    rendered: dict | None = None  # what the render cache keeps of this page

    def add(self, line: int, col: int, code: str, message: str) -> None:
        self.problems.append(Problem(self.rel, line, col, code, message))


def html_ids(text: str) -> set[str]:
    """Every id (and <a name>) in HTML; a regex is 10x faster than html.parser here."""
    ids = set()
    for tag in HTML_ID_TAG_RE.finditer(text):
        for m in HTML_ID_ATTR_RE.finditer(tag.group()):
            if m.group(1).lower() == "id" or tag.group(1).lower() == "a":
                ids.add(html.unescape(next(g for g in m.groups()[1:] if g is not None)))
    ids.discard("")
    return ids


@dataclass
class Site:
    config_file: Path
    root: Path
    docs: Path
    files: dict[str, Path]  # docs-relative path -> file, for files that are part of the site
    nav: list[tuple[str, int]] | None  # (docs-relative path, line in mkdocs.yml)
    not_in_nav: dict[str, str]
    anchors_file: Path | None
    redirects: dict[str, str]
    md: markdown.Markdown
    cache_file: Path | None = None
    renders: dict[str, dict] = field(default_factory=dict)  # render cache: page -> ids, labels, inputs
    snippets: list[str] = field(default_factory=list)  # snippet files read by the current render
    sources: dict[Path, Source] = field(default_factory=dict)  # files read this run

    def rel(self, path: Path) -> str:
        return Path(os.path.relpath(path, self.root)).as_posix()

    def pages(self) -> list[str]:
        return sorted(p for p in self.files if p.endswith(".md"))


# ----------------------------------------------------------------------------- configuration

def load_site(config_file: Path) -> Site:
    """Load mkdocs.yml with mkdocs' own loader; raise ConfigError on any failure."""
    if not config_file.is_file():
        raise ConfigError(f"config file not found: {config_file}")
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    saved = logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [handler], False
    try:
        cfg = load_config(str(config_file))
        files = get_files(cfg)
    except (Exception, SystemExit) as exc:
        errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
        raise ConfigError("; ".join(errors) or str(exc) or type(exc).__name__) from None
    finally:
        logger.handlers, logger.propagate = saved
    root = config_file.resolve().parent
    settings = cfg["extra"].get("check_docs") or {}
    if not isinstance(settings, dict):
        raise ConfigError("extra.check_docs must be a mapping")
    not_in_nav = settings.get("not_in_nav") or {}
    if not isinstance(not_in_nav, dict) or not all(
        isinstance(v, str) and v.strip() for v in not_in_nav.values()
    ):
        raise ConfigError("extra.check_docs.not_in_nav must map each page to a non-empty reason")
    anchors = settings.get("published_anchors")
    if anchors is not None and not isinstance(anchors, str):
        raise ConfigError("extra.check_docs.published_anchors must be a file name")
    redirects = {}
    for name, plugin in cfg.plugins.items():
        if name.split("/")[-1] in ("redirects", "mkdocs-redirects"):
            redirects = dict(plugin.config.get("redirect_maps") or {})
    try:
        md = markdown.Markdown(extensions=cfg["markdown_extensions"],
                               extension_configs=markdown_settings(cfg["mdx_configs"], root))
    except Exception as exc:
        raise ConfigError(f"markdown_extensions: {exc}") from None
    text = config_file.read_text(encoding="utf-8", errors="replace")
    site = Site(
        config_file=config_file, root=root, docs=Path(cfg["docs_dir"]).resolve(),
        files={f.src_uri: Path(f.abs_src_path).resolve() for f in files if not f.inclusion.is_excluded()},
        nav=None if cfg["nav"] is None else list(_nav_entries(cfg["nav"], text)),
        not_in_nav=not_in_nav, anchors_file=root / anchors if anchors else None,
        redirects=redirects, md=md,
    )
    if settings.get("cache"):
        open_render_cache(site, root / str(settings["cache"]))
    return site


def markdown_settings(mdx: dict, root: Path) -> dict:
    """mkdocs.yml's extension settings, adjusted to run anywhere and fast, yielding the same ids.

    Snippet base paths are relative to the working directory: pin them to the config folder.
    For speed, auto-appended files holding only abbreviations are left out (<abbr> adds no id).
    Highlighting stays on: without Pygments, superfences rejects fences with a title.
    """
    mdx = {name: dict(settings) for name, settings in mdx.items()}
    if "pymdownx.snippets" in mdx:
        snip = mdx["pymdownx.snippets"]
        bases = snip.get("base_path", ["."])
        snip["base_path"] = [str(root / b) for b in ([bases] if isinstance(bases, str) else bases)]
        snip["auto_append"] = [a for a in snip.get("auto_append", [])
                               if not _abbreviations_only(snip["base_path"], a)]
    return mdx


def _abbreviations_only(bases: list[str], name: str) -> bool:
    for base in bases:
        try:
            text = (Path(base) / name).read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            continue
        return all(re.match(r"\*\[[^\]]+\]:", line) for line in text.splitlines() if line.strip())
    return False


def _nav_entries(nav, config_text: str):
    """Yield (path, line) for every local file named in the nav."""
    for item in nav if isinstance(nav, list) else [nav]:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, (list, dict)):
                yield from _nav_entries(value, config_text)
            elif isinstance(value, str) and not urlsplit(value).scheme and not value.startswith("/"):
                yield value, _line_of(config_text, value)


def _line_of(text: str, path: str) -> int:
    """The line where a path first appears on its own (not as the end of a longer path)."""
    m = re.search(rf"(?<![\w./-]){re.escape(path)}(?![\w./-])", text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


# ----------------------------------------------------------------------------- reading a source

def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """Read a UTF-8 text file, reporting F001 (and F004 per line) instead of raising."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 1, 1, "F001", f"cannot read file: {exc.strerror or exc}"))
        return None
    if b"\0" in data:
        problems.append(Problem(rel, 1, 1, "F001", "binary file (contains NUL bytes)"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(Problem(rel, line, col, "F001", f"not valid UTF-8 (byte {exc.start})"))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), 1):
        if m := ODD_CHAR_RE.search(line):
            problems.append(Problem(rel, number, m.start() + 1, "F004",
                                    f"odd character U+{ord(m.group()):04X} (control, bidi or invalid)"))
    return text


def check_front_matter(src: Source) -> int:
    """Report F002 for front matter that mkdocs would not read; return its length."""
    if not re.match(r"-{3}[ \t]*\n", src.text):
        return 0
    m = YAML_RE.match(src.text)
    if not m:
        src.add(1, 1, "F002", "front matter is not closed by a '---' line")
        return 0
    try:
        data = yaml.load(m.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        reason = ": ".join(filter(None, [getattr(exc, "context", None), getattr(exc, "problem", None)]))
        src.add(line, col, "F002", f"front matter is not valid YAML: {reason or exc}")
        return 0
    if not isinstance(data, dict):
        src.add(1, 1, "F002", "front matter is not a mapping of keys to values")
        return 0
    return m.end()


def scan_fences(src: Source, lines: list[str]) -> list[tuple[int, int]]:
    """Find fenced code blocks like superfences does; return their (first, last) line indexes."""
    spans, open_at, fence = [], None, None
    for i, line in enumerate(lines):
        m = FENCE_RE.match(line)
        if fence is not None:
            indent = len(line) - len(line.lstrip(" \t"))
            if line.strip() and indent < fence.indent:
                src.add(fence.line, fence.indent + 1, "F003",
                        "code fence is not closed before the indentation drops")
                src.fences.remove(fence)
                spans.append((open_at, i - 1))
                fence = None
            elif m and m.group(2) == fence.marker and not m.group(3).strip():
                spans.append((open_at, i))
                fence = None
                continue
            else:
                fence.body.append(line[fence.indent:])
                continue
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            if not fence_header_ok(m.group(2) + m.group(3).rstrip()):
                src.add(i + 1, len(m.group(1)) + 1, "F006",
                        f"superfences does not accept the fence header {m.group(3).strip()!r}: "
                        "the block renders as text (use title=\"...\" or { .lang .class })")
                continue
            fence, open_at = Fence(i + 1, len(m.group(1)), m.group(2), m.group(3), []), i
            src.fences.append(fence)
    if fence is not None:
        src.add(fence.line, fence.indent + 1, "F003", "code fence is never closed")
        src.fences.remove(fence)
        spans.append((open_at, len(lines) - 1))
    return spans


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


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group())


def masked_text(src: Source, skip: int) -> str:
    """The source with everything that cannot hold a link blanked out: front matter, fenced
    code, inline code, backslash escapes and HTML comments (same length, same lines)."""
    lines = src.text.split("\n")
    hidden = set(range(src.text.count("\n", 0, skip)))
    lines = [" " * len(line) if i in hidden else line for i, line in enumerate(lines)]
    for first, last in scan_fences(src, lines):
        hidden.update(range(first, last + 1))
    text = "\n".join(" " * len(line) if i in hidden else line for i, line in enumerate(lines))
    blocks = re.split(r"(\n[ \t]*\n)", text)  # code spans never cross a blank line
    text = "".join(CODE_SPAN_RE.sub(_blank, block) for block in blocks)
    return COMMENT_RE.sub(_blank, ESCAPE_RE.sub(_blank, text))


def destination(text: str, pos: int) -> tuple[int, str]:
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


def find_links(src: Source, masked: str) -> None:
    """Collect links (Markdown, reference definitions, HTML, autolinks) with line and column."""
    starts = [0, *itertools.accumulate(len(line) + 1 for line in masked.split("\n"))]

    def where(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    found = [destination(masked, m.end()) for m in INLINE_LINK_RE.finditer(masked)]
    found += [(m.start(2) + m.group(2).startswith("<"), m.group(2).strip("<>")) for m in REF_DEF_RE.finditer(masked)
              if not m.group(1).startswith("^")]
    for tag in TAG_RE.finditer(masked):
        for m in ATTR_RE.finditer(tag.group()):
            group = next(g for g in (1, 2, 3) if m.group(g) is not None)
            found.append((tag.start() + m.start(group), m.group(group)))
    found += [(m.start(1), m.group(1)) for m in AUTOLINK_RE.finditer(masked)]
    src.links = sorted((*where(pos), url) for pos, url in found)
    src.labels = {" ".join(m.group(1).split()).lower() for m in REF_DEF_RE.finditer(masked)}
    for m in REF_USE_RE.finditer(masked):
        label = m.group(2) or m.group(1)
        if not label.startswith("^") and not m.group(1).startswith("^"):
            src.refs.append((*where(m.start()), label))


def render(site: Site, src: Source, lines: list[str], front: int) -> None:
    """Render the page as mkdocs does (without its front matter); keep ids and reference labels."""
    if cached_render(site, src):
        return
    site.md.reset()
    site.snippets.clear()
    try:
        body = src.text[front:].lstrip("\n") if front else get_data(src.text)[0]
        ids = html_ids(site.md.convert(body))
    except SnippetMissingError as exc:
        name = re.search(r"'(.*)'", str(exc))
        line = next((i for i, t in enumerate(lines, 1) if name and name.group(1) in t), 1)
        src.add(line, 1, "S001", str(exc))
        return
    except Exception as exc:  # Python-Markdown on hostile input: report, never crash
        src.add(1, 1, "F005", f"cannot render page: {type(exc).__name__}: {exc}")
        return
    src.ids = ids
    src.labels |= {" ".join(k.split()).lower() for k in getattr(site.md, "references", {})}
    if site.cache_file and None not in site.snippets:  # a missing snippet may appear later
        src.rendered = {"key": _digest(src.text.encode()), "ids": sorted(ids), "labels": sorted(src.labels),
                        "inputs": {f: _file_digest(f) for f in site.snippets}}


# ----------------------------------------------------------------------------- render cache

def open_render_cache(site: Site, cache_file: Path) -> None:
    """Load the render cache if it was made by this checker, these packages and this config.

    A page's entry is used only while the page and every snippet file its render read are
    unchanged (sha256), so the cache cannot hide a change. Renders that failed are never kept.
    """
    site.cache_file = cache_file
    site.renders = {}
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        if data.get("env") == _cache_env(site):
            site.renders = data["pages"]
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    if "snippet" in site.md.preprocessors:  # record which files each render reads
        snippet = site.md.preprocessors["snippet"]
        original = snippet.get_snippet_path

        def recorded(path: str) -> str | None:
            site.snippets.append(original(path))
            return site.snippets[-1]

        snippet.get_snippet_path = recorded


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: str | None) -> str:
    try:
        return _digest(Path(path).read_bytes()) if path else ""
    except OSError:
        return ""


def _cache_env(site: Site) -> str:
    parts, config = [Path(__file__).read_bytes()], site.config_file
    while config.is_file() and len(parts) < 10:  # the config and the files it INHERITs
        parts.append(config.read_bytes())
        inherit = re.search(rb"^INHERIT:\s*(\S+)", parts[-1], re.M)
        config = config.parent / inherit.group(1).decode() if inherit else Path()
    versions = [importlib.metadata.version(n) for n in ("markdown", "pymdown-extensions", "pygments")]
    return _digest(b"\0".join(parts) + repr(versions).encode())


def cached_render(site: Site, src: Source) -> bool:
    entry = site.renders.get(src.rel)
    if not entry or entry["key"] != _digest(src.text.encode()):
        return False
    if any(_file_digest(f) != digest for f, digest in entry["inputs"].items()):
        return False
    src.ids, src.labels, src.rendered = set(entry["ids"]), src.labels | set(entry["labels"]), entry
    return True


def save_render_cache(site: Site) -> None:
    pages = dict(site.renders)
    pages.update({src.rel: src.rendered for src in site.sources.values() if src.rendered})
    pages = {rel: entry for rel, entry in pages.items() if (site.root / rel).is_file()}
    try:
        site.cache_file.parent.mkdir(parents=True, exist_ok=True)
        temp = site.cache_file.with_suffix(".tmp")
        temp.write_text(json.dumps({"env": _cache_env(site), "pages": pages}), encoding="utf-8")
        os.replace(temp, site.cache_file)
    except OSError:
        pass


def load_source(site: Site, path: Path, do_render: bool = True) -> Source:
    """Read, scan and (for pages) render one Markdown file, once."""
    if path in site.sources:
        return site.sources[path]
    src = site.sources[path] = Source(site.rel(path))
    text = read_text(path, src.rel, src.problems)
    if text is None:
        return src
    src.text = text
    front = check_front_matter(src)
    find_links(src, masked_text(src, front))
    if do_render:
        render(site, src, text.split("\n"), front)
    return src


_SITE: Site | None = None  # the site a forked worker renders pages of


def _load_in_worker(path: Path) -> Source:
    return load_source(_SITE, path)


def load_all(site: Site, paths: list[Path]) -> None:
    """Render many pages at once, in forked worker processes when there are several CPUs."""
    global _SITE
    todo = [p for p in paths if p not in site.sources and site.rel(p) not in site.renders]
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) < 8 or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return
    _SITE = site
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        site.sources.update(zip(todo, pool.map(_load_in_worker, todo, chunksize=2), strict=True))


# ----------------------------------------------------------------------------- checks

def check_links(site: Site, src: Source, is_page: bool) -> None:
    for line, col, url in src.links:
        if problem := link_problem(site, src, url, is_page):
            src.add(line, col, *problem)
    for line, col, label in src.refs:
        if " ".join(label.split()).lower() not in src.labels:
            src.add(line, col, "L005", f"reference [{label}] is not defined")


def link_problem(site: Site, src: Source, url: str, is_page: bool) -> tuple[str, str] | None:
    url = url.strip()
    if not url:
        return "L007", "empty link"
    try:
        parts = urlsplit(url)
        port = parts.port if parts.scheme else None
    except ValueError as exc:
        return "X002", f"malformed URL {url!r}: {exc}"
    scheme = parts.scheme.lower()
    if scheme == "http":
        return "X001", f"insecure link {url}: use https://"
    if scheme == "https":
        if not parts.hostname or " " in url or port == 0:
            return "X002", f"malformed URL {url!r}"
        return None
    if scheme == "mailto":
        return None if parts.path else ("X002", f"malformed URL {url!r}")
    if scheme or url.startswith("//"):
        return "X003", f"unsupported link {url!r}: only https:// and mailto: are allowed"
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if path.startswith("/"):
        return "L006", f"absolute link {url!r}: use a path relative to this page"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src.rel), path)) if path else src.rel
    try:
        return target_problem(site, target, anchor, url, is_page)
    except (OSError, ValueError) as exc:  # e.g. a name too long for the file system
        return "L001", f"{url[:80]!r} cannot be resolved: {type(exc).__name__}"


def target_problem(site, target: str, anchor: str, url: str, is_page: bool):
    """Check a repository-relative target path and its anchor."""
    docs = site.rel(site.docs)
    inside = target == docs or target.startswith(docs + "/")
    name = target[len(docs) + 1:] if inside else target
    on_disk = (site.root / target).resolve()
    if target.startswith("../") or (is_page and not inside):
        return "L001", f"{url!r} points outside the {'docs folder' if is_page else 'repository'}"
    if not inside:
        return None if on_disk.exists() else ("L001", f"{url!r}: no such file {target}")
    if name not in site.files:
        folded = [f for f in site.files if f.lower() == name.lower()]
        if folded:
            return "L003", f"{url!r}: wrong letter case, the file is {folded[0]}"
        if on_disk.is_dir():
            return None if not is_page else ("L004", f"{url!r} is a folder: link to a page in it")
        why = "is excluded from the site" if on_disk.exists() else "does not exist"
        if name.endswith(".html") and name[:-5] + ".md" in site.files:
            why += ": link to the .md file"
        return "L001", f"{url!r}: {target} {why}"
    if not anchor or not name.endswith(".md"):
        return None
    ids = load_source(site, site.files[name]).ids
    if anchor in ids:
        return None
    folded = [i for i in ids if i.lower() == anchor.lower()]
    if folded:
        return "L003", f"{url!r}: wrong letter case, the anchor is #{folded[0]}"
    return "L002", f"{url!r}: no anchor #{anchor} on {name}"


def check_nav(site: Site, problems: list[Problem]) -> None:
    config = site.rel(site.config_file)
    in_nav = {path for path, _ in site.nav or []}
    for path, line in site.nav or []:
        if path not in site.files:
            problems.append(Problem(config, line, 1, "N002", f"nav entry {path} is not a file in the docs"))
    for page in site.pages():
        if site.nav is not None and page not in in_nav and page not in site.not_in_nav:
            problems.append(Problem(site.rel(site.files[page]), 1, 1, "N001",
                                    "page is not in the nav: add it, or list it with a reason "
                                    "under extra.check_docs.not_in_nav"))
    text = site.config_file.read_text(encoding="utf-8", errors="replace")
    for page in site.not_in_nav:
        if page not in site.files or page in in_nav:
            why = "is in the nav" if page in in_nav else "is not a page"
            problems.append(Problem(config, _line_of(text, page), 1, "N003",
                                    f"not_in_nav entry {page} {why}: remove it"))


def published_ids(src: Source) -> set[str]:
    return {i for i in src.ids if not GENERATED_ID_RE.match(i) and not any(c.isspace() for c in i)}


def current_anchors(site: Site) -> set[str]:
    entries = set()
    for page in site.pages():
        entries.add(page)
        entries.update(f"{page}#{i}" for i in published_ids(load_source(site, site.files[page])))
    return entries


def read_anchor_list(site: Site, problems: list[Problem]) -> list[tuple[int, str]] | None:
    rel = site.rel(site.anchors_file)
    if not site.anchors_file.exists():
        problems.append(Problem(rel, 1, 1, "C002", "published anchors list is missing: run "
                                "scripts/check_docs.py --update-anchors and commit the file"))
        return None
    text = read_text(site.anchors_file, rel, problems)
    entries = []
    for number, line in enumerate((text or "").split("\n"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if " " in line or ".md" not in line.split("#")[0]:
            problems.append(Problem(rel, number, 1, "A003", f"not a 'page.md' or 'page.md#anchor' line: {line!r}"))
        else:
            entries.append((number, line))
    return entries


def follow_redirects(site: Site, page: str) -> str | None:
    """The page a published page lives at now ('' for an external redirect), or None."""
    for _ in range(10):
        if page in site.files:
            return page
        target = site.redirects.get(page)
        if target is None:
            return None
        if urlsplit(target).scheme:
            return ""
        page = target.split("#")[0]
    return None


def check_published(site: Site, problems: list[Problem]) -> None:
    entries = read_anchor_list(site, problems)
    rel, gone = site.rel(site.anchors_file), set()
    for number, entry in entries or []:
        page, _, anchor = entry.partition("#")
        now = follow_redirects(site, page)
        if now is None:
            if page not in gone:
                gone.add(page)
                problems.append(Problem(rel, number, 1, "A002", f"published page {page} was removed: "
                                        "restore it or add a redirect in redirect_maps"))
        elif now and anchor and anchor not in load_source(site, site.files[now]).ids:
            where = now if now == page else f"{now} (redirected from {page})"
            problems.append(Problem(rel, number, 1, "A001", f"published anchor #{anchor} is gone from "
                                    f"{where}: restore it or add an alias <a id=\"{anchor}\"></a>"))


def update_anchors(site: Site) -> int:
    problems: list[Problem] = []
    old = {e for _, e in read_anchor_list(site, problems) or []}
    if any(p.code == "F001" for p in problems):
        raise ConfigError(f"{site.rel(site.anchors_file)} cannot be read: {problems[0].message}")
    new = current_anchors(site) - old
    header = "# Published anchors: checked by scripts/check_docs.py, extended by --update-anchors.\n"
    site.anchors_file.write_text(header + "".join(f"{e}\n" for e in sorted(old | new)), encoding="utf-8")
    return len(new)


def iam_findings(text: str, policy: bool | None) -> list[tuple[int, int, str, str]]:
    """Run docscheck.iam on JSON text (kept apart so tests can stub it); errors and security warnings.
    Interim shim until the rebuilt checker passes the fence's policy type and expected codes."""
    from docscheck.iam import BY_CODE, check_policy

    return [(f.line, f.col, f.code, f.message) for f in check_policy(text) if BY_CODE[f.code].severity.fails]


def check_json_text(text: str, policy: bool | None, rel: str, line0: int = 0, col0: int = 0):
    """IAM findings for a JSON text as Problems, shifted to where the text sits in its file."""
    try:
        findings = iam_findings(text, policy)
    except Exception as exc:
        return [Problem(rel, line0 + 1, col0 + 1, "C003", f"iam_policy failed: {type(exc).__name__}: {exc}")]
    return [Problem(rel, line0 + line, col0 + col, code, message) for line, col, code, message in findings]


def check_json_blocks(site: Site, src: Source, includes: dict[Path, bool]) -> None:
    """Check fenced json blocks; collect snippet-included JSON files (path -> forced policy)."""
    for fence in src.fences:
        m = re.match(r"\s*(?:\{\s*\.?([\w#.+-]+)(.*)\}|([\w#.+-]+))", fence.info)
        lang, attrs = (m.group(1), m.group(2)) if m and m.group(1) else (m and m.group(3), "")
        if (lang or "").lower() != "json":
            continue
        forced = True if re.search(r"(^|\s)\.iam(\s|$)", attrs or "") else None
        body = [line for line in fence.body if line.strip()]
        include = SnippetPreprocessor.RE_ALL_SNIPPETS.match(body[0]) if len(body) == 1 else None
        if include and include.group("snippet") and not include.group("escape"):
            name = include.group("snippet")[1:-1]
            snippets = site.md.preprocessors["snippet"] if "snippet" in site.md.preprocessors else None
            for base in snippets.base_path if snippets and ":" not in name else []:
                if (Path(base) / name).is_file():
                    path = (Path(base) / name).resolve()
                    includes[path] = includes.get(path) or forced
                    break
            continue
        src.problems += check_json_text("\n".join(fence.body), forced, src.rel, fence.line, fence.indent)


def check_json_file(site: Site, path: Path, policy: bool | None) -> list[Problem]:
    problems: list[Problem] = []
    text = read_text(path, site.rel(path), problems)
    return problems if text is None else problems + check_json_text(text, policy, site.rel(path))


# ----------------------------------------------------------------------------- wiring

def check(site: Site, paths: list[Path] | None = None) -> tuple[list[Problem], int]:
    """Check the whole site (paths None) or the given files; return (problems, files checked)."""
    problems: list[Problem] = []
    includes: dict[Path, bool | None] = {}
    pages = {p.resolve() for p in site.files.values() if p.suffix == ".md"}
    if paths is None:
        load_all(site, sorted(pages))
        targets = sorted(pages) + [p for p in [site.root / "README.md"] if p.is_file()]
        check_nav(site, problems)
        if site.anchors_file:
            check_published(site, problems)
    else:
        targets = sorted({f.resolve() for p in paths for f in ([p] if p.is_file() else p.rglob("*.md"))
                          if p.is_file() or f.resolve() in pages or site.docs not in f.resolve().parents})
    for path in targets:
        try:
            if path.suffix == ".json":
                problems += check_json_file(site, path, True)
                continue
            src = load_source(site, path, do_render=path in pages)
            check_links(site, src, is_page=path in pages)
            check_json_blocks(site, src, includes)
            problems += src.problems
        except Exception as exc:  # a bug here must not hide the other files' problems
            problems.append(Problem(site.rel(path), 1, 1, "F005", f"internal error: {type(exc).__name__}: {exc}"))
    for path, forced in sorted(includes.items()):
        problems += check_json_file(site, path, forced)
    if site.cache_file:
        save_render_cache(site)
    return sorted(set(problems)), len(targets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="mkdocs.yml to use")
    parser.add_argument("--update-anchors", action="store_true", help="add new published anchors")
    parser.add_argument("paths", nargs="*", type=Path, help=".md files, folders or .json files")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        bad = [str(p) for p in args.paths if not p.is_dir() and (p.suffix not in (".md", ".json") or not p.exists())]
        if bad:
            raise ConfigError(f"not an existing .md or .json file, nor a folder: {', '.join(bad)}")
        site = load_site(args.config)
        if args.update_anchors and (args.paths or not site.anchors_file):
            raise ConfigError("--update-anchors needs the whole site and "
                              "extra.check_docs.published_anchors in the config")
        if args.update_anchors:
            print(f"{site.rel(site.anchors_file)}: added {update_anchors(site)} entries")
        problems, count = check(site, args.paths or None)
    except ConfigError as exc:
        print(f"{args.config}:1:1: C001 {exc}")
        print("check_docs: configuration error, nothing checked")
        return 2
    for problem in problems:
        print(problem)
    elapsed = time.perf_counter() - started
    files = len({p.path for p in problems})
    verdict = f"{len(problems)} problems in {files} files" if problems else "no problems"
    print(f"check_docs: {verdict} ({count} files checked in {elapsed:.2f} s)")
    return 1 if problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # last resort: one line, never a traceback
        print(f"check_docs: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(2)

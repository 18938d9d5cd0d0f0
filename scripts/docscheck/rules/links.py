"""Links and anchors: every link in the checked documents resolves, to a file of the site and an id on it.

Markdown links are resolved like MkDocs does: relative to the page's source (also when written in an
included file). href and src in raw HTML are not rewritten by MkDocs, so they are resolved against
the built site: relative to the page's built URL, to a built file (pages, assets, theme files).
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from ..config import Config
from ..index import Index
from ..problems import Problem
from ..source import Document, Link, label_key

LOOPBACK = ("localhost", "127.0.0.1", "::1")


def check(config: Config, index: Index) -> list[Problem]:
    problems = []
    for doc in index.targets:
        page = index.page_of(doc)
        for link in doc.links:
            if found := link_problem(config, index, doc, page is not None, link):
                problems.append(link.line.problem(link.col, *found))
        for ref in doc.refs:
            if label_key(ref.label) in doc.labels:
                continue
            if ref.shortcut:
                problems.append(ref.line.problem(ref.col, "L009", f"[{ref.label}] is not a defined reference: "
                                                 "it renders as text (define it, or write \\[ )"))
            else:
                problems.append(ref.line.problem(ref.col, "L005", f"reference [{ref.label}] is not defined"))
    return problems


def _external(url: str, parts) -> tuple[str, str] | None:
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme in ("http", "https") and (not parts.hostname or " " in url or parts.port == 0):
        return "X002", f"malformed URL {url!r}"
    if scheme == "http":
        if host in LOOPBACK or host.endswith(".localhost"):
            return None
        return "X001", f"insecure link {url}: use https://"
    if scheme == "https":
        return None
    if scheme == "mailto":
        return None if parts.path else ("X002", f"malformed URL {url!r}")
    return "X003", f"unsupported link {url!r}: only https:// and mailto: are allowed"


def link_problem(config: Config, index: Index, doc: Document, is_page: bool, link: Link) -> tuple[str, str] | None:
    url = link.url.strip()
    if not url:
        return "L007", "empty link"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        return "X002", f"malformed URL {url!r}: {exc}"
    if parts.scheme or url.startswith("//"):
        return _external(url, parts) if parts.scheme else ("X003", f"protocol-relative link {url!r}: use https://")
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if path.startswith("/"):
        return "L006", f"absolute link {url!r}: use a path relative to this page"
    try:
        if link.html and is_page:
            return _built_target(config, index, doc, path, anchor, url)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), path)) if path else doc.path
        return _source_target(config, index, target, anchor, url, is_page)
    except (OSError, ValueError) as exc:  # e.g. a name too long for the file system
        return "L001", f"{url[:80]!r} cannot be resolved: {type(exc).__name__}"


def _anchor_problem(index: Index, page: str, anchor: str, url: str) -> tuple[str, str] | None:
    ids = index.pages[page].ids
    if not anchor or anchor in ids:
        return None
    folded = [i for i in ids if i.lower() == anchor.lower()]
    if folded:
        return "L003", f"{url!r}: wrong letter case, the anchor is #{folded[0]}"
    return "L002", f"{url!r}: no anchor #{anchor} on {page}"


def _source_target(config: Config, index: Index, target: str, anchor: str, url: str, is_page: bool):
    """A Markdown link: a repository-relative source path and its anchor."""
    docs = config.docs_rel
    inside = target == docs or target.startswith(docs + "/")
    name = target[len(docs) + 1:] if inside else target
    on_disk = (config.root / target).resolve()
    if target.startswith("../") or (is_page and not inside):
        return "L001", f"{url!r} points outside the {'docs folder' if is_page else 'repository'}"
    if not inside:
        return None if on_disk.exists() else ("L001", f"{url!r}: no such file {target}")
    if name not in config.files:
        if config.theme_file(name):
            return None
        folded = [f for f in config.files if f.lower() == name.lower()]
        if folded:
            return "L003", f"{url!r}: wrong letter case, the file is {folded[0]}"
        if on_disk.is_dir():
            return None if not is_page else ("L004", f"{url!r} is a folder: link to a page in it")
        why = "is excluded from the site" if on_disk.exists() else "does not exist"
        if name.endswith(".html") and name[:-5] + ".md" in config.files:
            why += ": link to the .md file"
        return "L001", f"{url!r}: {target} {why}"
    return _anchor_problem(index, name, anchor, url) if name in index.pages else None


def _built_target(config: Config, index: Index, doc: Document, path: str, anchor: str, url: str):
    """A raw HTML href/src: a path relative to the page's built URL, to a built file and its anchor."""
    page = index.page_of(doc)
    here = config.dests[page.src]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
    by_dest = {dest: src for src, dest in config.dests.items()}
    if path.endswith("/") or path == ".":
        target = "index.html" if target == "." else target + "/index.html"
    if target in by_dest:
        src = by_dest[target]
        return _anchor_problem(index, src, anchor, url) if src in index.pages else None
    if config.theme_file(target) or target in config.published_files:
        return None
    source = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), path))
    if source in config.dests:
        return "L008", (f"{url!r} in raw HTML is not rewritten by MkDocs and is a 404 in the built site: "
                        f"link to {posixpath.relpath(config.dests[source], posixpath.dirname(here))}")
    return "L001", f"{url!r}: the built site has no {target}"

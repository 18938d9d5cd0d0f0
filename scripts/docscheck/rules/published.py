"""Published anchors are a promise: every listed page and page#anchor still exists (or redirects)."""

from __future__ import annotations

from urllib.parse import urlsplit

from .. import anchors
from ..config import Config
from ..index import Index
from ..problems import Problem


def follow_redirects(config: Config, page: str) -> str | None:
    """The page a published page lives at now ('' for an external redirect), or None."""
    for _ in range(10):
        if page in config.files:
            return page
        target = config.redirects.get(page)
        if target is None:
            return None
        if urlsplit(target).scheme:
            return ""
        page = target.split("#")[0]
    return None


def check(config: Config, index: Index) -> list[Problem]:
    if not index.whole_site or not config.anchors_file:
        return []
    rel = config.rel(config.anchors_file)
    if index.anchors_text is None:
        return [Problem(rel, 1, 1, "A004", "published anchors list is missing: run "
                        "scripts/check_docs.py --update-anchors and commit the file")]
    entries, bad = anchors.parse(index.anchors_text)
    problems = [Problem(rel, n, 1, "A003", f"not a 'page.md' or 'page.md#anchor' line: {line!r}") for n, line in bad]
    gone: set[str] = set()
    for number, entry in entries:
        page, _, anchor = entry.partition("#")
        now = follow_redirects(config, page)
        if now is None:
            if page not in gone:
                gone.add(page)
                problems.append(Problem(rel, number, 1, "A002", f"published page {page} was removed: "
                                        "restore it or add a redirect in redirect_maps"))
        elif now and anchor and now in index.pages and anchor not in index.pages[now].ids:
            where = now if now == page else f"{now} (redirected from {page})"
            problems.append(Problem(rel, number, 1, "A001", f"published anchor #{anchor} is gone from "
                                    f"{where}: restore it or add an alias <a id=\"{anchor}\"></a>"))
    return problems

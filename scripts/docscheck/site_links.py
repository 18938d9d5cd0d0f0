"""Check a built site: every internal href, src and #fragment in its HTML resolves.

The ground truth behind the source checks: it sees raw HTML, theme output and what plugins wrote.
    python -m docscheck.site_links site/
"""

from __future__ import annotations

import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, int, str, str]] = []  # line, col, attribute, url

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRS:
                line, col = self.getpos()
                self.links.append((line, col + 1, name, value))

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def check_site(site: Path, published: frozenset[str] = frozenset()) -> list[str]:
    """One 'FILE:LINE:COL: message' per internal link that does not resolve, FILE relative to site.
    `published` names files that are put next to the site after the build (the offline zip)."""
    site = site.resolve()
    pages = {p.relative_to(site).as_posix(): _parse(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for name, page in pages.items():
        for line, col, attr, url in page.links:
            parts = urlsplit(url.strip())
            if parts.scheme or url.startswith("//"):
                continue  # another host, data:, mailto:, javascript:: not this check's business
            path, fragment = unquote(parts.path), unquote(parts.fragment)
            base = "" if path.startswith("/") else posixpath.dirname(name)  # 404.html links from the root
            target = posixpath.normpath(posixpath.join(base, path.lstrip("/"))) if path else name
            if target.startswith("../"):
                problems.append(f"{name}:{line}:{col}: {attr}={url!r} points outside the site")
                continue
            if (site / target).is_dir():
                target = posixpath.join(target, "index.html") if target != "." else "index.html"
            if not (site / target).is_file() and target not in published:
                problems.append(f"{name}:{line}:{col}: {attr}={url!r}: the site has no {target}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                problems.append(f"{name}:{line}:{col}: {attr}={url!r}: no id {fragment!r} in {target}")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m docscheck.site_links SITE_DIR", file=sys.stderr)
        return 2
    problems = check_site(Path(args[0]))
    print("\n".join(problems + [f"site_links: {len(problems)} broken links" if problems else "site_links: ok"]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

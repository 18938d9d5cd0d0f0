"""No page load asks any host but the site's own: no web fonts, CDNs or analytics.

Static check over every built HTML and CSS file, plus a real browser that loads
every page over http://127.0.0.1 and records each request it makes."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

SRC_ATTR = re.compile(r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\bsrc=[\"']([^\"']+)", re.I)
LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
LOADING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "preconnect", "dns-prefetch", "manifest"}
CSS_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)|@import\s+[\"']([^\"']+)", re.I)
NETWORK_SCHEMES = {"http", "https", "ws", "wss"}


def is_external(url: str) -> bool:
    url = url.strip()
    return urlparse(url).scheme in NETWORK_SCHEMES or url.startswith("//")


def load_time_urls(html: str) -> list[str]:
    """URLs that a browser fetches while it loads this HTML (not plain links)."""
    urls = SRC_ATTR.findall(html)
    for tag in LINK_TAG.findall(html):
        rel = re.search(r"rel=[\"']([^\"']+)", tag)
        href = re.search(r"href=[\"']([^\"']+)", tag)
        if rel and href and set(rel.group(1).lower().split()) & LOADING_RELS:
            urls.append(href.group(1))
    return urls


def css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def test_detectors_catch_cdn_scripts_fonts_and_imports():
    html = (
        '<script src="https://unpkg.com/iframe-worker/shim"></script>'
        '<link rel="stylesheet" href="//fonts.example/css"><a href="https://aws.amazon.com/">ok</a>'
    )
    assert [u for u in load_time_urls(html) if is_external(u)] == [
        "https://unpkg.com/iframe-worker/shim",
        "//fonts.example/css",
    ]
    assert [u for u in css_urls("@import 'https://x.example/a.css'; b{background:url(x.png)}")
            if is_external(u)] == ["https://x.example/a.css"]


def test_html_loads_nothing_from_other_hosts(site_dir):
    offenders = [
        f"{page.relative_to(site_dir)}: {url}"
        for page in site_dir.rglob("*.html")
        for url in load_time_urls(page.read_text(encoding="utf-8"))
        if is_external(url)
    ]
    assert offenders == []


def test_css_loads_nothing_from_other_hosts(site_dir):
    offenders = [
        f"{sheet.relative_to(site_dir)}: {url}"
        for sheet in site_dir.rglob("*.css")
        for url in css_urls(sheet.read_text(encoding="utf-8"))
        if is_external(url)
    ]
    assert offenders == []


@pytest.mark.browser
def test_browser_requests_stay_on_the_site(site_dir, site_url, browser):
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    assert len(pages) > 20
    own_host = urlparse(site_url).netloc
    foreign: list[str] = []

    def record(request):
        url = urlparse(request.url)
        if url.scheme in NETWORK_SCHEMES and url.netloc != own_host:
            foreign.append(request.url)

    page = browser.new_page()
    page.on("request", record)
    for path in pages:
        page.goto(f"{site_url}/{path}", wait_until="load")
    page.close()
    assert foreign == []

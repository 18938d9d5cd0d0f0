"""What the built pages say about themselves: the date each topic was checked,
no made-up host when the site has no address, a 404 page that works offline,
titles without stray backslashes, a home page that opens on the map of the site,
and sample files shown by the lines the text is about."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

DOCS = ROOT / "docs"


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def _pages_with_dates() -> list[tuple[str, datetime.date]]:
    pages = []
    for md in sorted(DOCS.rglob("*.md")):
        if "includes" in md.relative_to(DOCS).parts:
            continue
        checked = _front_matter(md).get("last_verified")
        if checked:
            pages.append((md.relative_to(DOCS).with_suffix(".html").as_posix(), checked))
    return pages


def test_every_topic_page_shows_its_last_verified_date_under_the_title(site_dir):
    pages = _pages_with_dates()
    assert len(pages) > 30
    for html_path, checked in pages:
        html = (site_dir / html_path).read_text(encoding="utf-8")
        shown = f'<time datetime="{checked.isoformat()}">{checked.day} {checked:%b %Y}</time>'
        match = re.search(r"</h1>\s*<p class=\"fg-verified[^\"]*\">(.*?)</p>", html, re.S)
        assert match, f"{html_path}: no date right under the title"
        assert "Checked against AWS documentation on" in match.group(1), html_path
        assert shown in match.group(1), f"{html_path}: expected {shown}"


def _render_last_verified(checked, build_date) -> str:
    from mkdocs.theme import Theme

    theme = Theme(name="material", custom_dir=str(ROOT / "overrides"))
    template = theme.get_env().get_template("partials/last-verified.html")

    class Page:
        meta = {"last_verified": checked}

    return template.render(page=Page(), build_date_utc=build_date)


@pytest.mark.parametrize(
    ("checked", "stale"),
    [
        (datetime.date(2026, 11, 26), False),
        (datetime.date(2025, 11, 29), False),  # exactly 365 days
        (datetime.date(2025, 11, 28), True),
        (datetime.date(2023, 1, 5), True),
    ],
)
def test_a_page_older_than_12_months_says_so(checked, stale):
    html = _render_last_verified(checked, datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.timezone.utc))
    assert f"{checked.day} {checked:%b %Y}" in html
    assert ("more than 12 months ago" in html) is stale
    assert ("fg-verified--stale" in html) is stale


def test_a_page_without_a_date_shows_no_date_line():
    assert _render_last_verified(None, datetime.datetime(2026, 11, 29, tzinfo=datetime.timezone.utc)).strip() == ""


# --- No made-up host ---------------------------------------------------------------------------

URL_ATTRS = re.compile(r'\b(?:href|src|content|action)="([^"]*)"')


def test_without_site_url_no_page_links_to_a_made_up_host(site_dir):
    assert "SITE_URL" not in os.environ, "run the tests without SITE_URL"
    offenders = []
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'rel="canonical"' in html:
            offenders.append(f"{page.relative_to(site_dir)}: canonical link")
        for url in URL_ATTRS.findall(html):
            if "example.com" in url or "example.org" in url:
                offenders.append(f"{page.relative_to(site_dir)}: {url}")
    assert "<loc>" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert offenders == []


def test_404_page_uses_relative_asset_paths_and_links_home_without_site_url(site_dir):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:href|src)="([^"#]+)"', html)
    local = [a for a in assets if not a.startswith(("http://", "https://", "data:", "javascript:"))]
    assert local, "404 page loads no local assets"
    assert not [a for a in local if a.startswith("/")], "root-absolute paths break the offline copy"
    for asset in local:
        assert (site_dir / asset.split("?")[0]).exists(), asset
    assert re.search(r'<a class="md-button" href="\./index\.html">Go to the home page</a>', html)


@pytest.mark.browser
def test_offline_404_page_is_styled(site_dir, browser):
    page = browser.new_page()
    page.goto((site_dir / "404.html").as_uri())
    styled = page.evaluate(
        """() => ({header: getComputedStyle(document.querySelector('.md-header')).position,
                   sheets: [...document.styleSheets].filter(s => s.href).length,
                   extra: getComputedStyle(document.documentElement).getPropertyValue('--md-text-font-family')})"""
    )
    page.locator("a.md-button", has_text="Go to the home page").click()
    page.wait_for_load_state()
    url = page.url
    page.close()
    # Material's stylesheet makes the header sticky; ours sets the system font stack.
    assert styled["header"] == "sticky" and styled["sheets"] >= 3, styled
    assert "system-ui" in styled["extra"], styled
    assert url == (site_dir / "index.html").as_uri()


def test_with_site_url_pages_have_canonical_links_and_a_sitemap(tmp_path):
    # The deploy workflow sets SITE_URL; .test is a name reserved for tests.
    address = "https://aws-field-guide.test/guide/"
    dest = tmp_path / "site"
    env = dict(os.environ, SITE_URL=address, DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    sitemap = (dest / "sitemap.xml").read_text(encoding="utf-8")
    pages = [p for p in dest.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 30
    for page in pages:
        rel = page.relative_to(dest).as_posix()
        url = f"{address}{rel}"
        assert f'<link rel="canonical" href="{url}">' in page.read_text(encoding="utf-8"), rel
        assert f"<loc>{url}</loc>" in sitemap, rel
    assert "/guide/assets/stylesheets/" in (dest / "404.html").read_text(encoding="utf-8")
    shutil.rmtree(dest)


# --- Readable sources --------------------------------------------------------------------------


def test_admonition_titles_have_no_literal_backslashes(site_dir):
    titles = []
    for page in site_dir.rglob("*.html"):
        titles += re.findall(r'<p class="admonition-title">(.*?)</p>', page.read_text(encoding="utf-8"), re.S)
    assert len(titles) > 20
    assert [t for t in titles if "\\" in t] == []


def test_home_page_opens_on_the_map_of_the_site(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    article = html[html.index("</h1>"):]
    first_h2 = re.search(r'<h2 id="([^"]+)"', article).group(1)
    assert first_h2 == "map"
    cards = article[article.index('<div class="grid cards">'):]
    links = re.findall(r'href="([^"#]+\.html)"', cards[: cards.index("</ul>")])
    assert len(links) >= 12
    for link in links:
        assert (site_dir / link).is_file(), link
    # The disclaimer and the keyboard shortcuts come after the map.
    assert article.index("not affiliated") > article.index('<div class="grid cards">')
    assert article.index("how-to-search") > article.index('<div class="grid cards">')


# Files of 80 lines or more were shown whole; shorter ones (up to 78 lines today) still are.
MAX_SHOWN_LINES = 79


def test_key_concepts_show_excerpts_and_fold_whole_files(site_dir):
    too_long = []
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        match = re.search(r'<h2 id="key-concepts".*?(?=<h2 |$)', html, re.S)
        if not match:
            continue
        visible = re.sub(r"<details.*?</details>", "", match.group(0), flags=re.S)
        for code in re.findall(r"<pre[^>]*>(.*?)</pre>", visible, re.S):
            lines = re.sub(r"<[^>]+>", "", code).strip("\n").count("\n") + 1
            if lines > MAX_SHOWN_LINES:
                too_long.append(f"{page.relative_to(site_dir)}: {lines} lines shown whole")
    assert too_long == []


def test_every_glossary_term_has_its_own_anchor(site_dir):
    source = (DOCS / "reference" / "glossary.md").read_text(encoding="utf-8")
    terms = re.findall(r"^### (.+?) \{ #([a-z0-9-]+) \}$", source, re.M)
    headings = [line for line in source.splitlines() if line.startswith("### ")]
    assert len(terms) == len(headings) > 20, "a glossary heading without an explicit { #slug }"
    html = (site_dir / "reference" / "glossary.html").read_text(encoding="utf-8")
    for _, slug in terms:
        assert f'<h3 id="{slug}">' in html and f'href="#{slug}"' in html, slug
    assert len({slug for _, slug in terms}) == len(terms)

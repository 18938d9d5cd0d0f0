"""The built site, opened from file:// with no server and no network, navigates and searches."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _offline_page(browser):
    """A page whose every non-file request is refused, as on an air-gapped laptop."""
    page = browser.new_page()
    blocked: list[str] = []

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    return page, blocked


def _search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)  # Material reacts to key events, not to a pasted value
    # Results update while typing: wait for the ones that highlight the last word typed.
    last_word = re.split(r"[\s_:\-]+", query.strip())[-1].lower()
    page.wait_for_function(
        """(word) => [...document.querySelectorAll('.md-search-result__item a')]
            .some(a => new URL(a.href).searchParams.get('h')?.toLowerCase().includes(word))""",
        arg=last_word,
        timeout=10_000,
    )
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lambda", "compute/lambda/index.html"),
        ("get_remaining_time_in_millis", "compute/lambda/index.html"),
        ("invoked_function_arn", "compute/lambda/index.html"),
    ],
)
def test_search_from_file_url_finds_the_page(site_dir, browser, query, expected):
    page, blocked = _offline_page(browser)
    page.goto((site_dir / "index.html").as_uri())
    hrefs = _search(page, query)
    page.close()
    assert any(expected in href for href in hrefs), hrefs
    assert blocked == []


def test_navigation_works_from_file_url(site_dir, browser):
    page, blocked = _offline_page(browser)
    page.goto((site_dir / "index.html").as_uri())
    page.locator("a[href$='compute/lambda/index.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("compute/lambda/index.html")
    assert page.locator("h1").first.inner_text().strip() != ""
    page.close()
    assert blocked == []


IDENTIFIERS = ["GetObject", "list_objects_v2", "TransactWriteItems", "ProjectionExpression", "dead-letter queue"]


@pytest.mark.parametrize("where", ["file", "http"])
@pytest.mark.parametrize("query", IDENTIFIERS)
def test_search_result_lands_on_a_section_that_uses_the_term(site_dir, site_url, browser, where, query):
    page, blocked = _offline_page(browser) if where == "file" else (browser.new_page(), [])
    start = (site_dir / "index.html").as_uri() if where == "file" else f"{site_url}/index.html"
    page.goto(start)
    hrefs = _search(page, query)
    first_page = hrefs[0].split("?")[0]
    if where == "http":  # the best-ranked page really uses the term
        html = page.evaluate("async (url) => (await (await fetch(url)).text()).toLowerCase()", first_page)
        assert query.lower() in html
    link = page.locator(".md-search-result__item a[href*='#']:visible").first
    section = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    anchor = section.split("#", 1)[1]
    page.wait_for_timeout(200)
    heading = page.locator(f"[id='{anchor}']")
    box = heading.bounding_box()
    text = page.evaluate(
        """(id) => { const h = document.getElementById(id); let t = h.textContent, n = h.nextElementSibling;
             while (n && !/^H[1-3]$/.test(n.tagName)) { t += n.textContent; n = n.nextElementSibling; } return t; }""",
        anchor,
    )
    page.close()
    assert box is not None and 0 <= box["y"] < 400, f"{section} not scrolled into view"
    assert query.lower() in text.lower(), f"{section} does not mention {query}"
    assert blocked == []

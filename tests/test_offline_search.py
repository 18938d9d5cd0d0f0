"""The built site, opened from file:// with no server and no network, navigates and searches."""

from __future__ import annotations

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
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
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

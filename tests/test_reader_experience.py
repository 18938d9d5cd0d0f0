"""What a reader does in the first minute, in a real browser (Debian's Chromium):
follow a shared section link, switch tabs, open an answer, toggle the palette,
copy a sample, read on a phone, and use it with assistive technology."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}


def _pages(site_dir) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.name != "404.html")


def _pages_with(site_dir, marker: str) -> list[str]:
    return [p for p in _pages(site_dir) if marker in (site_dir / p).read_text(encoding="utf-8")]


def _page_with_most_tables(site_dir) -> str:
    return max(_pages(site_dir), key=lambda p: (site_dir / p).read_text(encoding="utf-8").count("<table"))


# Section links (every heading of every page): tests/test_linking.py.


def test_table_regions_are_named_apart(site_dir, site_url, browser):
    page_path = _page_with_most_tables(site_dir)
    page = browser.new_page()
    page.goto(f"{site_url}/{page_path}")
    page.wait_for_function("document.querySelectorAll('.md-typeset__scrollwrap[aria-label]').length > 1")
    labels = page.eval_on_selector_all(".md-typeset__scrollwrap", "els => els.map(e => e.getAttribute('aria-label'))")
    page.close()
    assert len(labels) > 1 and len(set(labels)) == len(labels)
    assert all(re.fullmatch(r"Table \d+: \S.*", label) for label in labels), labels


def test_content_tabs_switch_and_stay_linked_across_pages(site_dir, site_url, browser):
    tabbed = _pages_with(site_dir, 'class="tabbed-set')
    assert tabbed, "no page has content tabs"
    page = browser.new_page()
    page.goto(f"{site_url}/{tabbed[0]}")
    labels = page.locator(".tabbed-set").first.locator(".tabbed-labels > label")
    assert labels.count() >= 2
    second = labels.nth(1)
    title = second.inner_text().strip()
    second.click()
    checked = page.locator(".tabbed-set").first.locator("input:checked")
    assert checked.get_attribute("id") == second.get_attribute("for")
    # Another page with a tab of the same title opens on that tab (content.tabs.link).
    others = [p for p in tabbed[1:] if f">{title}</label>" in (site_dir / p).read_text(encoding="utf-8")]
    assert others, f"no second page has a '{title}' tab to show linking"
    page.goto(f"{site_url}/{others[0]}")
    page.wait_for_timeout(300)
    selected = page.evaluate(
        """(title) => [...document.querySelectorAll('.tabbed-labels > label')]
            .filter(l => l.textContent.trim() === title)
            .map(l => document.getElementById(l.htmlFor).checked)""",
        title,
    )
    page.close()
    assert selected and all(selected), f"'{title}' tabs on {others[0]}: {selected}"


def test_collapsible_answers_open_and_close(site_dir, site_url, browser):
    pages = _pages_with(site_dir, '<details class="question"')
    assert pages, "no collapsible questions on the site"
    page = browser.new_page()
    page.goto(f"{site_url}/{pages[0]}")
    details = page.locator("details.question").first
    assert details.get_attribute("open") is None
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    details.locator("summary").click()
    assert details.get_attribute("open") is None
    page.close()


def test_palette_toggle_persists_across_pages(site_url, browser):
    page = browser.new_page()
    page.goto(f"{site_url}/index.html")
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form.md-header__option label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    page.goto(f"{site_url}/compute/ec2.html")
    assert page.locator("body").get_attribute("data-md-color-scheme") == after
    page.evaluate("localStorage.clear()")
    page.close()
    assert before is not None and after is not None


def test_copy_button_copies_the_code(site_dir, site_url, browser):
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = browser.new_page()
    page.goto(f"{site_url}/compute/lambda/index.html")
    block = page.locator(".md-typeset pre:has(button[data-md-type='copy'])").first
    expected = block.locator("code").inner_text()
    block.hover()
    block.locator("button[data-md-type='copy']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    page.close()
    # inner_text renders blank lines differently; the code lines themselves must match.
    def lines(text):
        return [line.rstrip() for line in text.splitlines() if line.strip()]

    assert len(lines(expected)) > 3
    assert lines(copied) == lines(expected)


def test_phone_layout_has_a_drawer_and_no_horizontal_scroll(site_dir, site_url, browser):
    page = browser.new_page()
    page.set_viewport_size(PHONE)
    too_wide = []
    for path in _pages(site_dir):
        page.goto(f"{site_url}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append(f"{path}: {width}px")
    page.goto(f"{site_url}/index.html")
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)
    drawer = page.locator("nav.md-nav--primary").first.bounding_box()
    page.close()
    assert too_wide == []
    assert drawer is not None and drawer["x"] >= 0 and drawer["width"] > 200


# Accessibility (axe, light and dark palettes): tests/test_readability.py.

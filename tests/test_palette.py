"""The palette toggle and the copy buttons, without Material's per-load costs.

overrides/partials/palette.html and partials/javascripts/palette.html replace Material's palette
component (which forced full style recalculations at every load); assets/javascripts/code-copy.js
adds the copy buttons in one pass. These tests hold the features (auto/light/dark, the stored
choice, no flash, copy by mouse and keyboard) and fail when a Material upgrade changes what the
overrides rely on."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import yaml
from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
# Recorded before any page script runs: every attribute change on <body> while the page loads,
# and the scheme in force when parsing ends (before deferred scripts, so before any paint that
# Material's bundle could correct).
PROBE = """
window.__fg = {switching: false, schemeAtParse: null};
new MutationObserver(function (records) {
  records.forEach(function (r) {
    if (r.attributeName === 'data-md-color-switching') window.__fg.switching = true;
  });
}).observe(document, {attributes: true, subtree: true});
document.addEventListener('readystatechange', function () {
  if (document.readyState === 'interactive' && !window.__fg.schemeAtParse)
    window.__fg.schemeAtParse = document.body.getAttribute('data-md-color-scheme');
});
"""


# --- What the overrides rely on in Material ---------------------------------------------------


def test_material_still_includes_the_partials_we_override():
    header = (THEME / "partials" / "header.html").read_text(encoding="utf-8")
    assert '"partials/palette.html"' in header and '"partials/javascripts/palette.html"' in header
    assert (ROOT / "overrides" / "partials" / "palette.html").is_file()


def test_material_bundle_keeps_the_storage_key_and_the_clipboard_handler():
    (bundle,) = (THEME / "assets" / "javascripts").glob("bundle.*.min.js")
    code = bundle.read_text(encoding="utf-8")
    assert '__md_set("__palette"' in code, "Material stores the palette differently: update palette.html"
    assert '"[data-clipboard-target], [data-clipboard-text]"' in code, (
        "Material no longer copies for any [data-clipboard-target]: update code-copy.js")


def test_material_copy_feature_is_off_so_buttons_are_not_added_twice():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "content.code.copy" not in config["theme"]["features"]
    assert "assets/javascripts/code-copy.js" in [s.split()[0] for s in config["extra_javascript"]]


def test_built_pages_do_not_mount_materials_palette(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="palette"' not in html and "data-fg-palette" in html


# --- In the browser ----------------------------------------------------------------------------


@pytest.fixture
def fresh_page(browser):
    page = browser.new_page()
    page.add_init_script(PROBE)
    yield page
    page.evaluate("localStorage.clear()")
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_first_visit_follows_the_system_before_any_script_runs(fresh_page, site_url, system, scheme):
    fresh_page.emulate_media(color_scheme=system)
    fresh_page.goto(f"{site_url}/databases/dynamodb.html")
    fresh_page.wait_for_load_state("load")
    probe = fresh_page.evaluate("window.__fg")
    assert probe["schemeAtParse"] == scheme
    assert probe["switching"] is False, "something set data-md-color-switching while the page loaded"
    assert fresh_page.locator("form.md-header__option label:visible").count() == 1


@pytest.mark.browser
def test_toggle_cycles_auto_light_dark_and_the_choice_survives_a_reload(fresh_page, site_url):
    fresh_page.emulate_media(color_scheme="dark")
    fresh_page.goto(f"{site_url}/index.html")
    toggle = fresh_page.locator("form.md-header__option label:visible")
    seen = []
    for _ in range(3):
        toggle.click()
        seen.append(fresh_page.locator("body").get_attribute("data-md-color-scheme"))
    # auto(dark) -> light -> dark -> auto(dark, following the system)
    assert seen == ["default", "slate", "slate"]
    toggle.click()  # now light, chosen explicitly
    assert fresh_page.evaluate("__md_get('__palette').index") == 1
    fresh_page.goto(f"{site_url}/compute/ec2.html")
    probe = fresh_page.evaluate("window.__fg")
    assert probe["schemeAtParse"] == "default" and probe["switching"] is False
    assert fresh_page.locator("input#__palette_1").is_checked()


@pytest.mark.browser
def test_auto_follows_a_system_change_while_open(fresh_page, site_url):
    fresh_page.emulate_media(color_scheme="light")
    fresh_page.goto(f"{site_url}/index.html")
    assert fresh_page.locator("body").get_attribute("data-md-color-scheme") == "default"
    fresh_page.emulate_media(color_scheme="dark")
    fresh_page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")


@pytest.mark.browser
def test_keyboard_enter_moves_to_the_next_option(fresh_page, site_url):
    fresh_page.emulate_media(color_scheme="light")
    fresh_page.goto(f"{site_url}/index.html")
    fresh_page.locator("input#__palette_0").focus()
    fresh_page.keyboard.press("Enter")
    assert fresh_page.locator("input#__palette_1").is_checked()
    assert fresh_page.evaluate("document.activeElement.id") == "__palette_1"


@pytest.mark.browser
def test_every_code_block_gets_one_copy_button_and_the_keyboard_copies(site_url, browser):
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = browser.new_page()
    page.goto(f"{site_url}/compute/ec2-start-stop.html")
    page.wait_for_load_state("load")
    blocks = page.locator(".md-content pre > code").count()
    assert blocks > 3
    assert page.locator(".md-content pre > nav.md-code__nav > button[data-md-type='copy']").count() == blocks
    block = page.locator(".md-content pre").nth(1)
    expected = [line.rstrip() for line in block.locator("code").inner_text().splitlines() if line.strip()]
    block.locator("button[data-md-type='copy']").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".md-dialog--active")
    copied = page.evaluate("navigator.clipboard.readText()")
    page.close()
    assert [line.rstrip() for line in copied.splitlines() if line.strip()] == expected
    assert re.search(r"\S", copied)

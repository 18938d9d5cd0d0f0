"""Markup written at build time instead of in the browser (scripts/static_markup.py, issue #19).

Each rewrite is checked on small inputs (what it changes and what it leaves alone), then on the
built site, then in Chromium: Material must leave the pre-wrapped tables and the <html> classes
as they are, which fails if an upgrade changes the selectors or the writes this relies on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
import static_markup as hook
from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
(BUNDLE,) = (THEME / "assets" / "javascripts").glob("bundle.*.min.js")
(MATERIAL_CSS,) = (THEME / "assets" / "stylesheets").glob("main.*.min.css")


# --- The rewrites -------------------------------------------------------------------------------


def test_tables_come_wrapped_and_named_after_the_heading_above():
    page = ('<h2 id="a">Limits &amp; quotas<a class="headerlink" href="#a">¶</a></h2>'
            "<table><tr><td>1</td></tr></table><p>text</p>"
            '<h3 id="b">Second</h3><div class="admonition"><table><tr><td>2</td></tr></table></div>')
    out = hook.wrap_tables(page)
    labels = re.findall(r'<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-label="([^"]*)">'
                        r'<div class="md-typeset__table"><table class="fg-table">', out)
    assert labels == ["Table 1: Limits &amp; quotas", "Table 2: Second"]
    assert out.count("</table></div></div>") == 2 and "<table>" not in out


def test_a_table_before_any_heading_or_with_a_class_is_handled():
    out = hook.wrap_tables('<table><tr><td>1</td></tr></table><table class="own"></table>')
    assert 'aria-label="Table 1"' in out
    assert '<table class="own">' in out and out.count("md-typeset__scrollwrap") == 1


def test_abbreviations_become_focusable_once():
    kept = '<abbr tabindex="-1" title="x">X</abbr>'
    out = hook.focusable_abbreviations(f'<abbr title="Amazon Resource Name">ARN</abbr> {kept}')
    assert out == f'<abbr tabindex="0" title="Amazon Resource Name">ARN</abbr> {kept}'


def test_each_question_gets_one_link_before_it_even_with_a_nested_block():
    page = ('<details class="question" id="q-one">\n<summary>Why <code>&lt;x&gt;</code> &amp; y?</summary>'
            '<details class="example"><summary>Code</summary><pre>1</pre></details><p>answer</p></details>'
            '<details class="note"><summary>No id</summary></details>')
    out = hook.question_links(page)
    assert out.startswith('<div class="fg-question"><a class="headerlink fg-question-link" href="#q-one" '
                          'aria-label="Link to this question: Why &lt;x&gt; &amp; y?" data-search-exclude>¶</a>'
                          '<details class="question"')
    # The wrapper closes after the question's own </details>, not after the nested one.
    assert '<p>answer</p></details></div><details class="note">' in out
    assert out.count("fg-question-link") == 1


def test_diagrams_open_full_size_unless_already_linked():
    image = '<img alt="a" src="../assets/diagrams/x.svg" />'
    assert hook.diagram_links(f"<p>{image}</p>") == (
        f'<p><a class="fg-diagram" href="../assets/diagrams/x.svg" title="Open the diagram full size">{image}</a></p>')
    linked = f'<a href="elsewhere.html">{image}</a>'
    assert hook.diagram_links(linked) == linked
    other = '<img alt="b" src="../assets/images/y.png" />'
    assert hook.diagram_links(other) == other


# --- What the rewrites rely on in Material ------------------------------------------------------


def test_material_still_wraps_and_styles_only_tables_without_a_class():
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert '"table:not([class])"' in bundle, "Material selects tables differently: update static_markup.py"
    assert "md-typeset__scrollwrap" in bundle and "md-typeset__table" in bundle


def _table_rules(css: str) -> list[str]:
    """Every rule of a stylesheet that names Material's table selector, with its @media, no spaces."""
    rules, context, start = [], [], 0
    for index, char in enumerate(css):
        if char == "{":
            context.append(css[start:index].strip())
            start = index + 1
        elif char == "}":
            if context:
                selector = context.pop()
                if hook.MATERIAL_TABLE in selector and "{" not in css[start:index]:
                    rule = "".join(f"{outer}{{" for outer in context) + f"{selector}{{{css[start:index]}}}"
                    rules.append(re.sub(r"\s+", "", rule + "}" * len(context)))
            start = index + 1
    return rules


def test_extra_css_repeats_every_table_rule_of_material_for_our_tables():
    material_rules = _table_rules(MATERIAL_CSS.read_text(encoding="utf-8"))
    assert len(material_rules) >= 8
    ours = re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", (ROOT / "docs" / "assets" / "stylesheets" / "extra.css")
                                    .read_text(encoding="utf-8"), flags=re.S))
    missing = [r for r in material_rules if r.replace(hook.MATERIAL_TABLE, hook.OUR_TABLE) not in ours]
    assert missing == [], "Material's table styles changed: copy them into extra.css for table.fg-table"


def test_material_bundle_still_writes_the_html_classes_set_before_the_body():
    bundle = BUNDLE.read_text(encoding="utf-8")
    for write in ('classList.remove("no-js")', 'classList.add("js")', '"js-focus-visible"', '"data-js-focus-visible"'):
        assert write in bundle, f"Material's bundle changed ({write}): update the script in overrides/main.html"


def test_material_bundle_still_mounts_code_blocks_lazily_when_asked():
    # content.lazy (mkdocs.yml) keeps annotation mounting out of the load task; without this
    # branch the feature flag does nothing and the cost comes back silently.
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert re.search(r'return \w+\("content\.lazy"\)\?', bundle), \
        "Material's bundle no longer mounts code blocks lazily: revisit content.lazy in mkdocs.yml"


# --- The built site -----------------------------------------------------------------------------


def test_question_links_stay_out_of_the_search_index(site_dir):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    questions = sum(p.read_text(encoding="utf-8").count("fg-question-link") for p in site_dir.rglob("*.html"))
    assert questions > 100
    assert [d["location"] for d in docs if "\u00b6" in d["text"]] == []


def test_built_pages_have_no_table_for_material_to_move(site_dir):
    pages = [p for p in site_dir.rglob("*.html") if "<table" in p.read_text(encoding="utf-8")]
    assert len(pages) > 10
    for page in pages:
        article = page.read_text(encoding="utf-8").split("<article", 1)[-1]
        assert not re.search(r"<table(?![^>]*\bclass=)", article), page


@pytest.mark.browser
def test_material_leaves_tables_and_html_classes_as_built(site_url, browser):
    page = browser.new_page()
    page.goto(f"{site_url}/databases/dynamodb.html")
    page.wait_for_load_state("load")
    page.wait_for_function("window.component$ !== undefined")
    page.wait_for_timeout(300)
    state = page.evaluate("""() => ({
        html: document.documentElement.className,
        focus: document.documentElement.getAttribute('data-js-focus-visible'),
        tables: document.querySelectorAll('.md-content table').length,
        wrapped: document.querySelectorAll('.md-typeset__scrollwrap > .md-typeset__table > table.fg-table').length,
        nested: document.querySelectorAll('.md-typeset__table .md-typeset__scrollwrap').length,
        padding: getComputedStyle(document.querySelector('table.fg-table td')).paddingLeft,
        border: getComputedStyle(document.querySelector('table.fg-table')).borderTopStyle,
    })""")
    page.close()
    assert state["html"] == "js js-focus-visible" and state["focus"] == ""
    assert state["tables"] >= 2 and state["wrapped"] == state["tables"] and state["nested"] == 0
    # Material's table styles apply to the pre-wrapped tables (cell padding, frame).
    assert float(state["padding"].removesuffix("px")) > 8 and state["border"] == "solid"


def _kms_page(site_url, browser, width: int):
    """security/kms.html, 600 px high, once loaded and Material has mounted what is in view."""
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 600})
    page.goto(f"{site_url}/security/kms.html")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    return page


@pytest.mark.browser
def test_annotations_mount_when_their_block_scrolls_into_view_and_still_work(site_url, browser):
    # security/kms.html: the envelope-encryption sample has four annotations, far below the fold.
    page = _kms_page(site_url, browser, 1000)
    block = page.locator(".md-content .language-python.highlight", has=page.locator("code", has_text="GenerateDataKey"))
    notes = block.locator("xpath=following-sibling::ol[1]")
    assert block.locator(".md-annotation").count() == 0, "annotations were mounted at load"
    assert notes.is_visible()
    block.scroll_into_view_if_needed()
    page.wait_for_function("n => n.querySelectorAll('.md-annotation').length === 4", arg=block.element_handle())
    assert not notes.is_visible()
    labels = block.locator("a.md-annotation__index").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert labels == [f"Annotation {n}" for n in range(1, 5)]
    block.locator(".md-annotation").first.focus()
    tip = block.locator(".md-annotation").first.locator(".md-tooltip")
    page.wait_for_function("t => t.classList.contains('md-tooltip--active')", arg=tip.element_handle())
    assert "32-byte" in tip.inner_text()
    page.close()


@pytest.mark.browser
def test_code_that_scrolls_sideways_is_focusable_before_its_block_is_mounted(site_url, browser):
    page = _kms_page(site_url, browser, 700)
    blocks = page.evaluate("""() => [...document.querySelectorAll('.md-content pre > code')].map(c => ({
        wide: c.scrollWidth > c.offsetWidth, focusable: c.getAttribute('tabindex') === '0',
        below: c.getBoundingClientRect().top > innerHeight}))""")
    page.close()
    below_and_wide = [b for b in blocks if b["below"] and b["wide"]]
    assert below_and_wide, "no wide code block below the fold: the test page no longer exercises this"
    assert [b["focusable"] for b in blocks] == [b["wide"] for b in blocks]

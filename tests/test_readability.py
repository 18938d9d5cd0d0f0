"""Every page reads well, in a real browser: text sizes, code names that do not
break inside a word, tables that show they scroll, diagrams readable on a phone
and in dark mode, abbreviations that explain themselves without a mouse, and no
serious accessibility problem in either palette."""

from __future__ import annotations

import base64
import re

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def _pages(site_dir) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.name != "404.html")


def _pages_with(site_dir, marker: str) -> list[str]:
    return [p for p in _pages(site_dir) if marker in (site_dir / p).read_text(encoding="utf-8")]


def _new_page(browser, viewport, scheme: str = "light"):
    page = browser.new_page()
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    return page


# A break between two word characters of one <code> in a table, found from the
# position of each character: the line changes where the top of a character does.
MID_WORD_BREAKS = """() => {
  const found = [];
  for (const code of document.querySelectorAll('.md-typeset table code')) {
    if (code.getClientRects().length < 2) continue;
    const text = code.textContent, range = document.createRange();
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    let previous = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const ch = node.data[i];
        if (previous && rect.top > previous.top + 2 && /\\w/.test(previous.ch) && /\\w/.test(ch))
          found.push(text);
        previous = {top: rect.top, ch};
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_code_in_tables_never_breaks_inside_a_word(site_dir, site_url, browser, viewport):
    page = _new_page(browser, viewport)
    broken = []
    for path in _pages_with(site_dir, "<table"):
        page.goto(f"{site_url}/{path}")
        broken += [f"{path}: {text}" for text in page.evaluate(MID_WORD_BREAKS)]
    page.close()
    assert broken == []


SIZES = """() => {
  const px = (sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent || e.getClientRects().length)
      .map(e => parseFloat(getComputedStyle(e).fontSize));
  return {
    table: px('.md-typeset .md-typeset__table > table td'),
    tableCode: px('.md-typeset .md-typeset__table > table td code'),
    admonition: px('.md-typeset .admonition > p:not(.admonition-title)'),
    answer: px('.md-typeset details > p'),
  };
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_tables_admonitions_and_answers_are_set_at_a_readable_size(site_dir, site_url, browser, viewport):
    page = _new_page(browser, viewport)
    seen = {"table": [], "tableCode": [], "admonition": [], "answer": []}
    for path in ("limits/other.html", "interview/lambda.html", "compute/lambda/index.html"):
        page.goto(f"{site_url}/{path}")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        for key, sizes in page.evaluate(SIZES).items():
            seen[key] += sizes
    page.close()
    assert all(seen.values()), {k: len(v) for k, v in seen.items()}
    assert min(seen["table"]) >= 14, min(seen["table"])
    assert min(seen["admonition"]) >= 14, min(seen["admonition"])
    assert min(seen["answer"]) >= 14, min(seen["answer"])
    assert min(seen["tableCode"]) >= 12.5, min(seen["tableCode"])


# --- Wide tables show that they scroll ------------------------------------------------------

EDGE_DARKNESS = """async ([png, box]) => {
  const img = new Image(); img.src = 'data:image/png;base64,' + png; await img.decode();
  const canvas = document.createElement('canvas'); canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d'); ctx.drawImage(img, 0, 0);
  const strip = (x) => { const d = ctx.getImageData(x, 0, 3, img.height).data; let s = 0;
    for (let i = 0; i < d.length; i += 4) s += (d[i] + d[i+1] + d[i+2]) / 3; return s / (d.length / 4); };
  return {left: strip(0), right: strip(img.width - 3)};
}"""


def _edges(page, wrap) -> dict:
    png = base64.b64encode(wrap.screenshot()).decode()
    return page.evaluate(EDGE_DARKNESS, [png, None])


def test_tables_wider_than_a_phone_show_a_scroll_cue(site_dir, site_url, browser):
    page = _new_page(browser, PHONE)
    page.goto(f"{site_url}/limits/other.html")
    page.wait_for_selector(".md-typeset__scrollwrap")
    index = page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
             .findIndex(w => w.scrollWidth > w.clientWidth + 20)"""
    )
    assert index >= 0, "no quota table overflows a phone"
    wrap = page.locator(".md-typeset__scrollwrap").nth(index)
    wrap.scroll_into_view_if_needed()
    at_start = _edges(page, wrap)
    wrap.evaluate("w => w.scrollLeft = w.scrollWidth")
    page.wait_for_timeout(100)
    at_end = _edges(page, wrap)
    page.close()
    # A shadow on the right while more columns hide there, none on the left; then
    # the other way round at the end of the scroll.
    assert at_start["right"] < at_start["left"] - 8, at_start
    assert at_end["left"] < at_end["right"] - 8, at_end


# --- Diagrams -------------------------------------------------------------------------------

DIAGRAM = """async (img) => {
  const svg = await (await fetch(img.currentSrc)).text();
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const viewBox = doc.documentElement.getAttribute('viewBox').split(/\\s+/).map(Number);
  const sizes = [...doc.querySelectorAll('[font-size]')].map(e => parseFloat(e.getAttribute('font-size')));
  const canvas = document.createElement('canvas'); canvas.width = 200; canvas.height = 200;
  const ctx = canvas.getContext('2d');
  ctx.filter = getComputedStyle(img).filter;
  ctx.drawImage(img, 0, 0, 200, 200);
  const d = ctx.getImageData(0, 0, 200, 200).data; let s = 0;
  for (let i = 0; i < d.length; i += 4) s += (d[i] + d[i+1] + d[i+2]) / 3;
  const link = img.closest('a');
  return {label: Math.min(...sizes) * img.getBoundingClientRect().width / viewBox[2],
          brightness: s / (d.length / 4), href: link && link.getAttribute('href'),
          scrolls: link && getComputedStyle(link).overflowX};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_are_readable_on_a_phone_and_fit_the_palette(site_dir, site_url, browser, scheme):
    pages = _pages_with(site_dir, "assets/diagrams/")
    assert pages
    page = _new_page(browser, PHONE, scheme)
    found = []
    for path in pages:
        page.goto(f"{site_url}/{path}")
        for img in page.locator(".md-typeset img[src*='assets/diagrams/']").all():
            img.scroll_into_view_if_needed()
            found.append((path, img.evaluate(DIAGRAM)))
    page.close()
    assert found
    for path, diagram in found:
        assert diagram["label"] >= 11, (path, diagram)
        assert diagram["href"] and diagram["href"].endswith(".svg"), (path, diagram)
        assert diagram["scrolls"] == "auto", (path, diagram)
        if scheme == "dark":
            assert diagram["brightness"] < 90, (path, diagram)  # no white slab
        else:
            assert diagram["brightness"] > 200, (path, diagram)


# --- Abbreviations -----------------------------------------------------------------------

def _tooltip_text(page) -> str:
    """The expansions shown now: extra.css puts a focused abbreviation's title in a bar (::after)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset abbr')]
             .map(a => getComputedStyle(a, '::after'))
             .filter(s => s.position === 'fixed' && s.content.startsWith('"'))
             .map(s => s.content.slice(1, -1)).join('|')"""
    )


def test_abbreviations_explain_themselves_on_keyboard_focus_and_on_tap(site_dir, site_url, browser):
    path = _pages_with(site_dir, "<abbr ")[0]
    page = _new_page(browser, PHONE)
    page.goto(f"{site_url}/{path}")
    abbr = page.locator(".md-typeset abbr").first
    page.wait_for_function("document.querySelector('.md-typeset abbr').tabIndex === 0")
    expansion = abbr.get_attribute("title")
    shown_before = _tooltip_text(page)
    # Keyboard: Tab reaches it and the expansion shows.
    abbr.focus()
    page.wait_for_timeout(300)
    shown_on_focus = _tooltip_text(page)
    page.evaluate("document.activeElement.blur()")
    page.wait_for_timeout(300)
    # Tap: a touch on it (Chromium's touch emulation through CDP), no mouse hover.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    abbr.scroll_into_view_if_needed()
    box = abbr.bounding_box()
    point = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(400)
    shown_on_tap = _tooltip_text(page)
    focused = page.evaluate("document.activeElement.tagName")
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": False})
    page.close()
    assert expansion and shown_before == ""
    assert expansion.strip() in shown_on_focus, shown_on_focus
    assert focused == "ABBR"
    assert expansion.strip() in shown_on_tap, shown_on_tap


# --- Accessibility in both palettes -----------------------------------------------------------


def _pages_covering_every_element_and_class(site_dir) -> list[str]:
    """Few pages (greedy set cover) that together use every element and class name of the site:
    its Pygments tokens, admonition types, tabs, tables, answers, abbreviations and so on."""
    used = {}
    for path in _pages(site_dir):
        html = (site_dir / path).read_text(encoding="utf-8")
        used[path] = set(re.findall(r"<([a-z][a-z0-9]*)", html)) | {
            f".{name}" for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}
    wanted, chosen = set().union(*used.values()), []
    while wanted:
        best = max(sorted(used), key=lambda path: len(used[path] & wanted))
        chosen.append(best)
        wanted -= used[best]
    return chosen


# Light: every page. Dark changes only colours (the palette's CSS variables), so its check runs
# on the few pages that together show every element and class the site uses.
@pytest.mark.parametrize(("scheme", "part"), [("light", 0), ("light", 1), ("dark", 0)])
def test_no_serious_accessibility_violations_in_either_palette(site_dir, site_url, browser, scheme, part):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = _new_page(browser, DESKTOP, scheme)
    problems = []
    # Light runs in two halves (odd and even pages), so that two workers share it.
    pages = _pages(site_dir)[part::2] if scheme == "light" else _pages_covering_every_element_and_class(site_dir)
    assert scheme == "light" or 3 <= len(pages) < len(_pages(site_dir))
    for path in pages:
        page.goto(f"{site_url}/{path}")
        page.wait_for_function("document.querySelector('.md-typeset .fg-question > a.headerlink')"
                               " || !document.querySelector('.md-typeset details[id]')")
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in {"serious", "critical"}:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                problems.append(f"{path}: {violation['id']} ({len(violation['nodes'])} nodes: {targets})")
    page.close()
    assert problems == []

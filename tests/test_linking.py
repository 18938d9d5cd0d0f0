"""Links a teammate pastes into a chat land where they point, in a real browser:
every heading of every page, every interview question, a chosen content tab, a
search result whose terms sit in a closed answer, and the search share link;
over http and from file://, on a desktop and on a phone."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# A linked element's top edge sits at most this far below the header's bottom edge
# (Material leaves about 20 px between them).
SLACK = 40


def _new_page(browser, viewport):
    page = browser.new_page()
    page.set_viewport_size(viewport)
    return page


def _pages(site_dir) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.name != "404.html")


def _html(site_dir, path: str) -> str:
    return (site_dir / path).read_text(encoding="utf-8")


def _heading_ids(html: str) -> list[str]:
    return re.findall(r'<h[1-6] id="([^"]+)"', html)


def _question_ids(html: str) -> list[str]:
    return re.findall(r'<details class="question" id="([^"]+)"', html)


def _url(site_dir, site_url, where: str, path: str) -> str:
    return (site_dir / path).as_uri() if where == "file" else f"{site_url}/{path}"


# For each id: set the hash (a same-page navigation, as a click on a link in the
# table of contents does), wait for the page's hashchange handlers and two frames,
# then measure where the element is against the header.
LAND_EACH = """async (ids) => {
  // Every wait has a deadline: a missing event shows as a wrong offset, never as a hang.
  const timeout = ms => new Promise(r => setTimeout(r, ms));
  const frames = () => Promise.race([new Promise(r => requestAnimationFrame(r)), timeout(1000)]);
  const out = [];
  for (const id of ids) {
    if (decodeURIComponent(location.hash.slice(1)) !== id) {
      const changed = new Promise(r => addEventListener('hashchange', r, {once: true}));
      location.hash = id;
      await Promise.race([changed, timeout(5000)]);
    }
    await frames();
    const el = document.getElementById(id);
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    out.push({id, offset: Math.round(el.getBoundingClientRect().top - header),
              open: el.tagName === 'DETAILS' ? el.open : null});
  }
  return out;
}"""

OFFSET = """(id) => Math.round(document.getElementById(id).getBoundingClientRect().top
  - document.querySelector('.md-header').getBoundingClientRect().bottom)"""


def _landed(offset: int) -> bool:
    return 0 <= offset <= SLACK


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("where", ["http", "file"])
def test_every_heading_of_every_page_lands_under_the_header(site_dir, site_url, browser, where, viewport):
    page = _new_page(browser, viewport)
    missed, total = [], 0
    for number, path in enumerate(_pages(site_dir)):
        ids = _heading_ids(_html(site_dir, path))
        if not ids:
            continue
        # Open the page directly on one of its headings (a different one on each
        # page, the last heading included), then visit every other heading.
        first = ids[(number * 5 + len(ids) - 1) % len(ids)]
        page.goto(f"{_url(site_dir, site_url, where, path)}#{first}")
        page.wait_for_load_state("load")
        # A hash change within a page runs the same code over http and from file://: walking
        # every heading once per viewport (over http) covers it; from file:// each page is
        # opened directly on one heading, where the protocol does matter (fonts, worker shim).
        ordered = [first] + ([i for i in ids if i != first] if where == "http" else [])
        for result in page.evaluate(LAND_EACH, ordered):
            total += 1
            if not _landed(result["offset"]):
                missed.append(f"{path}#{result['id']}: {result['offset']} px below the header")
        # ... and it stays there once the page has settled.
        page.wait_for_timeout(300)
        offset = page.evaluate(OFFSET, ordered[-1])
        if not _landed(offset):
            missed.append(f"{path}#{ordered[-1]} moved to {offset} px after settling")
    page.close()
    print(f"headings landed ({where}, {viewport['width']} px): {total - len(missed)}/{total}")
    assert total > (300 if where == "http" else 40)
    assert missed == []


def _page_with_most_tables(site_dir) -> str:
    return max(_pages(site_dir), key=lambda p: _html(site_dir, p).count("<table"))


def test_direct_links_below_many_tables_land_and_stay(site_dir, site_url, browser):
    # A fresh load for each section of the page with the most tables: tables above
    # the section must not change height after the browser has scrolled to it
    # (they did when they were rendered lazily with content-visibility).
    path = _page_with_most_tables(site_dir)
    ids = re.findall(r'<h2 id="([^"]+)"', _html(site_dir, path))
    page = _new_page(browser, DESKTOP)
    missed = []
    for anchor in ids:
        page.goto("about:blank")
        page.goto(f"{site_url}/{path}#{anchor}")
        for wait in (50, 600):
            page.wait_for_timeout(wait)
            offset = page.evaluate(OFFSET, anchor)
            if not _landed(offset):
                missed.append(f"{path}#{anchor} after {wait} ms: {offset} px")
    page.close()
    assert len(ids) >= 5
    assert missed == []


@pytest.mark.parametrize("where", ["http", "file"])
def test_every_question_link_opens_its_answer_in_view(site_dir, site_url, browser, where):
    page = _new_page(browser, DESKTOP)
    failed, total = [], 0
    for path in _pages(site_dir):
        ids = _question_ids(_html(site_dir, path))
        if not ids:
            continue
        page.goto(f"{_url(site_dir, site_url, where, path)}#{ids[-1]}")  # opened directly
        page.wait_for_function(f"document.getElementById('{ids[-1]}').open", timeout=5_000)
        # then by hashchange (over http: that code does not depend on the protocol)
        for result in page.evaluate(LAND_EACH, [ids[-1], *(ids[:-1] if where == "http" else [])]):
            total += 1
            if not (result["open"] and _landed(result["offset"])):
                failed.append(f"{path}#{result['id']}: open={result['open']} offset={result['offset']}")
    page.close()
    print(f"question links opened ({where}): {total - len(failed)}/{total}")
    assert total > (200 if where == "http" else 20)
    assert failed == []


def test_each_question_has_a_keyboard_reachable_link_that_does_not_toggle_it(site_dir, site_url, browser):
    pages = [p for p in _pages(site_dir) if _question_ids(_html(site_dir, p))]
    page = _new_page(browser, DESKTOP)
    page.goto(f"{site_url}/{pages[0]}")
    page.wait_for_selector(".fg-question > a.headerlink")
    links = page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset details[id]')].map(d => {
             const a = document.querySelector(`a.headerlink[href="#${d.id}"]:not(h1 a, h2 a, h3 a, h4 a, h5 a, h6 a)`);
             if (!a) return {id: d.id, missing: true};
             const box = a.getBoundingClientRect(), style = getComputedStyle(a);
             const summary = d.querySelector('summary').getBoundingClientRect();
             return {id: d.id, href: a.getAttribute('href'), name: a.getAttribute('aria-label'),
                     tabIndex: a.tabIndex, opacity: +style.opacity, visible: style.visibility,
                     width: box.width, height: box.height, inside: d.contains(a),
                     inSummaryLine: box.top >= summary.top - 2 && box.bottom <= summary.bottom + 2
                                    && box.left >= summary.left && box.right <= summary.right};
           })"""
    )
    assert links and all(not link.get("missing") for link in links), links
    for link in links:
        assert link["href"] == f"#{link['id']}"
        assert link["name"] and link["name"].startswith("Link to this question"), link
        assert link["tabIndex"] >= 0 and not link["inside"]
        assert link["opacity"] >= 0.5 and link["visible"] == "visible"
        assert link["width"] >= 24 and link["height"] >= 24, link
        assert link["inSummaryLine"], link
    first = page.locator(f"[id='{links[0]['id']}']")
    second = page.locator(f"[id='{links[1]['id']}']")
    first_link = page.locator(f".fg-question > a[href='#{links[0]['id']}']")
    second_link = page.locator(f".fg-question > a[href='#{links[1]['id']}']")
    # Keyboard: the link is in the tab order, right before its summary.
    first.locator("summary").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"#{links[0]['id']}"
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert page.evaluate("location.hash") == f"#{links[0]['id']}"
    assert first.get_attribute("open") is not None  # the link opened it, as a shared link would
    # A click on the link of an open answer leaves it open; a click on the
    # summary text still toggles a block.
    first_link.click()
    assert first.get_attribute("open") is not None
    assert second.get_attribute("open") is None
    assert second_link.is_visible()
    second.locator("summary").click(position={"x": 60, "y": 10})
    assert second.get_attribute("open") is not None
    page.close()


def _question_with_term(site_dir) -> tuple[str, str, str, str]:
    """(page, section id, question id, a word found in the answer and nowhere else
    in that section's visible text)."""
    for path in _pages(site_dir):
        html = _html(site_dir, path)
        for match in re.finditer(r'<h2 id="([^"]+)".*?(?=<h2 |$)', html, re.S):
            section = match.group(0)
            blocks = re.findall(r'<details class="question" id="([^"]+)">(.*?)</details>', section, re.S)
            outside = re.sub(r'<details class="question".*?</details>', " ", section, flags=re.S)
            outside_text = re.sub(r"<[^>]+>", " ", outside).lower()
            other_text = " ".join(re.sub(r"<[^>]+>", " ", body).lower() for _, body in blocks[1:])
            if not blocks:
                continue
            qid, body = blocks[0]
            answer = re.sub(r"<summary>.*?</summary>", " ", body, flags=re.S)
            for word in sorted(set(re.findall(r"[a-z]{9,}", re.sub(r"<[^>]+>", " ", answer).lower()))):
                if word not in outside_text and word not in other_text:
                    return path, match.group(1), qid, word
    raise AssertionError("no answer holds a word found nowhere else in its section")


@pytest.mark.parametrize("where", ["http", "file"])
def test_search_result_opens_the_answer_that_holds_the_term(site_dir, site_url, browser, where):
    # Material links a result to the nearest heading with the terms in ?h=; the
    # answers in that section that hold a term open (and Material highlights it),
    # answers that do not hold it stay closed.
    path, section, qid, word = _question_with_term(site_dir)
    page = _new_page(browser, DESKTOP)
    page.goto(f"{_url(site_dir, site_url, where, path)}?h={word}#{section}")
    page.wait_for_function(f"document.getElementById('{qid}').open", timeout=5_000)
    page.wait_for_selector(f"[id='{qid}'] mark[data-md-highlight]", timeout=10_000)
    still_closed = page.evaluate(
        """([section, word]) => [...document.querySelectorAll('details.question')]
             .filter(d => !d.textContent.toLowerCase().includes(word)).every(d => !d.open)""",
        [section, word],
    )
    offset = page.evaluate(OFFSET, section)
    page.close()
    assert still_closed
    assert _landed(offset)


# --- Content tabs ------------------------------------------------------------------------------


def _tabbed_page(site_dir) -> str:
    pages = [p for p in _pages(site_dir) if 'class="tabbed-set' in _html(site_dir, p)]
    assert pages, "no page has content tabs"
    return pages[0]


@pytest.mark.parametrize("where", ["http", "file"])
def test_a_chosen_tab_can_be_linked_and_the_link_opens_it(site_dir, site_url, browser, where):
    path = _tabbed_page(site_dir)
    page = _new_page(browser, DESKTOP)
    page.goto(_url(site_dir, site_url, where, path))
    page.evaluate("localStorage.clear()")
    sets = page.locator(".tabbed-set")
    target = sets.nth(sets.count() - 1)
    target.scroll_into_view_if_needed()
    label = target.locator(".tabbed-labels > label").nth(1)
    tab_id = label.get_attribute("for")
    before = target.bounding_box()["y"]
    label.click()
    page.wait_for_timeout(100)
    assert page.evaluate("location.hash") == f"#{tab_id}"
    assert abs(target.bounding_box()["y"] - before) < 5, "choosing a tab must not move it"
    link = page.evaluate("location.href")
    # Keyboard: the arrow keys move between tabs, and the address follows.
    page.locator(f"[id='{tab_id}']").focus()
    page.keyboard.press("ArrowLeft")
    first_id = target.locator(".tabbed-labels > label").nth(0).get_attribute("for")
    assert page.evaluate("location.hash") == f"#{first_id}"
    # A fresh load of the copied link opens that tab, in view.
    page.evaluate("localStorage.clear()")
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    checked = page.evaluate(f"document.getElementById('{tab_id}').checked")
    box = target.bounding_box()
    page.evaluate("localStorage.clear()")
    page.close()
    assert checked
    assert box is not None and 0 <= box["y"] < DESKTOP["height"] / 2


# --- The search share link -------------------------------------------------------------------

CAPTURE_COPY = """() => {
  window.__copied = [];
  document.addEventListener('copy', e => {
    const t = e.target;
    window.__copied.push(t && 'value' in t && t.selectionEnd > t.selectionStart
      ? t.value.slice(t.selectionStart, t.selectionEnd) : String(document.getSelection()));
  }, true);
}"""


def _share(page) -> str:
    page.locator("[data-md-component='search-share']").click()
    page.wait_for_function("window.__copied.length > 0", timeout=5_000)
    return page.evaluate("window.__copied.pop()")


def _query_of(link: str) -> str:
    values = parse_qs(urlsplit(link).query, keep_blank_values=True).get("q", [])
    return values[0] if values else ""


@pytest.mark.parametrize("where", ["http", "file"])
def test_search_share_link_is_exactly_the_query_in_the_box(site_dir, site_url, browser, where):
    page = _new_page(browser, DESKTOP)
    page.goto(_url(site_dir, site_url, where, "index.html"))
    page.evaluate(CAPTURE_COPY)
    box = page.locator("input.md-search__input")
    results = {}

    box.click()
    box.press_sequentially("dead-letter queue", delay=20)  # typed
    results["typed"] = ("dead-letter queue", _share(page))

    box.fill("")
    box.focus()
    page.keyboard.insert_text("s3:GetObject & list_objects_v2")  # pasted: no key events
    results["pasted"] = ("s3:GetObject & list_objects_v2", _share(page))

    box.fill("")
    box.press_sequentially("lambda timeout", delay=20)  # edited
    for _ in range(7):
        box.press("Backspace")
    box.press_sequentially("memory", delay=20)
    box.press("Home")
    box.press_sequentially("aws ", delay=20)
    results["edited"] = ("aws lambda memory", _share(page))

    for name, (query, link) in results.items():
        assert _query_of(link) == query, f"{name}: {link}"
        assert link.startswith("file://" if where == "file" else "http://"), link
    # The link opens the guide with that query in the box.
    page.goto(results["pasted"][1])
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    value = page.locator("input.md-search__input").input_value()
    page.close()
    assert value == results["pasted"][0]

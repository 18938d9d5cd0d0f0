// Run-time fixes to what Material renders: accessibility, and links a reader
// can share (sections, questions, content tabs, search). Nothing here reads
// layout when the page loads, unless the address names a place on the page
// (a #hash): only then is the page measured, to bring that place into view.

// Code annotation markers show their number through CSS only: name them. With content.lazy
// (mkdocs.yml) Material renders a block's annotations when the block first scrolls into
// view, so markers are named as they appear, not once at load.
function nameAnnotations() {
  document.querySelectorAll("a.md-annotation__index:not([aria-label])").forEach(function (link) {
    var id = link.querySelector("[data-md-annotation-id]");
    link.setAttribute("aria-label", "Annotation " + (id ? id.getAttribute("data-md-annotation-id") : ""));
  });
}

// A code block wider than its box scrolls, and must be focusable to scroll from the keyboard.
// Material sets that when it mounts the block, which with content.lazy happens only once the
// block is in view; here every block gets it at load, in one pass: all reads (one layout,
// which the first frame needs anyway), then all writes. Same rule as Material's: only where
// the device can hover, and Material keeps the attribute in step once the block is mounted.
function focusableScrollingCode() {
  if (!matchMedia("(hover)").matches) return;
  var wide = [];
  document.querySelectorAll(".md-content pre > code:not([tabindex])").forEach(function (code) {
    if (code.scrollWidth > code.offsetWidth) wide.push(code);
  });
  wide.forEach(function (code) { code.setAttribute("tabindex", "0"); });
}

function fieldGuideA11y() {
  nameAnnotations();
  var content = document.querySelector(".md-content");
  if (content) new MutationObserver(nameAnnotations).observe(content, { childList: true, subtree: true });
  focusableScrollingCode();
  // Table regions, focusable abbreviations, question links and diagram links are written at
  // build time (scripts/static_markup.py), not here: each insertion after
  // the first paint restyles the page.
}

// --- Landing on #hash: open what hides the target, then bring it to the top --

var landing = { target: null, until: 0, observer: null };

function idFromHash(hash) {
  if (!hash || hash.length < 2) return "";
  try {
    return decodeURIComponent(hash.slice(1));
  } catch (error) {
    return hash.slice(1);
  }
}

// Open every closed <details> around the element and select every content tab
// it sits in; a tab's own <input> id selects that tab.
function reveal(element) {
  if (element.matches(".tabbed-set > input[type=radio]")) {
    if (!element.checked) element.click();
  }
  for (var node = element; node; node = node.parentElement) {
    if (node.tagName === "DETAILS" && !node.open) node.open = true;
    if (node.classList && node.classList.contains("tabbed-block")) {
      var set = node.closest(".tabbed-set");
      var index = Array.prototype.indexOf.call(node.parentElement.children, node);
      var input = set && set.querySelectorAll(":scope > input")[index];
      if (input && !input.checked) input.click();
    }
  }
}

// The element to scroll to: a tab's hidden <input> stands for its tab set.
function scrollTarget(element) {
  return element.matches(".tabbed-set > input") ? element.parentElement : element;
}

function scrollRoom() {
  var room = document.getElementById("fg-scroll-room");
  if (!room) {
    room = document.createElement("div");
    room.id = "fg-scroll-room";
    room.setAttribute("aria-hidden", "true");
    var inner = document.querySelector(".md-content__inner") || document.body;
    inner.appendChild(room);
  }
  return room;
}

// Scroll so that the element sits just under the header. A section near the
// end of a page gets empty room below it so that it, too, can reach the top.
function bringToTop(element) {
  var room = scrollRoom();
  room.style.height = "0px";
  var margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
  var top = Math.max(0, element.getBoundingClientRect().top + window.scrollY - margin);
  var max = document.documentElement.scrollHeight - window.innerHeight;
  if (top > max) room.style.height = Math.ceil(top - max) + "px";
  window.scrollTo(window.scrollX, top);
}

function stopSettling() {
  landing.until = 0;
  if (landing.observer) landing.observer.disconnect();
}

// Content above the target can change height after the browser has scrolled
// (tables rendered lazily, Material's components mounting, fonts): for a few
// seconds, until the reader scrolls, keep the target at the top.
function settle() {
  landing.until = Date.now() + 3000;
  if (!window.ResizeObserver) return;
  if (!landing.observer) {
    landing.observer = new ResizeObserver(function () {
      if (!landing.target || Date.now() > landing.until) return stopSettling();
      bringToTop(scrollTarget(landing.target));
    });
  }
  landing.observer.observe(document.querySelector(".md-content") || document.body);
}

["wheel", "touchstart", "mousedown", "keydown"].forEach(function (type) {
  window.addEventListener(type, function (event) {
    if (event.target && event.target.closest && event.target.closest("a[href^='#']")) return;
    stopSettling();
  }, { passive: true, capture: true });
});

function land() {
  var id = idFromHash(location.hash);
  var element = id && document.getElementById(id);
  if (!element || !element.closest(".md-content")) return;
  landing.target = element;
  reveal(element);
  bringToTop(scrollTarget(element));
  settle();
}

window.addEventListener("hashchange", land);

// --- A search result opens the answers that hold the search terms ------------
// Material links a result to the nearest heading, with the terms in ?h=, and
// highlights them only where they are visible. Terms inside a closed answer in
// the section the reader lands on (the whole page for a page result) would
// stay hidden: open those answers, before Material highlights.

function openAnswersWithTerms() {
  var terms = new URL(location.href).searchParams.get("h");
  if (!terms) return;
  var words = terms.toLowerCase().split(/[\s\-:~^*+]+/).filter(function (word) {
    return word.length > 1;
  });
  if (!words.length) return;
  var start = document.getElementById(idFromHash(location.hash));
  var article = document.querySelector(".md-content__inner");
  if (!article) return;
  var level = start && /^H([1-6])$/.test(start.tagName) ? +start.tagName[1] : 0;
  var inSection = !start || !level;
  Array.prototype.forEach.call(article.querySelectorAll("h1, h2, h3, h4, h5, h6, details"), function (node) {
    if (start && node === start) {
      inSection = true;
      return;
    }
    if (/^H[1-6]$/.test(node.tagName)) {
      if (start && level && inSection && +node.tagName[1] <= level) inSection = false;
      return;
    }
    if (!inSection || node.open) return;
    var text = node.textContent.toLowerCase();
    if (words.some(function (word) { return text.indexOf(word) !== -1; })) node.open = true;
  });
}

// --- Content tabs: the address names the tab the reader chose ----------------
// Material turns each tab label into a link and, on a mouse click, replaces
// the hash with the tab's id; do the same when the tab is chosen with the
// keyboard, and never for the tabs Material switches along (content.tabs.link)
// or restores at load.

document.addEventListener("change", function (event) {
  var input = event.target;
  if (!event.isTrusted || !input.matches || !input.matches(".tabbed-set > input[type=radio]")) return;
  var label = document.querySelector("label[for='" + input.id + "']");
  if (label && label.hasAttribute("data-md-switching")) return;
  if (location.hash !== "#" + input.id) history.replaceState(history.state, "", "#" + input.id);
});

// --- The search share link is the query in the box ---------------------------
// Material 9.8.1 (components/search/share) copies data-clipboard-text, which
// it sets to the link of the PREVIOUS query (it writes the attribute from
// el.href before updating el.href), and it only updates on key events: the
// copied link lacks the last typed character and is `?q=` after a paste.
// Upstream 9.8.1 is the newest release this site pins; check this again when
// upgrading. Here the link is computed from the box when the button is used
// (capture phase, before clipboard.js reads the attribute) and on every input.

function shareLink(query) {
  var url = new URL(location.href);
  url.hash = "";
  url.search = "";
  url.searchParams.set("q", query);
  return url.toString();
}

function updateShare() {
  var input = document.querySelector("[data-md-component='search-query']");
  var share = document.querySelector("[data-md-component='search-share']");
  if (!input || !share) return;
  var link = shareLink(input.value);
  share.setAttribute("data-clipboard-text", link);
  share.href = link;
}

["click", "pointerdown", "focusin"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    if (event.target.closest && event.target.closest("[data-md-component='search-share']")) updateShare();
  }, true);
});
document.addEventListener("input", function (event) {
  if (event.target.matches && event.target.matches("[data-md-component='search-query']")) {
    setTimeout(updateShare, 0);
  }
});

document$.subscribe(function () {
  // After Material has mounted its components (annotations, and the details it
  // opens for a #hash).
  setTimeout(function () {
    fieldGuideA11y();
    openAnswersWithTerms();
    if (location.hash) land();
  }, 0);
});

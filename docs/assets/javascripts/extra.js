// Small accessibility fixes to what Material renders at run time. Apart from the
// section-link fix at the end (which runs only for a #link), nothing here reads
// layout, so it never forces the browser to lay out a long page again.
function headingAbove(element) {
  for (var node = element.previousElementSibling; node; node = node.previousElementSibling) {
    if (/^H[1-6]$/.test(node.tagName)) {
      return ": " + node.textContent.replace(/\u00b6/g, "").trim();
    }
  }
  return "";
}

function fieldGuideA11y() {
  // Wide tables scroll inside their wrapper: make every wrapper reachable by
  // keyboard so it can be scrolled without a mouse (WCAG 2.1.1). Checking which
  // ones overflow would cost a full layout of the page, so all of them get it.
  // Each region is named after the heading it sits under, so that a screen
  // reader's list of regions tells them apart.
  document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap, index) {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Table " + (index + 1) + headingAbove(wrap));
  });
  // Code annotation markers show their number through CSS only: name them.
  document.querySelectorAll("a.md-annotation__index:not([aria-label])").forEach(function (link) {
    var id = link.querySelector("[data-md-annotation-id]");
    link.setAttribute("aria-label", "Annotation " + (id ? id.getAttribute("data-md-annotation-id") : ""));
  });
}
document$.subscribe(function () {
  // After Material has mounted its components (table wrappers, annotations).
  setTimeout(fieldGuideA11y, 0);
});

// A shared section link (#id) must land on its heading. Off-screen tables are
// rendered lazily (content-visibility in extra.css), so a tall table just above
// the linked heading can grow after the browser has scrolled to it and push the
// heading out of view. When a table above the heading is first rendered, scroll
// back to the heading, as long as the reader has not started scrolling.
(function () {
  var id = decodeURIComponent(location.hash.slice(1));
  var target = id && document.getElementById(id);
  if (!target) return;
  var moved = false;
  function reader() { moved = true; }
  addEventListener("wheel", reader, { once: true, passive: true });
  addEventListener("touchstart", reader, { once: true, passive: true });
  addEventListener("keydown", reader, { once: true });
  document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
    table.addEventListener("contentvisibilityautostatechange", function (event) {
      var above = table.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (!event.skipped && above && !moved) target.scrollIntoView();
    });
  });
})();

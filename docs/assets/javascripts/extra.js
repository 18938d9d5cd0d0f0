// Small accessibility fixes to what Material renders at run time. Nothing here
// reads layout, so it never forces the browser to lay out a long page again.
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

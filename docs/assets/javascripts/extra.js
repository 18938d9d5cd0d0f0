// Small accessibility fixes to what Material renders at run time. Nothing here
// reads layout, so it never forces the browser to lay out a long page again.
function fieldGuideA11y() {
  // Wide tables scroll inside their wrapper: make every wrapper reachable by
  // keyboard so it can be scrolled without a mouse (WCAG 2.1.1). Checking which
  // ones overflow would cost a full layout of the page, so all of them get it.
  document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Table");
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

// Small accessibility fixes to what Material renders at run time.
function fieldGuideA11y() {
  // Wide tables scroll inside their wrapper: make the wrapper reachable by
  // keyboard so it can be scrolled without a mouse (WCAG 2.1.1).
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Scrollable table");
    }
  });
  // Code annotation markers show their number through CSS only: name them.
  document.querySelectorAll("a.md-annotation__index:not([aria-label])").forEach(function (link) {
    var id = link.querySelector("[data-md-annotation-id]");
    link.setAttribute("aria-label", "Annotation " + (id ? id.getAttribute("data-md-annotation-id") : ""));
  });
}
document$.subscribe(function () {
  fieldGuideA11y();
  setTimeout(fieldGuideA11y, 0);
});

// Copy buttons for code blocks, added in one pass.
// Material 9.8.1 mounts its copy button (feature content.code.copy) one code block at a
// time, interleaving DOM writes with layout reads: on pages with many blocks that forces
// a layout per block. Here every button is built first and all are inserted together,
// with no layout read. The markup is Material's own (nav.md-code__nav >
// button.md-code__button[data-md-type=copy]), so it looks the same, and Material's
// clipboard handler, which listens for any [data-clipboard-target], copies the block's
// text and shows "Copied to clipboard". tests/test_palette.py checks that the bundle still
// has that handler. The button goes after the code, not before it: Material's CSS has
// :nth-child() rules, so an element inserted before the code would restyle every
// highlighted token of the block; it is positioned at the top right either way.
(function () {
  var pending = [];
  document.querySelectorAll(".md-content pre > code").forEach(function (code, index) {
    if (code.closest(".no-copy") || code.parentNode.querySelector(".md-code__nav")) return;
    code.setAttribute("data-fg-code", String(index));
    var nav = document.createElement("nav");
    nav.className = "md-code__nav";
    var button = document.createElement("button");
    button.className = "md-code__button";
    button.title = "Copy to clipboard";
    button.setAttribute("aria-label", "Copy to clipboard");
    button.setAttribute("data-md-type", "copy");
    button.setAttribute("data-clipboard-target", '[data-fg-code="' + index + '"]');
    nav.appendChild(button);
    pending.push([code, nav]);
  });
  pending.forEach(function (pair) { pair[0].parentNode.appendChild(pair[1]); });
})();

/* Suggestions on the article page: dashed highlights in the text, and one-key decisions.
 *
 * Loaded with `defer` (no inline script). The list (#suggestions) is an htmx fragment; this file
 * only adds keys and highlights:
 *   a  accept the selected suggestion (the focused one, else the first) as an annotation
 *   x  reject it (it will not be offered again)
 *   n / p  move to the next / previous suggestion
 * Highlights use the CSS Custom Highlight API, so the article's DOM (whose text annotate.js maps
 * to code points) is never touched; browsers without it still get the dashed list.
 */
(function () {
  "use strict";

  function list() {
    return document.getElementById("suggestions");
  }

  function items() {
    var root = list();
    return root ? Array.prototype.slice.call(root.querySelectorAll("li.suggestion")) : [];
  }

  function current() {
    var active = document.activeElement;
    var item = active && active.closest ? active.closest("li.suggestion") : null;
    return item || items()[0] || null;
  }

  function typing(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  function highlight() {
    // A boundary (node, offset) for a code-point offset of the body, from annotate.js.
    var boundary = window.workbenchBoundary;
    if (!boundary || !window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    var all = new Highlight();
    var focused = new Highlight();
    var active = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("li.suggestion") : null;
    items().forEach(function (item) {
      var from = boundary(Number(item.dataset.start));
      var to = boundary(Number(item.dataset.end));
      if (!from || !to) return;
      var range = new Range();
      try {
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
      } catch (error) {
        return;
      }
      (item === active ? focused : all).add(range);
    });
    CSS.highlights.set("suggested", all);
    CSS.highlights.set("suggested-focus", focused);
  }

  function decide(action) {
    var item = current();
    if (!item) return false;
    var form = item.querySelector('form[data-action="' + action + '"]');
    if (!form) return false;
    form.requestSubmit();
    return true;
  }

  function step(delta) {
    var all = items();
    if (!all.length) return;
    var at = all.indexOf(current());
    var next = all[Math.max(0, Math.min(all.length - 1, at + delta))];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (typing(event.target) || !list()) return;
    var dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open) return;
    var done = false;
    if (event.key === "a") done = decide("accept");
    else if (event.key === "x") done = decide("reject");
    else if (event.key === "n") { step(1); done = true; }
    else if (event.key === "p") { step(-1); done = true; }
    if (done) event.preventDefault();
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("#suggestions")) highlight();
  });

  document.body.addEventListener("htmx:afterSettle", function (event) {
    highlight();
    var target = event.detail && event.detail.target;
    if (target && target.id === "suggestions" && items().length) items()[0].focus();
  });
})();

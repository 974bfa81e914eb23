/* The annotation workbench on the article page.
 *
 * Loaded with `defer` (no inline script, so a strict CSP stays possible). It turns a text
 * selection into a span of the article body in Unicode code points (Python str indices), opens
 * the side panel through htmx, and adds the keyboard shortcuts and the entity/source pickers.
 *
 * Offsets: every <p data-start> of #annotated-body holds exactly its slice of the body, and the
 * body is the paragraphs joined by "\n\n". A boundary point (node, offset) maps to
 *   data-start of its paragraph + code points of the text from the paragraph's start to it,
 * counting code points with the string iterator (a surrogate pair is one, as in Python). The
 * selected text (`exact`) is read from the DOM, independently of that arithmetic, so that the
 * server's check body[start:end] == exact catches any disagreement.
 */
(function () {
  "use strict";

  // A boundary (node, offset) for a code-point offset of the body: the inverse of offsetIn
  // below. Shared with suggest.js, which highlights suggestions with it.
  function boundary(offset) {
    var all = document.querySelectorAll("#annotated-body p[data-start]");
    var paragraph = null;
    for (var i = 0; i < all.length; i += 1) {
      if (Number(all[i].dataset.start) <= offset) paragraph = all[i];
    }
    if (!paragraph) return null;
    var left = offset - Number(paragraph.dataset.start);
    var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    var node = walker.nextNode();
    var last = null;
    while (node) {
      var units = 0;
      for (var ch of node.data) {
        if (left === 0) return { node: node, offset: units };
        left -= 1;
        units += ch.length;
      }
      last = node;
      node = walker.nextNode();
    }
    return last ? { node: last, offset: last.data.length } : null;
  }

  window.workbenchBoundary = boundary;

  var root = document.getElementById("workbench");
  if (!root || !window.htmx) return;

  var activeId = null;
  var lastSpan = null;

  // --- offsets ------------------------------------------------------------------------------

  function codePoints(text) {
    var n = 0;
    for (var ignored of text) n += 1; // eslint-disable-line no-unused-vars
    return n;
  }

  function bodyElement() {
    return document.getElementById("annotated-body");
  }

  function paragraphs() {
    var body = bodyElement();
    return body ? Array.prototype.slice.call(body.querySelectorAll("p[data-start]")) : [];
  }

  /** Code-point offset in the body of the boundary point (node, offset) inside paragraph p. */
  function offsetIn(p, node, offset) {
    var range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(node, offset);
    return Number(p.dataset.start) + codePoints(range.toString());
  }

  /** The current selection as {start, end, exact}, or null outside the body. */
  function selectionSpan() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var touched = paragraphs().filter(function (p) { return range.intersectsNode(p); });
    var parts = [];
    var start = null;
    var end = null;
    touched.forEach(function (p) {
      var part = document.createRange();
      part.selectNodeContents(p);
      if (range.compareBoundaryPoints(Range.START_TO_START, part) > 0) {
        part.setStart(range.startContainer, range.startOffset);
      }
      if (range.compareBoundaryPoints(Range.END_TO_END, part) < 0) {
        part.setEnd(range.endContainer, range.endOffset);
      }
      if (start === null) start = offsetIn(p, part.startContainer, part.startOffset);
      end = offsetIn(p, part.endContainer, part.endOffset);
      parts.push(part.toString());
    });
    if (start === null) return null;
    var exact = parts.join("\n\n");
    // A double or triple click takes the space or line break after a word: leave it out.
    var trimmedStart = exact.replace(/^\s+/, "");
    start += codePoints(exact) - codePoints(trimmedStart);
    var trimmed = trimmedStart.replace(/\s+$/, "");
    end -= codePoints(trimmedStart) - codePoints(trimmed);
    if (!trimmed || end <= start) return null;
    return { start: start, end: end, exact: trimmed };
  }

  // "Checked before?" for a selection: long enough to be a claim, asked once per new text.
  var CHECK_MIN = 12;
  var CHECK_MAX = 2000;
  function askCheckedBefore(span) {
    var input = document.getElementById("selection-text");
    if (!input || !span || span.exact.length < CHECK_MIN) return;
    var text = span.exact.slice(0, CHECK_MAX);
    if (input.value === text) return;
    input.value = text;
    document.getElementById("selection-check").hidden = false;
    htmx.trigger(input, "selection-changed");
  }

  document.addEventListener("selectionchange", function () {
    var span = selectionSpan();
    if (span) lastSpan = span;
    askCheckedBefore(span);
  });

  // --- the panel ----------------------------------------------------------------------------

  function index() {
    var data = document.getElementById("annotation-index");
    return data ? JSON.parse(data.textContent) : [];
  }

  function entry(id) {
    return index().find(function (item) { return String(item.id) === String(id); }) || null;
  }

  function openAnnotation(id) {
    var item = entry(id);
    if (!item) return Promise.resolve();
    setActive(item.id);
    return htmx.ajax("GET", item.url, { source: "#panel", target: "#panel", swap: "innerHTML" });
  }

  function setActive(id) {
    activeId = id === null ? null : String(id);
    document.querySelectorAll(".is-active").forEach(function (el) { el.classList.remove("is-active"); });
    if (activeId === null) return;
    document.querySelectorAll("#annotated-body mark[data-ids]").forEach(function (mark) {
      if (mark.dataset.ids.split(" ").indexOf(activeId) !== -1) mark.classList.add("is-active");
    });
    var item = document.getElementById("annotation-" + activeId);
    if (item) item.classList.add("is-active");
  }

  function say(message) {
    var panel = document.getElementById("panel");
    var note = document.createElement("p");
    note.className = "panel-empty notice";
    note.setAttribute("role", "status");
    note.textContent = message;
    panel.replaceChildren(note);
  }

  function closePanel() {
    var panel = document.getElementById("panel");
    var help = document.getElementById("panel-help-template");
    panel.replaceChildren(help ? help.content.cloneNode(true) : "");
    setActive(null);
    showSpans();
  }

  // --- the open quote's speaker mention and cue, highlighted in the text --------------------

  function rangeOf(start, end) {
    if (start === "" || end === "" || start === undefined || end === undefined) return null;
    var from = boundary(Number(start));
    var to = boundary(Number(end));
    if (!from || !to) return null;
    var range = new Range();
    try {
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
    } catch (error) {
      return null;
    }
    return range;
  }

  /** Highlight the mention and cue of the quote open in the panel, or clear them. */
  function showSpans() {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    var spans = document.querySelector("#panel [data-span-highlights]");
    var data = spans ? spans.dataset : {};
    var mention = rangeOf(data.mentionStart, data.mentionEnd);
    var cue = rangeOf(data.cueStart, data.cueEnd);
    CSS.highlights.set("speaker-mention", mention ? new Highlight(mention) : new Highlight());
    CSS.highlights.set("quote-cue", cue ? new Highlight(cue) : new Highlight());
  }

  function startAnnotation(kind) {
    if (!root.dataset.canWrite) {
      say("Your role in this team is read-only: you can read annotations but not add them.");
      return;
    }
    if (document.querySelector("#review-panel[data-submitted]")) {
      say("You submitted your annotations on this article: you cannot add more unless a lead sends the work back.");
      return;
    }
    var span = selectionSpan();
    if (!span) {
      say("Select some words in the article first, then press " + kind[0] + ".");
      return;
    }
    setActive(null);
    // The revision the words were selected in: the server refuses a save on an older one (409).
    var values = Object.assign({ kind: kind, revision: root.dataset.revision }, span);
    htmx.ajax("POST", root.dataset.newUrl, {
      source: "#panel", target: "#panel", swap: "innerHTML", values: values,
    });
  }

  function step(direction) {
    var items = index();
    if (!items.length) return;
    var at = items.findIndex(function (item) { return String(item.id) === activeId; });
    var next = at === -1 ? (direction > 0 ? 0 : items.length - 1)
      : (at + direction + items.length) % items.length;
    var id = String(items[next].id);
    openAnnotation(id);
    var mark = document.querySelector('#annotated-body mark[data-ids~="' + id + '"]');
    if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
    var link = document.querySelector("#annotation-" + id + " a");
    if (link) link.focus({ preventScroll: true });
  }

  function clickShortcut(name) {
    var control = document.querySelector('#panel [data-shortcut="' + name + '"]');
    if (!control) return;
    // Content swapped in a moment ago is wired up by htmx when it settles; do it now, so a
    // quick key press never falls through to a full page load.
    htmx.process(control.closest("form") || control);
    control.click();
  }

  // --- keyboard -----------------------------------------------------------------------------

  function typing(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (typing(event.target)) return;
    var dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open) return;
    var actions = {
      q: function () { startAnnotation("quote"); },
      c: function () { startAnnotation("claim"); },
      j: function () { step(1); },
      k: function () { step(-1); },
      e: function () { clickShortcut("edit"); },
      Delete: function () { clickShortcut("delete"); },
      Escape: closePanel,
      "?": function () { if (dialog) dialog.showModal(); },
    };
    var action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  // --- clicks: highlights, close buttons, pickers, span buttons ------------------------------

  document.addEventListener("click", function (event) {
    var target = event.target;
    var mark = target.closest("#annotated-body mark[data-ids]");
    if (mark) {
      var selection = window.getSelection();
      if (selection && !selection.isCollapsed) return; // the end of a drag, not a click
      openAnnotation(mark.dataset.ids.split(" ")[0]);
      return;
    }
    if (target.closest('[data-action="close"]')) {
      closePanel();
      return;
    }
    var pick = target.closest("button[data-pick]");
    if (pick) {
      choose(pick);
      return;
    }
    var use = target.closest("[data-use-selection]");
    if (use) {
      useSelection(use.closest("[data-span-field]"));
      return;
    }
    var clear = target.closest("[data-clear-span]");
    if (clear) fillSpan(clear.closest("[data-span-field]"), null);
  });

  function choose(button) {
    var picker = document.getElementById(button.dataset.pick + "-picker");
    if (!picker) return;
    picker.querySelector("[data-picker-value]").value = button.dataset.id;
    var name = document.createElement("strong");
    name.textContent = button.dataset.name;
    var kind = document.createElement("span");
    kind.className = "badge";
    kind.textContent = button.dataset.kind || "";
    picker.querySelector("[data-picker-chosen]").replaceChildren(name, " ", kind);
    picker.querySelector(".picker-results").replaceChildren();
    var search = picker.querySelector('input[type="search"]');
    search.value = "";
    search.focus();
    var outlet = document.querySelector("[data-outlet-toggle]");
    if (button.dataset.pick === "claimant" && outlet) outlet.checked = false;
  }

  function useSelection(field) {
    var span = selectionSpan() || lastSpan;
    if (!span) {
      var text = field.querySelector("[data-span-text]");
      text.textContent = "Select the words in the article first.";
      return;
    }
    fillSpan(field, span);
  }

  function fillSpan(field, span) {
    var name = field.dataset.spanField;
    field.querySelector('[name="' + name + '_start"]').value = span ? span.start : "";
    field.querySelector('[name="' + name + '_end"]').value = span ? span.end : "";
    field.querySelector('[name="' + name + '_exact"]').value = span ? span.exact : "";
    field.querySelector("[data-span-text]").textContent = span ? "“" + span.exact + "”" : "—";
  }

  document.addEventListener("change", function (event) {
    if (!event.target.matches("[data-outlet-toggle]") || !event.target.checked) return;
    var picker = document.getElementById("claimant-picker");
    if (!picker) return;
    picker.querySelector("[data-picker-value]").value = "";
    var none = document.createElement("span");
    none.className = "muted";
    none.textContent = "The outlet itself";
    picker.querySelector("[data-picker-chosen]").replaceChildren(none);
  });

  // Pickers by keyboard: ↓ into the results, ↑/↓ between them, Enter in the box picks the first.
  document.addEventListener("keydown", function (event) {
    var picker = event.target.closest && event.target.closest(".picker");
    if (!picker) return;
    var buttons = Array.prototype.slice.call(picker.querySelectorAll(".picker-results button"));
    var isSearch = event.target.matches('input[type="search"]');
    if (isSearch && event.key === "Enter") {
      event.preventDefault(); // never submit the whole form from the search box
      if (buttons.length) buttons[0].click();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var at = buttons.indexOf(event.target);
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (isSearch) next = event.key === "ArrowDown" ? 0 : -1;
      if (next >= 0 && next < buttons.length) {
        event.preventDefault();
        buttons[next].focus();
      } else if (next < 0 && !isSearch) {
        event.preventDefault();
        picker.querySelector('input[type="search"]').focus();
      }
    }
  });

  // --- links to an annotation (search results, who said what) --------------------------------

  // The address ends in #annotation-<id>: open that annotation and bring its text into view.
  function openFromHash() {
    var match = /^#annotation-(\d+)$/.exec(window.location.hash);
    if (!match) return;
    var mark = document.querySelector('#annotated-body mark[data-ids~="' + match[1] + '"]');
    if (mark) mark.scrollIntoView({ block: "center" });
    openAnnotation(match[1]);
  }

  window.addEventListener("hashchange", openFromHash);
  openFromHash();

  // --- after htmx swaps ---------------------------------------------------------------------

  document.body.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target.id === "panel" || target.id === "ann-main" || target.id === "annotated-body") {
      showSpans();
    }
    if (target.id === "panel") {
      var open = target.querySelector("[data-annotation]");
      setActive(open ? open.dataset.annotation : null);
      // On a narrow window the panel sits below the text: bring it into view.
      var top = target.getBoundingClientRect().top;
      if (top > window.innerHeight || top < 0) target.scrollIntoView({ block: "start" });
    } else if (target.id === "annotated-body" || target.id === "annotation-list") {
      setActive(activeId);
    }
  });
})();

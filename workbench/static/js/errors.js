// When an htmx request fails, say why where it was made: never a blank, never a whole page
// inside a fragment. Validation errors (400, 409, 422) come back as fragments and are swapped
// like successes (see the htmx-config meta tag); this handles the rest.
(function () {
  "use strict";

  var FALLBACK = {
    403: "Your role does not allow this.",
    404: "This is no longer here: it may have been deleted. Reload the page.",
    413: "This is too large to send.",
    429: "Too many requests: wait a moment and try again.",
  };

  // The reason a page of ours gives ([data-reason] on the error pages, the alert of a form),
  // read by parsing only: nothing in the response runs.
  function reasonOf(xhr) {
    var type = xhr.getResponseHeader("Content-Type") || "";
    var text = "";
    if (type.indexOf("application/json") === 0) {
      try { text = JSON.parse(xhr.responseText).detail || ""; } catch (error) { text = ""; }
    } else if (type.indexOf("text/html") === 0 && xhr.responseText) {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var node = doc.querySelector("[data-reason], [role=alert]");
      text = node ? node.textContent.replace(/\s+/g, " ").trim() : "";
    }
    if (text) return text;
    if (FALLBACK[xhr.status]) return FALLBACK[xhr.status];
    if (xhr.status >= 500) {
      return "The server could not do this (error " + xhr.status + "). What you saved before " +
        "is safe; try again in a moment.";
    }
    return "This could not be done (error " + xhr.status + ").";
  }

  // Where the answer would have gone (the report, the panel, a section) when that can hold a
  // paragraph; else in the form or section that made the request, or just after the element
  // that made it (a button, a link, a search box).
  function place(elt, target) {
    var container = "div, section, aside, article, form";
    if (target && target !== document.body && target.matches(container)) {
      return { node: target, where: "afterbegin" };
    }
    var holder = elt.closest("form, section, #panel");
    return holder ? { node: holder, where: "afterbegin" } : { node: elt, where: "afterend" };
  }

  function clear(elt) {
    if (elt.htmxError && elt.htmxError.isConnected) elt.htmxError.remove();
    elt.htmxError = null;
  }

  function show(detail, message) {
    var elt = (detail.requestConfig && detail.requestConfig.elt) || detail.elt;
    clear(elt);
    var note = document.createElement("p");
    note.className = "notice error htmx-error";
    note.setAttribute("role", "alert");
    note.textContent = message;
    var at = place(elt, detail.target);
    at.node.insertAdjacentElement(at.where, note);
    elt.htmxError = note;
    bringIntoView(note);
    return note;
  }

  function bringIntoView(node) {
    var box = node.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      node.scrollIntoView({ block: "center" });
    }
  }

  // A refusal swapped in out of sight (the import report above a long form) comes into view;
  // a successful swap never moves the page.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.xhr.status < 400) return;
    var target = event.detail.target;
    var root = target.isConnected ? target : document.getElementById(target.id);
    var alert = root && root.querySelector("[role=alert]");
    if (alert) bringIntoView(alert);
  });

  function isWholePage(xhr) {
    return /^\s*(<!doctype|<html)/i.test(xhr.responseText || "");
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    clear(event.detail.elt);
  });

  document.addEventListener("htmx:responseError", function (event) {
    show(event.detail, reasonOf(event.detail.xhr));
  });

  document.addEventListener("htmx:sendError", function (event) {
    show(event.detail, "The server could not be reached: check the connection and try again.");
  });

  // A fragment was asked for and a whole page came back: the login page after the session
  // expired (htmx follows redirects silently), or a view that answered with its page. Never
  // nest a page in a fragment, and never reload: what the person typed stays where it is.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (!event.detail.shouldSwap || event.detail.target === document.body || !isWholePage(xhr)) {
      return;
    }
    event.detail.shouldSwap = false;
    var asked = new URL(event.detail.requestConfig.path, window.location.href).pathname;
    var answered = xhr.responseURL ? new URL(xhr.responseURL).pathname : asked;
    if (answered !== asked && xhr.status < 400) {
      sessionEnded(event.detail, xhr.responseURL);
    } else {
      show(event.detail, reasonOf(xhr));
    }
  });

  function sessionEnded(detail, loginUrl) {
    var note = show(detail, "Your session has ended. ");
    var login = new URL(loginUrl);
    login.searchParams.set("next", window.location.pathname + window.location.search);
    var link = document.createElement("a");
    link.href = login.href;
    link.target = "_blank";
    link.textContent = "Log in again in a new tab";
    note.append(link, ", then send this again: nothing you typed here is lost.");
  }
})();

// Review sessions: tell the server the reviewer is active on this article while the page is
// visible (once on opening, then every minute). The server counts time only between events
// at most five minutes apart, so a hidden or abandoned tab simply stops counting.
(function () {
  "use strict";
  var INTERVAL = 60 * 1000;

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["x-csrftoken"] || "";
    } catch (error) {
      return "";
    }
  }

  function beat() {
    var panel = document.querySelector("[data-heartbeat-url]");
    if (!panel || document.visibilityState !== "visible") return;
    var body = new URLSearchParams({ article: panel.getAttribute("data-article") });
    fetch(panel.getAttribute("data-heartbeat-url"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      keepalive: true,
      headers: { "X-CSRFToken": csrfToken() },
    }).catch(function () { /* offline: the next beat will do */ });
  }

  var started = false;
  function start() {
    if (started || !document.querySelector("[data-heartbeat-url]")) return;
    started = true;
    beat();
    setInterval(beat, INTERVAL);
    document.addEventListener("visibilitychange", beat);
  }

  // The review panel arrives by htmx after the page: start once it is there.
  document.addEventListener("htmx:load", start);
  document.addEventListener("DOMContentLoaded", start);
})();

/* Copy buttons: <button type="button" data-copy="#id-of-a-field">Copy</button>.
 *
 * Loaded with `defer` (no inline script). Copies the field's value with the Clipboard API,
 * falling back to selecting it (so Ctrl+C works) where the API is refused, and says which
 * happened in the button's status element ([data-copy-status]) for screen readers.
 */
(function () {
  "use strict";

  function report(button, text) {
    var status = button.parentElement.querySelector("[data-copy-status]");
    if (status) status.textContent = text;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) return;
    var field = document.querySelector(button.dataset.copy);
    if (!field) return;
    var fallback = function () {
      field.focus();
      field.select();
      report(button, "Selected: press Ctrl+C (⌘C) to copy.");
    };
    if (!navigator.clipboard || !window.isSecureContext) {
      fallback();
      return;
    }
    navigator.clipboard.writeText(field.value).then(function () {
      report(button, "Copied.");
    }, fallback);
  });
})();

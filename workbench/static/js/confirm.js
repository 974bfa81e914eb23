/* Ask before an irreversible action: one mechanism for every such button in the app.
 *
 * Loaded with `defer` from the base template (no inline script, so a strict CSP stays possible).
 * A form, or the submit button that sends it, carries
 *   data-confirm="Delete this quote? This cannot be undone."
 *   data-confirm-button="Delete"        (optional label of the confirming button)
 * Submitting it (by click, by Enter, by a keyboard shortcut that clicks the button) opens a modal
 * <dialog> instead: focus moves into it, on the confirming button; Enter confirms, Escape or
 * Cancel closes it and nothing is sent; focus then returns to where it was. On confirmation the
 * same form is submitted again with the same submitter, so an htmx form posts through htmx and
 * a plain form posts as a page load.
 *
 * The submit event is caught on the document in the capture phase, before htmx (which listens
 * on the form itself) sees it.
 */
(function () {
  "use strict";

  var confirmed = new WeakSet();
  var dialog = null;
  var pending = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.id = "confirm-dialog";
    dialog.className = "confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-dialog-message");
    var message = document.createElement("p");
    message.id = "confirm-dialog-message";
    message.className = "confirm-message";
    var actions = document.createElement("div");
    actions.className = "actions";
    var yes = document.createElement("button");
    yes.type = "button";
    yes.className = "primary";
    yes.dataset.confirmYes = "";
    var no = document.createElement("button");
    no.type = "button";
    no.textContent = "Cancel";
    no.dataset.confirmNo = "";
    actions.append(yes, no);
    dialog.append(message, actions);
    document.body.append(dialog);

    yes.addEventListener("click", function () { finish(true); });
    no.addEventListener("click", function () { finish(false); });
    // Escape: the browser closes the dialog and fires "cancel"; "close" covers every way out.
    dialog.addEventListener("close", function () { if (pending) finish(false); });
    // Keys typed in the dialog are the dialog's: the page's shortcuts (q, Delete, Escape...)
    // must not act behind it.
    dialog.addEventListener("keydown", function (event) {
      event.stopPropagation();
      if (event.key === "Enter" && !event.target.closest("[data-confirm-no]")) {
        event.preventDefault();
        finish(true);
      }
    });
    return dialog;
  }

  function ask(form, submitter, text, label) {
    if (!dialog) build();
    var danger = /delete|remove|revoke|reject|send back|merge/i.test(label || text);
    pending = { form: form, submitter: submitter, focus: document.activeElement };
    dialog.querySelector(".confirm-message").textContent = text;
    var yes = dialog.querySelector("[data-confirm-yes]");
    yes.textContent = label || "Confirm";
    yes.classList.toggle("danger", danger);
    dialog.showModal();
    yes.focus();
  }

  function finish(ok) {
    var request = pending;
    pending = null;
    if (dialog.open) dialog.close();
    if (!request) return;
    var back = request.focus;
    if (back && back.isConnected && typeof back.focus === "function") back.focus();
    if (!ok || !request.form.isConnected) return;
    confirmed.add(request.form);
    var submitter = request.submitter && request.submitter.isConnected ? request.submitter : null;
    if (submitter) request.form.requestSubmit(submitter);
    else request.form.requestSubmit();
  }

  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      var submitter = event.submitter || null;
      var source = submitter && submitter.hasAttribute("data-confirm") ? submitter : form;
      var text = source.getAttribute("data-confirm");
      if (!text) return;
      if (confirmed.has(form)) {
        confirmed.delete(form);
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      ask(form, submitter, text, source.getAttribute("data-confirm-button"));
    },
    true
  );
})();

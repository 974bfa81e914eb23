"""Issue 14 in a real browser: irreversible actions ask first (keyboard included), review states
never go stale on the page, roles are explicit, and the small things (shortcut list, token copy,
API docs link, dates)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.conftest import screenshot
from tests.browser.test_annotate import BODY, _article, _log_in, _select, _settle
from workbench.accounts.models import ApiToken
from workbench.annotations.services import annotation_create
from workbench.review.models import Assignment
from workbench.review.services import article_submit, assignment_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "three drones were used"


def _quote(world, article):
    start = BODY.index(TEXT)
    return annotation_create(
        article=article, author=world.reviewer, kind="quote",
        start=start, end=start + len(TEXT), exact=TEXT,
    )  # fmt: skip


def _open(page, annotation) -> None:
    page.locator(f"#annotation-{annotation.pk} a").click()
    page.locator(f'#panel [data-annotation="{annotation.pk}"]').wait_for()
    _settle(page)


def test_submit_asks_escape_cancels_enter_confirms_and_the_panel_locks_without_reload(
    page, live_server, world
):
    article = _article(world)
    assignment = assignment_create(article=article, reviewer=world.reviewer, actor=world.lead)
    quote = _quote(world, article)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    _open(page, quote)
    panel = page.locator("#panel")
    assert panel.get_by_role("link", name="Edit").is_visible()
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads

    submit = page.locator("#review-panel").get_by_role("button", name="Submit my annotations")
    submit.click()
    dialog = page.locator("#confirm-dialog")
    dialog.wait_for(state="visible")
    assert "You cannot change them afterwards" in dialog.inner_text()
    # Focus moved into the dialog, on the confirming button.
    assert page.evaluate("document.activeElement.closest('#confirm-dialog') !== null")
    assert page.evaluate("document.activeElement.textContent") == "Submit"
    screenshot(page, "confirm-submit")

    # Escape cancels: nothing is sent, focus goes back to the button; the page's own Escape
    # (close the annotation panel) does not act behind the dialog.
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    page.wait_for_timeout(300)
    assert Assignment.objects.get(pk=assignment.pk).state == "in_progress"
    assert page.evaluate("document.activeElement.dataset.action") == "submit"
    assert panel.locator(f'[data-annotation="{quote.pk}"]').count() == 1

    # Enter on the focused button opens the dialog (without confirming it at once)...
    page.keyboard.press("Enter")
    dialog.wait_for(state="visible")
    page.wait_for_timeout(300)
    assert dialog.is_visible()
    assert Assignment.objects.get(pk=assignment.pk).state == "in_progress"
    # ...and Enter in the dialog confirms.
    page.keyboard.press("Enter")
    page.locator("#review-panel").get_by_text("Submitted: the lead will review").wait_for()
    assert Assignment.objects.get(pk=assignment.pk).state == "submitted"
    # The box's heading names the article's new status, not the one from before the submit.
    assert page.locator("#review-title .status").inner_text() == "Submitted"

    # The open panel follows without a reload: status submitted, no Edit or Delete.
    panel.locator(".ann-meta", has_text="submitted").wait_for()
    panel.locator("[data-locked]").wait_for()
    assert panel.get_by_role("link", name="Edit").count() == 0
    assert panel.get_by_role("button", name="Delete").count() == 0
    assert page.evaluate("window.__sameDocument") is True

    # Pressing q now explains instead of opening a form that would be refused.
    _select(page, "Pentagon confirmed")
    page.keyboard.press("q")
    panel.get_by_text("You submitted your annotations on this article").wait_for()
    assert page.locator("#annotation-form").count() == 0


def test_lead_approves_through_the_dialog_and_the_details_lock_without_reload(
    page, live_server, world
):
    article = _article(world)
    assignment = assignment_create(article=article, reviewer=world.reviewer, actor=world.lead)
    quote = _quote(world, article)
    article_submit(assignment=assignment, actor=world.reviewer)
    _log_in(page, live_server, world.lead)
    page.goto(article.get_absolute_url())
    page.locator("#review-panel").get_by_role("button", name="Approve").wait_for()
    _open(page, quote)
    page.evaluate("window.__sameDocument = true")
    assert page.get_by_role("link", name="Edit details").is_visible()

    page.locator("#review-panel").get_by_role("button", name="Approve").click()
    dialog = page.locator("#confirm-dialog")
    dialog.wait_for(state="visible")
    dialog.get_by_role("button", name="Cancel").click()
    dialog.wait_for(state="hidden")
    assert Assignment.objects.get(pk=assignment.pk).state == "submitted"

    page.locator("#review-panel").get_by_role("button", name="Approve").click()
    dialog.get_by_role("button", name="Approve").click()
    page.locator("#review-panel").get_by_text("Approved.").wait_for()
    page.locator("#panel .ann-meta", has_text="approved").wait_for()
    page.locator("[data-details-locked]").wait_for()
    assert page.get_by_role("link", name="Edit details").count() == 0
    assert page.evaluate("window.__sameDocument") is True


def test_plain_form_post_asks_first_too_and_the_token_copy_button_copies(page, live_server, world):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    _log_in(page, live_server, world.reviewer)
    page.goto(reverse("accounts:token_list"))
    page.get_by_label("Name").fill("notebook")
    page.get_by_role("button", name="Create token").click()
    secret = page.locator("#new-token-value").input_value()
    assert secret
    page.get_by_role("button", name="Copy").click()
    page.get_by_text("Copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == secret

    # Revoking is a plain (non-htmx) form: Escape leaves the token alone, Enter revokes it.
    page.get_by_role("button", name="Revoke").click()
    dialog = page.locator("#confirm-dialog")
    dialog.wait_for(state="visible")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    page.wait_for_timeout(300)
    assert ApiToken.objects.get(name="notebook").is_active
    page.get_by_role("button", name="Revoke").click()
    dialog.wait_for(state="visible")
    page.keyboard.press("Enter")
    page.get_by_text("revoked", exact=False).first.wait_for()
    assert not ApiToken.objects.get(name="notebook").is_active


def test_viewer_is_never_invited_to_annotate(page, live_server, world):
    article = _article(world)
    _quote(world, article)
    _log_in(page, live_server, world.viewer)
    page.goto(article.get_absolute_url())
    panel = page.locator("#panel")
    panel.get_by_text("Your role in this team is viewer").wait_for()
    assert "press q" not in panel.inner_text()
    assert page.get_by_role("link", name="Suggest quotes and claims").count() == 0
    _select(page, TEXT)
    for key in ("q", "c", "a", "x", "n"):
        page.keyboard.press(key)
    panel.get_by_text("read-only").wait_for()
    assert page.locator("#annotation-form, #suggestions").count() == 0
    page.keyboard.press("?")
    shortcuts = page.locator("#shortcuts")
    shortcuts.wait_for(state="visible")
    assert "Mark the selected text" not in shortcuts.inner_text()


def test_shortcut_list_shows_the_suggestion_keys(page, live_server, world):
    article = _article(world)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    page.keyboard.press("?")
    shortcuts = page.locator("#shortcuts")
    shortcuts.wait_for(state="visible")
    keys = shortcuts.locator("kbd").all_inner_texts()
    assert {"n", "p", "a", "x", "q", "c", "j", "k", "e"} <= set(keys)
    assert "Accept the selected suggestion" in shortcuts.inner_text()


def test_unassigned_reviewer_is_told_to_ask_a_lead(page, live_server, world):
    article = _article(world)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    note = page.locator("#review-panel [data-not-assigned]")
    note.wait_for()
    assert "ask a lead" in note.inner_text()
    assert page.get_by_role("button", name="Submit my annotations").count() == 0


def test_api_docs_from_the_top_bar_and_back_and_dates_do_not_wrap(page, live_server, world):
    _log_in(page, live_server, world.viewer)
    page.goto(world.project.get_absolute_url())
    white_space = page.locator("td.date").first.evaluate("el => getComputedStyle(el).whiteSpace")
    assert white_space == "nowrap"
    page.get_by_role("link", name="API", exact=True).click()
    page.wait_for_url("**/api/docs/")
    page.locator("#swagger-ui .info").wait_for()
    screenshot(page, "api-docs")
    page.get_by_role("link", name="Back to the app").click()
    page.wait_for_url(f"**{reverse('articles:project_list')}")

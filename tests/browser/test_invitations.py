"""Bringing colleagues in, in a real browser: a lead invites a newcomer, who sets a password
through the one-time link, logs in and is a member; and an existing user accepts a pending
invitation from their Invitations page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.conftest import screenshot
from tests.browser.test_annotate import _log_in
from workbench.accounts.models import Invitation, Membership, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _invite(page, world, username: str, email: str, role: str) -> None:
    page.goto(world.team.get_absolute_url())
    form = page.locator("#invite-form")
    form.get_by_label("Username").fill(username)
    form.get_by_label("E-mail").fill(email)
    form.get_by_label("Role").select_option(role)
    form.get_by_role("button", name="Invite").click()
    page.locator("#new-invitation").wait_for()


def test_lead_invites_a_newcomer_who_sets_a_password_and_joins(page, live_server, world):
    _log_in(page, live_server, world.lead)
    _invite(page, world, "newcomer", "newcomer@example.org", "reviewer")
    link = page.locator("#invite-url").input_value()
    assert "/invitations/" in link and link.startswith(live_server.url)
    page.get_by_role("button", name="Copy").click()
    page.locator("[data-copy-status]").filter(has_text="C").wait_for()
    screenshot(page, "invitation-link")
    assert not Membership.objects.filter(user__username="newcomer").exists()

    # The newcomer, in a fresh browser session, opens the link and chooses a password.
    page.context.clear_cookies()
    page.goto(link)
    page.get_by_role("heading", name="Join Desk").wait_for()
    page.get_by_label("New password:", exact=True).fill("123")
    page.get_by_label("New password confirmation").fill("123")
    page.get_by_role("button", name="Set password and join").click()
    page.get_by_text("This password is too short").wait_for()
    screenshot(page, "invitation-join")
    page.get_by_label("New password:", exact=True).fill("a-fine-pass-852")
    page.get_by_label("New password confirmation").fill("a-fine-pass-852")
    page.get_by_role("button", name="Set password and join").click()
    page.get_by_text("Your password is set: log in to start.").wait_for()

    # They log in with it and find themselves in the team.
    page.get_by_label("Username").fill("newcomer")
    page.get_by_label("Password").fill("a-fine-pass-852")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Team").click()
    page.get_by_role("cell", name="newcomer", exact=True).wait_for()
    assert Membership.objects.get(user__username="newcomer", team=world.team).role == Role.REVIEWER

    # The link worked once.
    page.goto(link)
    page.get_by_role("heading", name="This link does not work").wait_for()


def test_existing_user_accepts_a_pending_invitation(page, live_server, world):
    _log_in(page, live_server, world.lead)
    _invite(page, world, "outsider", "outsider@example.org", "viewer")
    page.get_by_text("They already have an account").wait_for()
    assert page.locator("#invite-url").count() == 1  # the Invitations page, not a secret
    page.locator("#pending-invitations").get_by_role("cell", name="outsider", exact=True).wait_for()
    assert not Membership.objects.filter(user=world.outsider, team=world.team).exists()

    page.context.clear_cookies()
    _log_in(page, live_server, world.outsider)
    page.goto(reverse("articles:project_list"))
    page.get_by_role("link", name="Invitations").click()
    row = page.locator("#my-invitations tr", has_text="Desk")
    row.get_by_text("Viewer").wait_for()
    screenshot(page, "invitation-pending")
    row.get_by_role("button", name="Accept the invitation to Desk").click()
    page.get_by_text("You joined Desk.").wait_for()
    page.get_by_text("No invitations are waiting for you.").wait_for()
    assert Membership.objects.get(user=world.outsider, team=world.team).role == Role.VIEWER
    assert Invitation.objects.get().state == Invitation.State.ACCEPTED
    # The new team is now in their team switcher.
    page.locator("#team-switch").select_option(label="Desk (viewer)")


def test_a_refused_invitation_then_a_good_one_and_back_shows_the_team_page(
    page, live_server, world
):
    # The refusal is shown in place (no page of its own in the history) and the success is
    # redirected, so Back never lands on a form's answer ("Confirm form resubmission").
    _log_in(page, live_server, world.lead)
    page.goto(world.team.get_absolute_url())
    form = page.locator("#invite-form")
    form.get_by_label("Username").fill("newcomer")
    form.get_by_label("E-mail").fill("newcomer@example.org")
    form.get_by_label("Role").select_option("reviewer")
    form.get_by_label("E-mail").evaluate("field => field.setAttribute('type', 'text')")
    form.get_by_label("E-mail").fill("not an address")
    form.get_by_role("button", name="Invite").click()
    page.locator("#invite-form .errorlist").wait_for()
    assert page.url == f"{live_server.url}{world.team.get_absolute_url()}"
    form = page.locator("#invite-form")
    form.get_by_label("E-mail").fill("newcomer@example.org")
    form.get_by_role("button", name="Invite").click()
    page.locator("#new-invitation").wait_for()
    assert "invited=" in page.url
    page.go_back()
    page.locator("header.topbar").wait_for()
    assert page.url == f"{live_server.url}{world.team.get_absolute_url()}"
    assert page.locator("#invite-form").is_visible()
    # Another member of the team does not see the link by naming the invitation.
    invitation = Invitation.objects.get(user__username="newcomer")
    _log_in(page, live_server, world.reviewer)
    page.goto(f"{world.team.get_absolute_url()}?invited={invitation.pk}")
    assert page.locator("#new-invitation").count() == 0

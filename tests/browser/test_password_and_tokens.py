"""Password reset and API token options in a real browser: the reset link appears only with
e-mail set up, its one-time link sets a new password, and the tokens made before it die."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.browser.test_annotate import _log_in
from workbench.accounts.models import ApiToken
from workbench.accounts.services import api_token_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_token_page_makes_a_read_only_expiring_token(page, live_server, world):
    _log_in(page, live_server, world.reviewer)
    page.goto(reverse("accounts:token_list"))
    page.get_by_label("Name").fill("dashboard")
    page.get_by_label("Expires").select_option(label="In 30 days")
    page.get_by_label("Read-only").check()
    page.get_by_role("button", name="Create token").click()
    page.locator("#new-token").wait_for()
    row = page.locator("tr", has_text="dashboard")
    row.get_by_text("read-only").wait_for()
    token = ApiToken.objects.get(user=world.reviewer)
    assert token.read_only and token.expires_at is not None


def test_password_reset_by_email_end_to_end(page, live_server, world, settings):
    settings.WORKBENCH_PASSWORD_RESET = False
    page.goto(reverse("login"))
    page.get_by_role("button", name="Log in").wait_for()
    assert page.get_by_role("link", name="Forgot your password?").count() == 0

    settings.WORKBENCH_PASSWORD_RESET = True
    world.reviewer.email = "reviewer@example.org"
    world.reviewer.save()
    api_token_create(user=world.reviewer, name="old script")
    page.goto(reverse("login"))
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("reviewer@example.org")
    page.get_by_role("button", name="Send the link").click()
    page.get_by_role("heading", name="Check your e-mail").wait_for()
    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/reset/\S+/", message.body).group(0)

    page.goto(link)
    page.get_by_label("New password:", exact=True).fill("a-brand-new-pass-3")
    page.get_by_label("New password confirmation").fill("a-brand-new-pass-3")
    page.get_by_role("button", name="Set password").click()
    page.get_by_role("heading", name="Password set").wait_for()
    page.get_by_role("link", name="Log in").click()
    page.get_by_label("Username").fill("reviewer")
    page.get_by_label("Password").fill("a-brand-new-pass-3")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Log out").or_(
        page.get_by_role("button", name="Log out")
    ).wait_for()

    page.goto(reverse("accounts:token_list"))
    row = page.locator("tr", has_text="old script")
    row.get_by_text("your password changed since").wait_for()

    page.goto(link)
    page.get_by_role("heading", name="This link does not work").wait_for()

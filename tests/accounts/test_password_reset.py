"""Password reset: offered only when e-mail is set up, rate-limited in the database per client
address and per e-mail address, one-time links, and the user's API tokens die with it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from workbench.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def reset_on(settings):
    settings.WORKBENCH_PASSWORD_RESET = True


@pytest.fixture
def with_email(world):
    world.reviewer.email = "reviewer@example.org"
    world.reviewer.save()
    return world


def _ask(client, email="reviewer@example.org", address="203.0.113.5"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_reset_is_hidden_without_email(client, settings, with_email, mailoutbox):
    settings.WORKBENCH_PASSWORD_RESET = False
    assert "Forgot your password" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("password_reset")).status_code == 404
    assert _ask(client).status_code == 404
    assert client.get(reverse("password_reset_done")).status_code == 404
    assert mailoutbox == []


def test_reset_is_offered_when_email_is_configured(client, reset_on):
    login = client.get(reverse("login")).content.decode()
    assert "Forgot your password" in login
    assert reverse("password_reset") in login
    assert client.get(reverse("password_reset")).status_code == 200


def test_reset_link_works_once_and_kills_api_tokens(client, reset_on, with_email, mailoutbox):
    _token, secret = api_token_create(user=with_email.reviewer, name="script")
    response = _ask(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    [mail] = mailoutbox
    assert mail.to == ["reviewer@example.org"]
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.body).group(1)
    form_url = client.get(link)["Location"]  # Django moves the token into the session
    done = client.post(
        form_url, {"new_password1": "a-brand-new-pass-3", "new_password2": "a-brand-new-pass-3"}
    )
    assert done.status_code == 302
    with_email.reviewer.refresh_from_db()
    assert with_email.reviewer.check_password("a-brand-new-pass-3")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get(reverse("api:team-list")).status_code == status.HTTP_401_UNAUTHORIZED
    fresh = APIClient()
    again = fresh.get(link, follow=True)
    assert "does not work" in again.content.decode()


def test_reset_is_rate_limited_per_address(client, settings, reset_on, with_email, mailoutbox):
    settings.WORKBENCH_RESET_LIMIT_PER_ADDRESS = 2
    settings.WORKBENCH_RESET_LIMIT_PER_ACCOUNT = 100
    for n in range(2):
        assert _ask(client, email=f"someone{n}@example.org").status_code == 302
    refused = _ask(client)
    assert refused.status_code == 429
    assert "Too many reset requests" in refused.content.decode()
    assert mailoutbox == []
    # Another client is not held back by it.
    assert _ask(client, address="198.51.100.9").status_code == 302
    assert len(mailoutbox) == 1


def test_reset_limit_per_address_reads_through_the_proxy(client, settings, reset_on, with_email):
    settings.WORKBENCH_PROXY_COUNT = 1
    settings.WORKBENCH_RESET_LIMIT_PER_ADDRESS = 1
    url = reverse("password_reset")
    data = {"email": "x@example.org"}
    first = client.post(url, data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert first.status_code == 302
    same = client.post(url, data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert same.status_code == 429
    other = client.post(url, data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert other.status_code == 302


def test_reset_is_rate_limited_per_account_silently(
    client, settings, reset_on, with_email, mailoutbox
):
    settings.WORKBENCH_RESET_LIMIT_PER_ADDRESS = 100
    settings.WORKBENCH_RESET_LIMIT_PER_ACCOUNT = 2
    for n in range(4):
        # From ever-changing addresses, as a botnet would: the account's limit still holds.
        response = _ask(client, email="Reviewer@Example.org", address=f"192.0.2.{n}")
        assert response.status_code == 302  # the same answer, so it reveals nothing
        assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 2

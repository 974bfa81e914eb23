"""Personal API tokens: authentication, hashed storage, revocation, and the settings page."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework import status
from rest_framework.test import APIClient

from tests.conftest import XSS, client_for
from tests.factories import PASSWORD
from workbench.accounts.models import ApiToken
from workbench.accounts.services import api_token_create, api_token_revoke, token_hash

pytestmark = pytest.mark.django_db


def _client(header: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    return client


@pytest.mark.parametrize("keyword", ["Bearer", "Token", "bearer"])
def test_token_authenticates_in_both_header_forms(world, keyword):
    _token, secret = api_token_create(user=world.reviewer, name="script")
    response = _client(f"{keyword} {secret}").get(reverse("api:team-list"))
    assert response.status_code == status.HTTP_200_OK
    assert response.json()[0]["role"] == "reviewer"


def test_anonymous_gets_401_with_challenge(world):
    response = APIClient().get(reverse("api:project-list"))
    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize(
    "header",
    [
        "Bearer {prefix}wrong-secret-wrong-secret-wrong-secret",
        "Bearer {secret}x",
        "Bearer nonsense",
        "Bearer",
        "Bearer {secret} extra",
        "Token ",
    ],
)
def test_wrong_token_is_refused(world, header):
    token, secret = api_token_create(user=world.lead, name="script")
    client = _client(header.format(prefix=token.prefix, secret=secret))
    response = client.get(reverse("api:project-list"))
    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_revoked_token_is_refused(world):
    token, secret = api_token_create(user=world.lead, name="script")
    api_token_revoke(token=token, actor=world.lead)
    response = _client(f"Bearer {secret}").get(reverse("api:project-list"))
    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert response.json()["detail"] == "Invalid or revoked token."


def test_token_of_inactive_user_is_refused(world):
    _token, secret = api_token_create(user=world.lead, name="script")
    world.lead.is_active = False
    world.lead.save()
    response = _client(f"Bearer {secret}").get(reverse("api:project-list"))
    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_token_secret_is_not_stored(world):
    token, secret = api_token_create(user=world.lead, name="script")
    assert token.prefix == secret[:8]
    assert token.key_hash == token_hash(secret) != secret
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_apitoken")
        rows = cursor.fetchall()
    assert rows
    assert not any(secret in str(value) for row in rows for value in row)


def test_token_last_used_is_written_at_most_once_a_minute(world, django_assert_num_queries):
    token, secret = api_token_create(user=world.lead, name="script")
    client = _client(f"Bearer {secret}")
    client.get(reverse("api:team-list"))
    token.refresh_from_db()
    first = token.last_used
    assert first is not None
    client.get(reverse("api:team-list"))
    token.refresh_from_db()
    assert token.last_used == first
    ApiToken.objects.filter(pk=token.pk).update(last_used=first - datetime.timedelta(minutes=2))
    client.get(reverse("api:team-list"))
    token.refresh_from_db()
    assert token.last_used > first - datetime.timedelta(minutes=1)


def test_session_auth_needs_csrf_for_writes(world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.lead)
    assert client.get(reverse("api:project-list")).status_code == status.HTTP_200_OK
    response = client.post(reverse("api:entity-list"), {"name": "Someone"}, format="json")
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert "CSRF" in response.json()["detail"]


def test_token_auth_needs_no_csrf(world):
    _token, secret = api_token_create(user=world.lead, name="script")
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = client.post(reverse("api:entity-list"), {"name": "Someone"}, format="json")
    assert response.status_code == status.HTTP_201_CREATED


# --- the settings page --------------------------------------------------------------------------


def test_token_page_ladder(world):
    url = reverse("accounts:token_list")
    response = APIClient().get(url)
    assert response.status_code == status.HTTP_302_FOUND
    assert reverse("login") in response["Location"]
    for user in (world.lead, world.viewer, world.outsider):
        assert client_for(user).get(url).status_code == status.HTTP_200_OK


def test_token_page_creates_and_shows_the_secret_once(world):
    client = client_for(world.viewer)
    response = client.post(reverse("accounts:token_create"), {"name": "notebook"})
    assert response.status_code == status.HTTP_200_OK
    token = ApiToken.objects.get(user=world.viewer)
    secret = response.context["secret"]
    assert token.key_hash == token_hash(secret)
    assert secret in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    again = client.get(reverse("accounts:token_list")).content.decode()
    assert secret not in again
    assert token.prefix in again and "notebook" in again
    # The new token works, with the viewer's rights.
    api = _client(f"Bearer {secret}")
    assert api.get(reverse("api:project-list")).status_code == status.HTTP_200_OK


def test_token_page_refuses_an_empty_name(world):
    response = client_for(world.lead).post(reverse("accounts:token_create"), {"name": "  "})
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert not ApiToken.objects.exists()


def test_token_page_escapes_names(world):
    client = client_for(world.lead)
    client.post(reverse("accounts:token_create"), {"name": XSS})
    page = client.get(reverse("accounts:token_list")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_token_page_lists_only_own_tokens(world):
    api_token_create(user=world.outsider, name="theirs")
    page = client_for(world.lead).get(reverse("accounts:token_list")).content.decode()
    assert "theirs" not in page


def test_token_revoke_ladder(world):
    token, secret = api_token_create(user=world.lead, name="script")
    url = reverse("accounts:token_revoke", args=[token.pk])
    assert client_for(world.outsider).post(url).status_code == status.HTTP_404_NOT_FOUND
    assert client_for(world.reviewer).post(url).status_code == status.HTTP_404_NOT_FOUND
    token.refresh_from_db()
    assert token.revoked_at is None
    response = client_for(world.lead).post(url)
    assert response.status_code == status.HTTP_302_FOUND
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_at <= timezone.now()
    assert _client(f"Bearer {secret}").get(reverse("api:team-list")).status_code == 401
    page = client_for(world.lead).get(reverse("accounts:token_list")).content.decode()
    assert "revoked" in page


# --- scope, expiry and password changes -----------------------------------------------------------


def test_read_only_token_reads_but_every_write_is_403(world):
    _token, secret = api_token_create(user=world.lead, name="reader", read_only=True)
    api = _client(f"Bearer {secret}")
    assert api.get(reverse("api:project-list")).status_code == status.HTTP_200_OK
    assert api.head(reverse("api:project-list")).status_code == status.HTTP_200_OK
    response = api.post(reverse("api:entity-list"), {"name": "Someone"}, format="json")
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert "read-only" in response.json()["detail"]
    project = reverse("api:project-detail", args=[world.project.pk])
    assert api.patch(project, {"name": "X"}, format="json").status_code == 403
    assert api.delete(project).status_code == status.HTTP_403_FORBIDDEN
    world.project.refresh_from_db()
    assert world.project.name == "Desk project"


def test_expired_token_is_refused_like_a_revoked_one(world):
    token, secret = api_token_create(user=world.lead, name="brief", expires_in_days=7)
    assert token.expires_at > timezone.now() + datetime.timedelta(days=6)
    api = _client(f"Bearer {secret}")
    assert api.get(reverse("api:team-list")).status_code == status.HTTP_200_OK
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    response = api.get(reverse("api:team-list"))
    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert response.json()["detail"] == "Invalid or revoked token."


def test_token_expiry_out_of_range_is_refused(world):
    with pytest.raises(ValidationError) as error:
        api_token_create(user=world.lead, name="forever", expires_in_days=0)
    assert error.value.error_dict["expires_in_days"][0].code == "token_expiry_out_of_range"


def test_password_change_kills_every_token(world):
    _token, secret = api_token_create(user=world.reviewer, name="script")
    api = _client(f"Bearer {secret}")
    assert api.get(reverse("api:team-list")).status_code == status.HTTP_200_OK
    response = client_for(world.reviewer).post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-pass-77",
            "new_password2": "a-new-long-pass-77",
        },
    )
    assert response.status_code == status.HTTP_302_FOUND
    assert api.get(reverse("api:team-list")).status_code == status.HTTP_401_UNAUTHORIZED
    world.reviewer.refresh_from_db()
    page = client_for(world.reviewer).get(reverse("accounts:token_list")).content.decode()
    assert "your password changed since" in page
    # A token made after the change works.
    _token, fresh = api_token_create(user=world.reviewer, name="new")
    assert _client(f"Bearer {fresh}").get(reverse("api:team-list")).status_code == 200


def test_token_page_creates_a_read_only_expiring_token(world):
    client = client_for(world.lead)
    response = client.post(
        reverse("accounts:token_create"),
        {"name": "dashboard", "expires_in_days": "30", "read_only": "on"},
    )
    assert response.status_code == status.HTTP_200_OK
    token = ApiToken.objects.get(user=world.lead)
    assert token.read_only
    assert token.expires_at.date() == (timezone.now() + datetime.timedelta(days=30)).date()
    page = client.get(reverse("accounts:token_list")).content.decode()
    assert "read-only" in page


def test_token_page_refuses_an_unknown_expiry(world):
    response = client_for(world.lead).post(
        reverse("accounts:token_create"), {"name": "x", "expires_in_days": "99999"}
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert not ApiToken.objects.exists()

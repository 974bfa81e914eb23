from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import PASSWORD, MembershipFactory, TeamFactory, UserFactory
from workbench.accounts.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_login_with_password_then_logout(client, world):
    response = client.post(reverse("login"), {"username": "reviewer", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("articles:project_list")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("articles:project_list")).status_code == 302


def test_login_refuses_wrong_password(client, world):
    response = client.post(reverse("login"), {"username": "reviewer", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_password_change_works(world):
    client = client_for(world.reviewer)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-pass-77",
            "new_password2": "a-new-long-pass-77",
        },
    )
    assert response.status_code == 302
    world.reviewer.refresh_from_db()
    assert world.reviewer.check_password("a-new-long-pass-77")


def test_lead_adds_member_and_changes_role(world):
    newcomer = UserFactory(username="newcomer")
    client = client_for(world.lead)
    client.post(
        reverse("accounts:member_add", args=[world.team.slug]),
        {"username": "NewComer", "role": "viewer"},
    )
    membership = Membership.objects.get(user=newcomer, team=world.team)
    assert membership.role == Role.VIEWER
    client.post(
        reverse("accounts:member_role", args=[world.team.slug, membership.pk]), {"role": "reviewer"}
    )
    membership.refresh_from_db()
    assert membership.role == Role.REVIEWER


def test_member_add_reports_unknown_user(world):
    response = client_for(world.lead).post(
        reverse("accounts:member_add", args=[world.team.slug]),
        {"username": "ghost", "role": "viewer"},
    )
    assert response.status_code == 400
    assert "No active user" in response.content.decode()


def test_last_lead_cannot_step_down(world):
    membership = world.lead.memberships.get()
    client = client_for(world.lead)
    response = client.post(
        reverse("accounts:member_role", args=[world.team.slug, membership.pk]),
        {"role": "viewer"},
        follow=True,
    )
    membership.refresh_from_db()
    assert membership.role == Role.LEAD
    assert "at least one lead" in response.content.decode()


def test_lead_removes_member_and_reviewer_cannot(world):
    membership = world.viewer.memberships.get()
    url = reverse("accounts:member_remove", args=[world.team.slug, membership.pk])
    assert client_for(world.reviewer).post(url).status_code == 403
    assert client_for(world.outsider).post(url).status_code == 404
    assert client_for(world.lead).post(url).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_user_in_two_teams_switches(world):
    MembershipFactory(user=world.reviewer, team=world.other_project.team, role=Role.VIEWER)
    client = client_for(world.reviewer)
    home = reverse("articles:project_list")
    assert world.project.name in client.get(home).content.decode()
    client.post(reverse("accounts:team_switch"), {"team": world.other_project.team.pk})
    page = client.get(home).content.decode()
    assert world.other_project.name in page
    assert world.project.name not in page


def test_team_switch_refuses_a_team_you_are_not_in(world):
    response = client_for(world.reviewer).post(
        reverse("accounts:team_switch"), {"team": world.other_project.team.pk}
    )
    assert response.status_code == 404


def test_member_list_escapes_user_names(world):
    evil = UserFactory(username="mallory", first_name=XSS)
    MembershipFactory(user=evil, team=world.team)
    team = TeamFactory(name=XSS, slug="evil")
    MembershipFactory(user=world.lead, team=team, role=Role.LEAD)
    client = client_for(world.lead)
    for url in (
        reverse("accounts:member_list", args=[world.team.slug]),
        reverse("accounts:member_list", args=["evil"]),
    ):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert 'onerror="alert' not in html
        assert "&lt;script&gt;" in html


def test_login_locks_after_repeated_wrong_passwords(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "reviewer", "password": "guess"})
    response = client.post(reverse("login"), {"username": "reviewer", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert client.get(reverse("articles:project_list")).status_code == 302


def _fail_logins(client, settings, address: str) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "lead", "password": "guess"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
        )


def test_login_lock_behind_a_proxy_locks_the_attacker_not_the_owner(client, world, settings):
    # Both requests come from the proxy (10.0.0.1); only X-Forwarded-For tells them apart.
    settings.WORKBENCH_PROXY_COUNT = 1
    _fail_logins(client, settings, "203.0.113.66")
    attacker = client.post(
        reverse("login"),
        {"username": "lead", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    assert attacker.status_code == 429
    owner = client.post(
        reverse("login"),
        {"username": "lead", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert owner.status_code == 302


def test_login_lock_ignores_addresses_the_client_forged(client, world, settings):
    # A client may prepend anything to X-Forwarded-For; the proxy appends the real address.
    settings.WORKBENCH_PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "lead", "password": "guess"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.66",
        )
    response = client.post(
        reverse("login"),
        {"username": "lead", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.66",
    )
    assert response.status_code == 429


def test_login_lock_without_proxies_uses_the_peer_address(client, world, settings):
    settings.WORKBENCH_PROXY_COUNT = 0
    _fail_logins(client, settings, "198.51.100.7")
    # X-Forwarded-For is not trusted without proxies: the lock is on the peer, 10.0.0.1.
    response = client.post(
        reverse("login"),
        {"username": "lead", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302

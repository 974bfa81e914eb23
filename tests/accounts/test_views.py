from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import PASSWORD, MembershipFactory, TeamFactory, UserFactory
from workbench.accounts.models import Invitation, Membership, Role

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


def test_lead_changes_a_members_role(world):
    membership = world.viewer.memberships.get()
    client_for(world.lead).post(
        reverse("accounts:member_role", args=[world.team.slug, membership.pk]), {"role": "reviewer"}
    )
    membership.refresh_from_db()
    assert membership.role == Role.REVIEWER


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


def test_new_token_page_has_a_copy_button_and_revoking_asks_first(world):
    client = client_for(world.reviewer)
    page = client.post(reverse("accounts:token_create"), {"name": "notebook"}).content.decode()
    assert '<button type="button" class="small" data-copy="#new-token-value">Copy</button>' in page
    assert "js/copy.js" in page
    assert 'data-confirm="Revoke the token “notebook”?' in page


def test_member_removal_asks_through_the_app_dialog(world):
    page = client_for(world.lead).get(reverse("accounts:member_list", args=[world.team.slug]))
    html = page.content.decode()
    assert "hx-confirm" not in html
    assert 'data-confirm="Remove viewer from' in html


def test_top_bar_links_the_api_docs_and_the_docs_link_back(world):
    client = client_for(world.viewer)
    page = client.get(reverse("articles:project_list")).content.decode()
    assert f'<a href="{reverse("api:docs")}" title="The REST API\'s documentation">API</a>' in page
    assert "js/confirm.js" in page
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 200
    html = docs.content.decode()
    assert f'<a href="{reverse("articles:project_list")}">Back to the app</a>' in html
    assert 'id="swagger-ui"' in html


def _log_in_as_lead(client, password: str, forwarded: str, remote: str = "10.0.0.1"):
    return client.post(
        reverse("login"),
        {"username": "lead", "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def _fail_logins(client, settings, forwarded: str) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in_as_lead(client, "guess", forwarded)


def test_login_lock_behind_a_proxy_locks_the_attacker_not_the_owner(client, world, settings):
    # Both requests come from the proxy (10.0.0.1); only X-Forwarded-For tells them apart.
    settings.WORKBENCH_PROXY_COUNT = 1
    _fail_logins(client, settings, "203.0.113.66")
    assert _log_in_as_lead(client, PASSWORD, "203.0.113.66").status_code == 429
    assert _log_in_as_lead(client, PASSWORD, "198.51.100.7").status_code == 302


def test_login_lock_ignores_addresses_the_client_forged(client, world, settings):
    # A client may prepend anything to X-Forwarded-For; the proxy appends the real address.
    settings.WORKBENCH_PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        _log_in_as_lead(client, "guess", f"192.0.2.{n}, 203.0.113.66")
    assert _log_in_as_lead(client, PASSWORD, "192.0.2.200, 203.0.113.66").status_code == 429


def test_login_lock_without_proxies_uses_the_peer_address(client, world, settings):
    settings.WORKBENCH_PROXY_COUNT = 0
    _fail_logins(client, settings, "198.51.100.7")
    # X-Forwarded-For is not trusted without proxies: the lock is on the peer, 10.0.0.1.
    assert _log_in_as_lead(client, PASSWORD, "198.51.100.7", remote="10.0.0.2").status_code == 302


def test_login_lock_with_a_forwarded_entry_that_is_no_address_uses_the_peer(
    client, world, settings
):
    # Issue 20 re-attack: "X-Forwarded-For: zzz" was a 500 on PostgreSQL (django-axes stores the
    # address in an inet column). An entry that is no IP address is not an address: the peer is.
    settings.WORKBENCH_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in_as_lead(client, "guess", "not-an-address", remote="10.0.0.9")
    assert _log_in_as_lead(client, PASSWORD, "not-an-address", remote="10.0.0.9").status_code == 429
    assert _log_in_as_lead(client, PASSWORD, "not-an-address", remote="10.0.0.2").status_code == 302


# --- invitations ----------------------------------------------------------------------------------


def _invite(client, world, username="newcomer", email="newcomer@example.org", role="reviewer"):
    # Redirected to the Team page, which shows the link: follow it, as the browser does.
    return client.post(
        reverse("accounts:invitation_create", args=[world.team.slug]),
        {"username": username, "email": email, "role": role},
        follow=True,
    )


def test_invite_ladder(client, world):
    url = reverse("accounts:invitation_create", args=[world.team.slug])
    data = {"username": "newcomer", "email": "n@example.org", "role": "viewer"}
    anonymous = client.post(url, data)
    assert anonymous.status_code == 302 and reverse("login") in anonymous["Location"]
    assert client_for(world.outsider).post(url, data).status_code == 404
    assert client_for(world.reviewer).post(url, data).status_code == 403
    assert client_for(world.viewer).post(url, data).status_code == 403
    assert not Invitation.objects.exists()


def test_lead_invites_a_newcomer_and_sees_the_one_time_link(world, mailoutbox):
    response = _invite(client_for(world.lead), world)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    invitation = Invitation.objects.get()
    url = response.context["invite_url"]
    assert url.startswith("http://testserver/invitations/")
    assert url in response.content.decode()
    assert not Membership.objects.filter(user=invitation.user).exists()
    [mail] = mailoutbox
    assert mail.to == ["newcomer@example.org"]
    assert world.team.name in mail.subject
    # The mail and the page each make the link from the account (Django's token carries the
    # second it was made, so the two may differ): both must open the same invitation.
    prefix = f"http://testserver/invitations/{invitation.pk}/join/"
    [mailed_url] = re.findall(re.escape(prefix) + r"\S+/", mail.body)
    assert Client().get(mailed_url).status_code == 200
    # The link is not kept anywhere the lead could read it again.
    assert url not in client_for(world.lead).get(world.team.get_absolute_url()).content.decode()


def test_newcomer_opens_the_link_sets_a_password_and_is_a_member(client, world):
    url = _invite(client_for(world.lead), world).context["invite_url"]
    page = client.get(url)
    assert page.status_code == 200
    assert "Join Desk" in page.content.decode()
    weak = client.post(url, {"new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 400
    assert "too short" in weak.content.decode()
    response = client.post(
        url, {"new_password1": "a-fine-pass-852", "new_password2": "a-fine-pass-852"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("login")
    newcomer = Membership.objects.get(team=world.team, user__username="newcomer")
    assert newcomer.role == Role.REVIEWER
    login = client.post(reverse("login"), {"username": "newcomer", "password": "a-fine-pass-852"})
    assert login.status_code == 302
    # Used once: the link is dead now.
    used = client.get(url)
    assert used.status_code == 404
    assert "does not work" in used.content.decode()


def test_join_link_with_a_bad_token_or_id_is_404(client, world):
    _invite(client_for(world.lead), world)
    invitation = Invitation.objects.get()
    for args in ([invitation.pk, "nope-nope"], [invitation.pk + 1, "nope-nope"]):
        response = client.get(reverse("accounts:invitation_join", args=args))
        assert response.status_code == 404
    assert (
        client.post(
            reverse("accounts:invitation_join", args=[invitation.pk, "x-y"]),
            {"new_password1": "a-fine-pass-852", "new_password2": "a-fine-pass-852"},
        ).status_code
        == 404
    )
    assert not Membership.objects.filter(user=invitation.user).exists()


def test_existing_user_is_not_added_without_accepting(world, mailoutbox):
    world.outsider.email = "outsider@example.org"
    world.outsider.save()
    response = _invite(client_for(world.lead), world, username="outsider", email="typo@x.org")
    assert response.status_code == 200
    assert "already have an account" in response.content.decode()
    assert not Membership.objects.filter(team=world.team, user=world.outsider).exists()
    [mail] = mailoutbox
    assert mail.to == ["outsider@example.org"]  # their own address, not the one typed
    assert reverse("accounts:invitation_list") in mail.body
    # The team does not become theirs: the switch refuses it and the team page is hidden.
    outsider = client_for(world.outsider)
    assert (
        outsider.post(reverse("accounts:team_switch"), {"team": world.team.pk}).status_code == 404
    )
    assert outsider.get(world.team.get_absolute_url()).status_code == 404


def test_existing_user_accepts_from_the_invitations_page(world):
    _invite(client_for(world.lead), world, username="outsider", role="viewer")
    invitation = Invitation.objects.get()
    client = client_for(world.outsider)
    page = client.get(reverse("accounts:invitation_list")).content.decode()
    assert "Desk" in page and "Viewer" in page
    response = client.post(reverse("accounts:invitation_accept", args=[invitation.pk]))
    assert response.status_code == 302
    assert Membership.objects.get(team=world.team, user=world.outsider).role == Role.VIEWER
    again = client.post(reverse("accounts:invitation_accept", args=[invitation.pk]))
    assert again.status_code == 404


def test_existing_user_declines(world):
    _invite(client_for(world.lead), world, username="outsider")
    invitation = Invitation.objects.get()
    client = client_for(world.outsider)
    assert (
        client.post(reverse("accounts:invitation_decline", args=[invitation.pk])).status_code == 302
    )
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.DECLINED
    assert not Membership.objects.filter(team=world.team, user=world.outsider).exists()


def test_nobody_else_can_answer_an_invitation(client, world):
    _invite(client_for(world.lead), world, username="outsider")
    invitation = Invitation.objects.get()
    for name in ("accounts:invitation_accept", "accounts:invitation_decline"):
        url = reverse(name, args=[invitation.pk])
        anonymous = client.post(url)
        assert anonymous.status_code == 302 and reverse("login") in anonymous["Location"]
        for user in (world.lead, world.reviewer):
            assert client_for(user).post(url).status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_pending


def test_invitations_page_ladder_and_escaping(client, world):
    url = reverse("accounts:invitation_list")
    assert client.get(url).status_code == 302
    evil = TeamFactory(name=XSS, slug="evil")
    MembershipFactory(user=world.lead, team=evil, role=Role.LEAD)
    client_for(world.lead).post(
        reverse("accounts:invitation_create", args=["evil"]),
        {"username": "outsider", "email": "o@example.org", "role": "viewer"},
    )
    html = client_for(world.outsider).get(url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "No invitations" in client_for(world.reviewer).get(url).content.decode()


def test_lead_sees_and_withdraws_pending_invitations(world):
    lead = client_for(world.lead)
    _invite(lead, world, username="outsider")
    invitation = Invitation.objects.get()
    page = lead.get(world.team.get_absolute_url()).content.decode()
    assert "Pending invitations" in page and "outsider" in page
    # Reviewers see the members, not the invitations.
    assert (
        "Pending invitations"
        not in client_for(world.reviewer).get(world.team.get_absolute_url()).content.decode()
    )
    url = reverse("accounts:invitation_cancel", args=[world.team.slug, invitation.pk])
    assert client_for(world.reviewer).post(url).status_code == 403
    assert client_for(world.outsider).post(url).status_code == 404
    assert lead.post(url).status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.CANCELLED


def test_invite_errors_show_in_place(world):
    lead = client_for(world.lead)
    for data, text in (
        ({"username": "viewer", "email": "v@example.org", "role": "viewer"}, "already a member"),
        ({"username": "bad name!", "email": "v@example.org", "role": "viewer"}, "valid username"),
        ({"username": "someone", "email": "not-an-address", "role": "viewer"}, "valid email"),
    ):
        response = lead.post(reverse("accounts:invitation_create", args=[world.team.slug]), data)
        assert response.status_code == 400
        assert text in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_direct_add_member_path_is_gone(world):
    page = client_for(world.lead).get(world.team.get_absolute_url()).content.decode()
    assert "members/add/" not in page
    response = client_for(world.lead).post(
        f"/teams/{world.team.slug}/members/add/", {"username": "outsider", "role": "viewer"}
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(team=world.team, user=world.outsider).exists()


def test_invitation_urls_with_huge_ids_are_404(client, world):
    big = 10**25
    lead = client_for(world.lead)
    assert (
        lead.post(reverse("accounts:invitation_cancel", args=[world.team.slug, big])).status_code
        == 404
    )
    assert lead.post(reverse("accounts:invitation_accept", args=[big])).status_code == 404
    assert lead.post(reverse("accounts:invitation_decline", args=[big])).status_code == 404
    assert client.get(reverse("accounts:invitation_join", args=[big, "a-b"])).status_code == 404


def test_invite_survives_a_failing_mail_server(world, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard: nothing listens, the connection is refused
    response = _invite(client_for(world.lead), world)
    assert response.status_code == 200
    assert "No e-mail could be sent" in response.content.decode()
    assert "/invitations/" in response.context["invite_url"]


def test_a_refused_invitation_over_htmx_answers_only_the_form_and_a_good_one_redirects(world):
    lead = client_for(world.lead)
    url = reverse("accounts:invitation_create", args=[world.team.slug])
    data = {"username": "newcomer", "email": "not an address", "role": "reviewer"}
    refused = lead.post(url, data, headers={"HX-Request": "true"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert html.lstrip().startswith("<form") and 'id="invite-form"' in html
    assert "Enter a valid email address." in html
    done = lead.post(url, {**data, "email": "n@example.org"}, headers={"HX-Request": "true"})
    invitation = Invitation.objects.get()
    assert done["HX-Redirect"].endswith(f"?invited={invitation.pk}&mailed=1#new-invitation")
    # Without htmx, a redirect too: Back and reload never post the form again.
    plain = lead.post(url, {**data, "username": "other", "email": "o@example.org"})
    assert plain.status_code == 302 and "invited=" in plain["Location"]

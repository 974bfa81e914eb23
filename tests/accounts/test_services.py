"""Invitations, and the database-backed rate limit: the services behind the Team page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from workbench.accounts.models import Invitation, Membership, RateLimitHit, Role
from workbench.accounts.services import (
    invitation_accept,
    invitation_accept_with_password,
    invitation_cancel,
    invitation_create,
    invitation_decline,
    invitation_token,
    rate_limit_hit,
)
from workbench.errors import error_code

pytestmark = pytest.mark.django_db
User = get_user_model()


def _invite(world, username="newcomer", email="new@example.org", role=Role.REVIEWER):
    return invitation_create(
        team=world.team, actor=world.lead, username=username, email=email, role=role
    )


def test_inviting_an_existing_user_adds_no_membership_until_they_accept(world):
    invitation = _invite(world, username="Outsider")
    assert invitation.user == world.outsider
    assert not Membership.objects.filter(team=world.team, user=world.outsider).exists()
    assert invitation_token(invitation=invitation) is None  # they log in and accept instead
    invitation_accept(invitation=invitation, user=world.outsider)
    membership = Membership.objects.get(team=world.team, user=world.outsider)
    assert membership.role == Role.REVIEWER
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED and invitation.answered_at


def test_declined_invitation_makes_no_membership(world):
    invitation = _invite(world, username="outsider")
    invitation_decline(invitation=invitation, user=world.outsider)
    assert not Membership.objects.filter(team=world.team, user=world.outsider).exists()
    with pytest.raises(ValidationError) as error:
        invitation_accept(invitation=invitation, user=world.outsider)
    assert error.value.code == "invitation_closed"


def test_only_the_invitee_can_answer(world):
    invitation = _invite(world, username="outsider")
    with pytest.raises(PermissionDenied):
        invitation_accept(invitation=invitation, user=world.lead)
    assert invitation.user == world.outsider


def test_only_leads_invite(world):
    with pytest.raises(PermissionDenied):
        invitation_create(
            team=world.team, actor=world.reviewer, username="x", email="x@example.org", role="lead"
        )
    assert not Invitation.objects.exists()


def test_inviting_a_member_or_twice_is_refused(world):
    with pytest.raises(ValidationError) as error:
        _invite(world, username="viewer")
    assert error_code(error.value) == "already_member"
    _invite(world, username="outsider")
    with pytest.raises(ValidationError) as error:
        _invite(world, username="outsider")
    assert error_code(error.value) == "already_invited"


def test_newcomer_sets_a_password_through_the_one_time_link(world):
    invitation = _invite(world)
    newcomer = invitation.user
    assert not newcomer.has_usable_password()
    token = invitation_token(invitation=invitation)
    assert default_token_generator.check_token(newcomer, token)
    invitation_accept_with_password(invitation=invitation, token=token, password="a-fine-pass-852")
    newcomer.refresh_from_db()
    assert newcomer.check_password("a-fine-pass-852")
    assert Membership.objects.get(team=world.team, user=newcomer).role == Role.REVIEWER
    # The link works once.
    with pytest.raises(ValidationError) as error:
        invitation_accept_with_password(invitation=invitation, token=token, password="other-pass-9")
    assert error.value.code == "invitation_link_invalid"


def test_newcomer_password_goes_through_the_validators(world):
    invitation = _invite(world)
    token = invitation_token(invitation=invitation)
    with pytest.raises(ValidationError):
        invitation_accept_with_password(invitation=invitation, token=token, password="123")
    assert not Membership.objects.filter(user=invitation.user).exists()


def test_a_wrong_token_is_refused(world):
    invitation = _invite(world)
    with pytest.raises(ValidationError):
        invitation_accept_with_password(
            invitation=invitation, token="abc-def", password="a-fine-pass-852"
        )
    assert not Membership.objects.filter(user=invitation.user).exists()


def test_cancelled_invitation_kills_the_link_and_frees_the_username(world):
    invitation = _invite(world)
    invitation_cancel(invitation=invitation, actor=world.lead)
    assert not User.objects.filter(username="newcomer").exists()
    existing = _invite(world, username="outsider")
    invitation_cancel(invitation=existing, actor=world.lead)
    existing.refresh_from_db()
    assert existing.state == Invitation.State.CANCELLED
    assert User.objects.filter(pk=world.outsider.pk).exists()
    with pytest.raises(ValidationError):
        invitation_accept(invitation=existing, user=world.outsider)


def test_invalid_username_is_refused(world):
    with pytest.raises(ValidationError):
        _invite(world, username="has spaces and /slashes")
    assert not Invitation.objects.exists()


def test_rate_limit_counts_per_key_within_the_window():
    for _ in range(3):
        assert rate_limit_hit(scope="s", key="a", limit=3, window=timedelta(hours=1))
    assert not rate_limit_hit(scope="s", key="a", limit=3, window=timedelta(hours=1))
    assert rate_limit_hit(scope="s", key="b", limit=3, window=timedelta(hours=1))
    assert rate_limit_hit(scope="other", key="a", limit=3, window=timedelta(hours=1))
    RateLimitHit.objects.update(created=RateLimitHit.objects.first().created - timedelta(hours=2))
    assert rate_limit_hit(scope="s", key="a", limit=3, window=timedelta(hours=1))
    assert RateLimitHit.objects.filter(scope="s").count() == 2  # old rows of "a" were deleted


def test_unclaimed_account_cannot_log_in(client, world):
    _invite(world)
    response = client.post(reverse("login"), {"username": "newcomer", "password": ""})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_no_link_for_an_account_this_invitation_did_not_make(world):
    # An account without a password (an imported user) must not be claimable by any lead.
    imported = User.objects.create(username="imported")
    imported.set_unusable_password()
    imported.save()
    invitation = _invite(world, username="imported")
    assert not invitation.new_account
    assert invitation_token(invitation=invitation) is None
    token = default_token_generator.make_token(imported)
    with pytest.raises(ValidationError):
        invitation_accept_with_password(invitation=invitation, token=token, password="x-pass-9876")
    imported.refresh_from_db()
    assert not imported.has_usable_password()


def test_another_teams_lead_cannot_claim_a_pending_newcomer(world):
    # Lead of "Elsewhere" invites the username that Desk's lead just invited as a newcomer.
    _invite(world)
    theirs = invitation_create(
        team=world.other_project.team,
        actor=world.outsider,
        username="newcomer",
        email="attacker@example.org",
        role=Role.LEAD,
    )
    assert invitation_token(invitation=theirs) is None
    token = default_token_generator.make_token(theirs.user)
    with pytest.raises(ValidationError):
        invitation_accept_with_password(invitation=theirs, token=token, password="x-pass-9876")
    assert not Membership.objects.filter(user=theirs.user).exists()

"""Reads for teams and memberships, always scoped by the asking user."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from workbench.accounts.models import ApiToken, Invitation, Membership, Role, Team


def team_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Team]:
    """Return the teams the user belongs to."""
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user).distinct()


def membership_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Membership]:
    """Return the user's own memberships, with their teams."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("team")


def membership_get(*, user: AbstractBaseUser | AnonymousUser, team: Team) -> Membership | None:
    """Return the user's membership in the team, or None for an outsider."""
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, team=team).first()


def team_members(*, user: AbstractBaseUser, team: Team) -> QuerySet[Membership]:
    """Return the team's memberships if the user belongs to the team, else nothing."""
    if not Membership.objects.filter(user=user, team=team).exists():
        return Membership.objects.none()
    return Membership.objects.filter(team=team).select_related("user").order_by("user__username")


def api_token_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[ApiToken]:
    """Return the user's own API tokens, newest first (never anyone else's)."""
    if not user.is_authenticated:
        return ApiToken.objects.none()
    # With its user (one join): whether a token outlived a password change is read from it.
    return ApiToken.objects.filter(user=user).select_related("user")


def team_invitations(*, user: AbstractBaseUser, team: Team) -> QuerySet[Invitation]:
    """Return the team's pending invitations for its leads (nobody else sees them)."""
    if not Membership.objects.filter(user=user, team=team, role=Role.LEAD).exists():
        return Invitation.objects.none()
    return Invitation.objects.filter(team=team, state=Invitation.State.PENDING).select_related(
        "user", "invited_by"
    )


def my_invitations(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Invitation]:
    """Return the invitations waiting for the user's answer."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    return Invitation.objects.filter(user=user, state=Invitation.State.PENDING).select_related(
        "team", "invited_by"
    )

"""Writes for teams and memberships. Roles are checked here (403), visibility in selectors."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workbench.accounts.models import ApiToken, Membership, Role, Team, password_fingerprint
from workbench.errors import field_error

User = get_user_model()


def require_role(*, user: AbstractBaseUser, team: Team, roles: tuple[str, ...]) -> Membership:
    """Return the user's membership in the team; raise PermissionDenied for another role.

    Callers have already scoped the object to the user's teams, so a missing membership here means
    a role problem (403), not an outsider (whom the selectors turned away with a 404).
    """
    membership = Membership.objects.filter(user=user, team=team).first()
    if membership is None or membership.role not in roles:
        raise PermissionDenied(_("Your role in this team does not allow this."))
    return membership


def require_lead(*, user: AbstractBaseUser, team: Team) -> Membership:
    """Return the user's lead membership in the team, or raise PermissionDenied."""
    return require_role(user=user, team=team, roles=(Role.LEAD,))


def require_writer(*, user: AbstractBaseUser, team: Team) -> Membership:
    """Return the user's lead or reviewer membership in the team, or raise PermissionDenied."""
    return require_role(user=user, team=team, roles=(Role.LEAD, Role.REVIEWER))


@transaction.atomic
def team_create(*, name: str, slug: str, creator: AbstractBaseUser) -> Team:
    """Create a team with its creator as the first lead."""
    team = Team(name=name.strip(), slug=slug)
    team.full_clean()
    team.save()
    Membership.objects.create(user=creator, team=team, role=Role.LEAD)
    return team


@transaction.atomic
def membership_add(*, team: Team, actor: AbstractBaseUser, username: str, role: str) -> Membership:
    """Add an existing user to the team with a role (leads only)."""
    require_lead(user=actor, team=team)
    user = User.objects.filter(username__iexact=username.strip(), is_active=True).first()
    if user is None:
        raise ValidationError(
            {"username": _("No active user is called “%(name)s”.") % {"name": username}},
            code="user_not_found",
        )
    if Membership.objects.filter(team=team, user=user).exists():
        raise ValidationError(
            {"username": _("%(name)s is already a member.") % {"name": user.get_username()}},
            code="already_member",
        )
    membership = Membership(team=team, user=user, role=role)
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def membership_set_role(
    *, membership: Membership, actor: AbstractBaseUser, role: str
) -> Membership:
    """Change a member's role (leads only); a team always keeps at least one lead."""
    require_lead(user=actor, team=membership.team)
    # Lock the team's lead rows so two leads demoting each other at once cannot leave none.
    leads = list(
        Membership.objects.select_for_update().filter(team=membership.team, role=Role.LEAD)
    )
    if membership.role == Role.LEAD and role != Role.LEAD and len(leads) <= 1:
        raise ValidationError(
            _("A team needs at least one lead: make someone else lead first."), code="last_lead"
        )
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: AbstractBaseUser) -> None:
    """Remove a member from the team (leads only); the last lead cannot be removed."""
    require_lead(user=actor, team=membership.team)
    leads = Membership.objects.select_for_update().filter(team=membership.team, role=Role.LEAD)
    if membership.role == Role.LEAD and leads.count() <= 1:
        raise ValidationError(_("A team needs at least one lead."), code="last_lead")
    membership.delete()


# --- API tokens -------------------------------------------------------------------------------

TOKEN_PREFIX_CHARS = 8
TOKEN_TOUCH_INTERVAL = timedelta(minutes=1)


def token_hash(secret: str) -> str:
    """Return the SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


TOKEN_MAX_DAYS = 3660


@transaction.atomic
def api_token_create(
    *,
    user: AbstractBaseUser,
    name: str,
    expires_in_days: int | None = None,
    read_only: bool = False,
) -> tuple[ApiToken, str]:
    """Create a personal API token; return it with its secret, which is never stored.

    The token may expire after some days and may be read-only; it dies anyway when the owner's
    password changes.
    """
    name = " ".join(name.split())
    if not name:
        raise field_error("name", _("Give the token a name."), "token_name_empty")
    if expires_in_days is not None and not 1 <= expires_in_days <= TOKEN_MAX_DAYS:
        raise field_error(
            "expires_in_days",
            _("A token lasts from 1 to %(max)s days.") % {"max": TOKEN_MAX_DAYS},
            "token_expiry_out_of_range",
        )
    while True:
        secret = secrets.token_urlsafe(32)
        prefix = secret[:TOKEN_PREFIX_CHARS]
        # The prefix is the lookup key, so it must be unique; a clash is rare (64**8 values).
        if not ApiToken.objects.filter(prefix=prefix).exists():
            break
    token = ApiToken(
        user=user,
        name=name,
        prefix=prefix,
        key_hash=token_hash(secret),
        read_only=read_only,
        expires_at=timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None,
        password_fingerprint=password_fingerprint(user),
    )
    token.full_clean()
    token.save()
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: AbstractBaseUser) -> ApiToken:
    """Revoke one of the actor's own tokens; revoking twice keeps the first time."""
    if token.user_id != actor.pk:
        raise PermissionDenied(_("This is not your token."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(secret: str) -> ApiToken | None:
    """Return the active token with this secret (with its user), or None.

    Revoked and expired tokens, and tokens made before the owner's last password change, are
    refused alike.

    Looked up by prefix, then compared in constant time; `last_used` is written at most once a
    minute so that a busy script does not turn every read into a write.
    """
    prefix = secret[:TOKEN_PREFIX_CHARS]
    if len(prefix) < TOKEN_PREFIX_CHARS:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.key_hash, token_hash(secret)):
        return None
    if not token.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= TOKEN_TOUCH_INTERVAL:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token

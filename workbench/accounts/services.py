"""Writes for teams and memberships. Roles are checked here (403), visibility in selectors."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import smtplib
from datetime import timedelta

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from workbench.accounts.models import (
    ApiToken,
    Invitation,
    Membership,
    RateLimitHit,
    Role,
    Team,
    password_fingerprint,
)
from workbench.errors import field_error

User = get_user_model()
logger = logging.getLogger(__name__)


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


# --- invitations ------------------------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *, team: Team, actor: AbstractBaseUser, username: str, email: str, role: str
) -> Invitation:
    """Invite a person to the team (leads only); nobody joins a team without accepting.

    An existing account (matched by username) gets a pending invitation to accept or decline.
    For a newcomer an account is made without a usable password: they set one through the
    invitation's one-time link, which also accepts it.
    """
    require_lead(user=actor, team=team)
    username = username.strip()
    email = User.objects.normalize_email(email.strip())
    user = User.objects.filter(username__iexact=username).first()
    new_account = user is None
    if new_account:
        user = User(username=username, email=email)
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
    elif Membership.objects.filter(team=team, user=user).exists():
        raise field_error(
            "username",
            _("%(name)s is already a member.") % {"name": user.get_username()},
            "already_member",
        )
    elif Invitation.objects.filter(team=team, user=user, state=Invitation.State.PENDING).exists():
        raise field_error(
            "username",
            _("%(name)s is already invited.") % {"name": user.get_username()},
            "already_invited",
        )
    invitation = Invitation(
        team=team, user=user, email=email, role=role, invited_by=actor, new_account=new_account
    )
    invitation.full_clean()
    invitation.save()
    return invitation


def invitation_token(*, invitation: Invitation) -> str | None:
    """Return the one-time set-password token of a newcomer's invitation, else None.

    Django's password-reset tokens: they hash the account's password, so the link dies once the
    password is set, and after PASSWORD_RESET_TIMEOUT. Only the invitation that made the account
    has one, and only while nobody has claimed it; anyone else accepts from their Invitations
    page.
    """
    if not (invitation.is_pending and invitation.new_account) or _claimed(invitation.user):
        return None
    return default_token_generator.make_token(invitation.user)


def invitation_link_valid(*, invitation: Invitation, token: str) -> bool:
    """Return whether a newcomer's set-password link is still good (pending, unused, fresh)."""
    if invitation_token(invitation=invitation) is None:
        return False
    return default_token_generator.check_token(invitation.user, token)


def invitation_notify(*, invitation: Invitation, url: str) -> bool:
    """E-mail the invitee where to accept (the set-password link, or their Invitations page).

    Return whether a mail went out; a mail server that fails is logged, not raised, since the
    lead holds the link and can pass it on.
    """
    newcomer = invitation_token(invitation=invitation) is not None
    to = invitation.email if newcomer else invitation.user.email
    if not to:
        return False
    context = {"invitation": invitation, "url": url, "newcomer": newcomer}
    try:
        send_mail(
            subject=_("Join %(team)s on the Fact-check Workbench") % {"team": invitation.team.name},
            message=render_to_string("accounts/invitation_email.txt", context),
            from_email=None,
            recipient_list=[to],
        )
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not e-mail invitation %s", invitation.pk)
        return False
    return True


def _answer(invitation: Invitation, user: AbstractBaseUser, state: str) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.user_id != user.pk:
        raise PermissionDenied(_("This invitation is not yours."))
    if not invitation.is_pending:
        raise ValidationError(
            _("This invitation was already answered or cancelled."), code="invitation_closed"
        )
    if state == Invitation.State.ACCEPTED:
        Membership.objects.get_or_create(
            team=invitation.team, user=user, defaults={"role": invitation.role}
        )
    invitation.state = state
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["state", "answered_at"])
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Invitation:
    """Accept one's own pending invitation: the membership starts now, with the invited role."""
    return _answer(invitation, user, Invitation.State.ACCEPTED)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user: AbstractBaseUser) -> Invitation:
    """Decline one's own pending invitation; the lead sees it declined."""
    return _answer(invitation, user, Invitation.State.DECLINED)


@transaction.atomic
def invitation_accept_with_password(
    *, invitation: Invitation, token: str, password: str
) -> Invitation:
    """Set a newcomer's first password through the one-time link, and accept the invitation."""
    user = invitation.user
    if not invitation_link_valid(invitation=invitation, token=token):
        raise ValidationError(
            _("This link has expired or was used already. Ask your lead for a new invitation."),
            code="invitation_link_invalid",
        )
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    return _answer(invitation, user, Invitation.State.ACCEPTED)


@transaction.atomic
def invitation_cancel(*, invitation: Invitation, actor: AbstractBaseUser) -> Invitation:
    """Withdraw a pending invitation (leads only); its link stops working."""
    require_lead(user=actor, team=invitation.team)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_pending:
        invitation.state = Invitation.State.CANCELLED
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["state", "answered_at"])
        if invitation.new_account and not _claimed(invitation.user):
            # The account this invitation made was never claimed: it is nobody's. Deleting it
            # frees the username (and drops other teams' invitations to that nobody).
            invitation.user.delete()
    return invitation


def _claimed(user: AbstractBaseUser) -> bool:
    return user.has_usable_password() or user.last_login is not None


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


# --- rate limits ------------------------------------------------------------------------------


@transaction.atomic
def rate_limit_hit(*, scope: str, key: str, limit: int, window: timedelta) -> bool:
    """Count one request under scope and key; return False once `limit` fell within `window`.

    Rows live in the database so that every app server counts the same requests; old rows of
    the key are deleted as it goes, so the table stays small.
    """
    since = timezone.now() - window
    key = hashlib.sha256(key.encode("utf-8")).hexdigest()
    hits = RateLimitHit.objects.filter(scope=scope, key=key)
    hits.filter(created__lt=since).delete()
    if hits.count() >= limit:
        return False
    RateLimitHit.objects.create(scope=scope, key=key)
    return True

"""Teams and memberships: everything in the workbench belongs to exactly one team."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("accounts:member_list", args=[self.slug])


class Role(models.TextChoices):
    LEAD = "lead", _("Lead")
    REVIEWER = "reviewer", _("Reviewer")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.REVIEWER)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["team__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="membership_unique_user_team"),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team} ({self.role})"

    @property
    def can_write(self) -> bool:
        return self.role in (Role.LEAD, Role.REVIEWER)

    @property
    def is_lead(self) -> bool:
        return self.role == Role.LEAD


class ApiToken(models.Model):
    """A personal API token: only its first characters and a SHA-256 of the whole are kept.

    The secret is shown once at creation; a stolen database yields no usable token. A plain
    SHA-256 suffices (no slow hash) because the secret is 256 random bits, not a password.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=8, unique=True)
    key_hash = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    read_only = models.BooleanField(
        default=False, help_text=_("Only GET, HEAD and OPTIONS requests are allowed.")
    )
    # A digest of the owner's password hash when the token was made: a password change or reset
    # changes the hash, and with it every token made before dies (whatever path changed it).
    password_fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["user", "-created"], name="apitoken_user_created")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def outlived_password(self) -> bool:
        """Whether the owner's password changed since the token was made (read via `user`)."""
        return self.password_fingerprint != password_fingerprint(self.user)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired and not self.outlived_password


def password_fingerprint(user: AbstractBaseUser) -> str:
    """Return a digest of the user's (already salted and hashed) password field."""
    return hashlib.sha256(user.password.encode("utf-8")).hexdigest()


class Invitation(models.Model):
    """A lead's invitation to join a team; the membership starts only when the invitee accepts.

    `user` is the invitee's account: an existing user's, or one made for a newcomer without a
    usable password (`new_account`), which they set through the one-time link (the same token
    machinery as a password reset, so the link dies once the password is set).
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.REVIEWER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    # Whether this invitation made the account. Only such an invitation may give a set-password
    # link: otherwise a lead could invite an account without a password (an imported user, or a
    # newcomer invited by another team) and claim it through their own link.
    new_account = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"],
                condition=models.Q(state="pending"),
                name="invitation_one_pending_per_user_team",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="invitation_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} to {self.team} ({self.state})"

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING


class RateLimitHit(models.Model):
    """One counted request (a password reset asked for) under a key such as an address.

    In the database rather than the cache, so that every app server counts the same hits.
    """

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["scope", "key", "created"], name="ratelimithit_scope_key_time")
        ]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key} at {self.created}"

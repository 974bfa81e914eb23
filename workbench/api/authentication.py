"""Personal API tokens: `Authorization: Bearer <token>` (or `Token <token>`)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions
from rest_framework.request import Request

from workbench.accounts.models import ApiToken
from workbench.accounts.services import api_token_authenticate

KEYWORDS = ("bearer", "token")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """Authenticate by a personal token; a request without one falls through to the session."""

    def authenticate(self, request: Request) -> tuple[AbstractBaseUser, ApiToken] | None:
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the token as “Authorization: Bearer <token>”.")
            )
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from error
        token = api_token_authenticate(secret)
        if token is None or not token.user.is_active:
            # One message for unknown, wrong, revoked and expired tokens: nothing to probe.
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        if token.read_only and request.method not in permissions.SAFE_METHODS:
            # Checked here, once for every endpoint, so that no view can forget the scope.
            raise exceptions.PermissionDenied(
                _("This token is read-only: it may only read (GET, HEAD, OPTIONS).")
            )
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "workbench.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: object) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A personal token created on /settings/tokens/. A read-only token gets 403 on "
                "any write; a token may expire, and every token dies when its owner's password "
                "changes."
            ),
        }

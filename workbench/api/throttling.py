"""Rate limits for token clients (scripts); people in the browser are not throttled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from workbench.accounts.models import ApiToken

if TYPE_CHECKING:
    from rest_framework.views import APIView


class TokenRateThrottle(SimpleRateThrottle):
    """Limit each user's token requests to the "token" rate (env: WORKBENCH_API_TOKEN_RATE).

    Counted per user, not per token, so that minting more tokens buys no more requests. The
    counts live in the default cache: give several app servers a shared cache.
    """

    scope = "token"

    def get_rate(self) -> str | None:
        # Read at request time (DRF reads it at import), so the settings fixture can change it.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}

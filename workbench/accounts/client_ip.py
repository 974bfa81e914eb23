"""The client's address as seen through the proxies this deployment declares.

Used for the login lock (django-axes) and the password-reset rate limit. Behind
DJANGO_PROXY_COUNT proxies, each appends the address it saw to X-Forwarded-For, so the client
is the entry that many places from the right; anything left of it was written by the client and
is not trusted. (django-axes would need django-ipware for this, which is not installed.)
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """Return the client's IP address, read through the configured number of proxies."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.WORKBENCH_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if not forwarded:
        return remote
    # With fewer entries than proxies, the left-most is the nearest to the client we have.
    return forwarded[-min(proxies, len(forwarded))][:64]

"""The client's address as seen through the proxies this deployment declares.

Used for the login lock (django-axes) and the password-reset rate limit. Behind
DJANGO_PROXY_COUNT proxies, each appends the address it saw to X-Forwarded-For, so the client
is the entry that many places from the right; anything left of it was written by the client and
is not trusted. (django-axes would need django-ipware for this, which is not installed.) An entry
that is no IP address (a misconfigured proxy, or a client reaching the app directly) is not an
address: the peer's is used, as without proxies (django-axes keeps it in an inet column, where
any other text is a 500 on PostgreSQL).
"""

from __future__ import annotations

import ipaddress

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
    client = forwarded[-min(proxies, len(forwarded))]
    try:
        return str(ipaddress.ip_address(client))
    except ValueError:
        return remote

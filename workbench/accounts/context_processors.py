from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from workbench.accounts.selectors import membership_list


def current_team(request: HttpRequest) -> dict:
    """Expose the current membership and the team switcher's choices to every template."""
    membership = getattr(request, "membership", None)
    return {
        # Left lazy: a fragment that never shows the team switcher costs no membership query.
        "current_membership": membership,
        "my_memberships": membership_list(user=request.user) if hasattr(request, "user") else [],
        "password_reset_enabled": settings.WORKBENCH_PASSWORD_RESET,
    }

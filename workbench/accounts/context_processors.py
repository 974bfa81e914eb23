from __future__ import annotations

from django.http import HttpRequest

from workbench.accounts.selectors import membership_list


def current_team(request: HttpRequest) -> dict:
    """Expose the current membership and the team switcher's choices to every template."""
    membership = getattr(request, "membership", None)
    return {
        "current_membership": membership if membership else None,
        "my_memberships": membership_list(user=request.user) if hasattr(request, "user") else [],
    }

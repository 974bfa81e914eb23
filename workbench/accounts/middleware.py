"""Attach the user's current team (chosen in the team switcher) to each request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from workbench.accounts.models import Membership
from workbench.accounts.selectors import membership_list

SESSION_KEY = "current_team_id"


def current_membership(request: HttpRequest) -> Membership | None:
    """Return the membership of the team chosen in this session, else the user's first one."""
    memberships = list(membership_list(user=request.user))
    if not memberships:
        return None
    chosen = request.session.get(SESSION_KEY)
    for membership in memberships:
        if membership.team_id == chosen:
            return membership
    return memberships[0]


class CurrentTeamMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = SimpleLazyObject(lambda: current_membership(request))
        return self.get_response(request)

"""Reads for fact-checks, scoped to the teams the user belongs to."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from workbench.accounts.models import Team
from workbench.annotations.selectors import User
from workbench.factchecks.models import FactCheck

MAX_QUERY_WORDS = 8


def factcheck_list(
    *, user: User, team: Team | None = None, query: str = "", rating: str = "", publisher: str = ""
) -> QuerySet[FactCheck]:
    """Return the user's teams' fact-checks, newest first, with every word of `query` in them.

    Words are looked for in the claim, the claimant and the publisher (case aside); `rating`
    and `publisher` filter on the exact label or name.
    """
    if not user.is_authenticated:
        return FactCheck.objects.none()
    checks = FactCheck.objects.filter(team__memberships__user=user)
    if team is not None:
        checks = checks.filter(team=team)
    for word in query.split()[:MAX_QUERY_WORDS]:
        checks = checks.filter(
            Q(claim_reviewed__icontains=word)
            | Q(claimant__icontains=word)
            | Q(publisher__icontains=word)
        )
    if rating:
        checks = checks.filter(rating__iexact=rating)
    if publisher:
        checks = checks.filter(publisher__iexact=publisher)
    return checks.select_related("team").defer("raw")

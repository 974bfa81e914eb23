"""Reads for fact-checks, scoped to the teams the user belongs to."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from workbench.accounts.models import Team
from workbench.annotations.selectors import User, annotation_list
from workbench.factchecks.models import FactCheck, FactCheckVector

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


def checked_articles(*, user: User, article_ids: list[int], strong: float) -> set[int]:
    """Return which of these articles hold a claim the user sees with a match this strong."""
    claims = annotation_list(user=user, kind="claim").prefetch_related(None).select_related(None)
    return set(
        claims.filter(article_id__in=article_ids, match_check__best_score__gte=strong)
        .order_by()
        .values_list("article_id", flat=True)
        .distinct()
    )


def unchecked_claims(*, user: User, article_ids: list[int], limit: int) -> list:
    """Return up to `limit` claims on these articles the user sees that were never matched."""
    claims = annotation_list(user=user, kind="claim").prefetch_related(None)
    return list(
        claims.filter(article_id__in=article_ids, match_check__isnull=True)
        .select_related(None)
        .select_related("article__project__team")
        .order_by("id")[:limit]
    )


def factcheck_vectors(*, ids: list[int]) -> dict[int, bytes]:
    """Return the stored sentence vectors of these fact-checks (for `ranker.Candidate.vector`).

    Callers pass ids they found through `factcheck_list`, so no scoping here; vectors of another
    model version are left out (the candidate's text is then encoded at query time).
    """
    from workbench.factchecks.ranker.embed import WEIGHTS_SHA256

    rows = FactCheckVector.objects.filter(factcheck_id__in=ids, model=WEIGHTS_SHA256[:12])
    return {pk: bytes(vector) for pk, vector in rows.values_list("factcheck_id", "vector")}

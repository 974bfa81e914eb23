"""Reads for suggestions: what the engine proposes for an article, minus what was decided."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from workbench.articles.models import Article, Project
from workbench.suggest.engine import Suggestion, suggest
from workbench.suggest.models import Decision, SuggestionDecision

LISTED_CLAIMS = 8


@dataclass(frozen=True)
class Listed:
    """A suggestion as the page lists it, with a stable key for accept and reject."""

    key: str
    item: Suggestion


def suggestion_key(kind: str, start: int, end: int) -> str:
    return f"{kind}-{start}-{end}"


def suggestion_list(*, article: Article, claims: int = LISTED_CLAIMS) -> list[Listed]:
    """Return the article's undecided suggestions, quotes first then claims, each by offset.

    The caller has already scoped `article` to the user (article_list); the engine is
    deterministic, so the same body always gives the same keys.
    """
    decided = set(
        SuggestionDecision.objects.filter(article=article).values_list("kind", "start", "end")
    )
    annotated = set(article.annotations.values_list("kind", "start", "end"))
    items = [
        Listed(suggestion_key(s.kind, s.start, s.end), s)
        for s in suggest(article.body, claims=claims)
        if (s.kind, s.start, s.end) not in decided and (s.kind, s.start, s.end) not in annotated
    ]
    return sorted(items, key=lambda listed: (listed.item.kind != "quote", listed.item.start))


def suggestion_counts(*, project: Project) -> dict[str, int]:
    """Return how many suggestions were accepted and rejected in a project (the dashboard's
    view of the suggester's precision in real use)."""
    counts = SuggestionDecision.objects.filter(article__project=project).aggregate(
        accepted=Count("pk", filter=Q(decision=Decision.ACCEPTED)),
        rejected=Count("pk", filter=Q(decision=Decision.REJECTED)),
    )
    return {"accepted": counts["accepted"], "rejected": counts["rejected"]}

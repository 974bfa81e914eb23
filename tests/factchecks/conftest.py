from __future__ import annotations

import pytest

from tests.factchecks.records import jsonl
from tests.factories import ArticleFactory
from workbench.annotations.services import annotation_create
from workbench.factchecks.services import factchecks_import_text

UNEMPLOYMENT = "Unemployment fell to 3.1 percent last year, the lowest in decades"


def review(url: str, claim: str, rating: str = "False", publisher: str = "Checker") -> dict:
    return {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "author": {"name": publisher},
        "datePublished": "2024-01-02",
        "reviewRating": {"alternateName": rating},
    }


def import_reviews(team, *reviews: dict) -> None:
    report = factchecks_import_text(team=team, actor=None, text=jsonl(*reviews))
    assert not report.errors


def claim_in(project, user, text: str, **fields):
    """Make an article holding `text` and mark all of it as a claim by `user`."""
    article = ArticleFactory(project=project, body=f"Intro.\n\n{text}\n\nEnd.")
    start = article.body.index(text)
    return annotation_create(
        article=article,
        author=user,
        kind="claim",
        start=start,
        end=start + len(text),
        exact=text,
        **fields,
    )


@pytest.fixture
def checked(world):
    """The desk team with a fact-check on unemployment and one unrelated."""
    import_reviews(
        world.team,
        review("https://checker.example/unemployment", UNEMPLOYMENT, "Mostly False"),
        review("https://checker.example/moon", "The moon landing was staged in a studio"),
    )
    return world

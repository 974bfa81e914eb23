"""GET /api/v1/articles/{id}/sentences/: every sentence scored for check-worthiness."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework import status

from tests.api.conftest import api_for
from tests.conftest import XSS
from tests.factories import ArticleFactory
from workbench.suggest.models import ProjectRanker

pytestmark = pytest.mark.django_db

TRANSCRIPT = (
    "HOLT: Good evening from Hofstra.\n"
    "TRUMP: We lost 70,000 factory jobs in 2016, more than ever.\n"
    f"CLINTON: Thank you. {XSS}\n"
)


@pytest.fixture
def article(world):
    return ArticleFactory(project=world.project, body=TRANSCRIPT)


def url(article):
    return reverse("api:article-sentences", args=[article.pk])


def test_sentences_access_ladder(world, article):
    assert api_for(None).get(url(article)).status_code == status.HTTP_401_UNAUTHORIZED
    assert api_for(world.outsider).get(url(article)).status_code == status.HTTP_404_NOT_FOUND
    assert api_for(world.viewer).get(url(article)).status_code == status.HTTP_200_OK
    refused = api_for(world.lead).post(url(article), {})
    assert refused.status_code == status.HTTP_405_METHOD_NOT_ALLOWED


def test_sentences_score_every_sentence_with_reasons_and_speaker(world, article):
    rows = api_for(world.viewer).get(url(article)).json()
    assert len(rows) == 3
    top = rows[0]
    assert top["speaker"] == "TRUMP"
    assert top["kind"] == "claim"
    assert TRANSCRIPT[top["start"] : top["end"]] == top["text"]
    assert "a number" in top["reasons"]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    # Text is data in JSON: returned as it is (and served as JSON, never as HTML).
    assert any(XSS in r["text"] for r in rows)


def test_sentences_top_percent_and_reading_order(world, article):
    client = api_for(world.viewer)
    assert len(client.get(url(article), {"top": 25}).json()) == 1
    rows = client.get(url(article), {"order": "text"}).json()
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    bad = client.get(url(article), {"top": 0, "order": "size"})
    assert bad.status_code == status.HTTP_400_BAD_REQUEST
    assert {"top", "order"} <= set(bad.json())


def test_sentences_of_a_text_too_long_is_a_400(world, article, settings):
    settings.WORKBENCH_SUGGEST_MAX_CHARS = 20
    response = api_for(world.viewer).get(url(article))
    assert response.status_code == status.HTTP_400_BAD_REQUEST


def test_sentences_say_which_are_already_checked(world, article, django_assert_max_num_queries):
    from tests.factchecks.conftest import claim_in, import_reviews, review

    jobs = "We lost 70,000 factory jobs in 2016, more than ever."
    claim_in(world.project, world.lead, jobs, verdict="False")
    # Another team's fact-check of the other sentence: not seen from here.
    import_reviews(
        world.other_project.team, review("https://else.example/h", "Good evening from Hofstra")
    )
    client = api_for(world.viewer)
    client.get(url(article))
    with django_assert_max_num_queries(12):
        rows = client.get(url(article)).json()
    checked = {row["text"]: row["already_checked"] for row in rows}
    assert checked[jobs] is True
    assert [text for text, mark in checked.items() if mark] == [jobs]
    assert api_for(world.outsider).get(url(article)).status_code == status.HTTP_404_NOT_FOUND


def test_sentences_come_from_the_projects_own_ranker(world, article):
    before = api_for(world.viewer).get(url(article)).json()
    assert "Hofstra" not in before[0]["text"]
    # A ranker the team kept, that learnt its team checks where debates are held.
    ProjectRanker.objects.create(
        project=world.project,
        delta={"w:hofstra": 20.0},
        kept_at=timezone.now(),
        trained_at=timezone.now(),
        signals=10,
        articles=4,
        held_out=1,
        map_before=0.2,
        map_after=0.3,
        kept=True,
    )
    after = api_for(world.viewer).get(url(article)).json()
    assert "Hofstra" in after[0]["text"]
    # Another team's project is scored by the shipped model.
    other = ArticleFactory(project=world.other_project, body=TRANSCRIPT)
    theirs = api_for(world.outsider).get(url(other)).json()
    assert "Hofstra" not in theirs[0]["text"]

"""Blind double annotation: nobody sees a co-reviewer's work before submitting their own."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import api_for
from tests.conftest import client_for
from tests.review.conftest import claim, quote
from workbench.annotations.selectors import annotation_list, enclosing_quote
from workbench.review.services import article_submit, assignment_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def blind(review):
    review.a = assignment_create(
        article=review.article, reviewer=review.reviewer, actor=review.lead
    )
    review.b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    review.mine = quote(review.article, review.reviewer, "the strike was")
    review.theirs = quote(review.article, review.second, 'the strike was "a clear escalation"')
    return review


def visible(user, article) -> set[int]:
    ids = set(annotation_list(user=user, article=article).values_list("pk", flat=True))
    fast = annotation_list(user=user, id_order=True).filter(article=article)
    assert ids == set(fast.values_list("pk", flat=True))
    return ids


def test_drafts_are_hidden_from_everyone_but_their_author(blind):
    assert visible(blind.reviewer, blind.article) == {blind.mine.pk}
    assert visible(blind.second, blind.article) == {blind.theirs.pk}
    for user in (blind.lead, blind.viewer):
        assert visible(user, blind.article) == set()
    assert visible(blind.outsider, blind.article) == set()


def test_submitted_work_shows_to_leads_then_to_co_reviewers_once_they_submit(blind):
    article_submit(assignment=blind.a, actor=blind.reviewer)
    assert visible(blind.lead, blind.article) == {blind.mine.pk}
    assert visible(blind.viewer, blind.article) == {blind.mine.pk}
    assert visible(blind.second, blind.article) == {blind.theirs.pk}
    article_submit(assignment=blind.b, actor=blind.second)
    everything = {blind.mine.pk, blind.theirs.pk}
    for user in (blind.lead, blind.reviewer, blind.second):
        assert visible(user, blind.article) == everything


def test_single_reviewer_articles_are_not_blind(review):
    assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    draft = quote(review.article, review.reviewer)
    assert visible(review.lead, review.article) == {draft.pk}
    assert visible(review.second, review.article) == {draft.pk}


def test_api_answers_404_on_a_co_reviewers_draft(blind):
    url = reverse("api:annotation-detail", args=[blind.theirs.pk])
    assert api_for(blind.reviewer).get(url).status_code == status.HTTP_404_NOT_FOUND
    assert api_for(blind.lead).get(url).status_code == status.HTTP_404_NOT_FOUND
    assert api_for(blind.second).get(url).status_code == status.HTTP_200_OK
    listed = api_for(blind.reviewer).get(reverse("api:annotation-list")).json()["results"]
    assert blind.theirs.pk not in {a["id"] for a in listed}
    patch = api_for(blind.reviewer).patch(url, {"role": "x", "version": 1}, format="json")
    assert patch.status_code == status.HTTP_404_NOT_FOUND


def test_article_page_and_panel_hide_a_co_reviewers_draft(blind):
    client = client_for(blind.reviewer)
    page = client.get(blind.article.get_absolute_url()).content.decode()
    assert f'data-annotation="{blind.mine.pk}"' in page
    assert f'data-annotation="{blind.theirs.pk}"' not in page
    detail = reverse("annotations:annotation_detail", args=[blind.theirs.pk])
    assert client.get(detail).status_code == 404


def test_enclosing_quote_does_not_offer_a_co_reviewers_draft(blind):
    inner = claim(blind.article, blind.second, "a clear escalation")
    assert enclosing_quote(article=blind.article, start=inner.start, end=inner.end) is not None
    found = enclosing_quote(
        article=blind.article, start=inner.start, end=inner.end, user=blind.reviewer
    )
    assert found is None

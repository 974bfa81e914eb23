"""Adjudication never drops work silently: agreed rows are carried, leaving rows out is confirmed."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import api_for
from tests.conftest import client_for
from tests.review.conftest import claim, quote
from workbench.annotations.models import Annotation
from workbench.review.models import Adjudication, Assignment
from workbench.review.services import (
    UnresolvedRows,
    adjudication_accept,
    adjudication_finish,
    article_submit,
    assignment_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def split(review):
    """Both reviewers mark the same quote alike; only one marks a claim (an unresolved row)."""
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    review.same = [
        quote(review.article, user, '"a clear escalation"', role="analyst", quote_type="direct")
        for user in (review.reviewer, review.second)
    ]
    review.lone = claim(review.article, review.reviewer, verdict="True")
    review.a = article_submit(assignment=a, actor=review.reviewer)
    review.b = article_submit(assignment=b, actor=review.second)
    return review


def _versions(split) -> dict[int, int]:
    return {a.pk: a.version for a in Assignment.objects.filter(article=split.article)}


def _approved(article) -> list[Annotation]:
    return list(Annotation.objects.filter(article=article, status="approved"))


def test_approving_refuses_unresolved_rows_naming_how_many(split):
    with pytest.raises(UnresolvedRows) as refused:
        adjudication_finish(article=split.article, actor=split.lead, versions=_versions(split))
    assert refused.value.count == 1
    assert "1 row is unresolved" in " ".join(refused.value.messages)
    # Nothing changed: no copy, nobody approved.
    assert not Adjudication.objects.exists()
    assert set(Assignment.objects.values_list("state", flat=True)) == {"submitted"}
    # A confirmation for another count (the page was stale) is refused too.
    with pytest.raises(UnresolvedRows):
        adjudication_finish(
            article=split.article, actor=split.lead, versions=_versions(split), leave_out=2
        )


def test_confirmed_approval_carries_the_agreed_quote(split):
    adjudication_finish(
        article=split.article, actor=split.lead, versions=_versions(split), leave_out=1
    )
    (carried,) = _approved(split.article)
    assert (carried.kind, carried.exact, carried.role) == (
        "quote",
        "a clear escalation",
        "analyst",
    )
    assert carried.annotator == split.lead
    adjudication = carried.adjudication
    assert adjudication.method == "agreed"
    assert set(adjudication.originals.all()) == set(split.same)
    assert set(Assignment.objects.values_list("state", flat=True)) == {"approved"}


def test_resolved_rows_need_no_confirmation_and_decisions_are_kept(split):
    adjudication_accept(original=split.lone, actor=split.lead)
    adjudication_finish(article=split.article, actor=split.lead, versions=_versions(split))
    methods = sorted(Adjudication.objects.values_list("method", flat=True))
    assert methods == ["accept", "agreed"]
    assert len(_approved(split.article)) == 2


def test_a_row_the_lead_decided_is_not_carried_again(split):
    adjudication_accept(original=split.same[1], actor=split.lead)
    adjudication_finish(
        article=split.article, actor=split.lead, versions=_versions(split), leave_out=1
    )
    assert list(Adjudication.objects.values_list("method", flat=True)) == ["accept"]


def test_api_refuses_with_400_naming_the_count_then_approves_when_confirmed(split):
    url = reverse("api:article-versions-approve", args=[split.article.pk])
    client = api_for(split.lead)
    versions = client.get(reverse("api:article-versions", args=[split.article.pk])).json()
    assert (versions["carried"], versions["unresolved"]) == (1, 1)
    assert [(r["carried"], r["unresolved"]) for r in versions["rows"]] == [
        (True, False),
        (False, True),
    ]
    body = {"versions": {str(k): v for k, v in _versions(split).items()}}
    refused = client.post(url, body, format="json")
    assert refused.status_code == status.HTTP_400_BAD_REQUEST
    error = refused.json()["leave_out"][0]
    assert error["code"] == "unresolved" and error["message"].startswith("1 row is unresolved")
    assert not Adjudication.objects.exists()
    done = client.post(url, {**body, "leave_out": 1}, format="json")
    assert done.status_code == status.HTTP_200_OK
    assert len(_approved(split.article)) == 1


def test_page_shows_carried_rows_and_asks_to_confirm_leaving_out(split):
    client = client_for(split.lead)
    page = client.get(reverse("review:adjudicate", args=[split.article.pk])).content.decode()
    assert "Agreed: carried into the approved version when you approve." in page
    assert "1 agreed row will be carried" in page
    assert 'name="leave_out" value="1"' in page and "Leave out 1 unresolved row" in page
    # The confirmation before approving names how many rows will be left out.
    assert "Approve the adjudicated version? 1 unresolved row will be left out." in page
    finish = reverse("review:adjudication_finish", args=[split.article.pk])
    fields = {f"v-{k}": v for k, v in _versions(split).items()}
    refused = client.post(finish, fields)
    assert refused.status_code == 400
    assert "1 row is unresolved" in refused.content.decode()
    assert not Adjudication.objects.exists()
    done = client.post(finish, {**fields, "leave_out": "1"})
    assert done.status_code == 302
    assert len(_approved(split.article)) == 1

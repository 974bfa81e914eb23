"""The assignments API: ladder, the same services as the pages, versions on decisions."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from tests.api.conftest import api_for
from tests.conftest import XSS
from tests.factories import ArticleFactory, MembershipFactory
from tests.review.conftest import quote
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation
from workbench.review.models import Assignment
from workbench.review.services import article_submit, assignment_create

pytestmark = pytest.mark.django_db
LIST = "api:assignment-list"


@pytest.fixture
def assigned(review):
    review.a = assignment_create(
        article=review.article, reviewer=review.reviewer, actor=review.lead
    )
    return review


def detail(a, action: str = "") -> str:
    return reverse(f"api:assignment-{action or 'detail'}", args=[a.pk])


def test_anonymous_gets_401(assigned):
    client = APIClient()
    assert client.get(reverse(LIST)).status_code == status.HTTP_401_UNAUTHORIZED
    assert client.get(reverse("api:assignment-queue")).status_code == 401
    assert client.post(detail(assigned.a, "approve"), {}, format="json").status_code == 401


def test_outsider_sees_nothing_and_gets_404(assigned):
    client = api_for(assigned.outsider)
    assert client.get(reverse(LIST)).json()["results"] == []
    assert client.get(detail(assigned.a)).status_code == status.HTTP_404_NOT_FOUND
    for action in ("submit", "approve", "reject"):
        response = client.post(
            detail(assigned.a, action), {"version": 1, "comment": "x"}, format="json"
        )
        assert response.status_code == status.HTTP_404_NOT_FOUND, action
    create = client.post(
        reverse(LIST),
        {"article": assigned.article.pk, "reviewer": assigned.outsider.pk},
        format="json",
    )
    assert create.status_code == status.HTTP_400_BAD_REQUEST  # not one of their articles
    assert Assignment.objects.count() == 1


def test_viewer_reads_and_is_refused_writes(assigned):
    client = api_for(assigned.viewer)
    assert client.get(reverse(LIST)).json()["results"][0]["id"] == assigned.a.pk
    response = client.get(detail(assigned.a))
    assert response.status_code == 200 and response["ETag"] == '"1"'
    create = client.post(
        reverse(LIST), {"article": assigned.article.pk, "reviewer": 1}, format="json"
    )
    assert create.status_code == status.HTTP_403_FORBIDDEN
    for action in ("submit", "approve", "reject"):
        response = client.post(
            detail(assigned.a, action), {"version": 1, "comment": "x"}, format="json"
        )
        assert response.status_code == status.HTTP_403_FORBIDDEN, action
    assert client.delete(detail(assigned.a)).status_code == status.HTTP_403_FORBIDDEN


def test_lead_creates_and_assigning_a_non_member_is_403(review):
    client = api_for(review.lead)
    body = {"article": review.article.pk, "reviewer": review.second.pk}
    created = client.post(reverse(LIST), body, format="json")
    assert created.status_code == status.HTTP_201_CREATED
    assert created.json()["reviewer_username"] == "second"
    for reviewer in (review.outsider.pk, 999_999):
        refused = client.post(
            reverse(LIST), {"article": review.article.pk, "reviewer": reviewer}, format="json"
        )
        assert refused.status_code == status.HTTP_403_FORBIDDEN
    reviewer_try = api_for(review.reviewer).post(
        reverse(LIST),
        {"article": review.article.pk, "reviewer": review.reviewer.pk},
        format="json",
    )
    assert reviewer_try.status_code == status.HTTP_403_FORBIDDEN
    assert Assignment.objects.count() == 1


def test_distribute_and_filters(review):
    ArticleFactory.create_batch(3, project=review.project)
    client = api_for(review.lead)
    body = {
        "project": review.project.pk,
        "reviewers": [review.reviewer.pk, review.second.pk],
        "k": 1,
        "strategy": "random",
        "seed": 3,
        "cap": 2,
    }
    response = client.post(reverse("api:assignment-distribute"), body, format="json")
    assert response.status_code == status.HTTP_201_CREATED
    data = response.json()
    assert len(data["created"]) == 4 and len(data["short"]) == review.project.articles.count() - 4
    mine = client.get(reverse(LIST), {"reviewer": "reviewer", "state": "assigned"}).json()
    assert len(mine["results"]) == 2
    body["reviewers"] = [review.outsider.pk]
    refused = client.post(reverse("api:assignment-distribute"), body, format="json")
    assert refused.status_code == status.HTTP_403_FORBIDDEN


def test_submit_is_for_the_assignee_only(assigned):
    quote(assigned.article, assigned.reviewer)
    url = detail(assigned.a, "submit")
    assert (
        api_for(assigned.second).post(url, {}, format="json").status_code
        == status.HTTP_403_FORBIDDEN
    )
    assert (
        api_for(assigned.lead).post(url, {}, format="json").status_code == status.HTTP_403_FORBIDDEN
    )
    response = api_for(assigned.reviewer).post(url, {}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "submitted"
    assert response["ETag"] == '"2"'
    assert Annotation.objects.get().status == "submitted"


def test_decisions_need_a_version_and_refuse_stale_ones(assigned):
    a = article_submit(assignment=assigned.a, actor=assigned.reviewer)
    lead = api_for(assigned.lead)
    other = api_for(MembershipFactory(team=assigned.team, role=Role.LEAD).user)
    approve, reject = detail(a, "approve"), detail(a, "reject")
    assert (
        lead.post(approve, {}, format="json").status_code == status.HTTP_428_PRECONDITION_REQUIRED
    )
    assert (
        api_for(assigned.reviewer).post(approve, {"version": 2}, format="json").status_code == 403
    )
    wrong = lead.post(approve, {}, format="json", HTTP_IF_MATCH='"1"')
    assert wrong.status_code == status.HTTP_412_PRECONDITION_FAILED
    assert lead.post(reject, {"version": 2}, format="json").status_code == 400  # no comment
    assert lead.post(approve, {}, format="json", HTTP_IF_MATCH='"2"').status_code == 200
    stale = other.post(reject, {"version": 2, "comment": "no"}, format="json")
    assert stale.status_code == status.HTTP_409_CONFLICT
    assert stale.json()["current"]["state"] == "approved" and stale["ETag"] == '"3"'
    a.refresh_from_db()
    assert (a.state, a.comment) == ("approved", "")


def test_reject_sends_back_with_the_comment(assigned):
    a = article_submit(assignment=assigned.a, actor=assigned.reviewer)
    response = api_for(assigned.lead).post(
        detail(a, "reject"), {"version": a.version, "comment": XSS}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["comment"] == XSS  # JSON, not HTML: escaped where it is shown
    queue = api_for(assigned.reviewer).get(reverse("api:assignment-queue")).json()
    assert queue["next"] == assigned.article.pk and queue["items"][0]["state"] == "rejected"


def test_queue_lists_own_work_with_progress(assigned):
    other = ArticleFactory(project=assigned.project)
    b = assignment_create(article=other, reviewer=assigned.reviewer, actor=assigned.lead)
    article_submit(assignment=b, actor=assigned.reviewer)
    assignment_create(article=other, reviewer=assigned.second, actor=assigned.lead)
    data = api_for(assigned.reviewer).get(reverse("api:assignment-queue")).json()
    assert (data["done"], data["total"], data["next"]) == (1, 2, assigned.article.pk)
    assert [i["article"] for i in data["items"]] == [assigned.article.pk, other.pk]
    scoped = api_for(assigned.reviewer).get(reverse("api:assignment-queue"), {"team": 999})
    assert scoped.json()["items"] == []


def test_lead_takes_back_an_unstarted_assignment(assigned):
    assert api_for(assigned.lead).delete(detail(assigned.a)).status_code == 204
    assert not Assignment.objects.exists()


def test_schema_documents_the_review_endpoints(world):
    import yaml

    schema = yaml.safe_load(api_for(world.viewer).get(reverse("api:schema")).content)
    for path in (
        "/api/v1/assignments/",
        "/api/v1/assignments/distribute/",
        "/api/v1/assignments/queue/",
        "/api/v1/assignments/{id}/approve/",
        "/api/v1/assignments/{id}/reject/",
        "/api/v1/assignments/{id}/submit/",
    ):
        assert path in schema["paths"], path


def test_reviewer_cannot_change_submitted_work_through_the_api(assigned):
    mine = quote(assigned.article, assigned.reviewer)
    article_submit(assignment=assigned.a, actor=assigned.reviewer)
    client = api_for(assigned.reviewer)
    url = reverse("api:annotation-detail", args=[mine.pk])
    patch = client.patch(url, {"role": "x"}, format="json", headers={"If-Match": '"2"'})
    assert patch.status_code == status.HTTP_403_FORBIDDEN
    assert patch.json()["code"] == "submitted"
    assert "can no longer be changed" in patch.json()["detail"]
    assert client.delete(url, headers={"If-Match": '"2"'}).status_code == 403
    body = {"article": assigned.article.pk, "kind": "quote", "start": 0, "end": 7}
    body["exact"] = assigned.article.body[:7]
    create = client.post(reverse("api:annotation-list"), body, format="json")
    assert create.status_code == 403 and create.json()["code"] == "submitted"
    assert list(Annotation.objects.values_list("pk", "version", "role")) == [(mine.pk, 2, "")]

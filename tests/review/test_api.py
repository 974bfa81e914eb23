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
from workbench.articles.models import Article
from workbench.review.models import Adjudication, Assignment
from workbench.review.services import adjudication_accept, article_submit, assignment_create

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


# --- adjudication -------------------------------------------------------------------------------


@pytest.fixture
def double(review):
    review.a = assignment_create(
        article=review.article, reviewer=review.reviewer, actor=review.lead
    )
    review.b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    review.q1 = quote(review.article, review.reviewer, "the strike was")
    review.q2 = quote(review.article, review.second, "the strike was", role="analyst")
    review.a = article_submit(assignment=review.a, actor=review.reviewer)
    review.b = article_submit(assignment=review.b, actor=review.second)
    return review


def _versions(article) -> str:
    return reverse("api:article-versions", args=[article.pk])


def _approve(article) -> str:
    return reverse("api:article-versions-approve", args=[article.pk])


ADJUDICATIONS = "api:adjudication-list"


def test_adjudication_endpoints_ladder(double):
    done = adjudication_accept(original=double.q1, actor=double.lead)
    undo = reverse("api:adjudication-detail", args=[done.pk])
    create = {"annotations": [double.q2.pk]}
    finish = {"versions": {str(double.a.pk): double.a.version, str(double.b.pk): double.b.version}}
    calls = [
        ("get", _versions(double.article), None),
        ("post", _approve(double.article), finish),
        ("post", reverse(ADJUDICATIONS), create),
        ("get", undo, None),
        ("delete", undo, None),
    ]
    for method, url, data in calls:
        anonymous = getattr(APIClient(), method)(url, data, format="json")
        assert anonymous.status_code == status.HTTP_401_UNAUTHORIZED, url
        outsider = getattr(api_for(double.outsider), method)(url, data, format="json")
        assert outsider.status_code == status.HTTP_404_NOT_FOUND, url
        for user in (double.viewer, double.reviewer):
            refused = getattr(api_for(user), method)(url, data, format="json")
            assert refused.status_code == status.HTTP_403_FORBIDDEN, (user, url)
    assert list(Adjudication.objects.values_list("pk", flat=True)) == [done.pk]
    assert set(Assignment.objects.values_list("state", flat=True)) == {"submitted"}


def test_versions_show_the_reviewers_side_by_side(double, django_assert_max_num_queries):
    Article.objects.filter(pk=double.article.pk).update(title=XSS)
    client = api_for(double.lead)
    with django_assert_max_num_queries(12):
        response = client.get(_versions(double.article))
    assert response.status_code == status.HTTP_200_OK
    data = response.json()
    assert [r["username"] for r in data["reviewers"]] == ["reviewer", "second"]
    assert {a["id"]: a["version"] for a in data["assignments"]} == {
        double.a.pk: double.a.version,
        double.b.pk: double.b.version,
    }
    [row] = data["rows"]
    assert row["differing"] == ["role"] and not row["agreed"]
    assert [[a["id"] for a in c["annotations"]] for c in row["cells"]] == [
        [double.q1.pk],
        [double.q2.pk],
    ]
    assert row["approved"] == [] and row["cells"][0]["annotations"][0]["adjudication"] is None


def test_lead_accepts_merges_undoes_and_approves_through_the_api(double):
    client = api_for(double.lead)
    accepted = client.post(
        reverse(ADJUDICATIONS), {"annotations": [double.q2.pk], "edit": True}, format="json"
    )
    assert accepted.status_code == status.HTTP_201_CREATED
    body = accepted.json()
    assert (body["method"], body["originals"]) == ("edit", [double.q2.pk])
    result = Annotation.objects.get(pk=body["result"])
    assert (result.status, result.role, result.annotator) == ("approved", "analyst", double.lead)
    again = client.post(reverse(ADJUDICATIONS), {"annotations": [double.q2.pk]}, format="json")
    assert again.status_code == 400
    assert again.json()["non_field_errors"][0]["code"] == "already_adjudicated"
    row = client.get(_versions(double.article)).json()["rows"][0]
    assert row["approved"][0]["adjudication"] == body["id"]
    assert row["cells"][1]["annotations"][0]["adjudication"] == body["id"]
    undo = reverse("api:adjudication-detail", args=[body["id"]])
    assert client.delete(undo).status_code == status.HTTP_204_NO_CONTENT
    assert not Annotation.objects.filter(pk=result.pk).exists()
    merged = client.post(
        reverse(ADJUDICATIONS), {"annotations": [double.q1.pk, double.q2.pk]}, format="json"
    )
    assert merged.status_code == 201 and merged.json()["method"] == "merge"
    assert merged.json()["originals"] == sorted([double.q1.pk, double.q2.pk])
    finish = {"versions": {str(double.a.pk): double.a.version, str(double.b.pk): double.b.version}}
    approved = client.post(_approve(double.article), finish, format="json")
    assert approved.status_code == status.HTTP_200_OK
    assert {a["state"] for a in approved.json()} == {"approved"}
    final = client.delete(reverse("api:adjudication-detail", args=[merged.json()["id"]]))
    assert final.status_code == 400 and final.json()["non_field_errors"][0]["code"] == "final"


def test_approving_a_stale_version_is_409_and_changes_nothing(double):
    adjudication_accept(original=double.q1, actor=double.lead)
    client = api_for(double.lead)
    stale = {"versions": {str(double.a.pk): double.a.version}}  # b's submission not seen
    response = client.post(_approve(double.article), stale, format="json")
    assert response.status_code == status.HTTP_409_CONFLICT
    assert response.json()["current"]["id"] == double.b.pk
    assert set(Assignment.objects.values_list("state", flat=True)) == {"submitted"}
    wrong = {"versions": {str(double.a.pk): 99, str(double.b.pk): double.b.version}}
    assert client.post(_approve(double.article), wrong, format="json").status_code == 409
    bad = client.post(_approve(double.article), {"versions": {"x": 1}}, format="json")
    assert bad.status_code == 400


def test_adjudication_input_is_validated(double):
    client = api_for(double.lead)
    both = [double.q1.pk, double.q2.pk]
    edit = client.post(reverse(ADJUDICATIONS), {"annotations": both, "edit": True}, format="json")
    assert edit.status_code == 400
    twice = [double.q1.pk, double.q1.pk]
    assert (
        client.post(reverse(ADJUDICATIONS), {"annotations": twice}, format="json").status_code
        == 400
    )
    assert (
        client.post(reverse(ADJUDICATIONS), {"annotations": []}, format="json").status_code == 400
    )
    missing = client.post(reverse(ADJUDICATIONS), {"annotations": [10**12]}, format="json")
    assert missing.status_code == 404
    assert not Adjudication.objects.exists()

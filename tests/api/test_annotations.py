"""Annotations over the API: the ladder, spans and ids, concurrency, evidence, comments, queries."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import BODY, span
from workbench.annotations.models import Annotation, Comment, Evidence
from workbench.annotations.services import annotation_create

pytestmark = pytest.mark.django_db


def _detail(annotation) -> str:
    return reverse("api:annotation-detail", args=[annotation.pk])


def _quote_body(desk, **extra) -> dict:
    return {
        "article": desk.article.pk,
        "kind": "quote",
        **span("a spokesman said"),
        "speaker": desk.pentagon.pk,
        "mention": span("a spokesman"),
        "cue": {
            "start": BODY.index("said.", 100),
            "end": BODY.index("said.", 100) + 4,
            "exact": "said",
        },
        **extra,
    }


# --- the ladder ---------------------------------------------------------------------------------


def test_annotation_list_ladder(world, desk, api):
    url = reverse("api:annotation-list")
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    outsider = api("outsider").get(url)
    assert outsider.status_code == status.HTTP_200_OK
    assert outsider.json()["results"] == []
    for role in ("lead", "reviewer", "viewer"):
        response = api(role).get(url)
        assert response.status_code == status.HTTP_200_OK
        assert {a["id"] for a in response.json()["results"]} == {desk.quote.pk, desk.claim.pk}


def test_annotation_detail_ladder(world, desk, api):
    url = _detail(desk.claim)
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert api("outsider").get(url).status_code == status.HTTP_404_NOT_FOUND
    response = api("viewer").get(url)
    assert response.status_code == status.HTTP_200_OK
    assert response["ETag"] == '"1"'
    data = response.json()
    assert data["claimant"] == {
        "id": desk.pentagon.pk,
        "name": "The Pentagon",
        "kind": "organisation",
    }
    assert data["verdict"] == "True"
    assert data["evidence"][0]["source"]["url"] == "https://example.org/brief"
    assert data["evidence"][0]["source"]["title"] == "Pentagon briefing"
    assert data["annotator"] == "reviewer"


def test_annotation_read_shape_of_a_quote(world, desk, api):
    data = api("lead").get(_detail(desk.quote)).json()
    assert data["speaker"]["name"] == "Michael Knights"
    assert data["mention"] == {"start": 0, "end": 15, "exact": "Michael Knights"}
    assert data["cue"] == {"start": 16, "end": 20, "exact": "said"}
    assert data["exact"] == BODY[data["start"] : data["end"]]
    assert data["prefix"] and data["suffix"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, status.HTTP_401_UNAUTHORIZED),
        ("outsider", status.HTTP_400_BAD_REQUEST),  # the article is unknown to them
        ("viewer", status.HTTP_403_FORBIDDEN),
        ("reviewer", status.HTTP_201_CREATED),
        ("lead", status.HTTP_201_CREATED),
    ],
)
def test_annotation_create_ladder(world, desk, api, role, expected):
    before = Annotation.objects.count()
    response = api(role).post(reverse("api:annotation-list"), _quote_body(desk), format="json")
    assert response.status_code == expected, response.content
    assert Annotation.objects.count() == before + (expected == status.HTTP_201_CREATED)


def test_annotation_create_returns_the_read_shape(world, desk, api):
    response = api("reviewer").post(
        reverse("api:annotation-list"), _quote_body(desk), format="json"
    )
    data = response.json()
    assert data["speaker"] == {
        "id": desk.pentagon.pk,
        "name": "The Pentagon",
        "kind": "organisation",
    }
    assert data["mention"]["exact"] == "a spokesman"
    assert data["version"] == 1 and data["status"] == "draft"
    assert Annotation.objects.get(pk=data["id"]).annotator == world.reviewer


def test_annotation_create_with_emoji_offsets_in_code_points(world, desk, api):
    body = _quote_body(desk, kind="claim", speaker=None, mention=None, cue=None)
    body.update(span("Café ☕ 👍🏽 done"))
    response = api("reviewer").post(reverse("api:annotation-list"), body, format="json")
    assert response.status_code == status.HTTP_201_CREATED, response.content
    assert response.json()["exact"] == "Café ☕ 👍🏽 done"


# --- bad input: 400 and nothing saved -----------------------------------------------------------


def test_annotation_create_twice_on_the_same_span_is_400(world, desk, api):
    client = api("reviewer")
    first = client.post(reverse("api:annotation-list"), _quote_body(desk), format="json")
    assert first.status_code == status.HTTP_201_CREATED, first.content
    again = client.post(reverse("api:annotation-list"), _quote_body(desk), format="json")
    assert again.status_code == status.HTTP_400_BAD_REQUEST
    assert again.json()["span"][0]["code"] == "duplicate_annotation"
    assert Annotation.objects.filter(exact=first.json()["exact"], kind="quote").count() == 1


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"exact": "a spokesman sad"}, "span", "span_mismatch"),
        ({"start": 10_000, "end": 10_010}, "span", "span_out_of_range"),
        ({"start": 30, "end": 20}, "span", "span_end_before_start"),
        ({"start": -1}, "start", "min_value"),
        ({"mention": {"start": 0, "end": 7, "exact": "Pentagon"}}, "mention", "span_mismatch"),
        ({"mention": {"start": 0}}, "mention", "required"),
        ({"speaker": 999_999}, "speaker", "does_not_exist"),
        ({"speaker": "Knights"}, "speaker", "incorrect_type"),
        ({"kind": "rumour"}, "kind", "invalid_choice"),
        ({"article": 999_999}, "article", "does_not_exist"),
        ({"verdict": "True"}, "non_field_errors", "wrong_kind_fields"),
        ({"quote_type": "hearsay"}, "quote_type", "invalid_choice"),
    ],
)
def test_annotation_create_refuses_bad_input(world, desk, api, change, field, code):
    before = Annotation.objects.count()
    response = api("reviewer").post(
        reverse("api:annotation-list"), _quote_body(desk, **change), format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST, response.content
    errors = response.json()
    assert field in errors, errors
    codes = [e["code"] for e in errors[field]] if isinstance(errors[field], list) else None
    assert codes is None or code in codes, errors
    assert Annotation.objects.count() == before


def test_annotation_create_refuses_another_teams_entity_and_article(world, desk, api):
    response = api("reviewer").post(
        reverse("api:annotation-list"), _quote_body(desk, speaker=desk.stranger.pk), format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    unknown = api("reviewer").post(
        reverse("api:annotation-list"), _quote_body(desk, speaker=999_999), format="json"
    )
    # The same answer as for an id that does not exist: nothing to learn about other teams.
    assert response.json() == unknown.json()
    other_article = world.other_project.articles.create(
        title="Theirs", body="Their text.", checksum="x" * 64
    )
    response = api("reviewer").post(
        reverse("api:annotation-list"),
        _quote_body(desk, article=other_article.pk),
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["article"][0]["code"] == "does_not_exist"
    assert not Annotation.objects.filter(article=other_article).exists()


def test_annotation_claim_refuses_a_verdict_off_the_scale(world, desk, api):
    response = api("reviewer").patch(
        _detail(desk.claim), {"verdict": "Pants on fire", "version": 1}, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["verdict"][0]["code"] == "verdict_not_in_scale"
    desk.claim.refresh_from_db()
    assert desk.claim.verdict == "True" and desk.claim.version == 1


# --- updates and optimistic concurrency ---------------------------------------------------------


def test_annotation_patch_with_version_in_body(world, desk, api):
    response = api("reviewer").patch(
        _detail(desk.claim), {"verdict": "False", "rationale": "No.", "version": 1}, format="json"
    )
    assert response.status_code == status.HTTP_200_OK, response.content
    assert response["ETag"] == '"2"'
    assert response.json()["verdict"] == "False" and response.json()["version"] == 2
    desk.claim.refresh_from_db()
    assert desk.claim.claimant == desk.pentagon  # untouched by a PATCH


def test_annotation_patch_with_if_match(world, desk, api):
    response = api("reviewer").patch(
        _detail(desk.claim), {"verdict": "False"}, format="json", headers={"If-Match": '"1"'}
    )
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["version"] == 2


def test_annotation_stale_version_is_409_with_the_current_one(world, desk, api):
    api("lead").patch(_detail(desk.claim), {"verdict": "False", "version": 1}, format="json")
    response = api("reviewer").patch(
        _detail(desk.claim), {"verdict": "Misleading", "version": 1}, format="json"
    )
    assert response.status_code == status.HTTP_409_CONFLICT
    data = response.json()
    assert data["code"] == "stale" and data["version"] == 2
    assert data["current"]["verdict"] == "False"
    desk.claim.refresh_from_db()
    assert desk.claim.verdict == "False"


def test_annotation_if_match_mismatch_is_412(world, desk, api):
    response = api("reviewer").patch(
        _detail(desk.claim), {"verdict": "False"}, format="json", headers={"If-Match": '"7"'}
    )
    assert response.status_code == status.HTTP_412_PRECONDITION_FAILED
    assert response.json()["version"] == 1
    desk.claim.refresh_from_db()
    assert desk.claim.verdict == "True"


def test_annotation_update_without_a_version_is_refused(world, desk, api):
    response = api("reviewer").patch(_detail(desk.claim), {"verdict": "False"}, format="json")
    assert response.status_code == status.HTTP_428_PRECONDITION_REQUIRED
    desk.claim.refresh_from_db()
    assert desk.claim.version == 1


def test_annotation_put_replaces_the_kinds_fields(world, desk, api):
    body = {**span("3 drones were used"), "verdict": "False", "version": 1}
    response = api("reviewer").put(_detail(desk.claim), body, format="json")
    assert response.status_code == status.HTTP_200_OK, response.content
    desk.claim.refresh_from_db()
    assert desk.claim.verdict == "False" and desk.claim.claimant is None


def test_annotation_patch_moves_the_span(world, desk, api):
    body = {**span("3 drones"), "version": 1}
    response = api("reviewer").patch(_detail(desk.claim), body, format="json")
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["exact"] == "3 drones"
    half = api("reviewer").patch(_detail(desk.claim), {"start": 0, "version": 2}, format="json")
    assert half.status_code == status.HTTP_400_BAD_REQUEST


def test_annotation_update_ladder(world, desk, api):
    url = _detail(desk.claim)
    body = {"verdict": "False", "version": 1}
    assert api(None).patch(url, body, format="json").status_code == 401
    assert api("outsider").patch(url, body, format="json").status_code == 404
    assert api("viewer").patch(url, body, format="json").status_code == 403
    lead_quote = annotation_create(
        article=desk.article, author=world.lead, kind="claim", **span("a clear escalation")
    )
    # A reviewer changes only their own annotations.
    response = api("reviewer").patch(_detail(lead_quote), body, format="json")
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert api("lead").patch(url, body, format="json").status_code == 200


def test_annotation_delete(world, desk, api):
    url = _detail(desk.quote)
    assert api("outsider").delete(url).status_code == status.HTTP_404_NOT_FOUND
    assert api("viewer").delete(url, headers={"If-Match": '"1"'}).status_code == 403
    assert api("reviewer").delete(url).status_code == status.HTTP_428_PRECONDITION_REQUIRED
    assert api("reviewer").delete(url, headers={"If-Match": '"3"'}).status_code == 412
    assert api("reviewer").delete(f"{url}?version=2").status_code == status.HTTP_409_CONFLICT
    assert Annotation.objects.filter(pk=desk.quote.pk).exists()
    assert api("reviewer").delete(f"{url}?version=1").status_code == status.HTTP_204_NO_CONTENT
    assert not Annotation.objects.filter(pk=desk.quote.pk).exists()


# --- evidence and comments ----------------------------------------------------------------------


def test_evidence_add_and_remove(world, desk, api):
    url = reverse("api:annotation-evidence", args=[desk.claim.pk])
    other = api("lead").post(
        reverse("api:source-list"),
        {"title": "Report", "url": "https://example.org/r"},
        format="json",
    )
    body = {"source": other.json()["id"], "stance": "refutes", "excerpt": "None were."}
    assert api("viewer").post(url, body, format="json").status_code == status.HTTP_403_FORBIDDEN
    assert api("outsider").post(url, body, format="json").status_code == status.HTTP_404_NOT_FOUND
    response = api("reviewer").post(url, body, format="json")
    assert response.status_code == status.HTTP_201_CREATED, response.content
    assert response.json()["source"]["url"] == "https://example.org/r"
    assert len(api("viewer").get(url).json()) == 2
    remove = reverse("api:annotation-evidence-detail", args=[desk.claim.pk, response.json()["id"]])
    assert api("viewer").delete(remove).status_code == status.HTTP_403_FORBIDDEN
    assert api("outsider").delete(remove).status_code == status.HTTP_404_NOT_FOUND
    assert api("reviewer").delete(remove).status_code == status.HTTP_204_NO_CONTENT
    assert Evidence.objects.filter(claim=desk.claim).count() == 1


def test_evidence_refuses_another_teams_source(world, desk, api):
    url = reverse("api:annotation-evidence", args=[desk.claim.pk])
    body = {"source": desk.other_source.pk, "stance": "supports"}
    response = api("reviewer").post(url, body, format="json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["source"][0]["code"] == "does_not_exist"
    assert Evidence.objects.filter(claim=desk.claim).count() == 1


def test_evidence_refuses_a_quote(world, desk, api):
    url = reverse("api:annotation-evidence", args=[desk.quote.pk])
    body = {"source": desk.source.pk, "stance": "supports"}
    response = api("reviewer").post(url, body, format="json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["non_field_errors"][0]["code"] == "not_a_claim"


def test_comments(world, desk, api):
    url = reverse("api:annotation-comments", args=[desk.quote.pk])
    assert api("outsider").get(url).status_code == status.HTTP_404_NOT_FOUND
    assert api("viewer").post(url, {"text": "Hm"}, format="json").status_code == 403
    response = api("lead").post(url, {"text": "Check the <b>date</b>"}, format="json")
    assert response.status_code == status.HTTP_201_CREATED
    assert response.json()["author"] == "lead"
    empty = api("lead").post(url, {"text": "   "}, format="json")
    assert empty.status_code == status.HTTP_400_BAD_REQUEST
    thread = api("viewer").get(url).json()
    assert [c["text"] for c in thread] == ["Check the <b>date</b>"]
    assert Comment.objects.count() == 1
    assert api("viewer").get(_detail(desk.quote)).json()["comment_count"] == 1


# --- query counts -------------------------------------------------------------------------------


def test_annotation_list_of_100_is_a_few_queries(world, desk, api, django_assert_max_num_queries):
    for n in range(98):
        # Distinct spans: an annotator marks a span once.
        exact = desk.article.body[n : n + 5]
        annotation_create(
            article=desk.article,
            author=world.reviewer,
            kind="claim",
            start=n,
            end=n + 5,
            exact=exact,
        )
    client = api("viewer")
    client.get(reverse("api:team-list"))  # the token's last_used write happens once a minute
    with django_assert_max_num_queries(5):
        response = client.get(reverse("api:annotation-list"))
    assert len(response.json()["results"]) == 100
    with django_assert_max_num_queries(6):
        response = client.get(reverse("api:annotation-list"), {"article": desk.article.pk})
    assert len(response.json()["results"]) == 100

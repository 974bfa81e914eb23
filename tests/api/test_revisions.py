"""Revisions over the API: anchor state on annotations, saves on an older revision refused."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import BODY, span
from workbench.annotations.revisions import revision_add

pytestmark = pytest.mark.django_db


def test_annotation_carries_revision_and_anchor_state(world, desk, api):
    revision_add(article=desk.article, text="Breaking.\n\n" + BODY, origin="fetch", by=world.lead)
    detail = api("reviewer").get(reverse("api:annotation-detail", args=[desk.quote.pk])).json()
    assert (detail["revision"], detail["anchor_state"], detail["anchor_score"]) == (
        2,
        "exact",
        None,
    )
    listed = api("reviewer").get(reverse("api:annotation-list")).json()["results"]
    assert {a["revision"] for a in listed} == {2}
    article = api("viewer").get(reverse("api:article-detail", args=[desk.article.pk])).json()
    assert article["revision"] == 2


def test_annotation_save_on_an_older_revision_is_409(world, desk, api):
    revision_add(article=desk.article, text="Breaking.\n\n" + BODY, origin="fetch", by=world.lead)
    desk.claim.refresh_from_db()
    url = reverse("api:annotation-detail", args=[desk.claim.pk])
    stale = api("reviewer").patch(
        url, {"rationale": "x", "version": desk.claim.version, "revision": 1}, format="json"
    )
    assert stale.status_code == status.HTTP_409_CONFLICT
    assert stale.json()["code"] == "stale_revision" and stale.json()["revision"] == 2
    body = {"article": desk.article.pk, "kind": "claim", **span("a spokesman said")}
    body["start"] += len("Breaking.\n\n")
    body["end"] += len("Breaking.\n\n")
    # A new annotation needs no revision: its span is checked against the current text.
    fresh = api("reviewer").post(reverse("api:annotation-list"), body, format="json")
    assert fresh.status_code == status.HTTP_201_CREATED, fresh.json()
    assert fresh.json()["revision"] == 2


def test_annotation_of_an_outsider_stays_hidden_after_a_revision(world, desk, api):
    revision_add(article=desk.article, text="Breaking.\n\n" + BODY, origin="fetch", by=world.lead)
    url = reverse("api:annotation-detail", args=[desk.claim.pk])
    assert api("outsider").get(url).status_code == status.HTTP_404_NOT_FOUND
    patch = api("outsider").patch(
        url, {"rationale": "x", "revision": 2, "version": 9}, format="json"
    )
    assert patch.status_code == status.HTTP_404_NOT_FOUND


# --- the revisions endpoints ----------------------------------------------------------------


def revisions_url(article) -> str:
    return reverse("api:article-revisions", args=[article.pk])


def test_revision_add_over_the_api_reanchors_and_lists(world, desk, api):
    corrected = "Breaking.\n\n" + BODY.replace("3 drones were used", "it would investigate")
    response = api("reviewer").post(
        revisions_url(desk.article), {"text": corrected, "revision": 1}, format="json"
    )
    assert response.status_code == status.HTTP_201_CREATED, response.json()
    body = response.json()
    assert body["article_revision"] == 2
    assert body["revision"]["number"] == 2 and body["revision"]["origin"] == "paste"
    assert body["revision"]["created_by"] == "reviewer" and body["revision"]["current"]
    assert sum(body["states"].values()) == 2 and body["states"].get("orphaned") == 1
    listed = api("viewer").get(revisions_url(desk.article)).json()
    assert [(r["number"], r["current"], r["stealth"]) for r in listed] == [
        (1, False, False),
        (2, True, True),
    ]
    assert "text" not in listed[0]
    article = api("viewer").get(reverse("api:article-detail", args=[desk.article.pk])).json()
    assert (article["revision"], article["stealth_edit"]) == (2, True)
    rows = api("viewer").get(reverse("api:article-list")).json()["results"]
    (row,) = [r for r in rows if r["id"] == desk.article.pk]
    assert (row["revision"], row["stealth_edit"]) == (2, True)
    one = api("viewer").get(reverse("api:article-revision-detail", args=[desk.article.pk, 1]))
    assert one.json()["text"] == BODY
    diff = api("viewer").get(reverse("api:article-revision-diff", args=[desk.article.pk, 2]))
    assert diff.json()["older"] == 1 and diff.json()["newer"] == 2
    kinds = {(p["kind"], p["text"].strip()) for p in diff.json()["pieces"]}
    assert ("inserted", "Breaking.") in kinds
    assert any(k == "deleted" and "drones" in t for k, t in kinds)
    # The orphan is in the API with its old place, in revision 1.
    claim = api("reviewer").get(reverse("api:annotation-detail", args=[desk.claim.pk])).json()
    assert (claim["anchor_state"], claim["revision"], claim["exact"]) == (
        "orphaned",
        1,
        "3 drones were used",
    )


def test_revision_add_same_text_is_200_with_no_revision(desk, api):
    response = api("lead").post(revisions_url(desk.article), {"text": BODY}, format="json")
    assert response.status_code == status.HTTP_200_OK
    assert response.json() == {"revision": None, "states": {}, "article_revision": 1}


def test_revision_add_on_an_older_revision_is_409(world, desk, api):
    revision_add(article=desk.article, text="Breaking.\n\n" + BODY, origin="fetch", by=world.lead)
    response = api("reviewer").post(
        revisions_url(desk.article), {"text": BODY + " More.", "revision": 1}, format="json"
    )
    assert response.status_code == status.HTTP_409_CONFLICT
    assert response.json()["code"] == "stale_revision" and response.json()["revision"] == 2
    desk.article.refresh_from_db()
    assert desk.article.revision == 2


@pytest.mark.parametrize(
    ("payload", "field", "code"),
    [
        ({"text": ""}, "text", "blank"),
        ({"text": "   \n "}, "text", "empty_body"),
        ({}, "text", "required"),
        ({"text": "Nul \x00 byte."}, "text", "null_characters_not_allowed"),
        ({"text": "Fine.", "origin": "fetch"}, "origin", "invalid_choice"),
        ({"text": "Fine.", "revision": 0}, "revision", "min_value"),
    ],
)
def test_revision_add_bad_input_is_400_and_changes_nothing(desk, api, payload, field, code):
    response = api("lead").post(revisions_url(desk.article), payload, format="json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()[field][0]["code"] == code
    desk.article.refresh_from_db()
    assert (desk.article.revision, desk.article.body) == (1, BODY)


def test_revision_add_too_long_is_400(desk, api, settings):
    settings.WORKBENCH_MAX_IMPORT_BYTES = 1000
    response = api("lead").post(revisions_url(desk.article), {"text": "x " * 600}, format="json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["text"][0]["code"] == "too_long"


def test_revision_add_binary_body_is_400(desk, api):
    response = api("lead").post(
        revisions_url(desk.article), b"\xff\xfe\x00binary", content_type="application/json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    desk.article.refresh_from_db()
    assert desk.article.revision == 1


def test_revisions_ladder_anonymous_outsider_viewer(world, desk, api):
    url = revisions_url(desk.article)
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert api(None).post(url, {"text": "x"}, format="json").status_code == 401
    for path in (
        url,
        reverse("api:article-revision-detail", args=[desk.article.pk, 1]),
        reverse("api:article-revision-diff", args=[desk.article.pk, 1]),
    ):
        assert api("outsider").get(path).status_code == status.HTTP_404_NOT_FOUND
    outsider = api("outsider").post(url, {"text": BODY + " x"}, format="json")
    assert outsider.status_code == status.HTTP_404_NOT_FOUND
    viewer = api("viewer").post(url, {"text": BODY + " x"}, format="json")
    assert viewer.status_code == status.HTTP_403_FORBIDDEN
    refetch = reverse("api:article-refetch", args=[desk.article.pk])
    assert api("viewer").post(refetch).status_code == status.HTTP_403_FORBIDDEN
    assert api("outsider").post(refetch).status_code == status.HTTP_404_NOT_FOUND
    desk.article.refresh_from_db()
    assert desk.article.revision == 1


def test_revision_unknown_number_is_404_and_bad_from_is_400(desk, api):
    missing = reverse("api:article-revision-detail", args=[desk.article.pk, 7])
    assert api("viewer").get(missing).status_code == status.HTTP_404_NOT_FOUND
    diff = reverse("api:article-revision-diff", args=[desk.article.pk, 1])
    assert api("viewer").get(diff + "?from=abc").status_code == status.HTTP_400_BAD_REQUEST
    assert api("viewer").get(diff + "?from=5").status_code == status.HTTP_404_NOT_FOUND


def test_revision_text_comes_back_as_json_text_not_markup(world, desk, api):
    evil = BODY + '\n\n<script>alert("x")</script>'
    api("lead").post(revisions_url(desk.article), {"text": evil}, format="json")
    response = api("viewer").get(reverse("api:article-revision-detail", args=[desk.article.pk, 2]))
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["text"].endswith('<script>alert("x")</script>')
    # The browsable API escapes it like any other string.
    html = api("viewer").get(
        reverse("api:article-revision-detail", args=[desk.article.pk, 2]), HTTP_ACCEPT="text/html"
    )
    assert b"<script>alert(" not in html.content


def test_refetch_without_a_url_is_400(desk, api):
    type(desk.article).objects.filter(pk=desk.article.pk).update(url="")
    response = api("lead").post(reverse("api:article-refetch", args=[desk.article.pk]))
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "no URL" in str(response.json())


def test_revisions_endpoints_are_in_the_openapi_schema(api):
    schema = api("viewer").get(reverse("api:schema"), HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    assert "post" in paths["/api/v1/articles/{article_id}/revisions/"]
    assert "get" in paths["/api/v1/articles/{article_id}/revisions/{number}/"]
    assert "get" in paths["/api/v1/articles/{article_id}/revisions/{number}/diff/"]
    assert "post" in paths["/api/v1/articles/{article_id}/refetch/"]


def test_refetch_async_is_a_job_with_its_page_and_same_rules(desk, api):
    refetch = reverse("api:article-refetch", args=[desk.article.pk]) + "?async=1"
    assert api("viewer").post(refetch).status_code == status.HTTP_403_FORBIDDEN
    assert api("outsider").post(refetch).status_code == status.HTTP_404_NOT_FOUND
    # A private address: the job runs (at once in tests) and says why nothing changed.
    type(desk.article).objects.filter(pk=desk.article.pk).update(url="http://127.0.0.1:9/x")
    response = api("lead").post(refetch)
    assert response.status_code == status.HTTP_202_ACCEPTED
    job = response.json()
    assert job["kind"] == "refetch" and response["Location"].endswith(f"/jobs/{job['id']}/")
    done = api("lead").get(response["Location"]).json()
    assert done["state"] in {"done", "failed"} and done["errors"]
    assert api("outsider").get(response["Location"]).status_code == status.HTTP_404_NOT_FOUND
    desk.article.refresh_from_db()
    assert desk.article.revision == 1
    type(desk.article).objects.filter(pk=desk.article.pk).update(url="")
    response = api("lead").post(refetch)
    assert response.status_code == status.HTTP_400_BAD_REQUEST and "no URL" in str(response.json())

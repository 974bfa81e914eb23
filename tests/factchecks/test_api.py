from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from tests.conftest import XSS
from tests.factchecks.conftest import UNEMPLOYMENT, claim_in, import_reviews, review
from tests.factchecks.records import AFP_STYLE, jsonl
from workbench.factchecks.models import FactCheck

pytestmark = pytest.mark.django_db


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_factcheck_list_is_scoped_searchable_and_filtered(checked):
    import_reviews(checked.other_project.team, review("https://elsewhere.example/u", UNEMPLOYMENT))
    url = reverse("api:factcheck-list")
    mine = api(checked.viewer).get(url).json()["results"]
    assert {r["url"] for r in mine} == {
        "https://checker.example/unemployment",
        "https://checker.example/moon",
    }
    found = api(checked.viewer).get(url, {"q": "moon studio"}).json()["results"]
    assert [r["url"] for r in found] == ["https://checker.example/moon"]
    rated = api(checked.viewer).get(url, {"rating": "mostly false"}).json()["results"]
    assert [r["rating"] for r in rated] == ["Mostly False"]
    theirs = api(checked.outsider).get(url).json()["results"]
    assert [r["url"] for r in theirs] == ["https://elsewhere.example/u"]


def test_factcheck_detail_outsider_404_anonymous_401(checked):
    check = FactCheck.objects.get(url="https://checker.example/moon")
    url = reverse("api:factcheck-detail", args=[check.pk])
    assert api().get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert api(checked.outsider).get(url).status_code == status.HTTP_404_NOT_FOUND
    body = api(checked.viewer).get(url).json()
    assert (body["claim_reviewed"], body["verdict"]) == (
        "The moon landing was staged in a studio",
        "False",
    )


def test_factcheck_import_text_reports_bad_records(world):
    text = jsonl(AFP_STYLE, {**AFP_STYLE, "claimReviewed": ""})
    response = api(world.reviewer).post(
        reverse("api:factcheck-import"), {"team": world.team.pk, "text": text}, format="json"
    )
    assert response.status_code == status.HTTP_200_OK
    assert response.json() == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "errors": [
            {"record": 2, "message": "The record has no claimReviewed.", "code": "no_claim"}
        ],
    }


def test_factcheck_import_file_upload(world):
    upload = SimpleUploadedFile(
        "reviews.json", json.dumps([AFP_STYLE]).encode(), "application/json"
    )
    response = api(world.lead).post(
        reverse("api:factcheck-import"), {"team": world.team.pk, "file": upload}, format="multipart"
    )
    assert response.status_code == status.HTTP_200_OK, response.content
    assert response.json()["created"] == 1


def test_factcheck_import_file_too_large_is_413(world, settings):
    settings.WORKBENCH_MAX_IMPORT_BYTES = 100
    upload = SimpleUploadedFile("reviews.jsonl", jsonl(*[AFP_STYLE] * 5).encode())
    response = api(world.lead).post(
        reverse("api:factcheck-import"), {"team": world.team.pk, "file": upload}, format="multipart"
    )
    assert response.status_code == status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    assert not FactCheck.objects.exists()


def test_factcheck_import_private_url_refused(world):
    response = api(world.lead).post(
        reverse("api:factcheck-import"),
        {"team": world.team.pk, "url": "http://127.0.0.1:8000/feed.json"},
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert not FactCheck.objects.exists()


def test_factcheck_import_needs_exactly_one_source(world):
    response = api(world.lead).post(
        reverse("api:factcheck-import"), {"team": world.team.pk}, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST


def test_factcheck_import_into_another_team_is_refused(world):
    response = api(world.outsider).post(
        reverse("api:factcheck-import"),
        {"team": world.team.pk, "text": jsonl(AFP_STYLE)},
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert not FactCheck.objects.exists()


def test_matches_post_returns_scored_matches(checked):
    response = api(checked.viewer).post(
        reverse("api:matches"),
        {"team": checked.team.pk, "text": "unemployment 3.1 percent"},
        format="json",
    )
    assert response.status_code == status.HTTP_200_OK
    [match] = response.json()
    assert match["kind"] == "factcheck"
    assert match["rating"] == "Mostly False"
    assert set(match["matched"]) >= {"Unemployment", "3.1", "percent"}
    assert 0 < match["score"] <= 1


def test_matches_post_other_team_is_unknown(checked):
    response = api(checked.outsider).post(
        reverse("api:matches"), {"team": checked.team.pk, "text": UNEMPLOYMENT}, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "team" in response.json()


def test_annotation_matches_leaves_the_claim_out_and_shows_html_as_text(checked):
    import_reviews(checked.team, review("https://x.example/xss", f"{UNEMPLOYMENT} {XSS}"))
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    url = reverse("api:annotation-matches", args=[claim.pk])
    assert api(checked.outsider).get(url).status_code == status.HTTP_404_NOT_FOUND
    body = api(checked.viewer).get(url).json()
    assert claim.pk not in [m["annotation"] for m in body]
    assert {m["url"] for m in body} == {
        "https://checker.example/unemployment",
        "https://x.example/xss",
    }
    assert any(XSS in m["text"] for m in body)  # JSON carries the text as it is: text


@pytest.mark.parametrize("top", ["abc", "0", "21", "1.5", "-3"])
def test_annotation_matches_refuses_a_bad_top_naming_it(checked, top):
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    url = reverse("api:annotation-matches", args=[claim.pk])
    response = api(checked.viewer).get(url, {"top": top})
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "top" in response.json()
    assert api(checked.outsider).get(url, {"top": top}).status_code == status.HTTP_404_NOT_FOUND


def test_annotation_matches_gives_at_most_top_of_each_kind(checked):
    import_reviews(checked.team, review("https://x.example/more", f"{UNEMPLOYMENT} Again."))
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    url = reverse("api:annotation-matches", args=[claim.pk])
    body = api(checked.viewer).get(url, {"top": "1"}).json()
    assert len([m for m in body if m["kind"] == "factcheck"]) == 1


def test_factcheck_list_filters_by_one_of_my_teams_and_refuses_another(checked):
    import_reviews(checked.other_project.team, review("https://elsewhere.example/u", UNEMPLOYMENT))
    url = reverse("api:factcheck-list")
    mine = api(checked.viewer).get(url, {"team": checked.team.pk}).json()["results"]
    assert len(mine) == 2
    for team in [checked.other_project.team.pk, "1.5", str(2**70)]:
        response = api(checked.viewer).get(url, {"team": team})
        assert response.status_code == status.HTTP_400_BAD_REQUEST, team
        assert "team" in response.json()
        assert "elsewhere" not in response.content.decode()

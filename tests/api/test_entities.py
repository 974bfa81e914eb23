"""Entities (with merge) and sources over the API."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from workbench.annotations.models import Annotation, Entity, Source

pytestmark = pytest.mark.django_db


def test_entity_list_ladder(world, desk, api):
    url = reverse("api:entity-list")
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert [e["name"] for e in api("outsider").get(url).json()["results"]] == ["Stranger"]
    names = [e["name"] for e in api("viewer").get(url).json()["results"]]
    assert names == ["Michael Knights", "The Pentagon"]
    detail = reverse("api:entity-detail", args=[desk.knights.pk])
    assert api("outsider").get(detail).status_code == status.HTTP_404_NOT_FOUND
    assert api("viewer").get(detail).json()["aliases"] == ["Knights"]


def test_entity_search_by_alias_and_kind(world, desk, api):
    url = reverse("api:entity-list")
    assert [e["name"] for e in api("viewer").get(url, {"q": "knights"}).json()["results"]] == [
        "Michael Knights"
    ]
    orgs = api("viewer").get(url, {"kind": "organisation"}).json()["results"]
    assert [e["name"] for e in orgs] == ["The Pentagon"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, status.HTTP_401_UNAUTHORIZED),
        ("viewer", status.HTTP_403_FORBIDDEN),
        ("reviewer", status.HTTP_201_CREATED),
        ("lead", status.HTTP_201_CREATED),
    ],
)
def test_entity_create_ladder(world, api, role, expected):
    body = {"name": "Renad Mansour", "aliases": ["Mansour"], "kind": "person"}
    response = api(role).post(reverse("api:entity-list"), body, format="json")
    assert response.status_code == expected
    assert Entity.objects.filter(name="Renad Mansour").exists() == (expected == 201)


def test_entity_create_refuses_duplicates_and_bad_wikidata(world, desk, api):
    url = reverse("api:entity-list")
    dup = api("reviewer").post(url, {"name": "michael knights"}, format="json")
    assert dup.status_code == status.HTTP_400_BAD_REQUEST
    assert dup.json()["name"][0]["code"] == "entity_exists"
    bad = api("reviewer").post(url, {"name": "X", "wikidata_id": "42"}, format="json")
    assert bad.status_code == status.HTTP_400_BAD_REQUEST
    assert "wikidata_id" in bad.json()
    other = api("reviewer").post(
        url, {"name": "Y", "team": world.other_project.team.pk}, format="json"
    )
    assert other.status_code == status.HTTP_400_BAD_REQUEST
    assert not Entity.objects.filter(name__in=["X", "Y"]).exists()


def test_entity_update(world, desk, api):
    url = reverse("api:entity-detail", args=[desk.knights.pk])
    assert api("outsider").patch(url, {"description": "x"}, format="json").status_code == 404
    assert api("viewer").patch(url, {"description": "x"}, format="json").status_code == 403
    response = api("reviewer").patch(url, {"wikidata_id": "Q42"}, format="json")
    assert response.status_code == status.HTTP_200_OK
    desk.knights.refresh_from_db()
    assert desk.knights.wikidata_id == "Q42" and desk.knights.aliases == ["Knights"]


def test_entity_merge(world, desk, api):
    url = reverse("api:entity-merge", args=[desk.pentagon.pk])
    body = {"merge": desk.knights.pk}
    assert api("outsider").post(url, body, format="json").status_code == 404
    assert api("viewer").post(url, body, format="json").status_code == 403
    assert api("reviewer").post(url, body, format="json").status_code == 403
    theirs = api("lead").post(url, {"merge": desk.stranger.pk}, format="json")
    assert theirs.status_code == status.HTTP_400_BAD_REQUEST
    same = api("lead").post(url, {"merge": desk.pentagon.pk}, format="json")
    assert same.status_code == status.HTTP_400_BAD_REQUEST
    response = api("lead").post(url, body, format="json")
    assert response.status_code == status.HTTP_200_OK, response.content
    assert "Michael Knights" in response.json()["aliases"]
    assert not Entity.objects.filter(pk=desk.knights.pk).exists()
    assert Annotation.objects.get(pk=desk.quote.pk).speaker_id == desk.pentagon.pk


def test_source_ladder_and_get_or_create(world, desk, api):
    url = reverse("api:source-list")
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert [s["title"] for s in api("outsider").get(url).json()["results"]] == ["Theirs"]
    detail = reverse("api:source-detail", args=[desk.source.pk])
    assert api("outsider").get(detail).status_code == status.HTTP_404_NOT_FOUND
    body = {"title": "Again", "url": "https://example.org/brief"}
    assert api("viewer").post(url, body, format="json").status_code == 403
    response = api("reviewer").post(url, body, format="json")
    assert response.status_code == status.HTTP_201_CREATED
    assert response.json()["id"] == desk.source.pk  # the same URL: the same source
    bad = api("reviewer").post(url, {"title": "Bad", "url": "javascript:alert(1)"}, format="json")
    assert bad.status_code == status.HTTP_400_BAD_REQUEST
    assert Source.objects.filter(team=world.team).count() == 1
    found = api("viewer").get(url, {"q": "briefing"}).json()["results"]
    assert [s["id"] for s in found] == [desk.source.pk]


def test_team_list(world, api):
    assert api("viewer").get(reverse("api:team-list")).json() == [
        {"id": world.team.pk, "name": "Desk", "slug": "desk", "role": "viewer"}
    ]
    other = reverse("api:team-detail", args=[world.other_project.team.pk])
    assert api("viewer").get(other).status_code == status.HTTP_404_NOT_FOUND

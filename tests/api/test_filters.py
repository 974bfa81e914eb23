"""List filters and ordering accept only their allowlists: anything else never filters or leaks."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import span
from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation

pytestmark = pytest.mark.django_db

HOSTILE_ANNOTATION_PARAMS = [
    {"annotator__password__startswith": "x"},
    {"annotator__password__startswith": "md5"},
    {"article__project__team__memberships__user__password": "x"},
    {"speaker__team__name": "x"},
    {"speaker__team__name": "Elsewhere"},
    {"annotator__username__startswith": "zzz"},
    {"annotator__is_superuser": "true"},
    {"article__body__icontains": "zzz"},
    {"prefix__icontains": "zzz"},
    {"exact": "zzz"},
    {"kind__in": "nothing"},
    {"id__gt": "999999"},
]


def _ids(client, url, params=None) -> list[int]:
    response = client.get(url, params or {})
    assert response.status_code == status.HTTP_200_OK, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.mark.parametrize("params", HOSTILE_ANNOTATION_PARAMS)
def test_annotation_filters_ignore_unlisted_fields_and_relations(world, desk, api, params):
    url = reverse("api:annotation-list")
    unfiltered = _ids(api("lead"), url)
    assert len(unfiltered) == 2
    # Each of these would empty the list if it were applied; it must change nothing.
    assert _ids(api("lead"), url, params) == unfiltered
    # And an outsider learns nothing through them either.
    assert _ids(api("outsider"), url, params) == []


@pytest.mark.parametrize(
    "params",
    [
        {"project__team__memberships__user__password__startswith": "x"},
        {"created_by__password__startswith": "x"},
        {"body__icontains": "zzz"},
        {"raw__icontains": "zzz"},
        {"project__team__name": "x"},
    ],
)
def test_article_filters_ignore_unlisted_fields(world, api, params):
    url = reverse("api:article-list")
    unfiltered = _ids(api("lead"), url)
    assert unfiltered == [world.article.pk]
    assert _ids(api("lead"), url, params) == unfiltered


def test_annotation_filters_on_the_allowlist_work(world, desk, api):
    url = reverse("api:annotation-list")
    client = api("viewer")
    assert _ids(client, url, {"kind": "claim"}) == [desk.claim.pk]
    assert _ids(client, url, {"speaker": desk.knights.pk}) == [desk.quote.pk]
    assert _ids(client, url, {"claimant": desk.pentagon.pk}) == [desk.claim.pk]
    assert _ids(client, url, {"verdict": "True"}) == [desk.claim.pk]
    assert _ids(client, url, {"quote_type": "mixed"}) == [desk.quote.pk]
    assert _ids(client, url, {"status": "approved"}) == []
    assert set(_ids(client, url, {"annotator": "reviewer"})) == {desk.quote.pk, desk.claim.pk}
    assert _ids(client, url, {"annotator": "lead"}) == []
    assert len(_ids(client, url, {"article": desk.article.pk})) == 2


def test_related_filters_accept_only_the_callers_own_objects(world, desk, api):
    url = reverse("api:annotation-list")
    theirs = api("lead").get(url, {"speaker": desk.stranger.pk})
    missing = api("lead").get(url, {"speaker": 999_999})
    # Another team's entity answers exactly like one that does not exist.
    assert theirs.status_code == missing.status_code == status.HTTP_400_BAD_REQUEST
    assert theirs.json() == missing.json()
    # And the owner's team sees the same refusal for the other team's id the other way round.
    outsider = api("outsider").get(url, {"speaker": desk.knights.pk})
    assert outsider.status_code == status.HTTP_400_BAD_REQUEST
    bad_choice = api("lead").get(url, {"kind": "rumour"})
    assert bad_choice.status_code == status.HTTP_400_BAD_REQUEST


def test_article_filters_on_the_allowlist_work(world, api):
    url = reverse("api:article-list")
    gazette = ArticleFactory(
        project=world.project, outlet="Harbour Gazette", published="2024-01-05"
    )
    ArticleFactory(project=world.project, outlet="Other", published="2023-01-05", is_truncated=True)
    client = api("viewer")
    assert _ids(client, url, {"outlet__icontains": "harbour"}) == [gazette.pk]
    assert _ids(client, url, {"outlet": "Harbour Gazette"}) == [gazette.pk]
    assert _ids(client, url, {"published__gte": "2024-01-01"}) == [gazette.pk]
    assert len(_ids(client, url, {"published__lte": "2024-12-31"})) == 2
    assert len(_ids(client, url, {"is_truncated": "true"})) == 1
    assert len(_ids(client, url, {"project": world.project.pk})) == 3
    other = api("viewer").get(url, {"project": world.other_project.pk})
    assert other.status_code == status.HTTP_400_BAD_REQUEST


@pytest.mark.parametrize(
    "ordering", ["annotator__password", "-annotator__password", "exact", "article__body", "bogus"]
)
def test_annotation_ordering_accepts_only_its_allowlist(world, desk, api, ordering):
    url = reverse("api:annotation-list")
    default = _ids(api("lead"), url)
    assert default == sorted(default, reverse=True)  # "-id"
    # Refused with the allowed fields named (tests/api/test_filter_errors.py), never applied.
    response = api("lead").get(url, {"ordering": ordering})
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "password" not in response.content.decode().replace(ordering, "")


def test_annotation_ordering_by_allowed_fields(world, desk, api):
    url = reverse("api:annotation-list")
    by_start = _ids(api("lead"), url, {"ordering": "start"})
    assert by_start == [desk.quote.pk, desk.claim.pk]
    assert _ids(api("lead"), url, {"ordering": "-start"}) == [desk.claim.pk, desk.quote.pk]


def test_cursor_pagination_walks_every_row_once(world, desk, api):
    article = desk.article
    Annotation.objects.bulk_create(
        [
            Annotation(
                article=article, kind="claim", annotator=world.lead, **span("3 drones were used")
            )
            for _ in range(23)
        ]
    )
    url = reverse("api:annotation-list")
    seen, page = [], api("viewer").get(url, {"page_size": 10, "ordering": "start"}).json()
    while True:
        seen += [row["id"] for row in page["results"]]
        if not page["next"]:
            break
        page = api("viewer").get(page["next"]).json()
    assert len(seen) == len(set(seen)) == 25
    assert "page=" not in (page["previous"] or "")


def test_page_size_is_capped(world, desk, api):
    Annotation.objects.bulk_create(
        [
            Annotation(
                article=desk.article,
                kind="claim",
                annotator=world.lead,
                **span("3 drones were used"),
            )
            for _ in range(510)
        ]
    )
    url = reverse("api:annotation-list")
    assert len(api("viewer").get(url).json()["results"]) == 100
    assert len(api("viewer").get(url, {"page_size": 10_000}).json()["results"]) == 500

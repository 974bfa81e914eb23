"""A known list filter given a value it cannot read answers 400 naming the filter, never ignores it.

An unknown parameter name is ignored, as DRF does (tests/api/test_filters.py); a wrong value of
a known one (`?status=bogus`, `?is_truncated=maybe`) would otherwise list everything as if it
had filtered.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BAD_VALUES = [
    ("api:annotation-list", "article", "abc"),
    ("api:annotation-list", "kind", "bogus"),
    ("api:annotation-list", "status", "bogus"),
    ("api:annotation-list", "speaker", "abc"),
    ("api:annotation-list", "claimant", "99999999999999999999999"),
    ("api:annotation-list", "checkworthy", "bogus"),
    ("api:annotation-list", "quote_type", "bogus"),
    ("api:annotation-list", "ordering", "bogus"),
    ("api:article-list", "project", "abc"),
    ("api:article-list", "status", "bogus"),
    ("api:article-list", "published__gte", "yesterday"),
    ("api:article-list", "is_truncated", "maybe"),
    ("api:article-list", "ordering", "-password"),
    ("api:entity-list", "team", "abc"),
    ("api:entity-list", "kind", "bogus"),
    ("api:source-list", "team", "abc"),
    ("api:source-list", "kind", "bogus"),
    ("api:project-list", "team", "abc"),
    ("api:factcheck-list", "team", "abc"),
    ("api:factcheck-list", "published_after", "last week"),
    ("api:assignment-list", "article", "abc"),
    ("api:assignment-list", "project", "abc"),
    ("api:assignment-list", "state", "bogus"),
]


@pytest.mark.parametrize(("route", "name", "value"), BAD_VALUES)
def test_list_filter_refuses_an_unreadable_value_naming_it(world, api, route, name, value):
    response = api("viewer").get(reverse(route), {name: value})
    assert response.status_code == status.HTTP_400_BAD_REQUEST, response.content
    assert name in response.json(), response.json()


def test_boolean_filter_reads_its_spellings_and_refuses_others(world, api):
    truncated = ArticleFactory(project=world.project, is_truncated=True)
    url, client = reverse("api:article-list"), api("viewer")
    for value, expected in [
        ("true", [truncated.pk]),
        ("True", [truncated.pk]),
        ("1", [truncated.pk]),
        ("false", [world.article.pk]),
        ("0", [world.article.pk]),
        ("", sorted([truncated.pk, world.article.pk])),
    ]:
        response = client.get(url, {"is_truncated": value})
        assert response.status_code == status.HTTP_200_OK, value
        assert sorted(row["id"] for row in response.json()["results"]) == expected, value
    response = client.get(url, {"is_truncated": "yes please"})
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    error = {"message": "Give true or false (or 1 or 0).", "code": "invalid"}
    assert response.json() == {"is_truncated": [error]}


def test_ordering_error_lists_the_allowed_fields(world, api):
    response = api("viewer").get(reverse("api:annotation-list"), {"ordering": "start,bogus"})
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    message = "Order by one of: id, start, created, updated (a leading - reverses the order)."
    assert response.json() == {"ordering": [{"message": message, "code": "invalid"}]}
    # The allowed ones, with a minus or several at once, still order.
    for ordering in ("start", "-start", "start,-id", " created , id"):
        response = api("viewer").get(reverse("api:annotation-list"), {"ordering": ordering})
        assert response.status_code == status.HTTP_200_OK, ordering

"""Crafted cursors on every API list: a 404 with DRF's message, never a 500."""

from __future__ import annotations

from base64 import b64encode

import pytest
from django.urls import reverse
from rest_framework import status

pytestmark = pytest.mark.django_db

LISTS = [
    "api:project-list",
    "api:article-list",
    "api:annotation-list",
    "api:entity-list",
    "api:source-list",
    "api:assignment-list",
]


def _cursor(query: str) -> str:
    return b64encode(query.encode()).decode()


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize(
    ("position", "ordering"),
    [
        ("abc", "id"),
        ("abc", "-id"),
        ("1.5e400", "id"),
        ("not-a-date", "created"),
        ("2024-13-45", "-created"),
    ],
)
def test_cursor_with_a_position_that_does_not_fit_the_order_is_404(
    world, api, name, position, ordering
):
    cursor = _cursor(f"p={position}&r=0&o=0")
    response = api("lead").get(reverse(name), {"cursor": cursor, "ordering": ordering})
    assert response.status_code == status.HTTP_404_NOT_FOUND, response.content
    assert response.json()["detail"] == "Invalid cursor"


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize(
    "cursor",
    [
        _cursor("p=9999999999999999999999999"),
        _cursor("p=abc"),
        _cursor("o=-1"),
        _cursor("o=99999999999999999999&r=2"),
        "%%%",
        "été",
    ],
)
def test_any_cursor_on_the_default_order_is_never_a_server_error(world, api, name, cursor):
    response = api("lead").get(reverse(name), {"cursor": cursor})
    assert response.status_code < 500


def test_genuine_cursor_still_pages(world, api):
    from tests.factories import ArticleFactory

    ArticleFactory.create_batch(3, project=world.project)
    client = api("lead")
    first = client.get(reverse("api:article-list"), {"page_size": 2}).json()
    second = client.get(first["next"]).json()
    assert len(first["results"]) == 2 and len(second["results"]) == 2


@pytest.mark.parametrize("name", ["api:project-list", "api:entity-list"])
def test_cursor_with_a_nul_in_its_position_is_404(world, api, name):
    """Issue 20 re-attack: `p=%00` on a list ordered by name was a 500 on PostgreSQL
    (text cannot hold NUL); no cursor we make holds one, so it is an invalid cursor."""
    cursor = _cursor("p=%00&r=0&o=0")
    response = api("lead").get(reverse(name), {"cursor": cursor})
    assert response.status_code == status.HTTP_404_NOT_FOUND, response.content
    assert response.json()["detail"] == "Invalid cursor"

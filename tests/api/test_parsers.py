"""Request bodies: deep nesting is a 400 with a message, on every endpoint that reads JSON."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

pytestmark = pytest.mark.django_db


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("name", "args"),
    [("api:article-batch", []), ("api:annotation-list", []), ("api:project-list", [])],
)
@pytest.mark.parametrize("depth", [100, 100_000])
def test_deeply_nested_body_is_400_with_a_message(world, api, name, args, depth):
    body = '{"project": ' + _nested(depth) + "}"
    response = api("lead").post(reverse(name, args=args), body, content_type="application/json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json() == {
        "detail": "The JSON is nested too deeply (the limit is 64 levels).",
        "code": "too_deep",
    }


def test_deeply_nested_patch_is_400(world, api):
    url = reverse("api:article-detail", args=[world.article.pk])
    body = '{"title": ' + _nested(10_000) + "}"
    response = api("lead").patch(url, body, content_type="application/json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["code"] == "too_deep"


def test_nesting_within_the_limit_is_parsed(world, api):
    body = '{"project": ' + _nested(10) + "}"
    response = api("lead").post(reverse("api:article-batch"), body, content_type="application/json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "project" in response.json()

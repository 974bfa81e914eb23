"""Projects over the API, and the streaming export endpoint."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework import status

from tests.conftest import client_for
from workbench.articles.models import Project

pytestmark = pytest.mark.django_db


def test_project_list_and_detail_ladder(world, api):
    url = reverse("api:project-list")
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert [p["id"] for p in api("outsider").get(url).json()["results"]] == [world.other_project.pk]
    data = api("viewer").get(url).json()["results"]
    assert [p["id"] for p in data] == [world.project.pk]
    assert data[0]["article_count"] == 1 and data[0]["team_slug"] == "desk"
    detail = reverse("api:project-detail", args=[world.project.pk])
    assert api("outsider").get(detail).status_code == status.HTTP_404_NOT_FOUND
    assert api("viewer").get(detail).status_code == status.HTTP_200_OK


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, status.HTTP_401_UNAUTHORIZED),
        ("viewer", status.HTTP_403_FORBIDDEN),
        ("reviewer", status.HTTP_403_FORBIDDEN),
        ("lead", status.HTTP_201_CREATED),
    ],
)
def test_project_create_ladder(world, api, role, expected):
    body = {"name": "Election", "slug": "election", "team": world.team.pk}
    response = api(role).post(reverse("api:project-list"), body, format="json")
    assert response.status_code == expected
    assert Project.objects.filter(slug="election").exists() == (expected == 201)


def test_project_create_in_another_team_is_unknown(world, api):
    body = {"name": "Election", "slug": "election", "team": world.team.pk}
    response = api("outsider").post(reverse("api:project-list"), body, format="json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["team"][0]["code"] == "does_not_exist"


def test_project_create_defaults_to_the_only_team_and_validates(world, api):
    body = {"name": "Election", "slug": "election", "rating_scale": ["Yes"]}
    response = api("lead").post(reverse("api:project-list"), body, format="json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "at least two" in response.json()["rating_scale"][0]["message"]
    body["rating_scale"] = ["Yes", "No"]
    response = api("lead").post(reverse("api:project-list"), body, format="json")
    assert response.status_code == status.HTTP_201_CREATED
    assert response.json()["team"] == world.team.pk


def test_project_update(world, api):
    url = reverse("api:project-detail", args=[world.project.pk])
    assert api("outsider").patch(url, {"name": "X"}, format="json").status_code == 404
    assert api("reviewer").patch(url, {"name": "X"}, format="json").status_code == 403
    response = api("lead").patch(url, {"description": "Checked weekly."}, format="json")
    assert response.status_code == status.HTTP_200_OK
    world.project.refresh_from_db()
    assert world.project.description == "Checked weekly." and world.project.name == "Desk project"


# --- export -------------------------------------------------------------------------------------


def _export(world, **params) -> str:
    return reverse("api:project-export", args=[world.project.pk]) + (
        "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    )


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "w3c", "claimreview"])
def test_export_streams_each_format(world, api, fmt):
    from workbench.exports import FORMATS

    response = api("viewer").get(_export(world, format=fmt))
    assert response.status_code == status.HTTP_200_OK
    assert response.streaming
    assert response["Content-Type"] == FORMATS[fmt].content_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert "desk-project" in disposition and FORMATS[fmt].extension in disposition
    body = b"".join(response.streaming_content)
    assert body


def test_export_jsonl_has_the_article(world, desk, api):
    response = api("viewer").get(_export(world, format="jsonl"))
    rows = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    assert desk.article.title in {row.get("title") for row in rows}


def test_export_ignores_accept_and_the_format_param_is_not_drfs(world, api):
    response = api("lead").get(_export(world, format="csv"), headers={"Accept": "text/csv"})
    assert response.status_code == status.HTTP_200_OK
    assert response["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"format": "xlsx"}, "format"),
        ({}, "format"),
        ({"format": "jsonl", "status": "published"}, "status"),
        ({"format": "json"}, "format"),
    ],
)
def test_export_refuses_unknown_format_or_status(world, api, params, field):
    response = api("lead").get(_export(world, **params))
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response["Content-Type"] == "application/json"
    assert field in response.json()


def test_export_ladder(world, api):
    url = _export(world, format="jsonl", status="approved")
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert api("outsider").get(url).status_code == status.HTTP_404_NOT_FOUND
    assert api("viewer").get(url).status_code == status.HTTP_200_OK


def test_project_page_has_the_download_form(world):
    page = client_for(world.viewer).get(reverse("articles:project_detail", args=[world.project.pk]))
    html = page.content.decode()
    assert f'action="{reverse("api:project-export", args=[world.project.pk])}"' in html
    for fmt in ("jsonl", "csv", "w3c", "claimreview"):
        assert f'value="{fmt}"' in html
    assert 'name="status" value="approved"' in html


def test_project_page_download_works_with_the_session(world):
    client = client_for(world.viewer)
    response = client.get(_export(world, format="csv", status="approved"))
    assert response.status_code == status.HTTP_200_OK
    assert response["Content-Disposition"].startswith("attachment")

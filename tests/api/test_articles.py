"""Articles over the API: import by text or URL (201 vs 200), batch, metadata, the ladder."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework import status

from tests.conftest import XSS
from tests.factories import ArticleFactory
from workbench.articles import services as article_services
from workbench.articles.fetch import Fetched, FetchError
from workbench.articles.models import Article

pytestmark = pytest.mark.django_db

TEXT = "The minister said the bridge will open in May.\n\nCritics doubt it."


def _create(client, project, **body):
    return client.post(reverse("api:article-list"), {"project": project.pk, **body}, format="json")


def test_article_list_ladder(world, api):
    url = reverse("api:article-list")
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert api("outsider").get(url).json()["results"] == []
    for role in ("lead", "reviewer", "viewer"):
        results = api(role).get(url).json()["results"]
        assert [a["id"] for a in results] == [world.article.pk]
        assert "body" not in results[0]


def test_article_detail_ladder(world, api):
    url = reverse("api:article-detail", args=[world.article.pk])
    assert api(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert api("outsider").get(url).status_code == status.HTTP_404_NOT_FOUND
    data = api("viewer").get(url).json()
    assert data["body"] == world.article.body
    assert data["body_chars"] == len(world.article.body)


def test_article_create_by_text_then_already_imported(world, api):
    response = _create(api("reviewer"), world.project, text=TEXT, title="Bridge", outlet="Gazette")
    assert response.status_code == status.HTTP_201_CREATED, response.content
    data = response.json()
    assert data["already_imported"] is False
    assert data["title"] == "Bridge" and data["outlet"] == "Gazette"
    assert data["body"] == TEXT
    again = _create(api("lead"), world.project, text=TEXT)
    assert again.status_code == status.HTTP_200_OK
    assert again.json()["id"] == data["id"]
    assert again.json()["already_imported"] is True
    assert str(data["id"]) in again.json()["message"]
    assert Article.objects.filter(project=world.project).count() == 2


def test_article_text_comes_back_as_json_not_html(world, api):
    response = _create(api("reviewer"), world.project, text=TEXT, title=XSS)
    assert response.status_code == status.HTTP_201_CREATED
    # Data as typed, in JSON that a browser never renders as a page; escaping is the UI's job.
    assert response["Content-Type"] == "application/json"
    assert response.json()["title"] == XSS


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, status.HTTP_401_UNAUTHORIZED),
        ("outsider", status.HTTP_400_BAD_REQUEST),
        ("viewer", status.HTTP_403_FORBIDDEN),
        ("reviewer", status.HTTP_201_CREATED),
        ("lead", status.HTTP_201_CREATED),
    ],
)
def test_article_create_ladder(world, api, role, expected):
    response = _create(api(role), world.project, text=TEXT)
    assert response.status_code == expected
    assert Article.objects.filter(project=world.project).count() == 1 + (expected == 201)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"url": "ftp://example.org/x"}, "url"),
        ({"text": TEXT, "published": "yesterday"}, "published"),
        ({"text": TEXT, "project": 999_999}, "project"),
    ],
)
def test_article_create_refuses_bad_input(world, api, body, field):
    response = api("reviewer").post(
        reverse("api:article-list"), {"project": world.project.pk, **body}, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert field in response.json()
    assert Article.objects.count() == 1


def test_article_create_by_url(world, api, monkeypatch):
    html = "<html><head><title>Bridge</title></head><body><article><h1>Bridge opens</h1>"
    html += (
        "<p>"
        + "The minister said the bridge will open in May. " * 8
        + "</p></article></body></html>"
    )
    page = Fetched(
        url="https://example.org/bridge", status=200, content_type="text/html", text=html
    )
    monkeypatch.setattr(article_services, "fetch_url", lambda url: page)
    response = _create(api("reviewer"), world.project, url="https://example.org/bridge")
    assert response.status_code == status.HTTP_201_CREATED, response.content
    assert response.json()["url"] == "https://example.org/bridge"
    assert "bridge will open" in response.json()["body"]


def test_article_create_by_url_reports_a_fetch_failure(world, api, monkeypatch):
    def refuse(url: str) -> Fetched:
        raise FetchError("That address is not public.", code="not_public")

    monkeypatch.setattr(article_services, "fetch_url", refuse)
    response = _create(api("reviewer"), world.project, url="http://127.0.0.1/")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["non_field_errors"][0]["code"] == "not_public"


def test_article_batch(world, api):
    lines = [
        json.dumps({"title": "One", "body": "First article text.\n\nMore."}),
        "{not json",
        json.dumps({"title": "Two", "text": "Second article text."}),
        json.dumps({"title": "One again", "body": "First article text.\n\nMore."}),
    ]
    body = {"project": world.project.pk, "jsonl": "\n".join(lines)}
    assert api("viewer").post(reverse("api:article-batch"), body, format="json").status_code == 403
    response = api("reviewer").post(reverse("api:article-batch"), body, format="json")
    assert response.status_code == status.HTTP_200_OK, response.content
    data = response.json()
    assert data["created"] == 2 and data["duplicates"] == 1
    assert [f["line"] for f in data["failures"]] == ["line 2"]
    assert [r["created"] for r in data["results"]] == [True, True, False]
    assert data["results"][0]["id"] == data["results"][2]["id"]


def test_article_update(world, api):
    url = reverse("api:article-detail", args=[world.article.pk])
    assert api("outsider").patch(url, {"title": "X"}, format="json").status_code == 404
    assert api("viewer").patch(url, {"title": "X"}, format="json").status_code == 403
    response = api("reviewer").patch(url, {"outlet": "Gazette"}, format="json")
    assert response.status_code == status.HTTP_200_OK
    world.article.refresh_from_db()
    assert world.article.outlet == "Gazette" and world.article.title.startswith("Article")
    bad = api("reviewer").patch(url, {"url": "javascript:alert(1)"}, format="json")
    assert bad.status_code == status.HTTP_400_BAD_REQUEST


def test_article_update_of_a_reviewed_article_is_refused_with_a_code(world, api):
    from tests.review.conftest import reviewed_article

    article = reviewed_article(world)
    url = reverse("api:article-detail", args=[article.pk])
    response = api("lead").patch(url, {"title": "Changed after approval"}, format="json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["non_field_errors"][0]["code"] == "article_reviewed"
    article.refresh_from_db()
    assert article.title != "Changed after approval"


def test_article_move_line(world, api):
    raw = "Headline here\nSponsored: buy now\nThe real text of it.\n\nMore real text."
    article = ArticleFactory(project=world.project, raw=raw, body=raw)
    url = reverse("api:article-move-line", args=[article.pk])
    body = {"line": 1, "to": "removed", "checksum": article.checksum}
    assert api("viewer").post(url, body, format="json").status_code == 403
    response = api("reviewer").post(url, body, format="json")
    assert response.status_code == status.HTTP_200_OK, response.content
    assert "Sponsored" not in response.json()["body"]
    stale = api("reviewer").post(url, {**body, "to": "body"}, format="json")
    assert stale.status_code == status.HTTP_400_BAD_REQUEST
    assert stale.json()["non_field_errors"][0]["code"] == "stale"


def test_article_list_queries(world, api, django_assert_max_num_queries):
    ArticleFactory.create_batch(120, project=world.project)
    client = api("viewer")
    client.get(reverse("api:team-list"))
    with django_assert_max_num_queries(4):
        response = client.get(reverse("api:article-list"))
    assert len(response.json()["results"]) == 100
    second = client.get(response.json()["next"]).json()
    assert len(second["results"]) == 21


# --- limits (issue 20) ----------------------------------------------------------------------


def test_article_batch_lists_a_hundred_failures_and_counts_the_rest(world, api):
    body = {"project": world.project.pk, "jsonl": "{}\n" * 1000}
    response = api("reviewer").post(reverse("api:article-batch"), body, format="json")
    assert response.status_code == status.HTTP_200_OK
    data = response.json()
    assert len(data["failures"]) == 100 and data["unlisted_failures"] == 900
    assert data["failures"][-1]["line"] == "line 100"
    assert len(response.content) < 20_000


def test_article_batch_over_the_line_limit_is_400(world, api, settings):
    settings.WORKBENCH_MAX_IMPORT_LINES = 3
    jsonl = "\n".join(json.dumps({"body": f"Article {i} has a body."}) for i in range(4))
    body = {"project": world.project.pk, "jsonl": jsonl}
    before = Article.objects.count()
    response = api("reviewer").post(reverse("api:article-batch"), body, format="json")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["jsonl"][0]["code"] == "too_many_lines"
    assert Article.objects.count() == before


def test_article_batch_refuses_a_deeply_nested_line_by_number(world, api):
    deep = '{"body": "Fine body.", "x": ' + "[" * 50_000 + "]" * 50_000 + "}"
    jsonl = json.dumps({"body": "A good line of text."}) + "\n" + deep
    body = {"project": world.project.pk, "jsonl": jsonl}
    response = api("reviewer").post(reverse("api:article-batch"), body, format="json")
    assert response.status_code == status.HTTP_200_OK
    data = response.json()
    assert data["created"] == 1
    assert data["failures"][0]["line"] == "line 2"
    assert "nested too deeply" in data["failures"][0]["message"]

"""The project pages and the article details form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory
from workbench.articles.models import Project

pytestmark = pytest.mark.django_db


def test_project_page_escapes_project_name_and_description(world):
    world.project.name = XSS
    world.project.description = XSS
    world.project.save()
    html = client_for(world.viewer).get(world.project.get_absolute_url()).content.decode()
    assert "<script>alert" not in html


def test_project_page_searches_and_filters(world):
    ArticleFactory(project=world.project, title="Drone strike in Baghdad", body="Body about Iraq.")
    ArticleFactory(
        project=world.project, title="Budget", body="Body about money.", status="submitted"
    )
    client = client_for(world.viewer)
    url = world.project.get_absolute_url()
    assert "Drone strike" in client.get(url, {"q": "iraq"}).content.decode()
    assert "Drone strike" not in client.get(url, {"q": "money"}).content.decode()
    fragment = client.get(
        url, {"status": "submitted"}, headers={"HX-Request": "true", "HX-Target": "article-rows"}
    )
    html = fragment.content.decode()
    assert "Budget" in html and "Drone strike" not in html
    assert "<html" not in html


def test_project_page_query_count_does_not_grow_with_articles(world, django_assert_max_num_queries):
    ArticleFactory.create_batch(30, project=world.project)
    client = client_for(world.viewer)
    with django_assert_max_num_queries(12):
        assert client.get(world.project.get_absolute_url()).status_code == 200


def test_lead_creates_project_with_default_scale_and_edits_it(world):
    client = client_for(world.lead)
    response = client.post(
        reverse("articles:project_create"),
        {"name": "Election claims", "rating_scale": "True\nFalse\n\n"},
    )
    project = Project.objects.get(name="Election claims")
    assert response.status_code == 302
    assert project.slug == "election-claims"
    assert project.rating_scale == ["True", "False"]
    client.post(
        reverse("articles:project_edit", args=[project.pk]),
        {
            "name": "Election claims",
            "slug": "elections",
            "rating_scale": "Accurate\nMisleading\nFalse",
        },
    )
    project.refresh_from_db()
    assert project.slug == "elections"
    assert project.rating_scale == ["Accurate", "Misleading", "False"]


def test_project_form_refuses_bad_scale_and_duplicate_slug(world):
    client = client_for(world.lead)
    response = client.post(
        reverse("articles:project_create"), {"name": "X", "rating_scale": "Only one"}
    )
    assert response.status_code == 200
    assert "at least two" in response.content.decode()
    response = client.post(
        reverse("articles:project_create"),
        {"name": "Y", "slug": "desk-project", "rating_scale": "A\nB"},
    )
    assert "already exists" in response.content.decode()


def test_reviewed_article_offers_no_detail_edit_and_the_edit_page_refuses(world):
    from tests.review.conftest import reviewed_article

    article = reviewed_article(world)
    client = client_for(world.reviewer)
    page = client.get(article.get_absolute_url()).content.decode()
    assert reverse("articles:article_edit", args=[article.pk]) not in page
    assert "the text and its details are locked" in page
    url = reverse("articles:article_edit", args=[article.pk])
    form = client_for(world.lead).get(url)
    assert form.status_code == 200
    assert "details (title, outlet, byline, URL, date) are locked" in form.content.decode()
    assert 'name="title"' not in form.content.decode()
    refused = client_for(world.lead).post(url, {"title": "Rewritten after approval"})
    assert refused.status_code == 400
    assert "are locked" in refused.content.decode()
    article.refresh_from_db()
    assert article.title != "Rewritten after approval"


def test_open_article_offers_the_detail_edit_with_a_cancel_link(world):
    client = client_for(world.reviewer)
    page = client.get(world.article.get_absolute_url()).content.decode()
    assert reverse("articles:article_edit", args=[world.article.pk]) in page
    form = client.get(reverse("articles:article_edit", args=[world.article.pk])).content.decode()
    assert 'name="title"' in form
    assert f'href="{world.article.get_absolute_url()}">Cancel</a>' in form


@pytest.mark.parametrize(
    ("name", "args", "cancel"),
    [
        ("articles:project_create", lambda w: [], lambda w: reverse("articles:project_list")),
        ("articles:project_edit", lambda w: [w.project.pk], lambda w: w.project.get_absolute_url()),
        (
            "articles:article_import",
            lambda w: [w.project.pk],
            lambda w: w.project.get_absolute_url(),
        ),
        ("review:assign", lambda w: [w.project.pk], lambda w: w.project.get_absolute_url()),
        ("password_change", lambda w: [], lambda w: reverse("articles:project_list")),
        ("accounts:token_list", lambda w: [], lambda w: reverse("articles:project_list")),
    ],
)
def test_form_pages_have_a_cancel_link(world, name, args, cancel):
    page = client_for(world.lead).get(reverse(name, args=args(world))).content.decode()
    assert f'href="{cancel(world)}">Cancel</a>' in page


def test_dates_on_the_article_and_project_pages_do_not_wrap(world):
    import datetime

    article = ArticleFactory(
        project=world.project,
        published=datetime.date(2024, 1, 5),
        retrieved=datetime.date(2025, 2, 22),
    )
    client = client_for(world.viewer)
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<dd class="date">5 January 2024</dd>' in page
    assert '<dd class="date">22 February 2025</dd>' in page
    listing = client.get(world.project.get_absolute_url()).content.decode()
    assert '<td class="date">2024-01-05</td>' in listing

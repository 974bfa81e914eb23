"""Counts that stop at a cap: the project page's article and status counts."""

from __future__ import annotations

import pytest

from tests.conftest import client_for
from tests.factories import ArticleFactory
from workbench.articles.models import Article
from workbench.articles.selectors import article_status_counts
from workbench.paging import CappedPaginator

pytestmark = pytest.mark.django_db


def test_capped_paginator_counts_up_to_the_cap_and_says_there_are_more(world):
    for _ in range(4):
        ArticleFactory(project=world.project)
    articles = Article.objects.filter(project=world.project).order_by("id")
    capped = CappedPaginator(articles, 2, cap=3)
    assert (capped.count, capped.is_capped, capped.num_pages) == (3, True, 2)
    exact = CappedPaginator(articles, 2, cap=10)
    assert (exact.count, exact.is_capped) == (5, False)
    assert [a.pk for a in capped.get_page(2)] == [a.pk for a in articles[2:4]]


def test_status_counts_stop_at_the_cap(world):
    for _ in range(3):
        ArticleFactory(project=world.project, status="assigned")
    counts = {row["value"]: row for row in article_status_counts(project=world.project, cap=2)}
    assert (counts["assigned"]["count"], counts["assigned"]["capped"]) == (2, True)
    assert (counts["unassigned"]["count"], counts["unassigned"]["capped"]) == (1, False)
    assert counts["reviewed"]["count"] == 0


def test_project_page_shows_a_capped_count_with_a_plus(world, monkeypatch):
    monkeypatch.setattr("workbench.paging.LIST_COUNT_CAP", 2)
    for _ in range(3):
        ArticleFactory(project=world.project)
    html = client_for(world.viewer).get(world.project.get_absolute_url()).content.decode()
    assert "<dt>Articles</dt><dd>2+</dd>" in html


def test_project_list_counts_articles_up_to_the_cap(world, monkeypatch):
    from workbench.articles.selectors import project_list

    for _ in range(3):
        ArticleFactory(project=world.project)
    capped = project_list(user=world.viewer, counts=True, count_cap=2).get(pk=world.project.pk)
    assert (capped.article_count, capped.article_count_capped) == (2, True)
    exact = project_list(user=world.viewer, counts=True, count_cap=10).get(pk=world.project.pk)
    assert (exact.article_count, exact.article_count_capped) == (4, False)
    monkeypatch.setattr("workbench.articles.views.LIST_COUNT_CAP", 2)
    html = client_for(world.viewer).get("/").content.decode()
    assert "2+ articles" in " ".join(html.split())

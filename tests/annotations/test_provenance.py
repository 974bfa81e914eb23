"""Who did what is visible: annotator and status in the list and panel, adjudicated copies named."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import client_for
from tests.review.conftest import claim, quote, review  # noqa: F401
from workbench.review.services import adjudication_accept, article_submit, assignment_create

pytestmark = pytest.mark.django_db


def _list_item(html: str, pk: int) -> str:
    match = re.search(rf'<li id="annotation-{pk}".*?</li>', html, re.S)
    assert match, f"annotation {pk} is listed"
    return match.group(0)


def _panel(user, pk: int) -> str:
    url = reverse("annotations:annotation_detail", args=[pk])
    return client_for(user).get(url, headers={"HX-Request": "true"}).content.decode()


def test_list_and_panel_show_annotator_and_status(review):  # noqa: F811
    mine = quote(review.article, review.reviewer)
    page = client_for(review.lead).get(review.article.get_absolute_url()).content.decode()
    item = _list_item(page, mine.pk)
    assert "by reviewer" in item and "draft" in item
    panel = _panel(review.lead, mine.pk)
    assert "By reviewer" in panel and 'class="status status-draft"' in panel


def test_adjudicated_copy_is_told_apart_from_the_reviewers_versions(review):  # noqa: F811
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    first = claim(review.article, review.reviewer, verdict="True")
    second = claim(review.article, review.second, verdict="False")
    article_submit(assignment=a, actor=review.reviewer)
    article_submit(assignment=b, actor=review.second)
    copy = adjudication_accept(original=second, actor=review.lead).result
    page = client_for(review.viewer).get(review.article.get_absolute_url()).content.decode()
    assert "reviewer&#x27;s version" in _list_item(page, first.pk)
    assert "second&#x27;s version" in _list_item(page, second.pk)
    item = _list_item(page, copy.pk)
    assert "adjudicated by lead" in item and "approved" in item
    panel = _panel(review.viewer, copy.pk)
    assert "Adjudicated by lead" in panel and "Accepted one reviewer" in panel
    assert "Second&#x27;s version" in _panel(review.viewer, second.pk)


def test_article_page_queries_do_not_grow_with_annotations(review, django_assert_max_num_queries):  # noqa: F811
    client = client_for(review.lead)
    url = review.article.get_absolute_url()
    quote(review.article, review.reviewer)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for text in ("by the militias", "3 drones were used", "a spokesman said"):
        claim(review.article, review.reviewer, text)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(url)

"""The annotation reader: an article's page and its fragments."""

from __future__ import annotations

import pytest

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_article_page_escapes_script_in_title_outlet_and_body(world):
    article = ArticleFactory(
        project=world.project, title=XSS, outlet=XSS, byline=XSS, body=f"Text {XSS} end."
    )
    client = client_for(world.viewer)
    for url in (article.get_absolute_url(), world.project.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert 'onerror="alert' not in html
        assert "&lt;script&gt;" in html


def test_article_details_partial_answers_htmx_for_the_review_refresh(world):
    from tests.review.conftest import reviewed_article

    article = reviewed_article(world)
    response = client_for(world.reviewer).get(
        article.get_absolute_url(),
        headers={"HX-Request": "true", "HX-Target": "details-actions"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="details-actions"')
    assert "locked" in body and "Edit details" not in body

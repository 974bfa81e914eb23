"""The reader's text and annotation list, rendered in Python (annotations/reader_html.py)."""

from __future__ import annotations

import hashlib
import re

import pytest

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory
from workbench.annotations.services import annotation_create, entity_create

pytestmark = pytest.mark.django_db


def _article(world, body: str):
    return ArticleFactory(
        project=world.project,
        body=body,
        raw=body,
        checksum=hashlib.sha256(body.encode()).hexdigest(),
    )


def _annotate(article, author, kind: str, exact: str, **fields):
    start = article.body.index(exact)
    return annotation_create(
        article=article,
        author=author,
        kind=kind,
        start=start,
        end=start + len(exact),
        exact=exact,
        **fields,
    )


def test_reader_shows_user_text_in_highlights_and_list_as_text(world):
    body = f"Before {XSS} after.\n\nSecond paragraph says {XSS} too."
    article = _article(world, body)
    speaker = entity_create(team=world.team, actor=None, name=XSS)
    _annotate(article, world.lead, "quote", XSS, speaker=speaker)
    claim = _annotate(article, world.lead, "claim", f"says {XSS}", verdict="False")
    html = client_for(world.reviewer).get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert 'onerror="alert' not in html
    # The highlight covers the escaped text; the list shows the speaker and the snippet as text.
    assert '<mark class="hl hl-quote" data-ids="' in html
    assert f'<span class="who">{"&lt;script&gt;alert(&quot;x&quot;)"}' in html
    assert f'<li id="annotation-{claim.pk}" class="ann-item kind-claim"' in html
    assert '<span class="badge verdict">False</span>' in html


def test_reader_paragraph_text_is_exactly_its_slice_of_the_body(world):
    body = 'One & two said "three".\n\nFour < five, said Knights.'
    article = _article(world, body)
    _annotate(article, world.lead, "quote", '"three"')
    _annotate(article, world.lead, "claim", "Four < five")
    html = client_for(world.lead).get(article.get_absolute_url()).content.decode()
    paragraphs = re.findall(r'<p data-start="(\d+)">(.*?)</p>', html)
    assert [int(start) for start, _ in paragraphs] == [0, body.index("Four")]
    import html as html_lib

    for start, inner in paragraphs:
        text = html_lib.unescape(re.sub(r"<[^>]+>", "", inner))
        assert body[int(start) : int(start) + len(text)] == text


def test_reader_with_many_annotations_runs_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    sentence = "The minister said the budget rose by 4 percent. "
    article = _article(world, sentence * 60)
    knights = entity_create(team=world.team, actor=None, name="Knights")
    offset = 0
    for index in range(60):
        start = offset + index * len(sentence)
        annotation_create(
            article=article,
            author=world.reviewer if index % 2 else world.lead,
            kind="quote" if index % 2 else "claim",
            start=start,
            end=start + 12,
            exact=article.body[start : start + 12],
            **({"speaker": knights} if index % 2 else {"claimant": knights}),
        )
    client = client_for(world.lead)
    with django_assert_max_num_queries(14):
        response = client.get(article.get_absolute_url())
    assert response.content.decode().count('class="ann-item kind-') == 60


def test_reader_outsider_gets_404(world):
    article = _article(world, "Some text said here.")
    assert client_for(world.outsider).get(article.get_absolute_url()).status_code == 404

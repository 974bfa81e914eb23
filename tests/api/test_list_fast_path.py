"""The lists' fast read paths give exactly what AnnotationSerializer and ArticleSerializer give.

The lists shape plain rows (serializers.annotation_list_data, article_list_data) instead of
running the serializers over model instances; these tests pin the two together, field by field and byte by
byte, so that a field added to one and not the other fails here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models.functions import Length
from django.urls import reverse
from rest_framework.renderers import JSONRenderer

from tests.api.conftest import span
from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation
from workbench.annotations.selectors import annotation_list
from workbench.annotations.services import (
    Span,
    annotation_create,
    comment_add,
    evidence_add,
    source_get_or_create,
)
from workbench.api.serializers import (
    AnnotationSerializer,
    ArticleSerializer,
    annotation_list_data,
    annotation_list_rows,
    article_list_data,
    article_list_rows,
)
from workbench.articles.selectors import article_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied(world, desk):
    """Annotations of each kind and shape: bare, linked, with comments and dated evidence."""
    bare_quote = annotation_create(
        article=desk.article, author=world.lead, kind="quote", **span("a spokesman said")
    )
    outlet_claim = annotation_create(
        article=desk.article,
        author=world.lead,
        kind="claim",
        **span("3 drones"),
        claimant_is_outlet=True,
        quote=desk.quote,
        checkworthy="yes",
        rationale="Café ☕ 👍🏽 <b>",
    )
    bare_claim = annotation_create(
        article=desk.article, author=world.reviewer, kind="claim", **span("drones were used")
    )
    dated = source_get_or_create(
        team=world.team,
        actor=None,
        title="Dated",
        url="https://example.org/dated",
        publisher="Gazette",
        published=dt.date(2024, 1, 5),
        kind="article",
    )
    evidence_add(
        claim=outlet_claim, actor=world.lead, source=dated, stance="refutes", excerpt="x", note="n"
    )
    evidence_add(claim=outlet_claim, actor=world.lead, source=desk.source, stance="supports")
    evidence_add(claim=desk.claim, actor=world.lead, source=dated, stance="context")
    comment_add(annotation=desk.quote, author=world.lead, text="One")
    comment_add(annotation=desk.quote, author=world.reviewer, text="Two")
    comment_add(annotation=bare_claim, author=world.lead, text="Three")
    mentioned = annotation_create(
        article=desk.article,
        author=world.lead,
        kind="quote",
        **span("The Pentagon confirmed that 3 drones were used"),
        speaker=desk.pentagon,
        role="spokesman",
        mention=Span(*span("The Pentagon").values()),
        quote_type="indirect",
    )
    return [bare_quote, outlet_claim, bare_claim, mentioned]


def test_fast_rows_match_the_detail_serializer(world, desk, varied):
    annotations = annotation_list(user=world.viewer).order_by("-id")
    expected = AnnotationSerializer(annotations, many=True).data
    fast = annotation_list_data(list(annotation_list_rows(annotations)))
    assert len(fast) == Annotation.objects.count() == 6
    kinds = {(a["kind"], bool(a["evidence"]), a["comment_count"] > 0) for a in fast}
    assert {("claim", True, False), ("claim", False, True), ("quote", False, True)} <= kinds
    for got, want in zip(fast, expected, strict=True):
        assert list(got) == list(want)  # the same keys in the same order
        assert got == want
    renderer = JSONRenderer()
    assert renderer.render(fast) == renderer.render(expected)


def test_list_page_items_equal_the_detail_responses(world, desk, varied, api):
    client = api("viewer")
    listed = client.get(reverse("api:annotation-list")).json()["results"]
    assert len(listed) == 6
    for item in listed:
        detail = client.get(reverse("api:annotation-detail", args=[item["id"]])).json()
        assert item == detail
        assert list(item) == list(detail)


def test_empty_page_and_filters_keep_working(world, desk, varied, api):
    assert annotation_list_data([]) == []
    client = api("viewer")
    url = reverse("api:annotation-list")
    claims = client.get(url, {"kind": "claim", "ordering": "start"}).json()["results"]
    assert {a["kind"] for a in claims} == {"claim"}
    assert [a["start"] for a in claims] == sorted(a["start"] for a in claims)
    assert api("outsider").get(url).json()["results"] == []


def test_cursor_pages_through_the_fast_rows(world, desk, varied, api):
    client = api("viewer")
    for ordering in ("-id", "start", "-updated", "created"):
        seen, page = (
            [],
            client.get(
                reverse("api:annotation-list"), {"page_size": 2, "ordering": ordering}
            ).json(),
        )
        while True:
            seen += [a["id"] for a in page["results"]]
            if not page["next"]:
                break
            page = client.get(page["next"]).json()
        assert sorted(seen) == sorted(Annotation.objects.values_list("id", flat=True))
        assert len(seen) == len(set(seen))


# --- articles -----------------------------------------------------------------------------------


def test_fast_article_rows_match_the_serializer(world, desk):
    ArticleFactory(
        project=world.project,
        title="Dated, truncated, with set-aside lines",
        title_is_provisional=True,
        byline="By Jane Roe",
        url="https://example.org/a",
        published=dt.date(2024, 1, 5),
        retrieved=dt.date(2024, 2, 1),
        language="en",
        syndicated_by="Wire",
        is_truncated=True,
        source="url",
        status="in_progress",
        body="Café ☕ 👍🏽 body.",
        removed=[{"line": 0, "text": "Menu", "reason": "boilerplate"}] * 3,
    )
    articles = (
        article_list(user=world.viewer)
        .defer("body", "raw")
        .annotate(body_length=Length("body"))
        .order_by("-id")
    )
    expected = ArticleSerializer(articles, many=True).data
    fast = article_list_data(list(article_list_rows(articles)))
    assert len(fast) == articles.count() >= 3
    assert {a["removed_lines"] for a in fast} >= {0, 3}
    assert any(a["published"] and a["retrieved"] and a["is_truncated"] for a in fast)
    for got, want in zip(fast, expected, strict=True):
        assert list(got) == list(want)
        assert got == want
    renderer = JSONRenderer()
    assert renderer.render(fast) == renderer.render(expected)


def test_article_list_pages_and_filters(world, desk, api):
    client = api("viewer")
    url = reverse("api:article-list")
    for ordering in ("-id", "title", "created"):
        seen, page = [], client.get(url, {"page_size": 1, "ordering": ordering}).json()
        while True:
            seen += [a["id"] for a in page["results"]]
            if not page["next"]:
                break
            page = client.get(page["next"]).json()
        assert sorted(seen) == sorted(article_list(user=world.viewer).values_list("id", flat=True))
    listed = client.get(url, {"project": world.project.pk}).json()["results"]
    assert {a["project"] for a in listed} == {world.project.pk}
    detail = client.get(reverse("api:article-detail", args=[desk.article.pk])).json()
    item = next(a for a in listed if a["id"] == desk.article.pk)
    assert item == {k: v for k, v in detail.items() if k not in ("body", "removed")}
    assert api("outsider").get(url).json()["results"] == []

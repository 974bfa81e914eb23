from __future__ import annotations

import datetime
import hashlib
import json
import types

import pytest

from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation, Comment, Entity, Evidence, Source
from workbench.articles.models import Article
from workbench.exports import (
    FORMATS,
    ExportFormat,
    export_article_count,
    export_filename,
    export_stream,
)
from workbench.exports.selectors import PAGE_SIZE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("fmt", "status"), [("xml", ""), ("jsonl", "published")])
def test_export_stream_refuses_unknown_format_or_status_before_streaming(world, fmt, status):
    with pytest.raises(ValueError, match="Unknown"):
        export_stream(project=world.project, user=None, fmt=fmt, status=status)


def test_formats_describe_each_download():
    assert set(FORMATS) == {"jsonl", "csv", "w3c", "claimreview"}
    assert FORMATS["csv"] == ExportFormat("csv", "text/csv; charset=utf-8", "csv")
    assert FORMATS["w3c"].content_type.startswith("application/ld+json")


@pytest.mark.parametrize(
    ("fmt", "first"),
    [
        ("w3c", b'{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection"'),
        ("claimreview", b"["),
        ("csv", b"article_id,article_title,"),
    ],
)
def test_first_bytes_come_before_the_database_is_read(desk, django_assert_num_queries, fmt, first):
    project = desk.world.project
    with django_assert_num_queries(0):
        stream = export_stream(project=project, user=None, fmt=fmt)
        assert isinstance(stream, types.GeneratorType)
        assert next(stream).startswith(first)


def _bulk_project(project, author, n: int) -> None:
    """Write n annotated articles quickly: a quote with a speaker and a claim with evidence."""
    speaker = Entity.objects.create(team=project.team, name="Speaker", aliases=["S."])
    source = Source.objects.create(team=project.team, url="https://s.example/", title="S")
    articles = Article.objects.bulk_create(
        Article(
            project=project,
            title=f"Article {i}",
            body=f'Body {i}: "we will win," said Speaker.',
            checksum=hashlib.sha256(f"{i}".encode()).hexdigest(),
        )
        for i in range(n)
    )
    rows = []
    for article in articles:
        start = article.body.index('"')
        end = article.body.index(",", start) + 2
        rows.append(
            Annotation(
                article=article,
                kind="quote",
                start=start,
                end=end,
                exact=article.body[start:end],
                annotator=author,
                speaker=speaker,
            )
        )
        rows.append(
            Annotation(
                article=article,
                kind="claim",
                start=start + 1,
                end=end - 2,
                exact=article.body[start + 1 : end - 2],
                annotator=author,
                verdict="True",
            )
        )
    Annotation.objects.bulk_create(rows)
    for quote, claim in zip(rows[0::2], rows[1::2], strict=True):
        claim.quote = quote
    Annotation.objects.bulk_update(rows[1::2], ["quote"], batch_size=500)
    claims = Annotation.objects.filter(article__project=project, kind="claim")
    Evidence.objects.bulk_create(
        Evidence(claim=c, source=source, stance="supports") for c in claims
    )
    Comment.objects.bulk_create(Comment(annotation=c, author=author, text="ok") for c in claims)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "w3c", "claimreview"])
@pytest.mark.parametrize("who", ["operator", "viewer"])
def test_queries_stay_a_few_per_page_of_articles(world, django_assert_max_num_queries, fmt, who):
    _bulk_project(world.project, world.reviewer, 1200)
    pages = -(-1201 // PAGE_SIZE)  # the world's own article too
    seen = []
    user = None if who == "operator" else world.viewer
    # Per page: articles, annotations, usernames, entities, evidence, comments; plus the
    # team and W3C's count, and for a member the membership check: the blind rule is part of
    # the annotations' query, not a query of its own.
    with django_assert_max_num_queries(6 * pages + 4):
        data = b"".join(
            export_stream(
                project=world.project,
                user=user,
                fmt=fmt,
                include_unapproved=True,
                progress=seen.append,
            )
        )
    assert sum(seen) == 1201 == export_article_count(project=world.project)
    assert len(seen) == pages
    if fmt == "jsonl":
        lines = data.splitlines()
        assert len(lines) == 1201
        last = json.loads(lines[-1])
        assert last["annotations"][0]["speaker"]["aliases"] == ["S."]
        assert last["annotations"][1]["evidence"][0]["source"]["url"] == "https://s.example/"
        assert last["annotations"][1]["quote"] == 1


def test_export_yields_a_chunk_per_page(world):
    _bulk_project(world.project, world.reviewer, PAGE_SIZE + 1)
    chunks = list(export_stream(project=world.project, user=None, fmt="jsonl"))
    assert len(chunks) == 2
    assert chunks[0].count(b"\n") == PAGE_SIZE


def test_export_filename_names_team_project_status_and_day(world, settings):
    day = datetime.date.today().isoformat()
    assert (
        export_filename(project=world.project, fmt="jsonl", status="approved")
        == f"desk_desk-project_approved_{day}.jsonl"
    )
    assert export_filename(project=world.project, fmt="w3c").endswith(f"{day}.w3c.jsonld")


def test_export_article_count_counts_every_article(world):
    ArticleFactory(project=world.project)
    ArticleFactory(project=world.other_project)
    assert export_article_count(project=world.project, status="approved") == 2

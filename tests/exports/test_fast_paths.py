"""The exports' shortcuts keep what they skip: evidence and comments, annotators across pages."""

from __future__ import annotations

import json

import pytest

from tests.exports.conftest import export_bytes
from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation, Comment, Evidence
from workbench.annotations.services import annotation_create
from workbench.exports import jsonl
from workbench.exports.selectors import (
    export_has_comments,
    export_has_evidence,
    export_pages,
)

pytestmark = pytest.mark.django_db


def _annotations(data: bytes) -> list[dict]:
    return [a for line in data.splitlines() for a in json.loads(line)["annotations"]]


def test_evidence_and_comments_are_written_when_the_project_has_some(desk):
    project = desk.world.project
    assert export_has_evidence(project=project)
    assert export_has_comments(project=project)
    claim = next(a for a in _annotations(export_bytes(project, "jsonl")) if a["evidence"])
    assert [e["stance"] for e in claim["evidence"]] == ["refutes", "context"]
    assert claim["comments"][0]["text"] == "Check the 2023 base year too."
    assert b"https://stats.example/cpi-2024" in export_bytes(project, "csv")


def test_a_project_without_evidence_or_comments_writes_empty_lists(desk):
    Evidence.objects.all().delete()
    Comment.objects.all().delete()
    project = desk.world.project
    assert not export_has_evidence(project=project)
    assert not export_has_comments(project=project)
    written = _annotations(export_bytes(project, "jsonl"))
    assert written
    assert all(a["evidence"] == [] and a["comments"] == [] for a in written)


def test_another_projects_evidence_does_not_count(desk):
    # The outsider team's article has its own annotations; the world's other project none.
    assert not export_has_evidence(project=desk.world.other_project)
    assert not export_has_comments(project=desk.world.other_project)


def test_usernames_carry_across_pages(world):
    """Every page can name every annotator of its rows, also those met on earlier pages."""
    authors = [world.lead, world.reviewer, world.lead, world.reviewer, world.lead]
    for n, author in enumerate(authors):
        body = f"Article number {n} says something."
        article = ArticleFactory(project=world.project, body=body, raw=body)
        annotation_create(
            article=article, author=author, kind="claim", start=0, end=7, exact="Article"
        )
    seen = 0
    for page in export_pages(
        project=world.project,
        user=None,
        article_fields=jsonl.ARTICLE_FIELDS,
        annotation_fields=jsonl.ANNOTATION_FIELDS,
        size=2,
    ):
        for rows in page.annotations.values():
            for row in rows:
                assert (
                    page.usernames[row[jsonl.ANNOTATOR]]
                    == Annotation.objects.get(pk=row[0]).annotator.username
                )
                seen += 1
    assert seen == Annotation.objects.filter(article__project=world.project).count() >= 5

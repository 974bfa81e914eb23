"""Bulk imports index their rows in one statement per table; search finds them all the same."""

from __future__ import annotations

import json

import pytest
from django.db import connection, transaction

from workbench.annotations.models import Annotation
from workbench.articles.models import Article
from workbench.imports.services import articles_import_jsonl
from workbench.search import schema
from workbench.search.schema import bulk_indexing
from workbench.search.selectors import search

pytestmark = pytest.mark.django_db

TEXT = "The harbour authority said dredging costs tripled since 2019."


def _jsonl(n: int, spans: bool) -> str:
    lines = []
    for i in range(n):
        text = f"{TEXT} Zanzibarian report number {i}."
        record = {"title": f"Report {i}", "text": text}
        if spans:
            start = text.index("dredging")
            record["spans"] = [{"start": start, "end": start + 22, "label": "Claim"}]
        lines.append(json.dumps(record))
    return "\n".join(lines)


@pytest.fixture(autouse=True)
def bulk_from_one_row(monkeypatch):
    # Small imports keep the per-row triggers; these tests exercise the bulk path with a few.
    monkeypatch.setattr(schema, "BULK_MIN_ROWS", 1)


@pytest.mark.parametrize("spans", [False, True])
def test_a_bulk_import_is_searchable(world, spans):
    report = articles_import_jsonl(project=world.project, actor=world.lead, text=_jsonl(3, spans))
    assert report.created == 3 and not report.failures
    articles = search(user=world.lead, query="zanzibarian", kind="article").hits
    assert len(articles) == 3
    claims = search(user=world.lead, query="dredging costs", kind="claim").hits
    assert len(claims) == (3 if spans else 0)
    # The switch is off again: a later single insert is indexed by its trigger.
    Article.objects.create(project=world.project, title="Late", body="Quokka sighting.")
    assert len(search(user=world.lead, query="quokka").hits) == 1


def test_an_import_that_fails_leaves_the_triggers_on(world):
    with pytest.raises(RuntimeError), transaction.atomic(), bulk_indexing(connection, rows=10):
        raise RuntimeError("interrupted import")
    Article.objects.create(project=world.project, title="After", body="Wombat census.")
    assert len(search(user=world.lead, query="wombat").hits) == 1


def test_bulk_indexing_refuses_to_run_outside_a_transaction(transactional_db):
    with pytest.raises(RuntimeError, match="transaction"), bulk_indexing(connection, rows=10):
        pass


def test_outsiders_find_nothing_of_a_bulk_import(world):
    articles_import_jsonl(project=world.project, actor=world.lead, text=_jsonl(2, True))
    assert Annotation.objects.count() == 2
    assert search(user=world.outsider, query="dredging").hits == []


def test_a_small_import_keeps_the_triggers(world, monkeypatch):
    monkeypatch.setattr(schema, "BULK_MIN_ROWS", 200)
    articles_import_jsonl(project=world.project, actor=world.lead, text=_jsonl(3, True))
    assert len(search(user=world.lead, query="dredging", kind="claim").hits) == 3

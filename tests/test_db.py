"""The bulk insert helpers: rows written through them read back exactly as the ORM writes them."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from workbench.articles.models import Article
from workbench.db import insert_rows, row_values

pytestmark = pytest.mark.django_db


def test_rows_from_row_values_read_back_as_saved(world):
    now = timezone.now().replace(microsecond=123000)
    article = Article(
        project=world.project,
        title="Prix à la pompe 👍🏽",
        body="Le prix a augmenté de 12 %.\n\n« C'est trop », dit-elle.",
        raw="",
        removed=[{"line": 3, "text": "Publicité", "reason": "advertising"}],
        published=datetime.date(2024, 1, 5),
        is_truncated=True,
        checksum="c" * 64,
        source="jsonl",
        created_by=world.lead,
        created=now,
        updated=now,
    )
    with transaction.atomic():
        insert_rows(Article, [row_values(Article)(article)])
    stored = Article.objects.get(checksum="c" * 64)
    for field in Article._meta.concrete_fields:
        if not field.primary_key:
            assert getattr(stored, field.attname) == getattr(article, field.attname), field.name


def test_insert_rows_fills_defaults_and_refuses_a_missing_required_column(world):
    with transaction.atomic():
        insert_rows(
            Article,
            [
                {
                    "project_id": world.project.pk,
                    "title": "Plain",
                    "body": "Text.",
                    "checksum": "d" * 64,
                    "source": "jsonl",
                }
            ],
        )
    stored = Article.objects.get(checksum="d" * 64)
    assert (stored.status, stored.removed, stored.raw, stored.is_truncated) == (
        "unassigned",
        [],
        "",
        False,
    )
    with pytest.raises(ValueError, match="project_id has no default"):
        insert_rows(Article, [{"title": "Nowhere", "body": "Text.", "checksum": "e" * 64}])

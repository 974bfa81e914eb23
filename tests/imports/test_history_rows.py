"""The first history entry of each imported annotation, written by INSERT … SELECT (issue 18).

The import copies the rows it just stored into the history table inside the database; each
entry must be what the earlier path built in Python for it: every tracked field as the
annotation holds it, "+" by the importer, at the annotation's creation, with the import's
reason, in the annotations' id order. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import make_world
from workbench.annotations.models import Annotation
from workbench.imports.services import articles_import_jsonl
from workbench.imports.spans import HISTORY_REASON


def _lines(count: int) -> str:
    lines = []
    for i in range(count):
        body = f"Article {i}: “Quote {i} here,” said Ann. The tax rose by {i} per cent in May."
        quote = {
            "start": body.index("“"),
            "end": body.index("”") + 1,
            "label": "Quote",
            "speaker": "Ann Lie" if i % 2 else "",
        }
        claim = {"start": body.index("The tax"), "end": len(body), "label": "claim"}
        lines.append(json.dumps({"title": f"T{i}", "text": body, "spans": [quote, claim]}))
    return "\n".join(lines)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 150])  # a few, and over BULK_MIN_ROWS (bulk indexing)
def test_each_imported_annotation_gets_its_first_history_entry(count):
    world = make_world()
    report = articles_import_jsonl(project=world.project, actor=world.lead, text=_lines(count))
    assert not report.failures
    annotations = list(Annotation.objects.filter(article__project=world.project).order_by("id"))
    assert len(annotations) == report.annotations == 2 * count
    history = list(Annotation.history.filter(article__project=world.project).order_by("history_id"))
    # One entry per annotation, numbered in the annotations' id order.
    assert [h.id for h in history] == [a.id for a in annotations]
    tracked = [
        f.attname
        for f in Annotation.history.model._meta.concrete_fields
        if not f.attname.startswith("history_")
    ]
    assert "exact" in tracked and "speaker_id" in tracked and "status" in tracked
    for annotation, entry in zip(annotations, history, strict=True):
        for name in tracked:
            assert getattr(entry, name) == getattr(annotation, name), name
        assert entry.history_type == "+"
        assert entry.history_user_id == world.lead.pk
        assert entry.history_change_reason == HISTORY_REASON
        assert entry.history_date == annotation.created
    assert any(entry.speaker_id for entry in history)


@pytest.mark.django_db
def test_a_second_import_of_the_same_lines_adds_no_history():
    world = make_world()
    articles_import_jsonl(project=world.project, actor=world.lead, text=_lines(5))
    report = articles_import_jsonl(project=world.project, actor=world.lead, text=_lines(5))
    assert report.annotations == 0
    assert Annotation.history.filter(article__project=world.project).count() == 10

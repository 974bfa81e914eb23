from __future__ import annotations

import json

import pytest

from tests.exports.conftest import BODY, export_bytes
from workbench.annotations.revisions import revision_add

pytestmark = pytest.mark.django_db

ARTICLE_KEYS = [
    "id",
    "title",
    "title_is_provisional",
    "outlet",
    "byline",
    "url",
    "published",
    "language",
    "syndicated_by",
    "retrieved",
    "is_truncated",
    "status",
    "project",
    "body",
    "annotations",
]
ANNOTATION_KEYS = [
    "id",
    "kind",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "annotator",
    "status",
    "version",
    "speaker",
    "role",
    "speaker_mention",
    "cue",
    "quote_type",
    "claimant",
    "claimant_is_outlet",
    "quote",
    "checkworthy",
    "verdict",
    "rationale",
    "evidence",
    "comments",
]


def _lines(data: bytes) -> list[dict]:
    assert data.endswith(b"\n")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_jsonl_writes_each_article_with_its_annotations_resolved(desk):
    records = _lines(export_bytes(desk.world.project, "jsonl"))
    assert [r["title"] for r in records] == [desk.world.article.title, "Prices in the old town"]
    empty, record = records
    assert empty["annotations"] == []
    assert list(record) == ARTICLE_KEYS
    assert record["id"] == desk.article.checksum
    assert record["body"] == BODY
    assert record["published"] == "2024-01-05"
    assert record["project"] == {
        "team": "desk",
        "team_name": "Desk",
        "slug": "desk-project",
        "name": "Desk project",
        "rating_scale": desk.world.project.rating_scale,
        "rating_axis": desk.world.project.rating_axis,
    }
    annotations = record["annotations"]
    assert [a["id"] for a in annotations] == [1, 2, 3, 4]
    assert [a["kind"] for a in annotations] == ["claim", "quote", "claim", "claim"]
    for annotation in annotations:
        assert list(annotation) == ANNOTATION_KEYS
        # Offsets are code points: the emoji with its skin tone counts as two, as in Python.
        assert BODY[annotation["start"] : annotation["end"]] == annotation["exact"]
    outlet_claim, quote, claim, open_claim = annotations
    assert outlet_claim["exact"] == "Café owners 👍🏽 protest"
    assert outlet_claim["claimant"] is None and outlet_claim["claimant_is_outlet"] is True
    assert quote["speaker"] == {
        "name": "Jane Roe",
        "kind": "person",
        "aliases": ["Roe", "Mayor Roe"],
        "description": "Mayor of the old town",
        "wikidata_id": "Q42",
    }
    assert quote["speaker_mention"]["text"] == "Jane Roe"
    assert quote["cue"] == {
        "start": BODY.index("said"),
        "end": BODY.index("said") + 4,
        "text": "said",
    }
    assert (quote["role"], quote["quote_type"], quote["status"]) == (
        "the mayor",
        "direct",
        "submitted",
    )
    assert claim["quote"] == quote["id"]
    assert claim["claimant"]["name"] == "Jane Roe"
    assert (claim["verdict"], claim["status"], claim["version"]) == ("Mostly false", "approved", 3)
    assert claim["annotator"] == "reviewer"
    assert [e["stance"] for e in claim["evidence"]] == ["refutes", "context"]
    assert claim["evidence"][0]["source"] == {
        "url": "https://stats.example/cpi-2024",
        "title": "Consumer prices 2024",
        "publisher": "Statistics office",
        "published": "2024-02-01",
        "archived_url": "",
        "kind": "dataset",
    }
    assert claim["evidence"][1]["note"] == "Off the record."
    assert claim["comments"][0]["author"] == "lead"
    assert claim["comments"][0]["created"].endswith("Z")
    assert open_claim["status"] == "rejected" and open_claim["verdict"] == ""


def test_jsonl_never_contains_another_teams_project(desk):
    data = export_bytes(desk.world.project, "jsonl")
    assert b"SECRET" not in data
    other = export_bytes(desk.world.other_project, "jsonl")
    assert b"SECRET" in other and b"Jane Roe" not in other


def test_jsonl_status_filter_keeps_every_article_and_stable_ids(desk):
    records = _lines(export_bytes(desk.world.project, "jsonl", status="approved"))
    assert len(records) == 2
    assert records[0]["annotations"] == []
    (claim,) = records[1]["annotations"]
    # Same id as in the full export; its quote is not approved, so not in this file.
    assert claim["id"] == 3
    assert claim["quote"] is None


def test_jsonl_is_deterministic(desk):
    assert export_bytes(desk.world.project, "jsonl") == export_bytes(desk.world.project, "jsonl")


def test_jsonl_leaves_out_orphans_and_writes_spans_of_the_current_revision(desk):
    new = "Breaking.\n\n" + BODY.replace("=SUM(A1) is what the council spreadsheet shows.", "Gone.")
    revision_add(article=desk.article, text=new, origin="fetch", by=None)
    lines = [json.loads(x) for x in export_bytes(desk.world.project, "jsonl").splitlines()]
    (line,) = [x for x in lines if x["title"] == desk.article.title]
    assert line["body"] == new
    exacts = [a["exact"] for a in line["annotations"]]
    assert "=SUM(A1) is what the council spreadsheet shows." not in exacts
    assert len(exacts) == 3
    for annotation in line["annotations"]:
        assert new[annotation["start"] : annotation["end"]] == annotation["exact"]

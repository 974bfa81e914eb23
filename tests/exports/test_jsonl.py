from __future__ import annotations

import json

import pytest

from tests.exports.conftest import BODY, REVISION_2, REVISION_3, export_bytes

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
    "revision",
    "revisions",
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
    "revision",
    "anchor_state",
    "anchor_score",
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


def test_jsonl_carries_revisions_anchor_states_and_orphans(revised):
    records = {r["title"]: r for r in _lines(export_bytes(revised.world.project, "jsonl"))}
    record, barrier = records["Prices in the old town"], records["Barrier"]
    assert (record["body"], record["revision"]) == (REVISION_3, 3)
    assert [r["text"] for r in record["revisions"]] == [BODY, REVISION_2, REVISION_3]
    meta = [(r["number"], r["origin"], r["stealth"], r["created_by"]) for r in record["revisions"]]
    assert meta == [
        (1, "import", False, None),
        (2, "fetch", True, "lead"),
        (3, "paste", False, "reviewer"),
    ]
    assert all(r["created"].endswith("Z") for r in record["revisions"])
    texts = {r["number"]: r["text"] for r in record["revisions"]}
    states = [(a["exact"], a["revision"], a["anchor_state"]) for a in record["annotations"]]
    # The placed ones in text order, then the orphan, never left out.
    assert states == [
        ("Café owners 👍🏽 protest", 3, "exact"),
        ("Prices rose by 40 percent over this year,", 3, "fuzzy"),
        ("Prices rose by 40 percent over this year", 3, "fuzzy"),
        ("=SUM(A1) is what the council spreadsheet shows.", 1, "orphaned"),
    ]
    for annotation in record["annotations"]:
        text = texts[annotation["revision"]]
        # Every span indexes its own revision's text, the orphan's an older one.
        assert text[annotation["start"] : annotation["end"]] == annotation["exact"]
        assert text[: annotation["start"]].endswith(annotation["prefix"])
        assert text[annotation["end"] :].startswith(annotation["suffix"])
    assert record["annotations"][1]["anchor_score"] == pytest.approx(0.933)
    assert record["annotations"][0]["anchor_score"] is None
    quote = record["annotations"][1]
    assert (quote["speaker_mention"]["text"], quote["cue"]["text"]) == ("Jane Roe", "said")
    assert record["annotations"][2]["quote"] == quote["id"]
    (moved,) = barrier["annotations"]
    assert (moved["anchor_state"], moved["revision"], barrier["revision"]) == ("moved", 2, 2)
    never = records[revised.world.article.title]
    assert (never["revision"], never["revisions"]) == (1, [])

from __future__ import annotations

import csv
import io

import pytest

from tests.exports.conftest import BODY, export_bytes
from workbench.annotations.models import Annotation, Entity
from workbench.exports.csv_format import HEADER, neutralise

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_csv_writes_one_row_per_annotation_with_a_header(desk):
    data = export_bytes(desk.world.project, "csv")
    assert data.decode("utf-8").split("\r\n", 1)[0] == ",".join(HEADER)
    rows = _rows(data)
    assert [r["kind"] for r in rows] == ["claim", "quote", "claim", "claim"]
    outlet_claim, quote, claim, open_claim = rows
    assert outlet_claim["text"] == "Café owners 👍🏽 protest"
    assert outlet_claim["claimant"] == "Harbour Gazette"
    assert outlet_claim["verdict"] == "Unverifiable"
    assert quote["speaker"] == "Jane Roe" and quote["speaker_kind"] == "person"
    assert quote["role"] == "the mayor" and quote["quote_type"] == "direct"
    assert claim["article_id"] == desk.article.checksum
    assert claim["annotation_id"] == "3"
    assert claim["url"] == "https://gazette.example/prices"
    assert claim["published"] == "2024-01-05"
    assert claim["sources"] == (
        "refutes: https://stats.example/cpi-2024 | context: Phone call with the council"
    )
    assert (claim["annotator"], claim["status"]) == ("reviewer", "approved")
    assert int(claim["end"]) - int(claim["start"]) == len(claim["text"])
    # The span's own text begins with "=": it comes out as text, not a formula.
    assert open_claim["text"].startswith("'=SUM(A1)")


def test_csv_never_contains_another_teams_project(desk):
    assert b"SECRET" not in export_bytes(desk.world.project, "csv")


def test_csv_status_filter_keeps_matching_rows(desk):
    rows = _rows(export_bytes(desk.world.project, "csv", status="rejected"))
    assert [r["annotation_id"] for r in rows] == ["4"]


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_neutralise_prefixes_each_formula_start(start):
    assert neutralise(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"
    assert neutralise(f"safe {start}") == f"safe {start}"


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_csv_neutralises_cells_starting_with_a_formula_character(desk, start):
    evil = f'{start}HYPERLINK("http://evil.example")'
    article = desk.article
    type(article).objects.filter(pk=article.pk).update(title=evil, outlet=evil)
    Entity.objects.filter(name="Jane Roe").update(name=evil)
    Annotation.objects.filter(pk=desk.quote.pk).update(role=evil)
    Annotation.objects.filter(pk=desk.claim.pk).update(rationale=evil)
    desk.claim.evidence.first().source.__class__.objects.filter(
        url="https://stats.example/cpi-2024"
    ).update(url="")
    rows = _rows(export_bytes(desk.world.project, "csv"))
    outlet_claim, quote, claim, _ = rows
    for cell in (
        quote["article_title"],
        quote["outlet"],
        quote["speaker"],
        quote["role"],
        claim["claimant"],
        claim["rationale"],
        outlet_claim["claimant"],
    ):
        assert cell == "'" + evil
    for row in rows:
        for value in row.values():
            assert not value.startswith(tuple(FORMULA_STARTS)), value


def test_csv_neutralises_a_sources_cell_and_usernames(desk):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="reviewer").update(username="@reviewer")
    rows = _rows(export_bytes(desk.world.project, "csv"))
    assert rows[1]["annotator"] == "'@reviewer"


def test_csv_carries_the_revision_and_anchor_state_and_keeps_orphans(revised):
    rows = _rows(export_bytes(revised.world.project, "csv"))
    got = [(r["annotation_id"], r["revision"], r["anchor_state"], r["anchor_score"]) for r in rows]
    assert got == [
        ("1", "3", "exact", ""),
        ("2", "3", "fuzzy", "0.933"),
        ("3", "3", "fuzzy", "0.933"),
        ("4", "1", "orphaned", "0.0"),
        ("1", "2", "moved", "1.0"),
    ]
    orphan = rows[3]
    # Its old words and place, in revision 1 (the text is neutralised as any other cell).
    assert orphan["text"] == "'=SUM(A1) is what the council spreadsheet shows."
    assert BODY[int(orphan["start"]) : int(orphan["end"])] == orphan["text"][1:]

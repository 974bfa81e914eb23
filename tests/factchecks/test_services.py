from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from tests.factchecks.records import AFP_STYLE, FULLFACT_STYLE, POLITIFACT_STYLE, jsonl
from workbench.articles.fetch import FetchError
from workbench.factchecks import services
from workbench.factchecks.claimreview import read_document
from workbench.factchecks.matching import find_matches
from workbench.factchecks.models import FactCheck
from workbench.factchecks.services import (
    factchecks_import_file,
    factchecks_import_records,
    factchecks_import_text,
    factchecks_import_url,
)

pytestmark = pytest.mark.django_db


def test_import_keeps_good_records_and_reports_bad_by_number(world):
    no_url = {k: v for k, v in AFP_STYLE.items() if k != "url"}
    text = json.dumps([POLITIFACT_STYLE, no_url, FULLFACT_STYLE])
    report = factchecks_import_text(team=world.team, actor=world.reviewer, text=text)
    assert (report.created, report.updated) == (2, 0)
    assert [(e.number, e.code) for e in report.errors] == [(2, "no_url")]
    check = FactCheck.objects.get(url=FULLFACT_STYLE["url"])
    assert (check.team, check.imported_by, check.rating) == (
        world.team,
        world.reviewer,
        "Needs context",
    )
    assert check.raw == FULLFACT_STYLE


def test_import_again_updates_by_url(world):
    factchecks_import_text(team=world.team, actor=world.lead, text=jsonl(AFP_STYLE))
    changed = {**AFP_STYLE, "reviewRating": {"alternateName": "Pants on Fire"}}
    report = factchecks_import_text(team=world.team, actor=world.lead, text=jsonl(changed))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert FactCheck.objects.get().rating == "Pants on Fire"


def test_import_again_leaves_unchanged_rows_alone(world):
    text = jsonl(AFP_STYLE, FULLFACT_STYLE)
    factchecks_import_text(team=world.team, actor=world.lead, text=text)
    before = dict(FactCheck.objects.values_list("url", "imported_at"))
    changed = {**FULLFACT_STYLE, "claimReviewed": "Reworded <b>claim</b>"}
    report = factchecks_import_text(
        team=world.team, actor=world.reviewer, text=jsonl(AFP_STYLE, changed)
    )
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    after = {check.url: check for check in FactCheck.objects.all()}
    # The unchanged row was not rewritten: it keeps who imported it and when.
    assert after[AFP_STYLE["url"]].imported_at == before[AFP_STYLE["url"]]
    assert after[AFP_STYLE["url"]].imported_by == world.lead
    assert after[FULLFACT_STYLE["url"]].imported_by == world.reviewer
    assert after[FULLFACT_STYLE["url"]].claim_reviewed == "Reworded <b>claim</b>"
    assert find_matches(user=world.lead, team=world.team, text="Reworded claim")


def test_import_in_many_batches_keeps_the_last_record_of_a_url(world, monkeypatch):
    # Several batches in one transaction: on PostgreSQL the staging table is reused.
    monkeypatch.setattr(services, "BATCH", 3)
    reviews = [{**AFP_STYLE, "url": f"https://f.example/{n}"} for n in range(7)]
    first = factchecks_import_text(team=world.team, actor=None, text=jsonl(*reviews))
    assert (first.created, first.updated, first.unchanged) == (7, 0, 0)
    reviews[1] = {**reviews[1], "claimReviewed": "Reworded"}
    reviews[5] = {**reviews[5], "reviewRating": {"alternateName": "True"}}
    # A URL twice in a batch is one row (the later record); in two batches, updated twice.
    again = jsonl(*reviews, reviews[6], {**reviews[0], "claimReviewed": "Last word"})
    report = factchecks_import_text(team=world.team, actor=None, text=again)
    assert (report.created, report.updated, report.unchanged) == (0, 3, 5)
    rows = dict(FactCheck.objects.values_list("url", "claim_reviewed"))
    assert len(rows) == 7
    assert rows["https://f.example/0"] == "Last word"
    assert rows["https://f.example/1"] == "Reworded"
    assert FactCheck.objects.get(url="https://f.example/5").rating == "True"


def test_import_reading_error_reaches_the_caller_and_stores_nothing(world):
    def records():
        yield from read_document(jsonl(AFP_STYLE))
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        factchecks_import_records(team=world.team, actor=None, records=records())
    assert not FactCheck.objects.exists()


def test_import_same_url_in_two_teams_is_two_rows(world):
    factchecks_import_text(team=world.team, actor=None, text=jsonl(AFP_STYLE))
    factchecks_import_text(team=world.other_project.team, actor=None, text=jsonl(AFP_STYLE))
    assert FactCheck.objects.count() == 2


def test_import_refuses_viewer_and_outsider(world):
    for user in (world.viewer, world.outsider):
        with pytest.raises(PermissionDenied):
            factchecks_import_text(team=world.team, actor=user, text=jsonl(AFP_STYLE))
    assert not FactCheck.objects.exists()


def test_import_is_all_or_nothing_on_database_error(world, monkeypatch):
    many = [{**AFP_STYLE, "url": f"https://f.example/{n}"} for n in range(services.BATCH + 5)]
    real = services._upsert
    calls = []

    def fail_second(*args):
        calls.append(1)
        if len(calls) == 2:
            raise IntegrityError("disk full")
        real(*args)

    monkeypatch.setattr(services, "_upsert", fail_second)
    with pytest.raises(IntegrityError):
        factchecks_import_records(
            team=world.team, actor=None, records=read_document(json.dumps(many))
        )
    assert not FactCheck.objects.exists()


def test_import_file_refuses_oversize_file(world, tmp_path, settings):
    settings.WORKBENCH_MAX_IMPORT_BYTES = 1000
    path = tmp_path / "big.jsonl"
    path.write_text(jsonl(*[AFP_STYLE] * 20))
    with pytest.raises(ValidationError) as error:
        factchecks_import_file(team=world.team, actor=None, path=str(path))
    assert error.value.code == "too_large"


def test_import_url_goes_through_the_ssrf_guard(world, monkeypatch):
    def refuse(url):
        raise FetchError("The address 127.0.0.1 is private.", code="private_address")

    monkeypatch.setattr(services, "fetch_url", refuse)
    with pytest.raises(ValidationError) as error:
        factchecks_import_url(team=world.team, actor=world.lead, url="http://127.0.0.1/feed")
    assert error.value.code == "private_address"


def test_import_url_real_guard_refuses_loopback(world):
    with pytest.raises(ValidationError):
        factchecks_import_url(team=world.team, actor=world.lead, url="http://127.0.0.1:9/feed")


def test_import_factchecks_command_json_and_errors(world, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(jsonl(AFP_STYLE, {**AFP_STYLE, "url": ""}))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_factchecks",
            str(good),
            str(tmp_path / "missing.json"),
            "--team",
            "desk",
            "--json",
            stdout=out,
            stderr=err,
        )
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert (first["created"], first["errors"][0]["record"]) == (1, 2)
    assert second["error"].startswith("Cannot read")
    assert "record 2" in err.getvalue()
    assert FactCheck.objects.count() == 1


def test_import_factchecks_command_unknown_team(world, tmp_path):
    with pytest.raises(CommandError, match="No team"):
        call_command("import_factchecks", "x.json", "--team", "nope")


def test_match_claims_command_one_line_per_input(world, monkeypatch):
    from tests.factchecks.conftest import UNEMPLOYMENT, claim_in, import_reviews, review

    import_reviews(world.team, review("https://checker.example/u", UNEMPLOYMENT, "Mostly False"))
    claim_in(world.project, world.reviewer, UNEMPLOYMENT, verdict="False")
    lines = [
        json.dumps({"id": "a", "text": "unemployment fell to 3.1 percent"}),
        "not json",
        json.dumps({"id": 7, "text": "zebra"}),
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    call_command("match_claims", "--team", "desk", "--top", "3", "--json", stdout=out)
    first, bad, none = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["id"] == "a"
    assert {m["kind"] for m in first["matches"]} == {"factcheck", "claim"}
    assert set(first["matches"][0]) == {"kind", "url", "text", "rating", "score"}
    assert {m["rating"] for m in first["matches"]} == {"Mostly False", "False"}
    assert "error" in bad
    assert none == {"id": 7, "matches": []}

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests.exports.conftest import export_bytes
from workbench.accounts.models import Membership, Team
from workbench.annotations.models import Annotation, Comment, Entity, Evidence, Source
from workbench.articles.models import Article, Project, Revision
from workbench.demo.seed import seed_demo
from workbench.exports.management.commands import export
from workbench.imports.management.commands import import_dataset

pytestmark = pytest.mark.django_db


# The commands are called as instances, so these tests do not depend on the app being listed
# in INSTALLED_APPS (which `manage.py export` needs).
def _export(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(export.Command(), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _import(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(import_dataset.Command(), *args, stdout=out, stderr=err)
    except CommandError as error:
        error.out, error.err = out.getvalue(), err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def _wipe() -> None:
    """Empty every table the export reads: what a freshly migrated database holds."""
    Comment.objects.all().delete()
    Evidence.objects.all().delete()
    Annotation.objects.all().delete()
    Source.objects.all().delete()
    Entity.objects.all().delete()
    Article.objects.all().delete()
    Project.objects.all().delete()
    Membership.objects.all().delete()
    Team.objects.all().delete()
    get_user_model().objects.all().delete()


def test_export_writes_to_stdout_with_progress_on_stderr(desk):
    out, err = _export("--project", "desk-project", "--format", "jsonl")
    assert out.encode("utf-8") == export_bytes(desk.world.project, "jsonl")
    assert "2/2" in err and "article" in err


def test_export_writes_a_file_with_team_slug_and_status(desk, tmp_path):
    path = tmp_path / "out.csv"
    out, _ = _export(
        "--project", "desk/desk-project", "--format", "csv", "--status", "approved", "-o", str(path)
    )
    assert out == ""
    assert path.read_bytes() == export_bytes(desk.world.project, "csv", status="approved")
    assert not (tmp_path / "out.csv.part").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--project", "nope", "--format", "jsonl"], "No project 'nope'"),
        (["--project", "desk-project", "--format", "xml"], "Unknown format 'xml'"),
        (
            ["--project", "desk-project", "--format", "csv", "--status", "done"],
            "Unknown annotation status",
        ),
    ],
)
def test_export_refuses_unknown_project_format_or_status(world, args, message):
    with pytest.raises(CommandError, match=message):
        _export(*args)


def test_round_trip_of_the_demo_project_gives_the_same_bytes(tmp_path):
    project, _ = seed_demo()
    first = export_bytes(project, "jsonl")
    count = first.count(b"\n")
    assert count == project.articles.count()
    path = tmp_path / "demo.jsonl"
    path.write_bytes(first)
    _wipe()
    out, _ = _import(str(path), "--project", "demo")
    assert f"Imported {count} article(s)" in out
    again = Project.objects.get(slug="demo")
    assert again.team.slug == "demo-newsroom"
    assert not get_user_model().objects.get(username="rafael").has_usable_password()
    assert export_bytes(again, "jsonl") == first


def test_round_trip_of_a_hand_made_project_gives_the_same_bytes(desk, tmp_path):
    first = export_bytes(desk.world.project, "jsonl")
    path = tmp_path / "desk.jsonl"
    path.write_bytes(first)
    _wipe()
    _import(str(path), "--project", "desk/desk-project")
    project = Project.objects.get(slug="desk-project")
    assert b"\xf0\x9f\x91\x8d" in first  # the emoji came along
    assert export_bytes(project, "jsonl") == first
    entity = Entity.objects.get(name="Jane Roe")
    assert entity.aliases == ["Roe", "Mayor Roe"] and entity.wikidata_id == "Q42"
    assert Source.objects.get(title="Phone call with the council").url == ""


def test_import_twice_skips_articles_already_there(desk, tmp_path):
    path = tmp_path / "desk.jsonl"
    path.write_bytes(export_bytes(desk.world.project, "jsonl"))
    before = Annotation.objects.count()
    out, _ = _import(str(path), "--project", "desk-project")
    assert "Imported 0 article(s); 2 already in the project" in out
    assert Annotation.objects.count() == before


def test_import_unites_aliases_of_a_known_entity(desk, tmp_path):
    record = json.loads(export_bytes(desk.world.project, "jsonl").splitlines()[1])
    record["body"] += "\n\nOne more paragraph."
    record["annotations"][1]["speaker"]["aliases"] = ["J. Roe"]
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record))
    _import(str(path), "--project", "desk-project")
    assert Entity.objects.get(name="Jane Roe").aliases == ["Roe", "Mayor Roe", "J. Roe"]


def test_import_reports_bad_lines_by_number_and_keeps_the_good(desk, tmp_path):
    good, other_good = export_bytes(desk.world.project, "jsonl").splitlines()
    _wipe()
    # Valid JSON whose second annotation does not match the body: the article and the
    # entities made before the failure must not stay behind.
    broken = json.loads(other_good)
    broken["body"] = broken["body"].replace("Café", "Cafe", 1) + "\n\nEdited."
    broken["title"] = "Broken"
    broken["annotations"][1]["exact"] = "not in the text"
    lines = [good, b"{not json", json.dumps(broken).encode(), b"[1, 2]", other_good]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(CommandError, match="3 line") as failed:
        _import(str(path), "--project", "desk/desk-project")
    err = failed.value.err
    assert "mixed.jsonl, line 2: not valid JSON" in err
    assert "mixed.jsonl, line 3: span:" in err and "does not match" in err
    assert "mixed.jsonl, line 4: the line must be a JSON object" in err
    assert ", line 1:" not in err and ", line 5:" not in err
    titles = set(Article.objects.values_list("title", flat=True))
    assert "Broken" not in titles and len(titles) == 2
    assert Entity.objects.count() == 1


def test_import_creates_the_project_from_a_later_line_if_the_first_fails(desk, tmp_path):
    good = export_bytes(desk.world.project, "jsonl").splitlines()[1]
    _wipe()
    bad = json.loads(good)
    bad["annotations"][0]["start"] = "zero"
    path = tmp_path / "two.jsonl"
    path.write_bytes(json.dumps(bad).encode() + b"\n" + good + b"\n")
    with pytest.raises(CommandError):
        _import(str(path), "--project", "fresh")
    project = Project.objects.get(slug="fresh")
    assert project.team.slug == "desk" and project.articles.count() == 1


def test_import_refuses_an_unreadable_file(world, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        _import(str(tmp_path / "missing.jsonl"), "--project", "desk-project")


def test_import_lists_a_hundred_bad_lines_then_counts(world, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"[1]\n" * 130 + b"{" * 5000 + b"\n")
    with pytest.raises(CommandError, match="131 line") as failed:
        _import(str(path), "--project", "desk/desk-project")
    err = failed.value.err
    assert err.count("error: ") == 101
    assert "bad.jsonl, line 100:" in err and "bad.jsonl, line 101:" not in err
    assert "31 more line(s) failed (not listed)" in err


def test_imported_history_names_no_member_as_the_maker(desk, tmp_path):
    # The operator restores the dataset: the annotators it names did not act.
    path = tmp_path / "desk.jsonl"
    path.write_bytes(export_bytes(desk.world.project, "jsonl"))
    _wipe()
    _import(str(path), "--project", "desk/desk-project")
    assert Annotation.history.exists() and Evidence.history.exists()
    assert not Annotation.history.exclude(history_user=None).exists()
    assert not Evidence.history.exclude(history_user=None).exists()
    assert set(Annotation.objects.values_list("annotator__username", flat=True)) != {None}


def test_round_trip_of_revisions_and_anchor_states_gives_the_same_bytes(revised, tmp_path):
    first = export_bytes(revised.world.project, "jsonl")
    states = {
        a["anchor_state"] for r in map(json.loads, first.splitlines()) for a in r["annotations"]
    }
    assert states == {"exact", "moved", "fuzzy", "orphaned"}
    path = tmp_path / "revised.jsonl"
    path.write_bytes(first)
    _wipe()
    assert not Revision.objects.exists()
    _import(str(path), "--project", "desk/desk-project")
    project = Project.objects.get(slug="desk-project")
    assert export_bytes(project, "jsonl") == first
    article = project.articles.get(title="Prices in the old town")
    assert (article.revision, article.stealth_edit) == (3, False)
    assert [r.created_by.username if r.created_by else None for r in article.revisions.all()] == [
        None,
        "lead",
        "reviewer",
    ]
    orphan = article.annotations.get(anchor_state="orphaned")
    assert (orphan.revision, orphan.exact) == (1, "=SUM(A1) is what the council spreadsheet shows.")
    # The other formats, written from the imported rows, are the same too.
    for fmt in ("csv", "w3c"):
        assert export_bytes(project, fmt) != b""


def test_round_trip_into_another_project_changes_only_the_project(revised, tmp_path):
    first = export_bytes(revised.world.project, "jsonl")
    csv_before = export_bytes(revised.world.project, "csv")
    path = tmp_path / "revised.jsonl"
    path.write_bytes(first)
    _import(str(path), "--project", "copydesk/copy")
    copy = Project.objects.get(slug="copy")
    assert copy.team.slug == "copydesk" and copy.team != revised.world.team
    again = export_bytes(copy, "jsonl")
    header, copied = (
        json.dumps(json.loads(data.splitlines()[0])["project"], separators=(",", ":")).encode()
        for data in (first, again)
    )
    assert header != copied and header in first
    assert again == first.replace(header, copied)
    assert export_bytes(copy, "csv") == csv_before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["revisions"].pop(0), "numbered 1, 2, 3"),
        (lambda r: r["revisions"][-1].update(text="Other text."), "last revision's text"),
        (lambda r: r["annotations"][3].update(revision=2), "outside the article"),
        (lambda r: r["annotations"][3].update(revision=3), "not one of this article's (1, 2)"),
        (lambda r: r["annotations"][0].update(revision=1), "only an orphan keeps an older one"),
        (lambda r: r["annotations"][3].update(start=0), "does not match"),
        (lambda r: r["annotations"][1].update(anchor_state="lost"), "unknown anchor state"),
        (lambda r: r["annotations"][1].update(anchor_score=7), "anchor score"),
        (lambda r: r.update(revision=2), "“revision” is 2"),
        (lambda r: r["revisions"][1].update(text="Tab\r\nbreak."), "not normalized"),
    ],
)
def test_import_refuses_inconsistent_revisions_by_line(revised, tmp_path, change, message):
    lines = export_bytes(revised.world.project, "jsonl").splitlines()
    _wipe()
    record = json.loads(lines[1])
    assert record["title"] == "Prices in the old town"
    change(record)
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join([lines[0], json.dumps(record).encode(), lines[2]]) + b"\n")
    with pytest.raises(CommandError, match="1 line") as failed:
        _import(str(path), "--project", "desk/desk-project")
    assert "bad.jsonl, line 2:" in failed.value.err and message in failed.value.err
    # The bad line left nothing behind; the good ones came in.
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {"Barrier", revised.world.article.title}
    assert Revision.objects.filter(article__title="Barrier").count() == 2

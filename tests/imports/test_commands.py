from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import SAMPLE

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_articles_json_prints_the_design_fields(world, sample_text):
    out, _ = _run(str(SAMPLE), "--project", world.project.slug, "--json")
    record = json.loads(out.strip())
    assert record["outlet"] == "Le Monde"
    assert record["published"] == "2024-01-05"
    assert record["syndicated_by"] == "The America One News"
    assert record["retrieved"] == "2025-02-22"
    assert record["is_truncated"] is True
    assert record["created"] is True
    assert set(record) >= {
        "id",
        "title",
        "outlet",
        "byline",
        "published",
        "syndicated_by",
        "retrieved",
        "is_truncated",
        "body_chars",
        "removed_lines",
    }
    again, _ = _run(str(SAMPLE), "--project", f"{world.team.slug}/{world.project.slug}", "--json")
    assert json.loads(again)["id"] == record["id"]
    assert json.loads(again)["created"] is False


def test_import_articles_unknown_project_exits_with_message(world, sample_text):
    with pytest.raises(CommandError, match="No project 'nope'"):
        _run(str(SAMPLE), "--project", "nope")


def test_import_articles_reports_bad_items_and_imports_the_good(world, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"title": "A", "body": "First article body, one full sentence."}\n'
        "not json\n"
        '{"title": "B", "body": "Second article body, one full sentence."}\n',
        encoding="utf-8",
    )
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    missing = tmp_path / "missing.txt"
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="3 item"):
        call_command(
            "import_articles",
            str(good),
            str(binary),
            str(missing),
            "--project",
            world.project.slug,
            "--json",
            stdout=out,
            stderr=err,
        )
    assert [json.loads(line)["title"] for line in out.getvalue().splitlines()] == ["A", "B"]
    assert "line 2" in err.getvalue()
    assert "binary" in err.getvalue()
    assert "Cannot read" in err.getvalue()


def _screen(written: str) -> list[str]:
    """Return the lines a terminal shows for `written` (a carriage return overwrites in place)."""
    lines: list[list[str]] = [[]]
    column = 0
    for char in written:
        if char == "\n":
            lines.append([])
            column = 0
        elif char == "\r":
            column = 0
        else:
            line = lines[-1]
            line[column : column + 1] = [char]
            column += 1
    return ["".join(line).rstrip() for line in lines if "".join(line).strip()]


def test_import_articles_on_one_terminal_shows_one_progress_bar(world, tmp_path):
    paths = []
    for n in range(3):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(f"Article {n}\n\nBody of article number {n}, one full sentence.\n")
        paths.append(str(path))
    terminal = io.StringIO()  # stdout and stderr on one terminal, as in a shell
    call_command(
        "import_articles", *paths, "--project", world.project.slug, stdout=terminal, stderr=terminal
    )
    screen = _screen(terminal.getvalue())
    bars = [line for line in screen if "%|" in line]
    assert len(bars) == 1, screen
    assert "3/3" in bars[0]
    assert sum(line.startswith("imported: #") for line in screen) == 3


def test_import_articles_ambiguous_slug_asks_for_team(world):
    from tests.factories import ProjectFactory

    ProjectFactory(team=world.other_project.team, slug=world.project.slug)
    with pytest.raises(CommandError, match="desk/desk-project"):
        _run(str(SAMPLE), "--project", world.project.slug)


def test_demo_is_idempotent_and_loads_the_seed(db, settings, sample_text):
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)
    call_command("demo", "--no-serve", stdout=out)
    from workbench.articles.models import Project

    project = Project.objects.get(slug="demo")
    assert project.articles.filter(outlet="Le Monde").count() == 1
    assert project.articles.count() >= 4
    assert project.team.memberships.filter(role="lead").count() == 1
    assert project.team.memberships.filter(role="reviewer").count() == 3
    assert "workbench-demo" in out.getvalue()
    assert "(0 new)" in out.getvalue()
    seed = project.articles.get(outlet="Le Monde")
    quotes = seed.annotations.filter(kind="quote").select_related("speaker")
    assert {q.speaker.name for q in quotes} == {"Michael Knights", "Renad Mansour", "The Pentagon"}
    for annotation in seed.annotations.all():
        assert seed.body[annotation.start : annotation.end] == annotation.exact
        if annotation.mention_start is not None:
            mention = seed.body[annotation.mention_start : annotation.mention_end]
            assert mention == annotation.mention_exact
    claims = seed.annotations.filter(kind="claim")
    assert claims.count() >= 2
    assert all(c.verdict in project.rating_scale for c in claims)
    assert all(c.evidence.exists() for c in claims)
    assert seed.annotations.count() == 7, "running demo twice must not annotate twice"


# --- limits: big files stream, failures are bounded (issue 20) --------------------------------


def test_import_articles_streams_a_jsonl_file_larger_than_the_upload_limit(
    world, tmp_path, settings
):
    settings.WORKBENCH_MAX_IMPORT_BYTES = 200
    settings.WORKBENCH_MAX_IMPORT_LINES = 3
    path = tmp_path / "big.jsonl"
    lines = [
        json.dumps({"title": f"T{i}", "body": f"Article {i} has a body of its own."})
        for i in range(20)
    ]
    path.write_text("\n".join(lines) + "\n" + json.dumps({"body": "x" * 300}) + "\n")
    assert path.stat().st_size > 200
    with pytest.raises(CommandError, match="1 item"):
        _run(str(path), "--project", world.project.slug)
    assert world.project.articles.filter(title__startswith="T").count() == 20


def test_import_articles_lists_a_hundred_bad_lines_then_counts(world, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{}\n" * 250)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="250 item"):
        call_command(
            "import_articles", str(path), "--project", world.project.slug, stdout=out, stderr=err
        )
    text = err.getvalue()
    assert text.count("error: ") == 101
    assert "line 100:" in text and "line 101:" not in text
    assert "150 more line(s) failed (not listed)" in text

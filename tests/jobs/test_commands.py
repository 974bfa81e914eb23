"""`import_dataset --background` queues a job; the job imports the file as the command would."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from tests.exports.conftest import export_bytes
from tests.exports.test_commands import _wipe
from workbench.articles.models import Project
from workbench.demo.seed import seed_demo
from workbench.jobs.models import Job, JobKind, JobState

pytestmark = pytest.mark.django_db


def test_import_dataset_background_runs_as_a_job_into_a_new_project(tmp_path):
    project, _ = seed_demo()
    first = export_bytes(project, "jsonl")
    count = first.count(b"\n")
    path = tmp_path / "demo.jsonl"
    path.write_bytes(first)
    _wipe()
    out = io.StringIO()
    call_command("import_dataset", str(path), "--project", "demo", "--background", stdout=out)
    job = Job.objects.get()
    assert f"Queued job {job.pk}" in out.getvalue()
    assert job.get_absolute_url() in out.getvalue()
    # Tests run jobs at once; the job found the team and project the file created.
    assert (job.kind, job.state) == (JobKind.IMPORT_DATASET, JobState.DONE)
    again = Project.objects.get(slug="demo")
    assert (job.project, job.team) == (again, again.team)
    assert job.result == {"created": count, "duplicates": 0, "failed": 0}
    assert (job.done, job.total) == (count, count)
    assert export_bytes(again, "jsonl") == first


def test_import_dataset_background_reports_bad_lines_by_number(world, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"nope": 1}\n')
    call_command(
        "import_dataset", str(path), "--project", "desk/desk-project", "--background",
        stdout=io.StringIO(),
    )  # fmt: skip
    job = Job.objects.get()
    assert job.team == world.team
    assert job.result["failed"] == 1
    assert job.errors[0]["item"] == "line 1"


def test_import_dataset_background_refuses_an_unreadable_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command(
            "import_dataset", str(tmp_path / "missing.jsonl"), "--project", "x", "--background"
        )
    assert not Job.objects.exists()

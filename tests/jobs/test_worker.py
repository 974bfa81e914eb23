"""A real worker process: it runs queued jobs, and a job it leaves when killed is finished whole.

The suite runs on SQLite and again on PostgreSQL (.ci/run), so both databases are covered:
the worker is a separate `manage.py jobs_worker` process on the test database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.jobs.conftest import jsonl
from workbench.annotations.models import Annotation
from workbench.articles.models import Article
from workbench.articles.selectors import article_status_counts
from workbench.imports.services import JSONL_BATCH, store_batch_lines, store_threaded
from workbench.jobs.models import Job, JobState
from workbench.jobs.starts import job_import_jsonl
from workbench.search.selectors import search

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def _worker(*args: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": _database_url(), "WORKBENCH_TASKS": "database"}
    command = [
        sys.executable,
        "manage.py",
        "jobs_worker",
        "--no-startup-delay",
        "--interval",
        "0.1",
    ]
    return subprocess.Popen(  # noqa: S603 - our own interpreter and command
        [*command, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def _wait(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout} s in vain")
        time.sleep(0.05)


def test_a_worker_runs_a_queued_job(world, database_backend):
    job = job_import_jsonl(project=world.project, actor=world.lead, text=jsonl(3))
    assert job.state == JobState.QUEUED and job.task_id
    worker = _worker("--batch")
    output = worker.communicate(timeout=120)[0].decode()
    job.refresh_from_db()
    assert job.state == JobState.DONE, output
    assert job.result["created"] == 3
    assert len(search(user=world.lead, query="zanzibarian", kind="article").hits) == 3


def test_a_job_killed_mid_way_is_finished_by_the_next_worker_never_half_applied(
    world, database_backend
):
    n = 6 * JSONL_BATCH
    job = job_import_jsonl(project=world.project, actor=world.lead, text=jsonl(n))
    imported = Article.objects.filter(title__startswith="Zanzibarian")
    worker = _worker()
    try:
        # Past the first batch (committed) and short of the end: kill it mid-way.
        _wait(lambda: Job.objects.get(pk=job.pk).done > JSONL_BATCH + 50, timeout=240)
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.kill()
        worker.wait()
    job.refresh_from_db()
    assert job.state == JobState.RUNNING, "the worker finished before it was killed: import more"
    stored = imported.count()
    assert 0 < stored < n
    # Whole batches only (the worker, outside any transaction, stores as store_threaded()
    # says here), each article with its annotation: nothing half-applied.
    assert stored % store_batch_lines(threaded=store_threaded()) == 0
    assert Annotation.objects.filter(article__in=imported).count() == stored

    output = _worker("--batch").communicate(timeout=300)[0].decode()
    assert f"Job {job.pk}: its worker had died; queued again." in output
    job.refresh_from_db()
    assert job.state == JobState.DONE, output
    assert job.attempts == 2
    assert (job.done, job.total) == (n, n)
    assert job.result["created"] + job.result["duplicates"] == n
    # Done means done: every article once, with its annotation, searchable and counted.
    assert imported.count() == n
    assert Annotation.objects.filter(article__in=imported).count() == n
    hits = search(user=world.lead, query=f"zanzibarian {n - 1}", kind="article").hits
    assert any(hit.article.title == f"Zanzibarian report {n - 1}" for hit in hits)
    counts = article_status_counts(project=world.project)
    assert sum(row["count"] for row in counts) == n + 1

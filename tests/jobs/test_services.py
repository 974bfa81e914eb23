"""Running, cancelling and recovering jobs, in process."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.jobs.conftest import jsonl
from workbench.articles.models import Article
from workbench.jobs import runners
from workbench.jobs.models import Job, JobKind, JobState
from workbench.jobs.services import Progress, job_run, jobs_recover

pytestmark = pytest.mark.django_db


def _job(world, **fields) -> Job:
    values = {
        "kind": JobKind.IMPORT_JSONL,
        "team": world.team,
        "project": world.project,
        "created_by": world.lead,
    }
    job = Job.objects.create(**{**values, **fields})
    job.inputs.create(name="batch.jsonl", data=jsonl(4).encode())
    return job


def test_a_job_runs_once(world):
    job = _job(world)
    assert job_run(job_id=job.pk).state == JobState.DONE
    assert job_run(job_id=job.pk) is None  # already taken: a second worker does nothing
    assert Article.objects.filter(title__startswith="Zanzibarian").count() == 4


def test_a_cancelled_job_is_not_run(world):
    job = _job(world, state=JobState.CANCELLED)
    assert job_run(job_id=job.pk) is None
    assert not Article.objects.filter(title__startswith="Zanzibarian").exists()


def test_cancel_stops_a_running_job_at_its_next_report(world, monkeypatch):
    def runner(job: Job, progress: Progress) -> None:
        progress.set_total(2)
        progress.step()
        Job.objects.filter(pk=job.pk).update(cancel_requested=True)
        progress.flush(force=True)
        raise AssertionError("not reached")

    monkeypatch.setitem(runners.RUNNERS, JobKind.IMPORT_JSONL, runner)
    job = job_run(job_id=_job(world).pk)
    assert job.state == JobState.CANCELLED
    assert (job.done, job.total) == (1, 2)


def test_a_failing_job_says_why(world, monkeypatch):
    def runner(job: Job, progress: Progress) -> None:
        raise OSError("disk full")

    monkeypatch.setitem(runners.RUNNERS, JobKind.IMPORT_JSONL, runner)
    job = job_run(job_id=_job(world).pk)
    assert job.state == JobState.FAILED
    assert job.message == "The job failed: disk full"


def test_recover_requeues_the_job_of_a_dead_local_worker(world):
    job = _job(
        world, state=JobState.RUNNING, worker=f"{socket.gethostname()}:999999999",
        heartbeat=timezone.now(),
    )  # fmt: skip
    assert [j.pk for j in jobs_recover()] == [job.pk]
    job.refresh_from_db()
    # Tests run jobs at once: queued again, it was finished.
    assert job.state == JobState.DONE and job.attempts == 1
    assert Article.objects.filter(title__startswith="Zanzibarian").count() == 4


def test_recover_leaves_a_live_worker_s_job_alone(world):
    import os

    job = _job(
        world, state=JobState.RUNNING, worker=f"{socket.gethostname()}:{os.getpid()}",
        heartbeat=timezone.now(),
    )  # fmt: skip
    remote = _job(world, state=JobState.RUNNING, worker="elsewhere:12", heartbeat=timezone.now())
    assert jobs_recover() == []
    assert Job.objects.get(pk=job.pk).state == Job.objects.get(pk=remote.pk).state == "running"


def test_recover_takes_a_silent_remote_worker_for_dead(world):
    job = _job(
        world, state=JobState.RUNNING, worker="elsewhere:12",
        heartbeat=timezone.now() - timedelta(hours=1),
    )  # fmt: skip
    assert [j.pk for j in jobs_recover()] == [job.pk]


def test_recover_finishes_the_cancel_of_a_dead_worker_s_job(world):
    job = _job(world, state=JobState.RUNNING, worker="elsewhere:12", cancel_requested=True)
    jobs_recover()
    job.refresh_from_db()
    assert job.state == JobState.CANCELLED
    assert not Article.objects.filter(title__startswith="Zanzibarian").exists()

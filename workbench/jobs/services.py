"""Start, run, cancel and recover background jobs.

A job is a Job row plus one django-tasks task that names it. The row is the truth the pages
and the API read; the task only wakes a worker. A worker that dies (SIGKILL, power loss) leaves
its job "running": `jobs_recover` (run by every `jobs_worker` as it starts) puts such a job
back in the queue, and its next run finishes it. Every kind of job is safe to run again: each
writes in transactions that are whole or absent (a batch of articles with their annotations, a
dataset line), and an import skips what an earlier run stored (articles by their text's
checksum), so a run after a kill completes the work and never doubles it.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workbench.accounts.models import Role, Team
from workbench.articles.models import Project
from workbench.jobs.models import Job, JobInput, JobState

logger = logging.getLogger(__name__)

# How often a running job writes its progress (and reads whether it was cancelled), seconds.
PROGRESS_INTERVAL = 0.25


class JobCancelled(Exception):
    """Raised inside a running job when someone cancelled it; the runner stops there."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@transaction.atomic
def job_create(
    *,
    kind: str,
    team: Team | None,
    project: Project | None,
    actor: AbstractBaseUser | None,
    params: dict | None = None,
    inputs: Iterable[tuple[str, bytes]] = (),
    total: int = 0,
) -> Job:
    """Create a job and queue its task, in one transaction: a worker never sees half of it."""
    job = Job(
        kind=kind,
        team=team,
        project=project,
        created_by=actor if actor is not None and actor.is_authenticated else None,
        params=params or {},
        total=total,
    )
    job.full_clean()
    job.save()
    JobInput.objects.bulk_create(JobInput(job=job, name=name, data=data) for name, data in inputs)
    _enqueue(job)
    job.refresh_from_db()
    return job


def _enqueue(job: Job) -> None:
    from workbench.jobs.tasks import job_run_task  # the task module imports this one

    job.task_id = ""
    job.save(update_fields=["task_id"])
    # With the database backend the task row commits with the job; with the immediate backend
    # (tests, WORKBENCH_TASKS=immediate) the job runs here, before enqueue returns.
    result = job_run_task.enqueue(job.pk)
    Job.objects.filter(pk=job.pk, task_id="").update(task_id=str(result.id)[:64])


def can_cancel(*, job: Job, user: AbstractBaseUser) -> bool:
    """Whether the user may cancel the job: whoever started it, or a lead of its team."""
    if job.is_finished or not user.is_authenticated:
        return False
    if job.created_by_id == user.pk:
        return True
    return job.team is not None and job.team.memberships.filter(user=user, role=Role.LEAD).exists()


def job_cancel(*, job: Job, actor: AbstractBaseUser) -> Job:
    """Cancel a job: at once if it waits, at its next progress report if it runs.

    What a running job already stored stays (each batch is whole); running the same import
    again skips it.
    """
    if not can_cancel(job=job, user=actor):
        if job.is_finished:
            return job
        raise PermissionDenied(_("Only whoever started the job or a team lead may cancel it."))
    now = timezone.now()
    Job.objects.filter(pk=job.pk, state=JobState.QUEUED).update(
        state=JobState.CANCELLED,
        cancel_requested=True,
        finished=now,
        message=_("Cancelled before it started."),
    )
    Job.objects.filter(pk=job.pk, state=JobState.RUNNING).update(cancel_requested=True)
    job.refresh_from_db()
    return job


class Progress:
    """What a runner reports as it goes: items done of total, errors by item; cancel checks."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.last = 0.0

    def set_total(self, total: int) -> None:
        self.job.total = max(total, self.job.done)
        self.flush(force=True)

    def step(self, count: int = 1) -> None:
        self.job.done += count
        self.job.total = max(self.job.total, self.job.done)
        self.flush()

    def error(self, item: str, message: str) -> None:
        if len(self.job.errors) < settings.WORKBENCH_MAX_LISTED_FAILURES:
            self.job.errors.append({"item": item, "message": message})
        else:
            self.job.unlisted_errors += 1

    def flush(self, *, force: bool = False) -> None:
        """Write progress (at most every PROGRESS_INTERVAL) and stop if the job was cancelled."""
        now = time.monotonic()
        if not force and now - self.last < PROGRESS_INTERVAL:
            return
        self.last = now
        job = self.job
        job.heartbeat = timezone.now()
        Job.objects.filter(pk=job.pk).update(
            done=job.done,
            total=job.total,
            errors=job.errors,
            unlisted_errors=job.unlisted_errors,
            heartbeat=job.heartbeat,
        )
        if Job.objects.filter(pk=job.pk, cancel_requested=True).exists():
            raise JobCancelled


def job_run(*, job_id: int) -> Job | None:
    """Run a queued job to its end in this process (what the task does); None if not runnable.

    The job is claimed with a conditional UPDATE, so two workers never run it at once.
    """
    from workbench.jobs.runners import RUNNERS

    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, state=JobState.QUEUED, cancel_requested=False).update(
        state=JobState.RUNNING, started=now, heartbeat=now, worker=worker_name()[:200]
    )
    if not claimed:
        return None
    job = Job.objects.select_related("team", "project", "created_by").get(pk=job_id)
    Job.objects.filter(pk=job_id).update(attempts=job.attempts + 1)
    job.attempts += 1
    # A run after a dead worker's starts its count again; the errors it meets are its own.
    job.done, job.errors, job.unlisted_errors = 0, [], 0
    progress = Progress(job)
    runner: Callable[[Job, Progress], None] = RUNNERS[job.kind]
    try:
        runner(job, progress)
    except JobCancelled:
        job.state, job.message = JobState.CANCELLED, _("Cancelled: what was stored stays.")
    except Exception as error:  # a job's failure is reported on its page, not lost in a log
        logger.exception("job %s failed", job_id)
        job.state = JobState.FAILED
        job.message = _("The job failed: %(error)s") % {"error": _error_text(error)}
    else:
        job.state = JobState.DONE
    job.finished = timezone.now()
    job.heartbeat = job.finished
    job.save(
        update_fields=[
            "state",
            "message",
            "finished",
            "heartbeat",
            "done",
            "total",
            "errors",
            "unlisted_errors",
            "result",
            "links",
            "team",
            "project",
            "output",
            "output_name",
        ]
    )
    return job


def _error_text(error: Exception) -> str:
    messages = getattr(error, "messages", None)
    return " ".join(messages) if messages else str(error) or type(error).__name__


def jobs_recover(*, stale_after: timedelta | None = None) -> list[Job]:
    """Queue again the jobs whose worker died: its process is gone, or it stopped reporting.

    A job's worker is host:pid; on this host a pid that no longer exists is dead at once,
    elsewhere a worker is taken for dead after WORKBENCH_JOB_STALE_SECONDS without a report.
    """
    if stale_after is None:
        stale_after = timedelta(seconds=settings.WORKBENCH_JOB_STALE_SECONDS)
    cutoff = timezone.now() - stale_after
    host = socket.gethostname()
    recovered = []
    for job in Job.objects.filter(state=JobState.RUNNING):
        worker_host, _sep, pid = job.worker.rpartition(":")
        dead = worker_host == host and pid.isdigit() and not _alive(int(pid))
        if not (dead or job.heartbeat is None or job.heartbeat < cutoff):
            continue
        with transaction.atomic():
            requeued = Job.objects.filter(pk=job.pk, state=JobState.RUNNING, worker=job.worker)
            if job.cancel_requested:
                requeued.update(
                    state=JobState.CANCELLED,
                    finished=timezone.now(),
                    message=_("Cancelled: what was stored stays."),
                )
                continue
            if not requeued.update(state=JobState.QUEUED, worker="", started=None):
                continue
            _fail_task(job.task_id)
            job.refresh_from_db()
            _enqueue(job)
        logger.warning("job %s: its worker %s died; queued again", job.pk, job.worker)
        recovered.append(job)
    return recovered


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fail_task(task_id: str) -> None:
    """Mark a dead worker's task row failed, so the task list does not show it running forever."""
    if not task_id or "django_tasks_db" not in settings.INSTALLED_APPS:
        return
    from django_tasks_db.models import DBTaskResult

    for row in DBTaskResult.objects.filter(id=task_id, status="RUNNING"):
        row.set_failed(RuntimeError("the worker running this task died; the job was queued again"))

"""The one task a worker runs for every kind of job: it names the Job row to run."""

from __future__ import annotations

from django_tasks import task

from workbench.jobs.services import job_run


@task()
def job_run_task(job_id: int) -> str | None:
    """Run the job (a no-op if it was cancelled or already taken); return its final state."""
    job = job_run(job_id=job_id)
    return job.state if job is not None else None

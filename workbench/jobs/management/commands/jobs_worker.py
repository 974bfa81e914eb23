"""Run background jobs: django-tasks-db's worker, after queueing again the jobs of dead workers."""

from __future__ import annotations

from django.core.management.base import CommandParser
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from workbench.jobs.services import jobs_recover


class Command(DbWorkerCommand):
    help = (
        "Run the background jobs (imports, fetches) as they are queued; run one or more beside "
        "the web server. On start, a job left running by a worker that died is queued again "
        "and finished. Stop with Ctrl+C or SIGTERM: the job in hand is finished first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        # Code reloading restarts the worker mid-job; it is for development, asked for by name.
        parser.set_defaults(reload=False)

    def handle(self, *args: object, **options: object) -> None:
        for job in jobs_recover():
            self.stdout.write(f"Job {job.pk}: its worker had died; queued again.")
        super().handle(*args, **options)

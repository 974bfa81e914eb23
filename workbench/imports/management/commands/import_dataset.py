"""Read a JSON Lines export back into a project, creating what it names."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from workbench.articles.selectors import project_by_handle
from workbench.imports.dataset import dataset_import
from workbench.jobs.starts import job_import_dataset


class Command(BaseCommand):
    help = (
        "Import a JSON Lines export (manage.py export --format jsonl) into a project, creating "
        "the team, project, users, entities and sources it names. Each line is imported whole "
        "or not at all; bad lines are reported by number on stderr and make the exit status 1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument(
            "--project",
            required=True,
            help="project slug (or TEAM/SLUG) to import into; created from the file if missing",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue the import as a background job (run by manage.py jobs_worker, which "
            "must be able to read FILE) and print its page instead of waiting",
        )

    def handle(self, *args: object, **options: object) -> None:
        path = str(options["file"])
        if options["background"]:
            self._queue(path, str(options["project"]))
            return
        try:
            with open(path, "rb") as handle:
                total = sum(1 for line in handle if line.strip())
            stream = self.stderr._out
            bar = tqdm(total=total, unit="article", file=stream, leave=True)
            with open(path, "rb") as handle:
                report = dataset_import(
                    handle=str(options["project"]), lines=handle, progress=bar.update
                )
            bar.close()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        except LookupError as error:
            raise CommandError(str(error)) from error
        for number, message in report.failures:
            self.stderr.write(f"error: {path}, line {number}: {message}")
        if report.unlisted_failures:
            self.stderr.write(
                f"error: {path}: {report.unlisted_failures:,} more line(s) failed (not listed)"
            )
        self.stdout.write(
            f"Imported {report.created} article(s); {report.skipped} already in the project; "
            f"{report.failed} line(s) failed."
        )
        if report.failed:
            raise CommandError(f"{report.failed} line(s) could not be imported (see above).")

    def _queue(self, path: str, handle: str) -> None:
        if not os.access(path, os.R_OK):
            raise CommandError(f"Cannot read {path}")
        try:
            project = project_by_handle(handle)
        except LookupError:
            project = None  # created from the file by the job
        job = job_import_dataset(path=path, handle=handle, project=project)
        self.stdout.write(
            f"Queued job {job.pk} ({job.get_state_display().lower()}): {job.get_absolute_url()} "
            f"or GET /api/v1/jobs/{job.pk}/"
        )

"""Read a JSON Lines export back into a project, creating what it names."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from workbench.imports.dataset import dataset_import


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

    def handle(self, *args: object, **options: object) -> None:
        path = str(options["file"])
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

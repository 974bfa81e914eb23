"""Import schema.org ClaimReview (JSON-LD, JSON Lines, fact-checkers' pages) into a team."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from workbench.accounts.models import Team
from workbench.factchecks.ranker.embed import load_encoder
from workbench.factchecks.services import (
    ImportReport,
    factcheck_vectors_fill,
    factchecks_import_file,
    factchecks_import_url,
)


class Command(BaseCommand):
    help = (
        "Import ClaimReview records from files or http(s) URLs into a team's known fact-checks. "
        "Progress goes to stderr; with --json, one JSON object per input goes to stdout. "
        "Exits 1 if any input or record failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("items", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--team", required=True, help="the team's slug")
        parser.add_argument("--json", action="store_true", help="print one JSON object per input")
        parser.add_argument(
            "--no-embed",
            action="store_true",
            help="do not compute the sentence vectors of new or reworded fact-checks afterwards "
            "(matching then encodes them when it first meets them; see embed_factchecks)",
        )

    def handle(self, *args: object, **options: object) -> None:
        team = Team.objects.filter(slug=options["team"]).first()
        if team is None:
            raise CommandError(f"No team with the slug {options['team']!r}.")
        # tqdm needs the raw stream, not Django's line-ending wrapper (call_command may redirect).
        stream = self.stderr._out
        bar = tqdm(unit="record", file=stream, leave=True)
        failed = 0
        for item in options["items"]:  # type: ignore[union-attr]
            bar.set_postfix_str(str(item)[-40:])
            importer = factchecks_import_url if _is_url(item) else factchecks_import_file
            source = {"url": item} if _is_url(item) else {"path": item}
            try:
                report = importer(team=team, actor=None, progress=bar.update, **source)
            except ValidationError as error:
                failed += 1
                message = " ".join(error.messages)
                tqdm.write(f"error: {item}: {message}", file=stream)
                self._emit(item, None, message, as_json=bool(options["json"]))
                continue
            for bad in report.errors:
                tqdm.write(f"error: {item}, record {bad.number}: {bad.message}", file=stream)
            failed += len(report.errors)
            self._emit(item, report, "", as_json=bool(options["json"]))
        bar.close()
        if not options["no_embed"] and load_encoder() is not None:
            with tqdm(unit="vector", desc="embedding", file=stream) as embedding:
                factcheck_vectors_fill(team=team, progress=embedding.update)
        if failed:
            raise CommandError(f"{failed} input(s) or record(s) could not be imported (see above).")

    def _emit(self, item: str, report: ImportReport | None, error: str, *, as_json: bool) -> None:
        if as_json:
            line = json.dumps(import_summary(item, report, error), ensure_ascii=False)
        elif report is None:
            return
        else:
            line = (
                f"{item}: {report.created} new, {report.updated} updated, "
                + (f"{report.unchanged} unchanged, " if report.unchanged else "")
                + f"{len(report.errors)} refused"
            )
        tqdm.write(line, file=self.stdout._out)


def _is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def import_summary(item: str, report: ImportReport | None, error: str = "") -> dict:
    """Return what `import_factchecks --json` prints for one input."""
    if report is None:
        return {
            "input": item,
            "created": 0,
            "updated": 0,
            "unchanged": 0,
            "errors": [],
            "error": error,
        }
    return {
        "input": item,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "errors": [
            {"record": e.number, "message": e.message, "code": e.code} for e in report.errors
        ],
        "error": "",
    }

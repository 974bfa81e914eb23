"""`manage.py train_checkworthy --project SLUG [--force] [--json]`: learn a project's own
check-worthiness ranker from its team's decisions and marked claims."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from workbench.articles.selectors import project_by_handle
from workbench.suggest.services import project_ranker_train


class Command(BaseCommand):
    help = (
        "Train the project's check-worthiness ranker on the claims its team submitted or "
        "approved and the claim suggestions it rejected; measure it against the shipped model "
        "on held-out articles and keep it only if it ranks them better (unless --force). "
        "Progress on stderr; with --json, the result as one JSON object on stdout."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--project", required=True, help="project slug, or TEAM/SLUG when several teams use it"
        )
        parser.add_argument(
            "--force", action="store_true", help="keep the new weights even if they do not help"
        )
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args: object, **options: object) -> None:
        try:
            project = project_by_handle(str(options["project"]))
        except LookupError as error:
            raise CommandError(str(error)) from None
        try:
            ranker = project_ranker_train(
                project=project,
                actor=None,
                force=bool(options["force"]),
                progress=lambda message: self.stderr.write(message),
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        result = {
            "project": f"{project.team.slug}/{project.slug}",
            "trained_at": ranker.trained_at.isoformat(),
            "signals": ranker.signals,
            "articles": ranker.articles,
            "held_out": ranker.held_out,
            "map_before": ranker.map_before,
            "map_after": ranker.map_after,
            "kept": ranker.kept,
            "forced": ranker.forced,
            "weights_changed": len(ranker.delta),
        }
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            verdict = "kept" if ranker.kept else "not kept (the weights in use stay)"
            self.stdout.write(
                f"{ranker.signals} signals on {ranker.articles} articles, {ranker.held_out} "
                f"held out: MAP {ranker.map_before:.3f} (shipped) → {ranker.map_after:.3f} "
                f"(trained): {verdict}."
            )

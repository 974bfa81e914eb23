"""`manage.py suggest PATH... [--json]`: quote and claim suggestions for text files, no database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from workbench.articles.cleanup import clean_text
from workbench.suggest.finder.checkworthy import transcript_lines
from workbench.suggest.finder.engine import (
    CLAIMS_ALL,
    DEFAULT_CLAIMS,
    REPORTS,
    REPORTS_CLAUSES,
    Suggestion,
    suggest,
)

DEFAULT_MAX_BYTES = 5_000_000


class UnreadableFile(Exception):
    """A file that is too large, binary or not UTF-8: reported, never guessed at."""


def read_text(path: Path, *, max_bytes: int) -> str:
    """Return the file's text as UTF-8, refusing huge, binary and undecodable files."""
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableFile(
            f"{size:,} bytes is above the limit of {max_bytes:,} "
            "(settings.WORKBENCH_SUGGEST_MAX_BYTES or --max-bytes)"
        )
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise UnreadableFile("binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not UTF-8 text (byte {error.start})") from None


def boilerplate(text: str) -> list[tuple[int, int]]:
    """The spans of the lines the article cleaner sets aside (navigation, sponsors, paywall
    notices, datelines), as offsets into the text exactly as read."""
    if transcript_lines(text) is not None:
        return []  # a transcript's first line is its first speaker, not a headline
    try:
        cleaned = clean_text(text)
    except ValueError:
        return []  # empty, or nothing but boilerplate: suggest on the text as it is
    lines = text.split("\n")
    if len(lines) != len(cleaned.raw.split("\n")):
        return []  # line breaks the cleaner counts differently (a lone \r): no mapping
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return [(starts[r.line], starts[r.line] + len(lines[r.line])) for r in cleaned.removed]


def _claims(value: str) -> int:
    """`--claims N` or `--claims all`."""
    if value.strip().lower() == "all":
        return CLAIMS_ALL
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


def _describe(item: Suggestion) -> str:
    span = f"{item.start}–{item.end}"
    why = f"\n         Why: {item.why()}" if item.why() else ""
    if item.kind == "claim":
        return f"  claim  {span:<13} {item.score:.2f}  {item.text}{why}"
    who = item.speaker or "(speaker unknown)"
    cue = item.cue["text"] if item.cue else "no cue"
    role = f", {item.role}" if item.role else ""
    part = f"; part {item.part} of {item.parts}" if item.parts else ""
    head = f"  quote  {span:<13} {item.score:.2f}  {who}{role} [{cue}; {item.quote_type}{part}]"
    return f"{head}\n         {item.text}{why}"


class Command(BaseCommand):
    help = "Suggest quotes (with speakers) and check-worthy claims for text files; no database."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="UTF-8 text files")
        parser.add_argument("--json", action="store_true", help="one JSON line per file")
        parser.add_argument(
            "--claims",
            type=_claims,
            default=DEFAULT_CLAIMS,
            help="how many claims (0: none; 'all': every sentence, with a score and reasons)",
        )
        parser.add_argument("--max-bytes", type=int, default=None, help="refuse larger files")
        parser.add_argument(
            "--reports",
            choices=REPORTS,
            default=REPORTS_CLAUSES,
            help="reported speech offered: reported clauses (default), or 'all' (noun-phrase "
            "and infinitive objects too, as PolNeAR annotates)",
        )
        parser.add_argument(
            "--keep-boilerplate",
            action="store_true",
            help="also suggest in lines the article cleaner sets aside (navigation, sponsors, "
            "paywall notices)",
        )

    def handle(self, *args: object, **options: object) -> None:
        max_bytes = options["max_bytes"] or getattr(
            settings, "WORKBENCH_SUGGEST_MAX_BYTES", DEFAULT_MAX_BYTES
        )
        failed = 0
        for name in options["paths"]:
            try:
                text = read_text(Path(name), max_bytes=max_bytes)
            except (OSError, UnreadableFile) as error:
                failed += 1
                message = (
                    error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                )
                self.stderr.write(f"{name}: {message}")
                if options["json"]:
                    self.stdout.write(
                        json.dumps({"path": name, "error": message}, ensure_ascii=False)
                    )
                continue
            skip = [] if options["keep_boilerplate"] else boilerplate(text)
            items = suggest(text, claims=options["claims"], skip=skip, reports=options["reports"])
            if options["json"]:
                line = {"path": name, "suggestions": [_public(item) for item in items]}
                self.stdout.write(json.dumps(line, ensure_ascii=False))
            else:
                quotes = sum(item.kind == "quote" for item in items)
                aside = f" ({len(skip)} boilerplate lines left out)" if skip else ""
                self.stdout.write(f"{name}: {quotes} quotes, {len(items) - quotes} claims{aside}")
                for item in items:
                    self.stdout.write(_describe(item))
        if failed:
            sys.stdout.flush()
            raise CommandError(f"{failed} of {len(options['paths'])} files could not be read")


def _public(item: Suggestion) -> dict[str, object]:
    data = item.as_dict()
    if item.kind == "claim":
        keys = ("kind", "start", "end", "text", "score", "rule", "reasons", "speaker")
        return {k: data[k] for k in keys}
    return data

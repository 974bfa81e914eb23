"""Build the development set's gold file with the workbench itself (issue 15, §3).

    uv run python bench/devset/build_gold.py [--out bench/devset/gold.jsonl]
        [--labels DIR] [--articles DIR] [--sources FILE]

The hand labels (`labels/*.jsonl`, LABELLING.md) are first checked as check_labels.py checks
them: any problem and nothing is built (exit 1). Then, in a throw-away SQLite database in a
temporary folder, the script migrates, creates the team, lead and project "devset", stores each
labelled article verbatim through the articles service (title = line 1, body = after the blank
line; outlet, url and published from sources.jsonl), creates every label as a quote through
`annotation_create` (speaker through the entity registry, role, quote type, speaker mention and
cue spans), and writes the project's JSON Lines export (`manage.py export --format jsonl`) to
the output file. Articles are stored in label-file order, so the export lists them in that
order; the same labels give the same bytes. Progress goes to stderr.

Where the spans come from: the quote is the label's `text` (its `occurrence`); the speaker
mention is the occurrence of `mention` (as a whole word) nearest the quote and outside it; the
cue is the occurrence of `cue` outside the quote and the mention that keeps the stretch holding
quote, mention and cue shortest (so between mention and quote when it occurs there), then the
nearest to the quote.

Unresolved descriptions (`"resolved": false`): the speaker is a registry entity of kind
"other" whose description is UNRESOLVED, which the scorer (bench/devset/scoring.py) reads. A
registry entity has one kind and one description, so a name that is unresolved in one label
and resolved in another is refused.

The workbench stores a quote without the quotation marks around it (quote_span_trim); a label
whose span the workbench would store differently is refused, so the gold is what was labelled.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from check_labels import body_of, locate, problems  # noqa: E402
from scoring import UNRESOLVED  # noqa: E402  (the marker the scorer reads)

if TYPE_CHECKING:  # Django is set up only once the throw-away database is chosen.
    from django.contrib.auth.models import AbstractBaseUser

    from workbench.accounts.models import Team
    from workbench.annotations.models import Entity

TEAM, PROJECT, LEAD = "devset", "devset", "devset-lead"


class Refused(Exception):
    """A label the workbench cannot store as labelled."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=HERE / "gold.jsonl")
    parser.add_argument("--labels", type=Path, default=HERE / "labels")
    parser.add_argument("--articles", type=Path, default=HERE / "articles")
    parser.add_argument("--sources", type=Path, default=HERE / "sources.jsonl")
    args = parser.parse_args(argv)
    files = sorted(args.labels.glob("*.jsonl"))
    if not files:
        print(f"no label files in {args.labels}", file=sys.stderr)
        return 1
    found = [p for path in files for p in problems(path, articles=args.articles)]
    sources = _sources(args.sources)
    found += [
        f"{path.name}: no entry in {args.sources.name}"
        for path in files
        if path.stem not in sources
    ]
    if not found:
        try:
            labelled = [(path, _labels(path)) for path in files]
            _check_speakers(labelled)
        except Refused as error:
            found.append(str(error))
    if found:
        for problem in found:
            print(problem, file=sys.stderr)
        print(f"refused: {len(found)} problem(s); nothing built", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="devset-gold-") as folder:
        _boot_django(Path(folder))
        try:
            _build(labelled, args.articles, sources)
        except Refused as error:
            print(f"refused: {error}; nothing built", file=sys.stderr)
            return 1
        from django.core.management import call_command

        call_command("export", project=f"{TEAM}/{PROJECT}", format="jsonl", output=str(args.out))
    print(f"wrote {args.out} ({len(files)} articles)", file=sys.stderr)
    return 0


def _sources(path: Path) -> dict[str, dict]:
    """sources.jsonl by article file stem."""
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[Path(record["file"]).stem] = record
    return records


def _labels(path: Path) -> list[tuple[int, dict]]:
    """The labels of one file with their line numbers (check_labels has passed them)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, json.loads(line)) for n, line in enumerate(lines, start=1) if line.strip()]


def _check_speakers(labelled: list[tuple[Path, list[tuple[int, dict]]]]) -> None:
    """Refuse a speaker name that is unresolved in one label and resolved in another."""
    seen: dict[str, tuple[bool, str]] = {}
    for path, labels in labelled:
        for n, label in labels:
            name = " ".join(label["speaker"].split()).casefold()
            if not name:
                continue
            unresolved = label.get("resolved") is False
            where = f"{path.name}:{n}"
            first = seen.setdefault(name, (unresolved, where))
            if first[0] != unresolved:
                raise Refused(
                    f"{where}: speaker {label['speaker']!r} is "
                    f"{'unresolved' if unresolved else 'resolved'} here but not at {first[1]}: "
                    "a registry entity is one or the other"
                )


def _boot_django(folder: Path) -> None:
    """Point Django at a fresh SQLite file in `folder` and migrate it."""
    # Forced, not defaulted: a DATABASE_URL in the environment must not receive the gold.
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'gold.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "workbench.settings"
    os.environ.setdefault("DJANGO_SECRET_KEY", "devset-gold-only")
    import django

    django.setup()
    from django.core.management import call_command

    print("migrating a throw-away database …", file=sys.stderr)
    call_command("migrate", verbosity=0)


def _build(
    labelled: list[tuple[Path, list[tuple[int, dict]]]], articles: Path, sources: dict
) -> None:
    """Store every labelled article and its labels through the workbench's services."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from workbench.accounts.models import Membership, Role, Team
    from workbench.annotations.services import Span, annotation_create
    from workbench.articles.cleanup import Cleaned
    from workbench.articles.models import ImportSource
    from workbench.articles.services import Overrides, article_import, project_create

    team = Team.objects.create(name="Development set", slug=TEAM)
    lead = get_user_model().objects.create_user(username=LEAD, password=None)
    Membership.objects.create(user=lead, team=team, role=Role.LEAD)
    project = project_create(team=team, actor=lead, name="Development set", slug=PROJECT)
    for number, (path, labels) in enumerate(labelled, start=1):
        text = (articles / f"{path.stem}.txt").read_text(encoding="utf-8")
        title = text.partition("\n")[0].strip()
        body = body_of(articles / f"{path.stem}.txt")
        source = sources[path.stem]
        published = source.get("published") or ""
        overrides = Overrides(
            title=title,
            outlet=source.get("outlet", ""),
            url=source.get("url", ""),
            # "2016-05" (day unknown) is not a date: left empty rather than invented.
            published=datetime.date.fromisoformat(published) if len(published) == 10 else None,
        )
        cleaned = Cleaned(
            raw=body, body=body, removed=[], title=title, title_is_provisional=False, language="en"
        )
        result = article_import(
            project=project,
            actor=lead,
            cleaned=cleaned,
            source=ImportSource.COMMAND,
            overrides=overrides,
        )
        article = result.article
        if not result.created or article.body != body:
            raise Refused(f"{path.stem}: the article was not stored verbatim (or twice)")
        for n, label in labels:
            where = f"{path.name}:{n}"
            start, end = locate(body, label)
            mention = _mention_span(body, label.get("mention") or "", start, end)
            cue = _cue_span(body, label.get("cue") or "", start, end, mention)
            try:
                annotation = annotation_create(
                    article=article,
                    author=lead,
                    kind="quote",
                    start=start,
                    end=end,
                    exact=body[start:end],
                    speaker=_speaker(team, lead, label),
                    role=label.get("role") or "",
                    quote_type=label["quote_type"],
                    mention=None if mention is None else Span(*mention, body[slice(*mention)]),
                    cue=None if cue is None else Span(*cue, body[slice(*cue)]),
                )
            except ValidationError as error:
                raise Refused(
                    f"{where}: the workbench refuses it: {' '.join(error.messages)}"
                ) from error
            if (annotation.start, annotation.end) != (start, end):
                raise Refused(
                    f"{where}: the workbench stores this quote as {annotation.exact!r} "
                    "(quotation marks around a quote are not part of it): relabel the span"
                )
        print(f"[{number}/{len(labelled)}] {path.stem}: {len(labels)} quotes", file=sys.stderr)


def _speaker(team: Team, lead: AbstractBaseUser, label: dict) -> Entity | None:
    """The label's speaker as a registry entity (None when the text names no one)."""
    from workbench.annotations.selectors import entity_named
    from workbench.annotations.services import entity_create, entity_find_or_create

    name = label["speaker"].strip()
    if not name:
        return None
    if label.get("resolved") is False:
        return entity_named(team=team, name=name) or entity_create(
            team=team, actor=lead, name=name, kind="other", description=UNRESOLVED
        )
    return entity_find_or_create(team=team, actor=lead, name=name, kind=label["speaker_kind"])


def occurrences(body: str, words: str) -> list[tuple[int, int]]:
    """Every (start, end) of `words` in the body, as whole words where they begin or end with
    a letter or digit ("he" is not found inside "the"); anywhere when never a whole word."""
    before = r"(?<!\w)" if words[:1].isalnum() else ""
    after = r"(?!\w)" if words[-1:].isalnum() else ""
    for pattern in (before + re.escape(words) + after, re.escape(words)):
        found = [(m.start(), m.end()) for m in re.finditer(pattern, body)]
        if found:
            return found
    return []


def _gap(one: tuple[int, int], other: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, other[0] - one[1], one[0] - other[1])


def _outside(span: tuple[int, int], start: int, end: int) -> bool:
    return span[1] <= start or span[0] >= end


def _mention_span(body: str, mention: str, start: int, end: int) -> tuple[int, int] | None:
    """The occurrence of the mention nearest the quote, outside it when there is one."""
    if not mention:
        return None
    found = occurrences(body, mention)
    outside = [s for s in found if _outside(s, start, end)] or found
    return min(outside, key=lambda s: (_gap(s, (start, end)), s[0])) if outside else None


def _cue_span(
    body: str, cue: str, start: int, end: int, mention: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The occurrence of the cue outside the quote and the mention that keeps quote, mention
    and cue in the shortest stretch (between the two when it occurs there), then the nearest
    to the quote."""
    if not cue:
        return None
    found = occurrences(body, cue)
    quote = (start, end)
    candidates = [
        s for s in found if _outside(s, start, end) and (mention is None or _outside(s, *mention))
    ] or found
    if not candidates:
        return None
    anchors = [quote] if mention is None else [quote, mention]

    def stretch(span: tuple[int, int]) -> int:
        spans = [*anchors, span]
        return max(e for _, e in spans) - min(s for s, _ in spans)

    return min(candidates, key=lambda s: (stretch(s), _gap(s, quote), s[0]))


if __name__ == "__main__":
    sys.exit(main())

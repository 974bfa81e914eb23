"""Writes for fact-checks: importing ClaimReview from text, files and URLs; linking a match."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workbench.accounts.models import Team
from workbench.accounts.services import require_writer
from workbench.annotations.models import Annotation, Evidence, SourceKind
from workbench.annotations.services import evidence_add, source_get_or_create
from workbench.articles.fetch import FetchError, fetch_url
from workbench.factchecks import index
from workbench.factchecks.claimreview import Record, RecordError, read_document
from workbench.factchecks.models import ClaimCheck, FactCheck, FactCheckVector

BATCH = 2000
COLUMNS = [
    "team_id",
    "url",
    "claim_reviewed",
    "rating",
    "rating_value",
    "best_rating",
    "worst_rating",
    "publisher",
    "publisher_url",
    "date_published",
    "claimant",
    "appearances",
    "raw",
    "imported_by_id",
    "imported_at",
]
# Whether a stored row differs from the record: everything but who imported it and when.
COMPARED = COLUMNS[2:-2]


def _upsert_sql(vendor: str) -> str:
    """Return the upsert; a row whose record is unchanged is left alone, not rewritten.

    A re-import of a feed changes few rows: skipping the others spares PostgreSQL a new row
    version and its index entries (the GIN and trigram indexes above all) for each.
    """
    table = FactCheck._meta.db_table
    differs = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
    return (
        f"INSERT INTO {table} ({', '.join(COLUMNS)}) "  # noqa: S608 - constants
        f"VALUES ({', '.join(['%s'] * len(COLUMNS))}) ON CONFLICT (team_id, url) DO UPDATE SET "
        + ", ".join(f"{column} = excluded.{column}" for column in COLUMNS[2:])
        + " WHERE "
        + " OR ".join(f"{table}.{column} {differs} excluded.{column}" for column in COMPARED)
    )


@dataclass
class ImportReport:
    """What an import did: rows created, updated and left as they were, and each refused
    record by number."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RecordError] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged


def factchecks_import_text(
    *,
    team: Team,
    actor: AbstractBaseUser | None,
    text: str,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import every ClaimReview of a document; keep the good records, report the bad by number.

    `actor=None` is the command line (whoever runs it owns the database). All-or-nothing on a
    database error: either every good record is stored, or none is.
    """
    if actor is not None:
        require_writer(user=actor, team=team)
    return factchecks_import_records(
        team=team, actor=actor, records=read_document(text), progress=progress
    )


def factchecks_import_file(
    *,
    team: Team,
    actor: AbstractBaseUser | None,
    path: str,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import a ClaimReview file from disk, refusing one over WORKBENCH_MAX_IMPORT_BYTES."""
    limit = settings.WORKBENCH_MAX_IMPORT_BYTES
    try:
        size = Path(path).stat().st_size
        if size > limit:
            raise ValidationError(
                _("%(path)s is %(size)s bytes; the limit is %(limit)s bytes. Split it.")
                % {"path": path, "size": f"{size:,}", "limit": f"{limit:,}"},
                code="too_large",
            )
        text = Path(path).read_bytes().decode("utf-8")
    except OSError as error:
        raise ValidationError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror},
            code="unreadable",
        ) from error
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("%(path)s is not UTF-8 text.") % {"path": path}, code="not_utf8"
        ) from error
    return factchecks_import_text(team=team, actor=actor, text=text, progress=progress)


def factchecks_import_url(
    *,
    team: Team,
    actor: AbstractBaseUser | None,
    url: str,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import the ClaimReview of a feed or a fact-checker's page, fetched through the SSRF guard."""
    if actor is not None:
        require_writer(user=actor, team=team)
    try:
        page = fetch_url(url)
    except FetchError as error:
        raise ValidationError(str(error), code=error.code) from error
    return factchecks_import_text(team=team, actor=actor, text=page.text, progress=progress)


@transaction.atomic
def factchecks_import_records(
    *,
    team: Team,
    actor: AbstractBaseUser | None,
    records: Iterable[Record | RecordError],
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Upsert checked records by URL in batches; callers check the actor's role first."""
    report = ImportReport()
    batch: dict[str, Record] = {}
    for record in records:
        if isinstance(record, RecordError):
            report.errors.append(record)
        else:
            batch.pop(record.url, None)  # the later record of a URL wins, as a re-import would
            batch[record.url] = record
        if len(batch) >= BATCH:
            _upsert(team, actor, list(batch.values()), report)
            _advance(progress, len(batch))
            batch = {}
    _upsert(team, actor, list(batch.values()), report)
    _advance(progress, len(batch))
    return report


def _advance(progress: Callable[[int], object] | None, count: int) -> None:
    if progress is not None and count:
        progress(count)


def _dumps(value: object) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # an integer past 64 bits, which orjson refuses
        return json.dumps(value, ensure_ascii=False)


def _upsert(
    team: Team, actor: AbstractBaseUser | None, records: list[Record], report: ImportReport
) -> None:
    """Insert or update the records by (team, url) with one executemany.

    Plain SQL rather than bulk_create: building and preparing a model instance per record was
    half the time of an import of 100,000. `INSERT … ON CONFLICT … DO UPDATE` reads the same on
    SQLite and PostgreSQL; the values are prepared as Django's fields would prepare them.
    """
    if not records:
        return
    urls = [record.url for record in records]
    existing = {
        url: (pk, text)
        for url, pk, *text in FactCheck.objects.filter(team=team, url__in=urls).values_list(
            "url", "id", "claim_reviewed", "claimant"
        )
    }
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    actor_id = actor.pk if actor is not None else None
    rows = [
        (
            team.pk,
            record.url,
            record.claim_reviewed,
            record.rating,
            record.rating_value,
            record.best_rating,
            record.worst_rating,
            record.publisher,
            record.publisher_url,
            record.date_published.isoformat() if record.date_published else None,
            record.claimant,
            _dumps(record.appearances),
            _dumps(record.raw),
            actor_id,
            now,
        )
        for record in records
    ]
    with connection.cursor() as cursor:
        cursor.executemany(_upsert_sql(connection.vendor), rows)
        written = cursor.rowcount  # rows inserted or updated; the unchanged are not counted
    reworded = [
        existing[r.url][0]
        for r in records
        if r.url in existing and existing[r.url][1][0] != r.claim_reviewed
    ]
    if reworded:  # their sentence vectors no longer say what the claim says
        FactCheckVector.objects.filter(factcheck_id__in=reworded).delete()
    if connection.vendor == "sqlite":
        # Index the new rows and those whose text changed; a re-import changes few.
        new = [record.url for record in records if record.url not in existing]
        changed = [
            existing[r.url][0]
            for r in records
            if r.url in existing and existing[r.url][1] != [r.claim_reviewed, r.claimant]
        ]
        added = FactCheck.objects.filter(team=team, url__in=new).values_list("id", flat=True)
        index.reindex(connection, changed, new=list(added))
    created = len(records) - len(existing)
    report.created += created
    report.updated += written - created
    report.unchanged += len(existing) - (written - created)


@transaction.atomic
def match_link(
    *,
    claim: Annotation,
    actor: AbstractBaseUser,
    stance: str,
    factcheck: FactCheck | None = None,
    earlier: Annotation | None = None,
) -> Evidence:
    """Attach a match to the claim as a source with a stance: a fact-check, or an earlier claim.

    A fact-check becomes the team's source for its URL (reused if the team has it already);
    an earlier claim, the article it was made in. The match's verdict goes in the note, so the
    reviewer sees whose verdict it was. `evidence_add` checks the actor's role and the teams.
    """
    team = claim.article.project.team
    if factcheck is not None:
        if factcheck.team_id != team.pk:
            raise ValidationError(_("Unknown fact-check."), code="unknown_factcheck")
        cited = (factcheck.claim_reviewed, factcheck.url, factcheck.publisher)
        published = factcheck.date_published
        note = _("Fact-check by %(by)s: %(verdict)s") % {
            "by": factcheck.publisher or _("an unnamed publisher"),
            "verdict": factcheck.verdict or _("no rating"),
        }
    elif earlier is not None:
        article = earlier.article
        if article.project.team_id != team.pk or earlier.pk == claim.pk:
            raise ValidationError(_("Unknown claim."), code="unknown_claim")
        cited = (article.title, article.url, article.outlet)
        published = article.published
        note = _("Checked before in this article: “%(text)s” (verdict: %(verdict)s)") % {
            "text": earlier.exact[:300],
            "verdict": earlier.verdict or _("none yet"),
        }
    else:
        raise ValidationError(_("Pick one match to link."), code="one_match")
    title, url, publisher = cited
    source = source_get_or_create(
        team=team,
        actor=actor,
        title=title[:500],
        url=url,
        publisher=publisher[:200],
        published=published,
        kind=SourceKind.ARTICLE,
    )
    return evidence_add(claim=claim, actor=actor, source=source, stance=stance, note=note)


def claim_check_record(*, claim: Annotation, matches: list) -> ClaimCheck:
    """Record the claim's best match score (0 without a match) for the article list's mark."""
    best = max((match.score for match in matches), default=0.0)
    check, _created = ClaimCheck.objects.update_or_create(
        claim=claim, defaults={"best_score": best, "checked_at": timezone.now()}
    )
    return check


def factcheck_vectors_fill(
    *, team: Team, batch: int = 256, progress: Callable[[int], object] | None = None
) -> int:
    """Compute the sentence vectors of the team's fact-checks that have none; return how many.

    Apart from the import, which must stay fast (100,000 records in seconds; encoding them takes
    minutes). Returns 0 when the model package is not installed: matching works without them.
    """
    from workbench.factchecks.ranker.embed import WEIGHTS_SHA256, text_vectors, to_bytes

    vectors = text_vectors()
    if vectors is None:
        return 0
    missing = FactCheck.objects.filter(team=team, vector__isnull=True).order_by("id")
    done = 0
    for chunk in _chunks(list(missing.values_list("id", "claim_reviewed")), batch):
        encoded = vectors.encoder.encode([text for _pk, text in chunk])
        with transaction.atomic():
            FactCheckVector.objects.bulk_create(
                [
                    FactCheckVector(factcheck_id=pk, model=WEIGHTS_SHA256[:12], vector=to_bytes(v))
                    for (pk, _text), v in zip(chunk, encoded, strict=True)
                ],
                ignore_conflicts=True,
            )
        done += len(chunk)
        _advance(progress, len(chunk))
    return done


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]

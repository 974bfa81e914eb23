"""Writes for fact-checks: importing ClaimReview from text, files and URLs; linking a match."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.backends.utils import CursorWrapper
from django.utils import timezone, translation
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
# The temporary table a batch is copied into on PostgreSQL before one upsert moves it.
STAGE = "factcheck_import_stage"
# PostgreSQL's GIN indexes on fact-checks, both with a pending list (fastupdate on) that an
# import fills and empties at its end: merged in bulk, it costs a fraction of row-by-row entry.
PENDING_INDEXES = ["factcheck_document_gin", "factcheck_claim_trgm"]
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
    """Upsert checked records by URL in batches; callers check the actor's role first.

    The records are read and checked in a thread of their own while this one stores the
    previous batch: the database (PostgreSQL's backend, or SQLite's C code, both without the
    GIL) works while Python parses. One transaction holds every batch.
    """
    report = ImportReport()
    for batch in _read_ahead(records, report.errors):
        _upsert(team, actor, batch, report)
        _advance(progress, len(batch))
    if connection.vendor == "postgresql" and (report.created or report.updated):
        _merge_pending_lists()
    if report.created or report.updated:
        # The matcher's kept word counts: now for this connection, again at commit for others.
        from workbench.factchecks.matching import forget_word_counts

        forget_word_counts()
        transaction.on_commit(forget_word_counts)
    return report


def _merge_pending_lists() -> None:
    """Merge what the import put in the GIN pending lists into the indexes, before the commit.

    So no search after it reads through them. Only the indexes' owner may: a database user
    that is not (the tables migrated by another role) leaves them to autovacuum instead.
    """
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.relname = ANY(%s)",
                [PENDING_INDEXES],
            )
    except DatabaseError as error:
        if getattr(error.__cause__, "sqlstate", None) != "42501":  # insufficient privilege
            raise


def _batches(
    records: Iterable[Record | RecordError], errors: list[RecordError]
) -> Iterator[list[Record]]:
    """Yield the good records BATCH at a time, one per URL; add the bad ones to `errors`."""
    batch: dict[str, Record] = {}
    for record in records:
        if isinstance(record, RecordError):
            errors.append(record)
            continue
        batch.pop(record.url, None)  # the later record of a URL wins, as a re-import would
        batch[record.url] = record
        if len(batch) >= BATCH:
            yield list(batch.values())
            batch = {}
    if batch:
        yield list(batch.values())


_DONE = object()


def _read_ahead(
    records: Iterable[Record | RecordError], errors: list[RecordError]
) -> Iterator[list[Record]]:
    """Yield `_batches(records)`, read in another thread at most two batches ahead.

    The reader touches no database. It reports in the caller's language, and it stops when
    the caller stops reading (an error while storing), so nothing is left running.
    """
    ready: queue.Queue = queue.Queue(maxsize=2)
    stop = threading.Event()
    language = translation.get_language()

    def read() -> None:
        try:
            with translation.override(language):
                for batch in _batches(records, errors):
                    while not stop.is_set():
                        try:
                            ready.put(batch, timeout=0.1)
                            break
                        except queue.Full:
                            continue
                    if stop.is_set():
                        return
            item: object = _DONE
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            item = error
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    reader = threading.Thread(target=read, name="factcheck-read", daemon=True)
    reader.start()
    try:
        while (item := ready.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        reader.join()


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
    """Insert or update a batch of records by (team, url): COPY on PostgreSQL, else executemany."""
    if not records:
        return
    if connection.vendor == "postgresql":
        _upsert_copy(team, actor, records, report)
    else:
        _upsert_many(team, actor, records, report)


def _upsert_many(
    team: Team, actor: AbstractBaseUser | None, records: list[Record], report: ImportReport
) -> None:
    """Insert or update the records by (team, url) with one executemany.

    Plain SQL rather than bulk_create: building and preparing a model instance per record was
    half the time of an import of 100,000. `INSERT … ON CONFLICT … DO UPDATE` reads the same on
    SQLite and PostgreSQL; the values are prepared as Django's fields would prepare them.
    """
    with connection.cursor() as cursor:
        existing = {
            url: (pk, [claim, claimant])
            for url, pk, claim, claimant in _known(cursor, team, [r.url for r in records])
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
        with connection.cursor() as cursor:
            added = [pk for _url, pk, *_text in _known(cursor, team, new)] if new else []
        index.reindex(connection, changed, new=added)
    created = len(records) - len(existing)
    report.created += created
    report.updated += written - created
    report.unchanged += len(existing) - (written - created)


def _known(cursor: CursorWrapper, team: Team, urls: list[str]) -> list[tuple]:
    """Return (url, id, claim_reviewed, claimant) of the team's rows with these URLs.

    Plain SQL: the ORM's `url__in` prepared each of a batch's 2,000 URLs as a field value,
    a tenth of SQLite's import time.
    """
    marks = ", ".join(["%s"] * len(urls))
    cursor.execute(
        f"SELECT url, id, claim_reviewed, claimant FROM {FactCheck._meta.db_table} "  # noqa: S608
        f"WHERE team_id = %s AND url IN ({marks})",
        [team.pk, *urls],
    )
    return cursor.fetchall()


def _stage_sql() -> list[str]:
    """Return the statements that make the staging table: the columns a record fills.

    Temporary, so unlogged and private to the connection; emptied at commit, and before each
    batch here (an import inside a caller's transaction may run several).
    """
    return [
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {STAGE} (url text, claim_reviewed text, "
        "rating text, rating_value double precision, best_rating double precision, "
        "worst_rating double precision, publisher text, publisher_url text, "
        "date_published date, claimant text, appearances jsonb, raw jsonb) "
        "ON COMMIT DELETE ROWS",
        f"TRUNCATE {STAGE}",
    ]


def _upsert_copy_sql() -> str:
    """Return the upsert from the staging table, answering whether each written row is new.

    A row an INSERT made has no deleting transaction (xmax 0); one the DO UPDATE rewrote has
    this one. Rows left alone (unchanged) are not returned.
    """
    table = FactCheck._meta.db_table
    staged = ", ".join(COLUMNS[1:-2])
    return (
        f"INSERT INTO {table} ({', '.join(COLUMNS)}) "  # noqa: S608 - constants
        f"SELECT %s::bigint, {staged}, %s::bigint, %s::timestamptz FROM {STAGE} "
        "ON CONFLICT (team_id, url) DO UPDATE SET "
        + ", ".join(f"{column} = excluded.{column}" for column in COLUMNS[2:])
        + " WHERE "
        + " OR ".join(f"{table}.{column} IS DISTINCT FROM excluded.{column}" for column in COMPARED)
        + " RETURNING xmax = 0"
    )


def _upsert_copy(
    team: Team, actor: AbstractBaseUser | None, records: list[Record], report: ImportReport
) -> None:
    """Insert or update the records by (team, url) on PostgreSQL: COPY, then one upsert.

    COPY sends the batch as one stream (no statement per row, no parameters to bind); the
    upsert then runs once in the server, which builds the tsvector and the trigrams itself.
    The vectors of reworded claims are dropped in the same way, by a join, before it.
    """
    table, vectors = FactCheck._meta.db_table, FactCheckVector._meta.db_table
    with connection.cursor() as cursor:
        for statement in _stage_sql():
            cursor.execute(statement)
        with cursor.cursor.copy(f"COPY {STAGE} ({', '.join(COLUMNS[1:-2])}) FROM STDIN") as copy:
            for record in records:
                copy.write_row(
                    (
                        record.url,
                        record.claim_reviewed,
                        record.rating,
                        record.rating_value,
                        record.best_rating,
                        record.worst_rating,
                        record.publisher,
                        record.publisher_url,
                        record.date_published,
                        record.claimant,
                        _dumps(record.appearances),
                        _dumps(record.raw),
                    )
                )
        # A temporary table has no statistics unless asked: without them the planner took the
        # join below from the team's every row (50 ms a batch at 100,000) instead of the batch.
        cursor.execute(f"ANALYZE {STAGE}")
        # Their sentence vectors no longer say what the claim says.
        cursor.execute(
            f"DELETE FROM {vectors} WHERE factcheck_id IN (SELECT f.id FROM {STAGE} s "  # noqa: S608
            f"JOIN {table} f ON f.team_id = %s AND f.url = s.url "
            "WHERE f.claim_reviewed <> s.claim_reviewed)",
            [team.pk],
        )
        actor_id = actor.pk if actor is not None else None
        cursor.execute(_upsert_copy_sql(), [team.pk, actor_id, timezone.now()])
        written = [new for (new,) in cursor.fetchall()]
    created = sum(written)
    report.created += created
    report.updated += len(written) - created
    report.unchanged += len(records) - len(written)


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

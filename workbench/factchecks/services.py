"""Writes for fact-checks: importing ClaimReview from text, files and URLs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workbench.accounts.models import Team
from workbench.accounts.services import require_writer
from workbench.articles.fetch import FetchError, fetch_url
from workbench.factchecks import index
from workbench.factchecks.claimreview import Record, RecordError, read_document
from workbench.factchecks.models import FactCheck

BATCH = 2000
UPDATED_FIELDS = [
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
    "imported_by",
    "imported_at",
]


@dataclass
class ImportReport:
    """What an import did: rows created and updated, and each refused record by number."""

    created: int = 0
    updated: int = 0
    errors: list[RecordError] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated


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


def _upsert(
    team: Team, actor: AbstractBaseUser | None, records: list[Record], report: ImportReport
) -> None:
    if not records:
        return
    now = timezone.now()
    urls = [record.url for record in records]
    existing = set(FactCheck.objects.filter(team=team, url__in=urls).values_list("url", flat=True))
    rows = [
        FactCheck(
            team=team,
            url=record.url,
            claim_reviewed=record.claim_reviewed,
            rating=record.rating,
            rating_value=record.rating_value,
            best_rating=record.best_rating,
            worst_rating=record.worst_rating,
            publisher=record.publisher,
            publisher_url=record.publisher_url,
            date_published=record.date_published,
            claimant=record.claimant,
            appearances=record.appearances,
            raw=record.raw,
            imported_by=actor,
            imported_at=now,
        )
        for record in records
    ]
    FactCheck.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["team", "url"],
        update_fields=UPDATED_FIELDS,
    )
    if connection.vendor == "sqlite":
        ids = list(FactCheck.objects.filter(team=team, url__in=urls).values_list("id", flat=True))
        index.reindex(connection, ids)
    report.updated += len(existing)
    report.created += len(records) - len(existing)

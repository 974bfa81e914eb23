"""Imports of many articles at once: files, uploads, JSON Lines batches with their spans, paths.

The layer above articles and annotations: a pre-annotated JSON line makes an article (through
the articles' services) and its annotations (through imports.spans), in one transaction, so
neither app needs the other. One article at a time goes through articles.services.
"""

from __future__ import annotations

import collections
import datetime
import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import BinaryIO

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import OperationalError, connection, transaction
from django.utils.translation import gettext as _

from workbench.accounts.models import Role, Team
from workbench.accounts.services import require_writer
from workbench.articles.cleanup import Cleaned
from workbench.articles.jsonl import (
    count_lines,
    iter_file_lines,
    iter_lines,
    load_line,
    refuse_unreadable_line,
)
from workbench.articles.models import Article, ImportSource, Project
from workbench.articles.pipeline import prepare, refuse_nul
from workbench.articles.services import (
    ImportResult,
    Overrides,
    article_build,
    article_import_text,
    article_import_url,
    articles_store,
)
from workbench.imports.spans import spans_parse, spans_store
from workbench.suggest.finder.checkworthy import speaker_label

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSONL_BATCH = 500


@dataclass(frozen=True)
class ImportFailure:
    label: str
    message: str


@dataclass
class ImportReport:
    """What an import did: each article, and the failures, listed up to a bound and counted.

    A batch of a million bad lines must not become a million messages: past
    WORKBENCH_MAX_LISTED_FAILURES they are only counted (`unlisted_failures`).
    """

    results: list[ImportResult] = field(default_factory=list)
    failures: list[ImportFailure] = field(default_factory=list)
    annotations: int = 0
    unlisted_failures: int = 0

    @property
    def created(self) -> int:
        return sum(1 for r in self.results if r.created)

    @property
    def duplicates(self) -> int:
        return sum(1 for r in self.results if not r.created)

    @property
    def failed(self) -> int:
        return len(self.failures) + self.unlisted_failures

    @property
    def listed_results(self) -> list[ImportResult]:
        return self.results[: settings.WORKBENCH_MAX_LISTED_FAILURES]

    @property
    def unlisted_results(self) -> int:
        return max(0, len(self.results) - settings.WORKBENCH_MAX_LISTED_FAILURES)

    def fail(self, label: str, message: str) -> None:
        """Record a failure: listed while under the bound, counted past it."""
        if len(self.failures) < settings.WORKBENCH_MAX_LISTED_FAILURES:
            self.failures.append(ImportFailure(label, message))
        else:
            self.unlisted_failures += 1

    def add(self, other: ImportReport) -> None:
        """Add another report's results and failures (one file of an upload of several)."""
        self.results += other.results
        self.annotations += other.annotations
        for failure in other.failures:
            self.fail(failure.label, failure.message)
        self.unlisted_failures += other.unlisted_failures


def articles_import_jsonl(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    text: str,
    label: str = "",
    source: str = ImportSource.JSONL,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import one article per JSON line; report each bad line by number and keep the good ones.

    A text of more than WORKBENCH_MAX_IMPORT_LINES non-blank lines (a paste, an upload, an API
    batch) is refused whole before any line is read; a file on the command line has no such
    bound (articles_import_jsonl_file reads it line by line).
    """
    role = require_writer(user=actor, team=project.team).role if actor is not None else None
    max_lines = settings.WORKBENCH_MAX_IMPORT_LINES
    if count_lines(text) > max_lines:
        report = ImportReport()
        report.fail(
            label or _("JSON Lines"),
            _("The batch has more than %(limit)s lines, the most one import takes: split it.")
            % {"limit": f"{max_lines:,}"},
        )
        return report
    transcript = transcript_from_jsonl(text)
    if transcript is not None:
        return _import_transcript(project=project, actor=actor, text=transcript, label=label)
    return _import_jsonl_lines(
        project=project,
        actor=actor,
        role=role,
        lines=iter_lines(text),
        label=label,
        source=source,
        progress=progress,
    )


def transcript_from_jsonl(text: str) -> str | None:
    """Return a transcript given as JSON Lines of {"speaker", "text"} as `SPEAKER: text` lines
    (how a pasted transcript reads), or None when the lines are articles."""
    lines = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(record, dict) or set(record) != {"speaker", "text"}:
            return None
        speaker, said = record["speaker"], record["text"]
        if not isinstance(said, str) or not isinstance(speaker, str | None):
            return None
        label = speaker_label(speaker or "")
        said = " ".join(said.split())
        lines.append(f"{label}: {said}" if label and said else said)
    return "\n".join(lines) if lines else None


def _import_transcript(
    *, project: Project, actor: AbstractBaseUser | None, text: str, label: str
) -> ImportReport:
    report = ImportReport()
    try:
        report.results.append(
            article_import_text(project=project, actor=actor, text=text, source=ImportSource.JSONL)
        )
    except ValidationError as error:
        report.fail(label or _("JSON Lines"), " ".join(error.messages))
    return report


def articles_import_jsonl_file(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    path: str,
    source: str = ImportSource.COMMAND,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import a JSON Lines file of any size line by line, each line bounded in bytes."""
    try:
        with open(path, "rb") as handle:
            return articles_import_jsonl_stream(
                project=project,
                actor=actor,
                handle=handle,
                label=path,
                source=source,
                progress=progress,
            )
    except OSError as error:
        raise ValidationError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror},
            code="unreadable",
        ) from error


def articles_import_jsonl_stream(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    handle: BinaryIO,
    label: str,
    source: str,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import JSON Lines read from a binary stream, of any length, each line bounded in bytes.

    What a file on the command line and a background job's upload go through: neither is held
    to WORKBENCH_MAX_IMPORT_LINES, which bounds the work one web request does.
    """
    role = require_writer(user=actor, team=project.team).role if actor is not None else None
    return _import_jsonl_lines(
        project=project,
        actor=actor,
        role=role,
        lines=iter_file_lines(handle, max_bytes=settings.WORKBENCH_MAX_IMPORT_BYTES),
        label=label,
        source=source,
        progress=progress,
    )


def _import_jsonl_lines(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    role: str | None,
    lines: Iterable[tuple[int, str | None]],
    label: str,
    source: str,
    progress: Callable[[int], object] | None,
) -> ImportReport:
    report = ImportReport()
    prefix = f"{label}, " if label else ""
    batch: list[_Line] = []
    annotators = _Annotators(project.team, actor, role)
    store = _BatchStore(project, report, actor, progress)
    try:
        for number, line in lines:
            where = _("%(prefix)sline %(n)s") % {"prefix": prefix, "n": number}
            try:
                if line is None:
                    raise refuse_unreadable_line(settings.WORKBENCH_MAX_IMPORT_BYTES)
                cleaned, overrides, record = _parse_jsonl_line(line)
                article = article_build(
                    project=project,
                    actor=actor,
                    cleaned=cleaned,
                    source=source,
                    overrides=overrides,
                )
                spans = None
                if "spans" in record:
                    spans = (
                        spans_parse(record["spans"], body=article.body),
                        annotators.get(record),
                    )
                batch.append(_Line(where, article, spans))
            except ValidationError as error:
                report.fail(where, " ".join(error.messages))
                if progress is not None:
                    progress(1)  # accounted for: refused
            if len(batch) >= store.batch_lines:
                store.submit(batch)
                batch = []
        store.submit(batch)
        store.finish()
    finally:
        store.close()
    if not report.results and not report.failed:
        report.fail(label or _("JSON Lines"), _("There are no lines."))
    return report


@dataclass(frozen=True)
class _Line:
    where: str
    article: Article
    # The spans a pre-annotated line carries, and who they are attributed to.
    spans: tuple[list, AbstractBaseUser] | None = None


class _Annotators:
    """Who a pre-annotated line's spans belong to: its "annotator" if a team member, else the actor.

    Only members who may write annotations qualify, so a file cannot attribute work to an
    outsider or a viewer; each name costs one query per import. Only a lead (or the operator at
    the command line) may name someone else: a reviewer's line that names another member is
    refused, since it would put words in a colleague's mouth (blind review, agreement and the
    history all go by annotator). Whoever is named, the history records the importer as the
    one who acted (`spans_store`).
    """

    def __init__(self, team: Team, actor: AbstractBaseUser | None, role: str | None) -> None:
        self.team, self.actor, self.role, self.known = team, actor, role, {}

    def get(self, record: dict) -> AbstractBaseUser:
        name = record.get("annotator")
        if not isinstance(name, str) or not name.strip():
            if self.actor is None:
                raise ValidationError(
                    _("Spans need an annotator: name a team member in “annotator”."),
                    code="no_annotator",
                )
            return self.actor
        if self.actor is not None and self.role != Role.LEAD:
            if name == self.actor.get_username():
                return self.actor
            raise ValidationError(
                _(
                    "“annotator” %(name)s is someone else: only a lead may import spans in "
                    "another member's name. Leave “annotator” out, or give your own username."
                )
                % {"name": name[:60]},
                code="annotator_not_allowed",
            )
        if name not in self.known:
            membership = (
                self.team.memberships.select_related("user")
                .filter(user__username=name, role__in=[Role.LEAD, Role.REVIEWER])
                .first()
            )
            self.known[name] = membership.user if membership else None
        if self.known[name] is None:
            if self.actor is not None:
                return self.actor
            raise ValidationError(
                _("“annotator” %(name)s is not a lead or reviewer of this team.")
                % {"name": name[:60]},
                code="unknown_annotator",
            )
        return self.known[name]


def store_batch_lines(*, threaded: bool) -> int:
    """How many lines one stored batch holds: half the usual size when batches go to threads,
    so that a 500-line request overlaps too. A batch is stored whole or not at all."""
    return JSONL_BATCH // 2 if threaded else JSONL_BATCH


def store_threaded() -> bool:
    """Whether batches go to storing threads here (see _BatchStore)."""
    return (
        settings.WORKBENCH_IMPORT_STORE_THREADS > 1
        and connection.vendor == "postgresql"
        and not connection.in_atomic_block
    )


class _BatchStore:
    """Stores an import's batches, in the caller's thread or in storing threads beside it.

    On PostgreSQL, outside any transaction of the caller's, with WORKBENCH_IMPORT_STORE_THREADS
    of 2 or more, each batch (of half the usual size, so that a 500-line request overlaps too)
    goes to a thread with its own connection and transaction, as it would have had its own
    transaction in the caller's thread; the caller parses the next lines meanwhile. Results
    are added to the report in line order, and an error in a batch is raised here as it would
    have been inline. Everywhere else batches are stored where they are read: SQLite has one
    writer at a time, and a caller's transaction (a test's, an all-or-nothing command) must
    hold every row.
    """

    def __init__(
        self,
        project: Project,
        report: ImportReport,
        actor: AbstractBaseUser | None,
        progress: Callable[[int], object] | None = None,
    ) -> None:
        self.project, self.report, self.actor = project, report, actor
        # Told of lines once they are stored (committed), never as they are only read: a job
        # killed mid-way has at least as many lines stored as its progress said.
        self.progress = progress
        threads = settings.WORKBENCH_IMPORT_STORE_THREADS
        self.threaded = store_threaded()
        self.batch_lines = store_batch_lines(threaded=self.threaded)
        self.pool = ThreadPoolExecutor(threads, "import-store") if self.threaded else None
        self.pending: collections.deque[Future[ImportReport]] = collections.deque()
        self.limit = threads + 1

    def submit(self, batch: list[_Line]) -> None:
        if not batch:
            return
        if self.pool is None:
            lines = len(batch)
            _store_batch(self.project, batch, self.report, self.actor)
            self._stored(lines)
            return
        while self.pending and (len(self.pending) >= self.limit or self.pending[0].done()):
            self._collect()
        self.pending.append(self.pool.submit(self._store_apart, batch))

    def finish(self) -> None:
        """Wait for every batch, adding its results to the report in line order."""
        while self.pending:
            self._collect()

    def close(self) -> None:
        """Stop the threads: batches not started are dropped, a batch under way finishes."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _collect(self) -> None:
        part = self.pending.popleft().result()
        self.report.results += part.results
        self.report.annotations += part.annotations
        self._stored(len(part.results))

    def _stored(self, lines: int) -> None:
        if self.progress is not None and lines:
            self.progress(lines)

    def _store_apart(self, batch: list[_Line]) -> ImportReport:
        lines = list(batch)
        try:
            for attempt in (1, 2):
                part = ImportReport()
                try:
                    _store_batch(self.project, list(lines), part, self.actor)
                except OperationalError as error:
                    # Two batches holding rows the other needs (the same bodies in opposite
                    # orders): PostgreSQL rolls one back whole; it is stored again once.
                    deadlock = getattr(error.__cause__, "sqlstate", None) == "40P01"
                    if attempt == 2 or not deadlock:
                        raise
                    continue
                return part
        finally:
            # This thread's connection: closed with its batch, never left open by a worker.
            connection.close()
        raise AssertionError("unreachable")


@transaction.atomic
def _store_batch(
    project: Project, batch: list[_Line], report: ImportReport, actor: AbstractBaseUser | None
) -> None:
    """Store a batch's articles and the spans of those that are new, together or not at all.

    The spans of an article that was already there are not added again: importing the same
    file twice must not double its annotations.
    """
    results = articles_store(project=project, articles=[line.article for line in batch])
    by_annotator: dict[int, tuple[AbstractBaseUser, list]] = {}
    for line, result in zip(batch, results, strict=True):
        report.results.append(ImportResult(result.article, result.created, line.where))
        if line.spans is not None and result.created:
            spans, annotator = line.spans
            by_annotator.setdefault(annotator.pk, (annotator, []))[1].append(
                (result.article, spans)
            )
    for annotator, articles in by_annotator.values():
        report.annotations += spans_store(
            team=project.team, annotator=annotator, actor=actor, articles=articles
        )
    batch.clear()


def articles_import_file(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    name: str,
    data: bytes,
    source: str = ImportSource.FILE,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import an uploaded .txt, .md, .html or .jsonl file after checking its size and encoding."""
    if actor is not None:
        require_writer(user=actor, team=project.team)
    report = ImportReport()
    try:
        text = decode_upload(name=name, data=data)
        suffix = PurePath(name).suffix.lower()
        if suffix in JSONL_SUFFIXES:
            return articles_import_jsonl(
                project=project,
                actor=actor,
                text=text,
                label=name,
                source=source,
                progress=progress,
            )
        result = article_import_text(project=project, actor=actor, text=text, source=source)
    except ValidationError as error:
        report.fail(name, " ".join(error.messages))
        return report
    report.results.append(ImportResult(result.article, result.created, name))
    return report


def articles_import_upload(
    *, project: Project, actor: AbstractBaseUser | None, upload: UploadedFile
) -> ImportReport:
    """Import an uploaded file, refused by its size before a byte of it is read."""
    try:
        check_import_size(upload.size or 0)
    except ValidationError as error:
        report = ImportReport()
        report.fail(upload.name or "", " ".join(error.messages))
        return report
    return articles_import_file(
        project=project, actor=actor, name=upload.name or "", data=upload.read()
    )


def check_import_size(size: int) -> None:
    """Refuse a file over WORKBENCH_MAX_IMPORT_BYTES (by its size, known before reading it)."""
    limit = settings.WORKBENCH_MAX_IMPORT_BYTES
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s bytes; the limit is %(limit)s bytes.")
            % {"size": f"{size:,}", "limit": f"{limit:,}"},
            code="too_large",
        )


def decode_upload(*, name: str, data: bytes) -> str:
    """Return an upload's text, refusing unknown types, oversize, binary and non-UTF-8 files."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
        raise ValidationError(
            _("%(suffix)s files are not supported: use .txt, .md, .html or .jsonl.")
            % {"suffix": suffix or _("Extension-less")},
            code="unsupported_type",
        )
    check_import_size(len(data))
    if b"\x00" in data[:8192]:
        raise ValidationError(_("This looks like a binary file, not text."), code="binary_file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The file is not valid UTF-8 (byte %(pos)s): save it as UTF-8 and try again.")
            % {"pos": error.start},
            code="invalid_utf8",
        ) from error
    # Past the first 8 KB a NUL is not a binary file but a stray character.
    refuse_nul(text)
    if not text.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    return text


def import_paths(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    items: Iterable[str],
    progress: Callable[[int], object] | None = None,
) -> Iterator[tuple[str, ImportReport]]:
    """Import files and URLs given on the command line, yielding a report for each.

    `progress` is called with the number of JSON lines accounted for, as each batch is
    stored or a line refused, so a bar can move through a large batch file without running
    ahead of what is stored.
    """
    for item in items:
        report = ImportReport()
        try:
            if item.startswith(("http://", "https://")):
                report.results.append(
                    article_import_url(
                        project=project, actor=actor, url=item, source=ImportSource.COMMAND
                    )
                )
            elif PurePath(item).suffix.lower() in JSONL_SUFFIXES:
                report = articles_import_jsonl_file(
                    project=project, actor=actor, path=item, progress=progress
                )
            else:
                data = _read_file(item)
                report = articles_import_file(
                    project=project,
                    actor=actor,
                    name=item,
                    data=data,
                    source=ImportSource.COMMAND,
                    progress=progress,
                )
        except ValidationError as error:
            report.fail(item, " ".join(error.messages))
        yield item, report


# --- helpers ----------------------------------------------------------------------------------


def _parse_jsonl_line(line: str) -> tuple[Cleaned, Overrides, dict]:
    record = load_line(line)
    text = record.get("body") or record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValidationError(
            _("The object has no “body” or “text” with the article."), code="no_body"
        )
    strings = {k: record.get(k) for k in ("title", "outlet", "byline", "url")}
    for key, value in strings.items():
        if value is not None and not isinstance(value, str):
            raise ValidationError(_("“%(key)s” must be a string.") % {"key": key}, code="bad_field")
    overrides = Overrides(
        title=(strings["title"] or "").strip(),
        outlet=(strings["outlet"] or "").strip(),
        byline=(strings["byline"] or "").strip(),
        url=(strings["url"] or "").strip(),
        published=_parse_date(record.get("published")),
    )
    cleaned = prepare(
        text=text, url=overrides.url, verbatim="spans" in record, titled=bool(overrides.title)
    )
    return cleaned, overrides, record


def _parse_date(value: object) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ValidationError(_("“published” must be a date such as 2024-01-05."), code="bad_date")


def _read_file(path: str) -> bytes:
    try:
        # Refuse before reading: the message needs only the size.
        check_import_size(os.path.getsize(path))
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise ValidationError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror},
            code="unreadable",
        ) from error

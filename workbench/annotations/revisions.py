"""New revisions of an article's text, and its annotations re-anchored in them (issue 19).

Here rather than in articles: a revision moves annotations, and articles knows nothing of them.
The placing itself is articles.anchoring's, a pure library.
"""

from __future__ import annotations

import copy
import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from workbench.accounts.services import require_writer
from workbench.annotations.fields import SPAN_FIELDS, span_parts
from workbench.annotations.models import AnchorState, Annotation
from workbench.annotations.services import (
    Span,
    _apply,
    record_bulk_change,
    recorded_by,
    require_article_open,
    require_current_revision,
    span_context,
)
from workbench.articles.anchoring import Placement, reanchor
from workbench.articles.cleanup import normalize_text
from workbench.articles.fetch import FetchError, fetch_url
from workbench.articles.models import Article, ImportSource, Revision, RevisionOrigin
from workbench.articles.pipeline import prepare
from workbench.articles.services import body_checksum

# The annotation's columns a revision rewrites.
_MOVED_COLUMNS = [
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    *(column for name in SPAN_FIELDS for column in span_parts(name)),
    "revision",
    "anchor_state",
    "anchor_score",
    "version",
]


@dataclass
class RevisionResult:
    """What a new revision did: the revision (None when the text was the same) and counts."""

    revision: Revision | None
    states: dict[str, int] = field(default_factory=dict)


# What a visible correction looks like in a news article ("Correction:", "Updated at 10:00",
# "Editor's note", "This article has been amended"), in the languages the cleaner knows best.
_NOTICE = re.compile(
    r"\b(correction|corrected|clarification|updated?|editor[’']?s note|amended|"
    r"rectificaci[oó]n|actualizaci[oó]n|rectificatif|mise à jour|korrektur|aktualisiert)\b",
    re.IGNORECASE,
)


def stealth_edit(old: str, new: str) -> bool:
    """Return whether the words changed with no more correction notices than before."""
    if _WORDS.findall(old) == _WORDS.findall(new):
        return False  # only spacing or line breaks moved
    return len(_NOTICE.findall(new)) <= len(_NOTICE.findall(old))


_WORDS = re.compile(r"\w+")
_FIRST_ORIGIN = {ImportSource.URL: RevisionOrigin.FETCH, ImportSource.PASTE: RevisionOrigin.PASTE}


@transaction.atomic
def revision_add(
    *,
    article: Article,
    text: str,
    origin: str,
    by: AbstractBaseUser | None,
    seen: int | None = None,
) -> RevisionResult:
    """Make `text` the article's new revision and re-anchor every annotation in it.

    The old text stays as a Revision; each annotation is placed exact, moved, fuzzy (with its
    score) or orphaned, never dropped. Orphans keep their span, text and context in the
    revision they were last placed in. Every moved annotation's version is bumped, so a panel
    still open on it gets the usual conflict. `seen` is the revision the correction was made
    on, when known: a newer one on file raises StaleRevision rather than overwrite it.
    """
    if by is not None:
        require_writer(user=by, team=article.project.team)
    article = Article.objects.select_for_update().select_related("project").get(pk=article.pk)
    require_current_revision(current=article.revision, seen=seen)
    text = normalize_text(text)
    if not text.strip():
        raise ValidationError(_("The new text is empty."), code="empty_body")
    if text == article.body:
        return RevisionResult(revision=None)
    checksum = body_checksum(text)
    if article.project.articles.exclude(pk=article.pk).filter(checksum=checksum).exists():
        raise ValidationError(
            _("Another article in this project already has exactly this text."),
            code="duplicate_body",
        )
    if not article.revisions.exists():
        Revision.objects.create(
            article=article,
            number=article.revision,
            text=article.body,
            origin=_FIRST_ORIGIN.get(article.source, RevisionOrigin.IMPORT),
            created_by=article.created_by,
        )
    # A cleanup fix is ours, not the publisher's: it never hides an edit.
    stealth = origin != RevisionOrigin.CLEANUP and stealth_edit(article.body, text)
    revision = Revision(
        article=article,
        number=article.revision + 1,
        text=text,
        origin=origin,
        created_by=by,
        stealth=stealth,
    )
    revision.full_clean(exclude=["article"])
    revision.save()
    states = _reanchor_annotations(article, text, revision.number, by)
    article.body, article.checksum, article.revision = text, checksum, revision.number
    article.stealth_edit = stealth
    # The text is no longer what the cleaner cut from `raw`: it is its own input now.
    article.raw, article.removed = "", []
    article.save(
        update_fields=["body", "checksum", "revision", "stealth_edit", "raw", "removed", "updated"]
    )
    return RevisionResult(revision=revision, states=states)


def revision_texts(*, article: Article) -> dict[int, Revision]:
    """Return the article's revisions by number; the current text is always there.

    An article never revised has no rows: its body stands as revision 1, unsaved.
    """
    texts = {r.number: r for r in article.revisions.select_related("created_by")}
    if article.revision not in texts:
        texts[article.revision] = Revision(
            article=article, number=article.revision, text=article.body, origin="import"
        )
    return texts


def article_refetch(*, article: Article, by: AbstractBaseUser | None) -> RevisionResult:
    """Fetch the article's URL again (SSRF-safe) and make what it says now a new revision.

    The page is cleaned as on import; the same text makes no revision. The fetch happens
    outside the transaction, so a slow site holds no lock.
    """
    if by is not None:
        require_writer(user=by, team=article.project.team)
    if not article.url:
        raise ValidationError(_("This article has no URL to fetch again."), code="no_url")
    try:
        page = fetch_url(article.url)
    except FetchError as error:
        raise ValidationError(str(error), code=error.code) from error
    cleaned = prepare(text=page.text, url=page.url, content_type=page.content_type)
    return revision_add(article=article, text=cleaned.body, origin=RevisionOrigin.FETCH, by=by)


def _reanchor_annotations(
    article: Article, text: str, number: int, by: AbstractBaseUser | None
) -> dict[str, int]:
    annotations = list(
        Annotation.objects.select_for_update()
        .filter(article=article)
        .exclude(anchor_state=AnchorState.ORPHANED)
        .order_by("pk")
    )
    spans = [(a.start, a.end, [_part(a, name) for name in SPAN_FIELDS]) for a in annotations]
    states: dict[str, int] = {}
    for annotation, (main, parts) in zip(
        annotations, reanchor(article.body, text, spans), strict=True
    ):
        states[main.state] = states.get(main.state, 0) + 1
        _move(annotation, main, parts, text, number)
    Annotation.objects.bulk_update(annotations, _MOVED_COLUMNS, batch_size=500)
    if annotations and by is not None:
        record_bulk_change(
            [a.pk for a in annotations], by, _("Re-anchored in revision %(n)s") % {"n": number}
        )
    return states


def _part(annotation: Annotation, name: str) -> tuple[int, int] | None:
    start, end, _exact = span_parts(name)
    begin = getattr(annotation, start)
    return None if begin is None else (begin, getattr(annotation, end))


def _move(
    annotation: Annotation,
    main: Placement,
    parts: list[Placement | None],
    text: str,
    number: int,
) -> None:
    annotation.anchor_state = main.state
    annotation.anchor_score = None if main.state == AnchorState.EXACT else main.score
    annotation.version = F("version") + 1
    if not main.placed:
        return  # an orphan keeps its span, text and context in the revision it had
    annotation.start, annotation.end = main.start, main.end
    annotation.exact = text[main.start : main.end]
    annotation.prefix, annotation.suffix = span_context(text, main.start, main.end)
    annotation.revision = number
    for name, part in zip(SPAN_FIELDS, parts, strict=True):
        start, end, exact = span_parts(name)
        # A mention or cue that cannot follow is let go (its history keeps it): the
        # annotation's own words are what the reviewer checks.
        placed = part is not None and part.placed
        setattr(annotation, start, part.start if placed else None)
        setattr(annotation, end, part.end if placed else None)
        setattr(annotation, exact, text[part.start : part.end] if placed else "")


@dataclass(frozen=True)
class RevisionRecord:
    """One revision as an export wrote it, to be restored by an import."""

    number: int
    text: str
    origin: str
    stealth: bool = False
    created_by: AbstractBaseUser | None = None
    created: datetime.datetime | None = None


@transaction.atomic
def revisions_restore(*, article: Article, revisions: list[RevisionRecord]) -> list[Revision]:
    """Give a freshly imported article the revisions an export wrote, the last being its body.

    For import_dataset: the history comes back as it was (numbers, origins, authors, times)
    and nothing is re-anchored, since the annotations come with their own placing. Refused
    unless the numbers run 1, 2, … and the last text is the article's body.
    """
    if not revisions:
        return []
    if article.revisions.exists() or article.annotations.exists():
        raise ValidationError(
            _("Revisions are restored only into a new article."), code="not_fresh"
        )
    numbers = [r.number for r in revisions]
    if numbers != list(range(1, len(revisions) + 1)):
        raise ValidationError(
            _("Revisions must be numbered 1, 2, 3, … in order, not %(numbers)s.")
            % {"numbers": numbers},
            code="revision_numbers",
        )
    if revisions[-1].text != article.body:
        raise ValidationError(
            _("The last revision's text must be the article's body."), code="revision_body"
        )
    rows = []
    for record in revisions:
        # The text model: offsets into a text that is not NFC with \n line ends are not ours.
        if "\r" in record.text or not unicodedata.is_normalized("NFC", record.text):
            raise ValidationError(
                _("Revision %(n)s is not normalized text (NFC with \\n line ends).")
                % {"n": record.number},
                code="revision_not_normalized",
            )
        row = Revision(
            article=article,
            number=record.number,
            text=record.text,
            origin=record.origin,
            stealth=record.stealth,
            created_by=record.created_by,
        )
        row.full_clean(exclude=["article"], validate_constraints=False)
        rows.append(row)
    Revision.objects.bulk_create(rows)
    for row, record in zip(rows, revisions, strict=True):
        if record.created is not None:
            Revision.objects.filter(pk=row.pk).update(created=record.created)
            row.created = record.created
    Article.objects.filter(pk=article.pk).update(revision=len(rows), stealth_edit=rows[-1].stealth)
    article.revision, article.stealth_edit = len(rows), rows[-1].stealth
    return rows


@transaction.atomic
def orphan_restore(
    *,
    article: Article,
    author: AbstractBaseUser,
    revision: Revision,
    kind: str,
    start: int,
    end: int,
    exact: str,
    **fields: object,
) -> Annotation:
    """Create an orphaned annotation as an import found it: its span in an older revision.

    Checked as annotation_create checks a span (against that revision's text, with its
    mention and cue), by the same rules (_apply); the article must be past that revision.
    """
    require_writer(user=author, team=article.project.team)
    require_article_open(user=author, article=article, lock=True)
    current = Article.objects.filter(pk=article.pk).values_list("revision", flat=True).get()
    if revision.article_id != article.pk or revision.number >= current:
        raise ValidationError(
            _("An orphan belongs to an older revision of its article."), code="orphan_revision"
        )
    # The article as it read then: the span, its context and the quote's parts are its.
    then = copy.copy(article)
    then.body, then.revision = revision.text, revision.number
    annotation = Annotation(
        article=then,
        kind=kind,
        annotator=author,
        revision=revision.number,
        anchor_state=AnchorState.ORPHANED,
        anchor_score=0.0,
    )
    _apply(annotation, Span(start, end, exact), fields)
    recorded_by(annotation, author).save()
    annotation.article = article
    return annotation

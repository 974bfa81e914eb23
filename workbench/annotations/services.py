"""Writes for entities, annotations, sources, evidence and comments.

Every path (browser panel, REST API, demo, suggestions) goes through these functions, which
check the actor's role, the span against the body, and the version against concurrent edits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model, OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from workbench.accounts.models import Membership, Role, Team
from workbench.accounts.services import require_lead, require_writer
from workbench.annotations.fields import (
    CLAIM_FIELDS,
    KIND_FIELDS,
    QUOTE_FIELDS,
    SPAN_FIELDS,
    span_parts,
)
from workbench.annotations.models import (
    AnchorState,
    Annotation,
    AnnotationKind,
    AnnotationStatus,
    Comment,
    Entity,
    Evidence,
    Source,
)
from workbench.annotations.selectors import entity_named
from workbench.articles.models import Article
from workbench.errors import field_error
from workbench.review.models import DONE_STATES, Assignment

CONTEXT_CHARS = 32
_Recorded = TypeVar("_Recorded", bound=Model)


@dataclass(frozen=True)
class Span:
    """A stretch of an article body in code points, end exclusive, with its text."""

    start: int
    end: int
    exact: str


# A reviewer's annotations in these states are with the lead: theirs again only once sent back.
LOCKED_STATUSES = (AnnotationStatus.SUBMITTED, AnnotationStatus.APPROVED)


class StaleRevision(ValidationError):
    """Work done on a revision of the text that is no longer the article's (409)."""

    def __init__(self, *, seen: int, current: int) -> None:
        super().__init__(
            _(
                "The article's text changed while you had it open (you saw revision %(seen)s, "
                "it is now revision %(current)s). Your panel is kept: reload the article to "
                "see where the annotations went, then save again."
            )
            % {"seen": seen, "current": current},
            code="stale_revision",
        )
        self.seen, self.current = seen, current


def require_current_revision(*, current: int, seen: int | None) -> None:
    """Refuse work done on an older revision of the text than the article's own (409)."""
    if seen is not None and seen != current:
        raise StaleRevision(seen=seen, current=current)


class AnnotationLocked(PermissionDenied):
    """A reviewer changing work already submitted (403, code "submitted"): nothing is changed."""

    code = "submitted"


class StaleEdit(ValidationError):
    """An edit based on an older version; `current` is the annotation as it is now (or None)."""

    def __init__(self, current: Annotation | None) -> None:
        super().__init__(
            _("Someone else changed this annotation meanwhile; here is their version."),
            code="stale",
        )
        self.current = current


def recorded_by(instance: _Recorded, actor: AbstractBaseUser | None) -> _Recorded:
    """Name the actor in the change history of the instance's next save or delete.

    Set here rather than left to simple_history's request middleware, which sees no user for
    token-authenticated API calls, commands and tasks: the services always know who acts.
    """
    if actor is not None and actor.is_authenticated:
        instance._history_user = actor
    return instance


@contextmanager
def history_user(actor: AbstractBaseUser) -> Iterator[None]:
    """Name the actor in the history of every change in the block, cascaded deletes included.

    simple_history reads the user from the request its middleware keeps; a stand-in request
    serves rows the code never holds (the evidence and comments deleted with an annotation).
    """
    context = HistoricalRecords.context
    saved = getattr(context, "request", None)
    context.request = SimpleNamespace(user=actor)
    try:
        yield
    finally:
        if saved is None:
            del context.request
        else:
            context.request = saved


# --- spans ------------------------------------------------------------------------------------


def check_span(*, body: str, span: Span, field: str = "span") -> None:
    """Refuse a span that is out of the body, empty, reversed or not the text it claims to be."""
    if span.start < 0 or span.end > len(body):
        raise field_error(
            field,
            _("The %(field)s %(start)s–%(end)s is outside the article (0–%(n)s).")
            % {"field": field, "start": span.start, "end": span.end, "n": len(body)},
            "span_out_of_range",
        )
    if span.end <= span.start:
        raise field_error(
            field,
            _("The %(field)s ends before it starts.") % {"field": field},
            "span_end_before_start",
        )
    if body[span.start : span.end] != span.exact:
        raise field_error(
            field,
            _(
                "The selected text does not match the article at %(start)s–%(end)s: "
                "the text may have changed; reload and select again."
            )
            % {"start": span.start, "end": span.end},
            "span_mismatch",
        )


# Quotation marks of any kind. A quote is stored without the marks around it (they stay in the
# text). A mark that belongs to a quoted fragment inside a mixed quote ('… who was "actively
# involved."') is kept; single marks go only in pairs, since a lone ’ may be an apostrophe.
DOUBLE_MARKS = frozenset('"“”«»„‟')
SINGLE_MARKS = frozenset("'‘’‚‛‹›")
_OPENING, _CLOSING = frozenset("«„‟"), frozenset("»”")


def _opens(text: str, at: int) -> bool:
    """Whether the double mark at `at` opens a quotation (else it closes one)."""
    mark = text[at]
    if mark in _OPENING or mark in _CLOSING:
        return mark in _OPENING
    return at == 0 or text[at - 1].isspace() or text[at - 1] in "([{—–-/"


def _balanced(text: str) -> bool:
    depth = 0
    for at, char in enumerate(text):
        if char in DOUBLE_MARKS:
            depth += 1 if _opens(text, at) else -1
            if depth < 0:
                return False
    return depth == 0


def _has_marks(text: str) -> bool:
    return any(char in DOUBLE_MARKS for char in text)


def quote_span_trim(body: str, span: Span) -> Span:
    """Return the span without the quotation marks around it and the whitespace inside them.

    One convention for every way a quote is made (by hand, suggested, seeded, imported), so
    the same quotation is the same span. The caller has checked the span against the body.
    """
    start, end = span.start, span.end
    while start < end:
        if body[start].isspace():
            start += 1
        elif body[end - 1].isspace():
            end -= 1
        elif (
            end - start >= 2
            and body[start] in DOUBLE_MARKS
            and body[end - 1] in DOUBLE_MARKS
            and _balanced(body[start + 1 : end - 1])
        ):
            start, end = start + 1, end - 1
        elif body[start] in DOUBLE_MARKS and not _has_marks(body[start + 1 : end]):
            start += 1
        elif body[end - 1] in DOUBLE_MARKS and not _has_marks(body[start : end - 1]):
            end -= 1
        elif end - start >= 2 and body[start] in SINGLE_MARKS and body[end - 1] in SINGLE_MARKS:
            start, end = start + 1, end - 1
        else:
            break
    if start >= end:
        raise field_error(
            "span", _("There is no text between these quotation marks."), "empty_quote"
        )
    return Span(start, end, body[start:end])


def span_context(body: str, start: int, end: int) -> tuple[str, str]:
    """Return the prefix and suffix kept beside a span for re-anchoring it later."""
    return body[max(0, start - CONTEXT_CHARS) : start], body[end : end + CONTEXT_CHARS]


def annotation_span(
    *,
    article: Article,
    annotator: AbstractBaseUser,
    kind: str,
    span: Span,
    current: Annotation | None = None,
) -> Span:
    """Return the span an annotation of this kind is stored on; refuse a repeat.

    The span must match the body; a quote loses its quotation marks (quote_span_trim). The
    same annotator may not mark the same kind on the same span twice (code
    "duplicate_annotation"); other annotators' work is not looked at, so nothing hidden by
    the blind rule shows through. `current` is the annotation being edited, if any.
    """
    body = article.body
    check_span(body=body, span=span)
    if kind == AnnotationKind.QUOTE:
        span = quote_span_trim(body, span)
    if current is not None and (current.start, current.end) == (span.start, span.end):
        return span  # an edit that keeps the span repeats nothing
    # Only spans of the same revision compare: an orphan's offsets index an older text.
    same = Annotation.objects.filter(
        article=article,
        revision=article.revision,
        annotator_id=annotator.pk,
        kind=kind,
        start=span.start,
        end=span.end,
    )
    if current is not None:
        same = same.exclude(pk=current.pk)
    if same.exists():
        raise field_error(
            "span",
            _(
                "%(annotator)s has already marked this text as a %(kind)s: open that "
                "annotation to change it."
            )
            % {"kind": kind, "annotator": annotator.get_username()},
            "duplicate_annotation",
        )
    return span


# --- permissions ------------------------------------------------------------------------------


def require_annotation_writer(
    *, user: AbstractBaseUser, annotation: Annotation, role: str | None = None
) -> None:
    """Allow the annotation's own reviewer and any lead of the team; refuse everyone else (403).

    `role` is the user's role in the team when the caller read it already, with the row lock.
    """
    if role is None:
        role = require_writer(user=user, team=annotation.article.project.team).role
    if role not in (Role.LEAD, Role.REVIEWER):
        raise PermissionDenied(_("Your role in this team does not allow this."))
    if role != Role.LEAD and annotation.annotator_id != user.pk:
        raise PermissionDenied(_("Reviewers change only their own annotations."))
    if role != Role.LEAD and annotation.status in LOCKED_STATUSES:
        raise AnnotationLocked(
            _(
                "This annotation is %(status)s: it can no longer be changed, unless a lead "
                "sends the work back. You can still comment on it."
            )
            % {"status": annotation.get_status_display().lower()}
        )


def require_article_open(
    *, user: AbstractBaseUser, article: Article, role: str | None = None, lock: bool = False
) -> None:
    """Refuse a reviewer new annotations on an article whose work they submitted (403).

    With `lock` (inside a transaction) the assignment row stays locked, so that a submission
    cannot slip between this check and the new annotation, a draft on work already decided.
    """
    if role is None:
        role = require_writer(user=user, team=article.project.team).role
    if role == Role.LEAD:
        return
    assignments = Assignment.objects.filter(article=article, reviewer_id=user.pk)
    if lock:
        assignments = assignments.select_for_update()
    state = assignments.values_list("state", flat=True).first()
    if state in DONE_STATES:
        raise AnnotationLocked(
            _(
                "You have submitted your work on this article: it takes no new annotations "
                "unless a lead sends it back."
            )
        )


# --- entities ---------------------------------------------------------------------------------


def _clean_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    seen = {name.strip().casefold()}
    result = []
    for alias in aliases:
        alias = " ".join(alias.split())
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            result.append(alias)
    return result


@transaction.atomic
def entity_create(
    *,
    team: Team,
    actor: AbstractBaseUser | None,
    name: str,
    kind: str = "person",
    aliases: Iterable[str] = (),
    description: str = "",
    wikidata_id: str = "",
) -> Entity:
    """Add a person or organisation to the team's registry; names are unique per team."""
    if actor is not None:
        require_writer(user=actor, team=team)
    name = " ".join(name.split())
    if Entity.objects.filter(team=team, name__iexact=name).exists():
        raise field_error(
            "name", _("“%(name)s” is already in the registry.") % {"name": name}, "entity_exists"
        )
    entity = Entity(
        team=team,
        kind=kind,
        name=name,
        aliases=_clean_aliases(name, aliases),
        description=description,
        wikidata_id=wikidata_id,
    )
    entity.full_clean()
    recorded_by(entity, actor).save()
    return entity


@transaction.atomic
def entity_update(
    *,
    entity: Entity,
    actor: AbstractBaseUser,
    name: str,
    kind: str,
    aliases: Iterable[str],
    description: str = "",
    wikidata_id: str = "",
) -> Entity:
    """Rename an entity or change its kind, aliases, description or Wikidata id."""
    require_writer(user=actor, team=entity.team)
    name = " ".join(name.split())
    clash = Entity.objects.filter(team=entity.team, name__iexact=name).exclude(pk=entity.pk)
    if clash.exists():
        raise field_error(
            "name",
            _("“%(name)s” is already in the registry: merge them instead.") % {"name": name},
            "entity_exists",
        )
    entity.name, entity.kind = name, kind
    entity.aliases = _clean_aliases(name, aliases)
    entity.description, entity.wikidata_id = description, wikidata_id
    entity.full_clean()
    recorded_by(entity, actor).save()
    return entity


@transaction.atomic
def entity_merge(*, keep: Entity, merge: Entity, actor: AbstractBaseUser) -> Entity:
    """Fold `merge` into `keep`: its quotes and claims point to `keep`, names become aliases."""
    require_lead(user=actor, team=keep.team)
    if keep.team_id != merge.team_id:
        raise ValidationError(_("Entities of different teams cannot be merged."), code="other_team")
    if keep.pk == merge.pk:
        raise ValidationError(_("Pick two different entities to merge."), code="same_entity")
    # Bump versions so a panel still open on the old speaker gets the usual conflict (409).
    bump = F("version") + 1
    moved = Q(speaker=merge) | Q(claimant=merge)
    moved_ids = list(Annotation.objects.filter(moved).values_list("pk", flat=True))
    Annotation.objects.filter(speaker=merge).update(speaker=keep, version=bump)
    Annotation.objects.filter(claimant=merge).update(claimant=keep, version=bump)
    record_bulk_change(moved_ids, actor, _("Speaker “%(name)s” merged") % {"name": merge.name})
    keep.aliases = _clean_aliases(keep.name, [*keep.aliases, merge.name, *merge.aliases])
    keep.description = keep.description or merge.description
    keep.wikidata_id = keep.wikidata_id or merge.wikidata_id
    merge._change_reason = _("Merged into “%(name)s”") % {"name": keep.name}
    recorded_by(merge, actor).delete()
    keep.full_clean()
    keep._change_reason = _("Merged “%(name)s” into it") % {"name": merge.name}
    recorded_by(keep, actor).save()
    return keep


def record_bulk_change(ids: list[int], actor: AbstractBaseUser, reason: str) -> None:
    """Record a history entry for annotations changed by a queryset update (which has no signals).

    One read and one insert per batch, whatever the number of annotations.
    """
    for at in range(0, len(ids), 500):
        rows = list(Annotation.objects.filter(pk__in=ids[at : at + 500]))
        Annotation.history.bulk_history_create(
            rows, update=True, default_user=actor, default_change_reason=reason[:100]
        )


def entity_find_or_create(
    *, team: Team, actor: AbstractBaseUser | None, name: str, kind: str = "person"
) -> Entity:
    """Return the team's entity called `name` (or having it as an alias), creating it if new.

    Two writers naming the same new person at once (two requests, an import's two storing
    threads) get the one entity: the second's check or insert meets the name and reads it.
    """
    found = entity_named(team=team, name=name)
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return entity_create(team=team, actor=actor, name=name, kind=kind)
    except (IntegrityError, ValidationError):
        # Committed by the other writer before our check (ValidationError) or during our
        # insert (IntegrityError): either way it is there to read now.
        found = entity_named(team=team, name=name)
        if found is None:
            raise
        return found


# --- annotations ------------------------------------------------------------------------------


@transaction.atomic
def annotation_create(
    *,
    article: Article,
    author: AbstractBaseUser,
    kind: str,
    start: int,
    end: int,
    exact: str,
    revision: int | None = None,
    **fields: object,
) -> Annotation:
    """Create a quote or claim on a span of the body; refuse a span whose text does not match.

    `revision` is the revision of the text the author selected in, when the caller knows it:
    a newer one on file raises StaleRevision (409) rather than a confusing span mismatch.
    """
    membership = require_writer(user=author, team=article.project.team)
    require_article_open(user=author, article=article, role=membership.role, lock=True)
    # The article row locked: two saves of one selection at once (a double click) must not
    # both pass the repeat check in annotation_span; nor may a new revision slip in between.
    article.revision, article.body = (
        Article.objects.select_for_update()
        .filter(pk=article.pk)
        .values_list("revision", "body")
        .get()
    )
    require_current_revision(current=article.revision, seen=revision)
    annotation = Annotation(article=article, kind=kind, annotator=author)
    annotation.revision = article.revision
    _apply(annotation, Span(start, end, exact), fields)
    recorded_by(annotation, author).save()
    return annotation


@transaction.atomic
def annotation_update(
    *,
    annotation: Annotation,
    actor: AbstractBaseUser,
    version: int,
    span: Span | None = None,
    revision: int | None = None,
    **fields: object,
) -> Annotation:
    """Change an annotation made against `version`; a newer version on file raises StaleEdit.

    A new span re-places the annotation in the current revision (how an orphan comes back);
    `revision`, when given, is the one the actor saw: an older one raises StaleRevision.
    """
    if revision is not None:
        # Before the version: a revision bumps every version, and this is the clearer answer.
        on_file = Article.objects.filter(pk=annotation.article_id).values_list("revision")
        require_current_revision(current=on_file.get()[0], seen=revision)
    current = _lock_current(annotation, version, actor)
    require_annotation_writer(user=actor, annotation=current, role=current.actor_role)
    require_current_revision(current=current.article.revision, seen=revision)
    if span is None and current.anchor_state == AnchorState.ORPHANED:
        raise field_error(
            "span",
            _(
                "This annotation lost its place when the text changed: select its words "
                "again in the current text, or delete it if they are gone."
            ),
            "orphaned",
        )
    if span is not None:
        current.anchor_state, current.anchor_score = AnchorState.EXACT, None
        current.revision = current.article.revision
    span = span or Span(current.start, current.end, current.exact)
    _apply(current, span, {**_fields_of(current), **fields})
    current.version += 1
    recorded_by(current, actor).save()
    return current


@transaction.atomic
def annotation_delete(*, annotation: Annotation, actor: AbstractBaseUser, version: int) -> None:
    """Delete an annotation (and its evidence and comments) unless it changed since `version`."""
    current = _lock_current(annotation, version, actor)
    require_annotation_writer(user=actor, annotation=current, role=current.actor_role)
    # Its evidence and comments go with it; their history names the same actor.
    with history_user(actor):
        current.delete()


def _lock_current(annotation: Annotation, version: int, actor: AbstractBaseUser) -> Annotation:
    # Lock the annotation row only (not its article, project and team, which would serialize
    # every edit in the team); the related rows come along because _fields_of and the panel
    # read them, and so does the actor's role, saving the membership query.
    role = Membership.objects.filter(user=actor, team=OuterRef("article__project__team"))
    current = (
        Annotation.objects.select_for_update(of=("self",))
        .select_related("article__project__team", "speaker", "claimant", "quote", "annotator")
        .annotate(actor_role=Subquery(role.values("role")[:1]))
        .filter(pk=annotation.pk)
        .first()
    )
    if current is None or current.version != version:
        raise StaleEdit(current)
    return current


def _fields_of(annotation: Annotation) -> dict[str, object]:
    fields = {name: getattr(annotation, name) for name in KIND_FIELDS if name not in SPAN_FIELDS}
    for name in SPAN_FIELDS:
        start, end, exact = (getattr(annotation, column) for column in span_parts(name))
        fields[name] = None if start is None else Span(start, end, exact)
    return fields


def _apply(annotation: Annotation, span: Span, fields: dict[str, object]) -> None:
    """Validate and set the span and the kind's fields; fields of the other kind must be empty."""
    article = annotation.article
    body = article.body
    unknown = set(fields) - set(KIND_FIELDS)
    if unknown:
        raise TypeError(f"unknown annotation fields: {sorted(unknown)}")
    if annotation.kind not in AnnotationKind.values:
        raise field_error("kind", _("Choose quote or claim."), "bad_kind")
    span = annotation_span(
        article=article,
        annotator=annotation.annotator,
        kind=annotation.kind,
        span=span,
        current=annotation if annotation.pk else None,
    )
    annotation.start, annotation.end, annotation.exact = span.start, span.end, span.exact
    annotation.prefix, annotation.suffix = span_context(body, span.start, span.end)
    own = QUOTE_FIELDS if annotation.kind == AnnotationKind.QUOTE else CLAIM_FIELDS
    stray = [name for name in set(fields) - set(own) if fields[name] not in (None, "", False)]
    if stray:
        raise ValidationError(
            _("A %(kind)s has no %(fields)s.")
            % {"kind": annotation.kind, "fields": ", ".join(sorted(stray))},
            code="wrong_kind_fields",
        )
    if annotation.kind == AnnotationKind.QUOTE:
        _apply_quote(annotation, body, fields)
    else:
        _apply_claim(annotation, fields)
    # The span, kind and per-kind rules above are the table's check constraints, already checked
    # with clearer messages, and the related objects are the team's own instances: validating
    # them again would cost a query each (about twenty per save); the database still enforces
    # the constraints.
    annotation.full_clean(
        exclude=["annotator", "article", "speaker", "claimant", "quote"],
        validate_constraints=False,
    )


def _apply_quote(annotation: Annotation, body: str, fields: dict[str, object]) -> None:
    annotation.speaker = _team_entity(annotation, fields.get("speaker"), "speaker")
    annotation.role = str(fields.get("role") or "").strip()
    annotation.quote_type = str(fields.get("quote_type") or "")
    for name in SPAN_FIELDS:
        span = fields.get(name)
        if span is not None:
            check_span(body=body, span=span, field=name)
        start, end, exact = span_parts(name)
        setattr(annotation, start, span.start if span else None)
        setattr(annotation, end, span.end if span else None)
        setattr(annotation, exact, span.exact if span else "")


def _apply_claim(annotation: Annotation, fields: dict[str, object]) -> None:
    annotation.claimant = _team_entity(annotation, fields.get("claimant"), "claimant")
    annotation.claimant_is_outlet = bool(fields.get("claimant_is_outlet"))
    if annotation.claimant and annotation.claimant_is_outlet:
        raise field_error(
            "claimant", _("Choose a claimant or the outlet, not both."), "two_claimants"
        )
    quote = fields.get("quote")
    if quote is not None and (quote.article_id != annotation.article_id or quote.kind != "quote"):
        raise field_error("quote", _("That is not a quote in this article."), "bad_quote")
    annotation.quote = quote
    annotation.checkworthy = str(fields.get("checkworthy") or "")
    verdict = str(fields.get("verdict") or "")
    scale = annotation.article.project.rating_scale
    if verdict and verdict not in scale:
        raise field_error(
            "verdict",
            _("“%(verdict)s” is not on this project's scale (%(scale)s).")
            % {"verdict": verdict, "scale": ", ".join(scale)},
            "verdict_not_in_scale",
        )
    annotation.verdict = verdict
    annotation.rationale = str(fields.get("rationale") or "").strip()


def _team_entity(annotation: Annotation, entity: object, field: str) -> Entity | None:
    if entity is None:
        return None
    if not isinstance(entity, Entity) or entity.team_id != annotation.article.project.team_id:
        raise field_error(field, _("Unknown entity."), "unknown_entity")
    return entity


# --- sources, evidence, comments --------------------------------------------------------------


@transaction.atomic
def source_get_or_create(
    *,
    team: Team,
    actor: AbstractBaseUser | None,
    title: str,
    url: str = "",
    publisher: str = "",
    published: object = None,
    archived_url: str = "",
    kind: str = "other",
) -> Source:
    """Return the team's source with this URL (or, without a URL, this title), creating it if new.

    The server never fetches the URL: it is only validated as http(s).
    """
    if actor is not None:
        require_writer(user=actor, team=team)
    url = url.strip()
    existing = (
        Source.objects.filter(team=team, url=url)
        if url
        else Source.objects.filter(team=team, url="", title__iexact=title.strip())
    ).first()
    if existing is not None:
        return existing
    source = Source(
        team=team,
        url=url,
        title=title.strip(),
        publisher=publisher.strip(),
        published=published,
        archived_url=archived_url.strip(),
        kind=kind,
    )
    source.full_clean()
    recorded_by(source, actor).save()
    return source


@transaction.atomic
def evidence_add(
    *,
    claim: Annotation,
    actor: AbstractBaseUser,
    source: Source,
    stance: str,
    excerpt: str = "",
    note: str = "",
) -> Evidence:
    """Attach a source to a claim with its stance; a source is attached to a claim once."""
    require_annotation_writer(user=actor, annotation=claim)
    if claim.kind != AnnotationKind.CLAIM:
        raise ValidationError(_("Sources attach to claims, not quotes."), code="not_a_claim")
    if source.team_id != claim.article.project.team_id:
        raise field_error("source", _("Unknown source."), "unknown_source")
    if Evidence.objects.filter(claim=claim, source=source).exists():
        raise field_error(
            "source", _("This source is already attached to the claim."), "evidence_exists"
        )
    evidence = Evidence(
        claim=claim,
        source=source,
        stance=stance,
        excerpt=excerpt.strip(),
        note=note.strip(),
        added_by=actor,
    )
    evidence.full_clean()
    recorded_by(evidence, actor).save()
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor: AbstractBaseUser) -> None:
    """Detach a source from a claim (the source stays in the team's list)."""
    require_annotation_writer(user=actor, annotation=evidence.claim)
    recorded_by(evidence, actor).delete()


@transaction.atomic
def comment_add(*, annotation: Annotation, author: AbstractBaseUser, text: str) -> Comment:
    """Add a comment to an annotation's thread (any lead or reviewer of the team)."""
    require_writer(user=author, team=annotation.article.project.team)
    comment = Comment(annotation=annotation, author=author, text=text.strip())
    if not comment.text:
        raise field_error("text", _("Write something first."), "empty_comment")
    comment.full_clean()
    recorded_by(comment, author).save()
    return comment

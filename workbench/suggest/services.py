"""Writes for suggestions: accept (through the normal annotation service) and reject."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from workbench.accounts.services import require_lead, require_writer
from workbench.annotations.models import Annotation, Checkworthy, Entity
from workbench.annotations.selectors import entity_named
from workbench.annotations.services import Span, annotation_create, entity_find_or_create
from workbench.articles.models import Article
from workbench.suggest.engine import Suggestion, suggest
from workbench.suggest.models import Decision, SuggestionDecision
from workbench.suggest.selectors import LISTED_CLAIMS, suggestion_list

ENTITY_KINDS = {"person": "person", "organisation": "organisation"}


def _find(article: Article, kind: str, start: int, end: int) -> Suggestion:
    for item in suggest(article.body, claims=max(LISTED_CLAIMS, 50)):
        if (item.kind, item.start, item.end) == (kind, start, end):
            return item
    raise ValidationError(
        _("There is no such suggestion for this article (the text may have changed)."),
        code="no_such_suggestion",
    )


def speaker_entity(*, article: Article, actor: AbstractBaseUser, item: Suggestion) -> Entity | None:
    """Return the team's entity for a suggested speaker, matched by name or alias, else new."""
    if not item.speaker:
        return None
    team = article.project.team
    mention = ""
    if item.speaker_start is not None and item.speaker_end is not None:
        mention = article.body[item.speaker_start : item.speaker_end]
    folded = " ".join(mention.split()).casefold()
    if folded and folded != item.speaker.casefold() and item.speaker_kind != "other":
        # "Knights" may already be an alias of someone whose name the text never spells out.
        entity = entity_named(team=team, name=mention)
        if entity is not None:
            return entity
    kind = ENTITY_KINDS.get(item.speaker_kind or "", "other")
    return entity_find_or_create(team=team, actor=actor, name=item.speaker, kind=kind)


def _record(
    article: Article,
    actor: AbstractBaseUser,
    item: Suggestion,
    decision: str,
    annotation: Annotation | None = None,
) -> SuggestionDecision:
    record = SuggestionDecision(
        article=article,
        kind=item.kind,
        start=item.start,
        end=item.end,
        exact=item.text,
        decision=decision,
        score=item.score,
        speaker=item.speaker or "",
        annotation=annotation,
        decided_by=actor,
    )
    record.full_clean(exclude=["article", "annotation", "decided_by"])
    record.save()
    return record


def _undecided(article: Article, item: Suggestion) -> None:
    if SuggestionDecision.objects.filter(
        article=article, kind=item.kind, start=item.start, end=item.end
    ).exists():
        raise ValidationError(_("This suggestion was already decided."), code="already_decided")


def _accept(article: Article, actor: AbstractBaseUser, item: Suggestion) -> Annotation:
    fields: dict[str, object] = {}
    if item.kind == "quote":
        body = article.body
        fields["speaker"] = speaker_entity(article=article, actor=actor, item=item)
        fields["role"] = (item.role or "")[:300]
        fields["quote_type"] = item.quote_type or ""
        if item.speaker_start is not None and item.speaker_end is not None:
            fields["mention"] = Span(
                item.speaker_start, item.speaker_end, body[item.speaker_start : item.speaker_end]
            )
        if item.cue:
            start, end = int(item.cue["start"]), int(item.cue["end"])
            fields["cue"] = Span(start, end, body[start:end])
    else:
        fields["checkworthy"] = Checkworthy.YES
    annotation = annotation_create(
        article=article,
        author=actor,
        kind=item.kind,
        start=item.start,
        end=item.end,
        exact=item.text,
        **fields,
    )
    _record(article, actor, item, Decision.ACCEPTED, annotation)
    return annotation


@transaction.atomic
def suggestion_accept(
    *, article: Article, actor: AbstractBaseUser, kind: str, start: int, end: int
) -> Annotation:
    """Turn a suggestion into an annotation through annotation_create, and remember it."""
    require_writer(user=actor, team=article.project.team)
    item = _find(article, kind, start, end)
    _undecided(article, item)
    return _accept(article, actor, item)


@transaction.atomic
def suggestion_reject(
    *, article: Article, actor: AbstractBaseUser, kind: str, start: int, end: int
) -> SuggestionDecision:
    """Remember that a suggestion is wrong, so that it is not offered again."""
    require_writer(user=actor, team=article.project.team)
    item = _find(article, kind, start, end)
    _undecided(article, item)
    return _record(article, actor, item, Decision.REJECTED)


@transaction.atomic
def suggestion_accept_all(
    *, article: Article, actor: AbstractBaseUser, min_score: float
) -> list[Annotation]:
    """Accept every undecided suggestion scoring at least `min_score` (leads only)."""
    require_lead(user=actor, team=article.project.team)
    if not 0.0 <= min_score <= 1.0:
        raise ValidationError(_("The score must be between 0 and 1."), code="score_out_of_range")
    return [
        _accept(article, actor, listed.item)
        for listed in suggestion_list(article=article)
        if listed.item.score >= min_score
    ]

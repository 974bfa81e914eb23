"""Writes for suggestions: run the finder once per article text, accept (through the normal
annotation service) and reject."""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workbench.accounts.services import require_lead, require_writer
from workbench.annotations.models import Annotation, Checkworthy, Entity
from workbench.annotations.services import Span, annotation_create, entity_find_or_create
from workbench.articles.models import Article, Project
from workbench.suggest.finder.checkworthy import Line, features, load_weights
from workbench.suggest.finder.engine import Suggestion, claim_spans
from workbench.suggest.finder.learn import Row, average_precision, fit_delta, with_delta
from workbench.suggest.models import (
    Decision,
    ProjectRanker,
    RunState,
    SuggestionDecision,
    SuggestionRun,
)
from workbench.suggest.runner import FinderTimeout, suggest_within
from workbench.suggest.selectors import (
    LISTED_CLAIMS,
    SIGNED_SUGGESTION_SALT,
    ArticleSignals,
    annotated_spans,
    checkworthy_signals,
    decisions_for,
    overlap_family,
    speaker_registry_match,
    suggestion_list,
)

ENTITY_KINDS = {"person": "person", "organisation": "organisation"}
logger = logging.getLogger(__name__)


def suggestions_prepare(*, article: Article) -> SuggestionRun:
    """Run the finder on the article's current text once, store and return the run.

    Bounded: an article over WORKBENCH_SUGGEST_MAX_CHARS is refused (code "too_long") without
    a run; the finder gets WORKBENCH_SUGGEST_TIME_BUDGET seconds, after which the run is kept
    as timed out (and not retried until the budget grows); a run stored for this text (body
    checksum) is returned as it is, and one in progress elsewhere is not started twice.
    Deliberately not atomic: the "running" row must be seen by other requests at once.
    """
    limit = settings.WORKBENCH_SUGGEST_MAX_CHARS
    if len(article.body) > limit:
        raise ValidationError(
            _(
                "This article is too long for suggestions: %(n)s characters, and suggestions "
                "are made for articles of up to %(limit)s. Annotate it by hand."
            )
            % {"n": f"{len(article.body):,}", "limit": f"{limit:,}"},
            code="too_long",
        )
    budget = float(settings.WORKBENCH_SUGGEST_TIME_BUDGET)
    run, mine = _claim(article, budget)
    if not mine:
        return run
    began = time.monotonic()
    try:
        run.items = [
            item.as_dict()
            for item in suggest_within(article.body, claims=LISTED_CLAIMS, budget=budget)
        ]
        run.state = RunState.DONE
    except FinderTimeout:
        run.state = RunState.TIMED_OUT
    except RuntimeError:
        # The finder broke on this text: say so on the page rather than fail the request.
        logger.exception("suggestion finder failed on article %s", article.pk)
        run.state = RunState.FAILED
    run.seconds = round(time.monotonic() - began, 3)
    run.save(update_fields=["items", "state", "seconds"])
    # Runs for earlier texts of the article serve nothing any more.
    SuggestionRun.objects.filter(article=article).exclude(pk=run.pk).delete()
    return run


def _claim(article: Article, budget: float) -> tuple[SuggestionRun, bool]:
    """Return the article's run, and whether this caller marked it running and must run it."""
    now = timezone.now()
    run = SuggestionRun.objects.filter(article=article, checksum=article.checksum).first()
    if run is None:
        try:
            with transaction.atomic():
                run = SuggestionRun.objects.create(
                    article=article, checksum=article.checksum, budget=budget, started=now
                )
            return run, True
        except IntegrityError:
            return SuggestionRun.objects.get(article=article, checksum=article.checksum), False
    # A run in progress for longer than twice the budget died with its worker: take it over.
    abandoned = run.state == RunState.RUNNING and run.started < now - timedelta(
        seconds=2 * run.budget + 5
    )
    retry = run.state in (RunState.TIMED_OUT, RunState.FAILED) and run.budget < budget
    if not (abandoned or retry):
        return run, False
    taken = SuggestionRun.objects.filter(pk=run.pk, state=run.state, started=run.started).update(
        state=RunState.RUNNING, started=now, budget=budget, seconds=None
    )
    run.refresh_from_db()
    return run, bool(taken)


def _posted(article: Article, token: str) -> Suggestion:
    """Return the suggestion a page posted back (selectors.suggestion_token), refusing one
    that was altered or made for another article, and one made for an earlier text."""
    try:
        payload = signing.loads(token, salt=SIGNED_SUGGESTION_SALT)
        fields = dict(payload["suggestion"])
        if payload["article"] != article.pk:
            raise ValueError
        checksum = payload["checksum"]
        start, end = int(fields["start"]), int(fields["end"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ValidationError(
            _("This suggestion is not one this page offered. Reload the suggestions."),
            code="tampered_suggestion",
        ) from None
    if checksum != article.checksum:
        raise ValidationError(
            _(
                "The article's text changed since this suggestion was made: nothing was "
                "saved. Here are the suggestions for the text as it is now."
            ),
            code="stale_suggestion",
        )
    try:
        return Suggestion(**fields, text=article.body[start:end])
    except TypeError:
        # Signed by this server, but in a shape this finder no longer makes.
        raise ValidationError(
            _("This suggestion is out of date. Reload the suggestions."),
            code="stale_suggestion",
        ) from None


def speaker_entity(*, article: Article, actor: AbstractBaseUser, item: Suggestion) -> Entity | None:
    """Return the team's entity for a suggested speaker, matched by name, alias or surname
    (speaker_registry_match, what the panel showed), else new."""
    if not item.speaker:
        return None
    team = article.project.team
    # "Knights" may already be an alias of someone whose name the text never spells out.
    entity = speaker_registry_match(article=article, item=item)
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


def _offered(article: Article, actor: AbstractBaseUser, item: Suggestion) -> None:
    """Refuse a suggestion the actor is not offered: decided (for them), or overlapping an
    annotation of the same kind (for quotes, the same overlap_family) that they may see."""
    decisions = decisions_for(user=actor, article=article)
    if decisions.filter(kind=item.kind, start=item.start, end=item.end).exists():
        raise ValidationError(_("This suggestion was already decided."), code="already_decided")
    spans = annotated_spans(user=actor, article=article).get(
        overlap_family(item.kind, item.quote_type)
    )
    if spans is not None and spans.overlaps(item.start, item.end):
        raise ValidationError(
            _("This text is already marked as a %(kind)s.") % {"kind": item.kind},
            code="suggestion_overlaps",
        )


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
def suggestion_accept(*, article: Article, actor: AbstractBaseUser, token: str) -> Annotation:
    """Turn a posted suggestion into an annotation through annotation_create, and remember it.

    The suggestion comes from the signed token the page posted, so accepting one does not
    read (let alone re-run) the finder's whole run for the article.
    """
    require_writer(user=actor, team=article.project.team)
    item = _posted(article, token)
    _offered(article, actor, item)
    return _accept(article, actor, item)


@transaction.atomic
def suggestion_reject(
    *, article: Article, actor: AbstractBaseUser, token: str
) -> SuggestionDecision:
    """Remember that a posted suggestion is wrong, so that it is not offered again."""
    require_writer(user=actor, team=article.project.team)
    item = _posted(article, token)
    _offered(article, actor, item)
    return _record(article, actor, item, Decision.REJECTED)


@transaction.atomic
def suggestion_accept_all(
    *, article: Article, actor: AbstractBaseUser, min_score: float
) -> list[Annotation]:
    """Accept every undecided suggestion scoring at least `min_score` (leads only)."""
    require_lead(user=actor, team=article.project.team)
    if not 0.0 <= min_score <= 1.0:
        raise ValidationError(_("The score must be between 0 and 1."), code="score_out_of_range")
    accepted: list[Annotation] = []
    for listed in suggestion_list(user=actor, article=article):
        item = listed.item
        # Two suggestions of one family may overlap each other: the first accepted wins
        # (a direct quote nested in a mixed one is of another family: both are accepted).
        family = overlap_family(item.kind, item.quote_type)
        taken = any(
            overlap_family(a.kind, a.quote_type) == family
            and a.start < item.end
            and item.start < a.end
            for a in accepted
        )
        if item.score >= min_score and not taken:
            accepted.append(_accept(article, actor, item))
    return accepted


# Fewer articles with a marked claim than this give no held-out set worth deciding by.
MIN_TRAINING_ARTICLES = 4
# Every HOLD_OUT_EVERY-th article with a marked claim (by id) is held out to judge the model.
HOLD_OUT_EVERY = 4


@dataclass(frozen=True)
class _Labelled:
    """One article's sentences as rows for training, and whether any is worth checking."""

    rows: list[Row]
    relevant: bool


def _labelled(signals: ArticleSignals) -> _Labelled:
    """Label every sentence of the article: worth checking when it overlaps a claim the team
    marked; otherwise not, when it overlaps a rejected suggestion or the article has a marked
    claim (the reviewer read it and left the sentence unmarked). In an article with rejections
    only, unmarked sentences are unknown and left out."""
    body = signals.article.body
    spans = claim_spans(body)
    feats = features([Line(body[s:e], who) for s, e, who in spans])

    def hits(found: list[tuple[int, int]], start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in found)

    rows: list[Row] = []
    for (start, end, _who), names in zip(spans, feats, strict=True):
        if hits(signals.positive, start, end):
            rows.append((names, 1))
        elif signals.positive or hits(signals.negative, start, end):
            rows.append((names, 0))
    return _Labelled(rows, any(label for _, label in rows))


def _mean_ap(weights: dict[str, float], articles: list[_Labelled]) -> float:
    return statistics.fmean(
        average_precision(
            [sum(weights.get(f, 0.0) for f in names) for names, _ in a.rows],
            [label for _, label in a.rows],
        )
        for a in articles
    )


@transaction.atomic
def project_ranker_train(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    force: bool = False,
    progress: Callable[[str], None] = lambda _message: None,
) -> ProjectRanker:
    """Train the project's check-worthiness ranker on its team's signals and keep it if it
    ranks the team's held-out articles better than the shipped model (or `force`).

    Split by article: every HOLD_OUT_EVERY-th article with a marked claim is held out; the
    delta learnt on the others is compared with the shipped weights on those by MAP. Kept
    weights are then learnt on every article. `actor` None is the operator at the command
    line; a user must be a lead of the project's team. The result is stored either way.
    """
    if actor is not None:
        require_lead(user=actor, team=project.team)
    progress("reading the team's signals")
    signals = checkworthy_signals(project=project)
    count = sum(len(s.positive) + len(s.negative) for s in signals)
    labelled = []
    for i, article_signals in enumerate(signals, 1):
        labelled.append(_labelled(article_signals))
        progress(f"read article {i} of {len(signals)}")
    judged = [a for a in labelled if a.relevant]
    if len(judged) < MIN_TRAINING_ARTICLES:
        raise ValidationError(
            _(
                "Not enough to learn from: %(n)s articles with a submitted or approved claim "
                "(at least %(min)s are needed, so that some can be held out). Nothing changed."
            )
            % {"n": len(judged), "min": MIN_TRAINING_ARTICLES},
            code="too_few_signals",
        )
    held = [a for i, a in enumerate(judged) if i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1]
    train_rows = [row for a in labelled if not any(a is h for h in held) for row in a.rows]
    base = load_weights()
    progress(f"training on {len(labelled) - len(held)} articles, {len(held)} held out")
    delta = fit_delta(train_rows, base=base)
    before = _mean_ap(base, held)
    after = _mean_ap(with_delta(base, delta), held)
    progress(f"held-out MAP: shipped {before:.3f}, trained {after:.3f}")
    kept = force or after > before
    now = timezone.now()
    ranker = ProjectRanker.objects.select_for_update().filter(project=project).first()
    ranker = ranker or ProjectRanker(project=project)
    if kept:
        progress("keeping the new weights; learning them on every article")
        ranker.delta = fit_delta([row for a in labelled for row in a.rows], base=base)
        ranker.kept_at = now
    else:
        progress("the new weights did not help: the ones in use stay")
    ranker.trained_at = now
    ranker.trained_by = actor
    ranker.signals = count
    ranker.articles = len(labelled)
    ranker.held_out = len(held)
    ranker.map_before = round(before, 4)
    ranker.map_after = round(after, 4)
    ranker.kept = kept
    ranker.forced = force and not after > before
    ranker.full_clean(exclude=["project", "trained_by"])
    ranker.save()
    return ranker

"""Reads for suggestions: what the finder proposed for an article, minus what was decided."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from math import ceil

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from workbench.accounts.models import Team
from workbench.annotations.models import (
    AnchorState,
    Annotation,
    AnnotationKind,
    AnnotationStatus,
    Checkworthy,
    Entity,
)
from workbench.annotations.selectors import annotation_list, double_reviewed
from workbench.articles.models import Article, Project
from workbench.review.models import OPEN_STATES, Assignment
from workbench.suggest.finder.checkworthy import load_weights
from workbench.suggest.finder.engine import Suggestion, every_claim
from workbench.suggest.finder.learn import with_delta
from workbench.suggest.finder.speakers import family_name_first
from workbench.suggest.models import (
    Decision,
    ProjectRanker,
    RunState,
    SuggestionDecision,
    SuggestionKind,
    SuggestionRun,
)

LISTED_CLAIMS = 8


# The salt of the signed suggestion a page posts back to accept or reject it.
SIGNED_SUGGESTION_SALT = "workbench.suggest.suggestion"


@dataclass(frozen=True)
class Listed:
    """A suggestion as the page lists it, with a stable key for accept and reject."""

    key: str
    item: Suggestion
    article: Article | None = None
    # The team's registry entity the suggested speaker is (speaker_registry_match), if any.
    entity: Entity | None = None

    @property
    def token(self) -> str:
        """The signed suggestion the page's accept and reject forms post (made only for the
        suggestions of the page shown, not for every stored one)."""
        if self.article is None:
            return ""
        return suggestion_token(article=self.article, item=self.item)


def suggestion_key(kind: str, start: int, end: int) -> str:
    return f"{kind}-{start}-{end}"


def suggestion_token(*, article: Article, item: Suggestion) -> str:
    """Return the suggestion signed with the article and the checksum of its text.

    Accepting or rejecting posts it back, so the service takes the suggestion from the post
    (not from the whole stored run), knows it was not altered, and can tell when the text
    changed since. The quoted text is left out: it is the article's text at those offsets.
    """
    fields = item.as_dict()
    del fields["text"]
    payload = {"article": article.pk, "checksum": article.checksum, "suggestion": fields}
    return signing.dumps(payload, salt=SIGNED_SUGGESTION_SALT, compress=True)


def suggestion_run_get(*, article: Article) -> SuggestionRun | None:
    """Return the stored finder run for the article's current text, if there is one."""
    return SuggestionRun.objects.filter(article=article, checksum=article.checksum).first()


def stored_suggestions(*, article: Article) -> list[Suggestion]:
    """Return the finder's stored suggestions for the article's current text (none if not run)."""
    run = suggestion_run_get(article=article)
    if run is None or run.state != RunState.DONE:
        return []
    return [Suggestion(**item) for item in run.items]


def decision_rule(user: AbstractBaseUser) -> Q:
    """Return the condition under which a decision on a suggestion counts for the user.

    The blind rule (annotations.selectors.blind_rule) for decisions: one made by a reviewer
    who annotates the article blind (assigned, beside another reviewer) counts only for that
    reviewer, so a co-reviewer's accepts and rejects do not change what another is offered.
    """
    return Q(decided_by_id=user.pk) | ~double_reviewed(by="decided_by_id")


def decisions_for(*, user: AbstractBaseUser, article: Article) -> QuerySet[SuggestionDecision]:
    """Return the decisions on the article's suggestions that count for the user."""
    return SuggestionDecision.objects.filter(article=article).filter(decision_rule(user))


class _Spans:
    """Which stored spans a suggestion overlaps, by binary search (an article may hold many)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [start for start, _end in spans]
        self.reach = list(accumulate((end for _start, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start


_REPORTED = ("mixed", "indirect")


def overlap_family(kind: str, quote_type: str | None) -> str:
    """Return what a suggestion may not overlap an annotation of: its kind, and for a quote
    whether it is direct or reported speech (mixed or indirect). Quotes of the two families
    nest: "Lie said the strike was an “act of self-defence”" is reported speech with the
    speaker's own words, a direct quote, inside it."""
    if kind != "quote":
        return kind
    return "quote/reported" if quote_type in _REPORTED else "quote/direct"


def annotated_spans(*, user: AbstractBaseUser, article: Article) -> dict[str, _Spans]:
    """Return the spans of the annotations the user may see, by overlap_family (the blind rule
    applies). A quote without a type stands in the way of both families."""
    families = ("quote/direct", "quote/reported", "claim")
    spans: dict[str, list[tuple[int, int]]] = {family: [] for family in families}
    rows = annotation_list(user=user, article=article).values_list(
        "kind", "quote_type", "start", "end"
    )
    for kind, quote_type, start, end in rows.order_by():
        if kind == "quote" and not quote_type:
            for family in ("quote/direct", "quote/reported"):
                spans[family].append((start, end))
        else:
            spans.setdefault(overlap_family(kind, quote_type), []).append((start, end))
    return {family: _Spans(found) for family, found in spans.items()}


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def _other_the(name: str) -> str:
    """The name with its leading "The" dropped, or with one added: "The Guardian" (a title as
    the article spells it) is the registry's "Guardian", and the other way round."""
    folded = _folded(name)
    return folded[4:] if folded.startswith("the ") else f"the {folded}"


class SpeakerRegistry:
    """A team's registry, read once, to match suggested speakers by name, alias or surname."""

    def __init__(self, entities: list[Entity]) -> None:
        self.named: dict[str, Entity] = {}
        surnames: dict[str, list[Entity]] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                self.named.setdefault(_folded(name), entity)
            words = entity.name.split()
            if entity.kind == "person" and len(words) >= 2:
                surnames.setdefault(_folded(words[-1]), []).append(entity)
                if family_name_first(words):
                    # "Kim said": Kim Jong-un, whose family name comes first
                    surnames.setdefault(_folded(words[0]), []).append(entity)
        # A surname stands for a person only when one person of the registry has it.
        self.surnames = {name: found[0] for name, found in surnames.items() if len(found) == 1}

    def match(self, item: Suggestion, mention: str = "") -> Entity | None:
        """Return the entity a suggested speaker is: its name or an alias ("Knights" as an
        alias of "Michael Knights"), the words of its mention, or, for a person named by
        surname alone ("Lie said"), the one person of the registry with that surname."""
        if not item.speaker or item.kind != "quote":
            return None
        entity = self.named.get(_folded(item.speaker)) or self.named.get(_other_the(item.speaker))
        if entity is None and mention and item.speaker_kind != "other":
            entity = self.named.get(_folded(mention))
        single = len(item.speaker.split()) == 1 and item.speaker[:1].isupper()
        if entity is None and single and item.speaker_kind == "person" and item.speaker_resolved:
            entity = self.surnames.get(_folded(item.speaker))
        return entity


def speaker_registry(*, team: Team, names: list[str] | None = None) -> SpeakerRegistry:
    """Return the team's registry for matching suggested speakers (one query; never another
    team's entities); with `names`, only the entities that may match them."""
    entities = Entity.objects.filter(team=team)
    if names is not None:
        wanted = Q(pk__in=[])
        for name in filter(None, map(_folded, names)):
            wanted |= Q(search_names__contains=name)
            if " " not in name:
                wanted |= Q(name__iendswith=f" {name}") | Q(name__istartswith=f"{name} ")
        entities = entities.filter(wanted)
    return SpeakerRegistry(list(entities.order_by("pk")))


def _mention(article: Article, item: Suggestion) -> str:
    if item.speaker_start is None or item.speaker_end is None:
        return ""
    return article.body[item.speaker_start : item.speaker_end]


def speaker_registry_match(*, article: Article, item: Suggestion) -> Entity | None:
    """Return the entity of the article's team that a suggested speaker is, if any."""
    mention = _mention(article, item)
    names = [item.speaker, mention, _other_the(item.speaker)] if item.speaker else [mention]
    return speaker_registry(team=article.project.team, names=names).match(item, mention)


def suggestion_list(*, user: AbstractBaseUser, article: Article) -> list[Listed]:
    """Return the user's undecided stored suggestions, quotes first then claims, each by offset.

    Not offered: what counts as decided for the user, and whatever overlaps an annotation of
    the same kind (for quotes, the same overlap_family) that the user may see. A speaker
    already in the team's registry (by name, alias or surname) carries its entity, so the
    page shows the registry's name. The caller
    has already scoped `article` to the user (article_list) and had the finder run
    (services.suggestions_prepare).
    """
    decided = set(decisions_for(user=user, article=article).values_list("kind", "start", "end"))
    annotated = annotated_spans(user=user, article=article)
    registry = speaker_registry(team=article.project.team)
    items = [
        Listed(
            suggestion_key(s.kind, s.start, s.end),
            s,
            article,
            registry.match(s, _mention(article, s)),
        )
        for s in stored_suggestions(article=article)
        if (s.kind, s.start, s.end) not in decided
        and not annotated.get(overlap_family(s.kind, s.quote_type), _Spans([])).overlaps(
            s.start, s.end
        )
    ]
    return sorted(items, key=lambda listed: (listed.item.kind != "quote", listed.item.start))


def suggestion_counts(*, project: Project) -> dict[str, int]:
    """Return how many suggestions were accepted and rejected in a project (the dashboard's
    view of the suggester's precision in real use)."""
    counts = SuggestionDecision.objects.filter(article__project=project).aggregate(
        accepted=Count("pk", filter=Q(decision=Decision.ACCEPTED)),
        rejected=Count("pk", filter=Q(decision=Decision.REJECTED)),
    )
    return {"accepted": counts["accepted"], "rejected": counts["rejected"]}


def sentence_ranking(*, article: Article, order: str = "score", top: int = 100) -> list[Suggestion]:
    """Return the article's sentences scored for check-worthiness: the `top` percent highest,
    most check-worthy first (`order="score"`) or in reading order (`order="text"`).

    The article comes from a user-scoped selector; the text is bounded like suggestions are
    (WORKBENCH_SUGGEST_MAX_CHARS, code "too_long") so a request cannot run for minutes."""
    limit = settings.WORKBENCH_SUGGEST_MAX_CHARS
    if len(article.body) > limit:
        raise ValidationError(
            _("This article is too long to rank: %(n)s characters, over %(limit)s.")
            % {"n": f"{len(article.body):,}", "limit": f"{limit:,}"},
            code="too_long",
        )
    weights = project_weights(project=article.project)
    ranked = sorted(every_claim(article.body, weights), key=lambda c: (-c.score, c.start))
    kept = ranked[: ceil(len(ranked) * max(0, min(top, 100)) / 100)]
    return kept if order == "score" else sorted(kept, key=lambda c: c.start)


def project_ranker_get(*, project: Project) -> ProjectRanker | None:
    """Return the project's own check-worthiness ranker and its last training, if trained."""
    return ProjectRanker.objects.filter(project=project).first()


def project_weights(*, project: Project) -> dict[str, float] | None:
    """Return the check-worthiness weights the project's sentences are scored with: the
    shipped ones plus the project's kept delta, or None (the shipped ones) without one."""
    delta = ProjectRanker.objects.filter(project=project).values_list("delta", flat=True).first()
    return with_delta(load_weights(), delta) if delta else None


@dataclass
class ArticleSignals:
    """What the team said about one article's sentences: spans worth checking, and not."""

    article: Article
    positive: list[tuple[int, int]]
    negative: list[tuple[int, int]]


def checkworthy_signals(*, project: Project) -> list[ArticleSignals]:
    """Return the team's check-worthiness signals on the project's articles, by article id.

    Worth checking: claims the team marked (by hand, or by accepting a suggestion) unless
    marked not check-worthy, which makes them the opposite signal. Not worth checking: claim
    suggestions a reviewer rejected. Only finished work counts, so training never reads what
    a reviewer has not handed in nor what blind review still hides:
    - a claim counts once submitted or approved (never a draft; a lead's rejection drops it);
    - a rejected suggestion counts unless its reviewer still owes work on the article (an
      open assignment: their decisions there are a draft);
    - under blind double annotation (the author is one of several reviewers of the article),
      nothing counts while any assignment on the article is open, even a submitted
      reviewer's work, since a model trained on it would show the other reviewer its traces.
    """
    open_review = Exists(
        Assignment.objects.filter(article_id=OuterRef("article_id"), state__in=OPEN_STATES)
    )
    claims = (
        Annotation.objects.filter(
            article__project=project,
            kind=AnnotationKind.CLAIM,
            status__in=[AnnotationStatus.SUBMITTED, AnnotationStatus.APPROVED],
        )
        .exclude(double_reviewed() & open_review)
        .exclude(checkworthy=Checkworthy.UNSURE)
        .exclude(anchor_state=AnchorState.ORPHANED)
        .values_list("article_id", "start", "end", "exact", "checkworthy")
    )
    owes_work = Exists(
        Assignment.objects.filter(
            article_id=OuterRef("article_id"),
            reviewer_id=OuterRef("decided_by_id"),
            state__in=OPEN_STATES,
        )
    )
    rejected = (
        SuggestionDecision.objects.filter(
            article__project=project, kind=SuggestionKind.CLAIM, decision=Decision.REJECTED
        )
        .exclude(owes_work)
        .exclude(double_reviewed(by="decided_by_id") & open_review)
        .values_list("article_id", "start", "end", "exact")
    )
    found: dict[int, list[tuple[int, int, str, bool]]] = {}
    for article_id, start, end, exact, worthy in claims.order_by("article_id", "start"):
        found.setdefault(article_id, []).append((start, end, exact, worthy != Checkworthy.NO))
    for article_id, start, end, exact in rejected.order_by("article_id", "start"):
        found.setdefault(article_id, []).append((start, end, exact, False))
    result = []
    for article in Article.objects.filter(pk__in=found).order_by("pk"):
        # A span made on an earlier text of the article (a decision is not re-anchored) says
        # nothing about the sentences there now.
        spans = [s for s in found[article.pk] if article.body[s[0] : s[1]] == s[2]]
        positive = [(start, end) for start, end, _exact, worthy in spans if worthy]
        negative = [(start, end) for start, end, _exact, worthy in spans if not worthy]
        if positive or negative:
            result.append(ArticleSignals(article, positive, negative))
    return result

"""Reads for entities, annotations and sources, scoped to the teams the user belongs to."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)

from workbench.accounts.models import Membership, Team
from workbench.annotations.models import (
    Annotation,
    AnnotationKind,
    Comment,
    Entity,
    Evidence,
    Source,
)
from workbench.articles.models import Article
from workbench.review.models import OPEN_STATES, Assignment

User = AbstractBaseUser | AnonymousUser


def entity_list(*, user: User, team: Team | None = None, query: str = "") -> QuerySet[Entity]:
    """Return the registry of the user's teams, optionally one team's, matching name or alias."""
    if not user.is_authenticated:
        return Entity.objects.none()
    entities = Entity.objects.filter(team__memberships__user=user)
    if team is not None:
        entities = entities.filter(team=team)
    for word in query.casefold().split()[:6]:
        entities = entities.filter(search_names__contains=word)
    return entities


def entity_named(*, team: Team, name: str) -> Entity | None:
    """Return the team's entity with exactly this name or alias (case and spacing aside)."""
    folded = " ".join(name.split()).casefold()
    if not folded:
        return None
    for entity in Entity.objects.filter(team=team, search_names__contains=folded):
        if folded in entity.search_names.split("\n"):
            return entity
    return None


def entity_list_with_counts(*, user: User, team: Team, query: str = "") -> QuerySet[Entity]:
    """Return the team's registry with how many quotes and claims each entity has, by name.

    The explicit order matters: Django drops Meta.ordering from GROUP BY queries, which left the
    registry (and its pages) in no particular order.
    """
    return (
        entity_list(user=user, team=team, query=query)
        .annotate(
            quote_count=Count("quotes", distinct=True), claim_count=Count("claims", distinct=True)
        )
        .order_by("name", "pk")
    )


def annotation_list(
    *,
    user: User,
    article: Article | None = None,
    kind: str = "",
    speaker: Entity | None = None,
    id_order: bool = False,
) -> QuerySet[Annotation]:
    """Return annotations on the user's teams' articles in text order, with what a panel shows.

    `id_order=True` is for callers that will order by id: the team check then becomes an EXISTS,
    which lets the database walk the primary key and stop after a page (1.5 ms instead of
    150 ms for a page of 100 among 120,000 annotations on SQLite); for other orders the join is
    the faster plan, so it stays the default. Both apply the blind rule (`blind_rule`).
    """
    if not user.is_authenticated:
        return Annotation.objects.none()
    if id_order:
        member = Membership.objects.filter(team_id=OuterRef("article__project__team_id"), user=user)
        annotations = Annotation.objects.filter(Exists(member))
    else:
        annotations = Annotation.objects.filter(article__project__team__memberships__user=user)
    annotations = annotations.filter(blind_rule(user))
    if article is not None:
        annotations = annotations.filter(article=article)
    if kind:
        annotations = annotations.filter(kind=kind)
    if speaker is not None:
        annotations = annotations.filter(Q(speaker=speaker) | Q(claimant=speaker))
    return (
        annotations.annotate(
            reviewer_version=ExpressionWrapper(double_reviewed(), output_field=BooleanField())
        )
        .select_related(
            "speaker",
            "claimant",
            "annotator",
            "quote",
            "article__project__team",
            "adjudication__decided_by",
        )
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.select_related("source")),
            Prefetch("comments", queryset=Comment.objects.select_related("author")),
        )
        .order_by("start", "-end", "id")
    )


def claims_by_id(
    *, user: User, team: Team, ids: list[int], exclude_article: int | None = None
) -> dict[int, Annotation]:
    """Return {id: claim} of the given ids the user sees in the team, for claim matching.

    The same rows as `annotation_list(user=user, kind=CLAIM).filter(article__project__team=team)`
    (membership join and `blind_rule`), without what a panel shows: no `reviewer_version`
    subquery, no evidence, comments or entities; the article (body and raw deferred) and the
    annotator only. Building and compiling the panel's queryset cost about 10 ms of Python a
    match; tests/factchecks/test_matching.py compares the two for every role.
    """
    if not user.is_authenticated or not ids:
        return {}
    claims = Annotation.objects.filter(
        pk__in=ids,
        kind=AnnotationKind.CLAIM,
        article__project__team=team,
        article__project__team__memberships__user=user,
    ).filter(blind_rule(user))
    if exclude_article is not None:
        claims = claims.exclude(article_id=exclude_article)
    rows = claims.select_related("article", "annotator").defer(
        "article__body", "article__raw", "article__removed"
    )
    return {claim.pk: claim for claim in rows}


# Columns the reader never shows. Dates above all: psycopg parses each one (1,200 a page of 300
# annotations, with the users' and entities' own), and the annotator and the lead who decided
# are read for their names only.
_USER_UNREAD = ("password", "last_login", "date_joined")
_ENTITY_UNREAD = ("aliases", "description", "search_names", "created", "updated")
READER_DEFERRED = (
    "rationale",
    "created",
    "updated",
    "adjudication__created",
    *(
        f"{user}__{name}"
        for user in ("annotator", "adjudication__decided_by")
        for name in _USER_UNREAD
    ),
    *(f"{entity}__{name}" for entity in ("speaker", "claimant") for name in _ENTITY_UNREAD),
)


def reader_annotation_list(*, user: User, article: Article) -> QuerySet[Annotation]:
    """Return the article's annotations the user sees, with only what the reader page shows.

    The reader lists and highlights them: no evidence, comments or quoted quote, and the
    article is the one in hand. Each related row costs a model instance; with 300 annotations
    the full `annotation_list` built 1,500 of them and ran two prefetches the page never read.
    """
    return (
        annotation_list(user=user, article=article)
        .select_related(None)
        .prefetch_related(None)
        .select_related("speaker", "claimant", "annotator", "adjudication__decided_by")
        .defer(*READER_DEFERRED)
    )


def blind_rule(user: AbstractBaseUser) -> Q:
    """Return the condition under which the user sees an annotation, for blind double annotation.

    An annotation is *blind* when its annotator is one of two or more reviewers assigned to its
    article. The user sees an annotation when it is their own, or it is not blind, or it is no
    longer a draft and the user owes no work on that article (no assignment of theirs there is
    assigned, in progress or sent back). So co-reviewers see each other's work only once both
    have submitted; leads and viewers see a reviewer's work from its submission, never a draft;
    a lead who is also assigned is blind like any reviewer. Annotations by someone not assigned
    (a lead's adjudicated version) follow the team rule alone.

    SQL shape, per annotation row, each EXISTS a probe of review_assignment's unique
    (article_id, reviewer_id) index:
    `annotator_id = :user OR NOT (EXISTS(mine) AND EXISTS(another)) OR (NOT status = 'draft'
    AND NOT EXISTS(pending))`, where mine is an assignment of the annotator on the article,
    another one of someone else, pending one of the user in an open state.
    """
    assigned = Assignment.objects.filter(article_id=OuterRef("article_id"))
    pending = Exists(assigned.filter(reviewer_id=user.pk, state__in=OPEN_STATES))
    return Q(annotator_id=user.pk) | ~double_reviewed() | (~Q(status="draft") & ~pending)


def double_reviewed(by: str = "annotator_id") -> Q:
    """Return whether the row's author (field `by`) is one of several reviewers of its article.

    For annotations (by their annotator) and for suggestion decisions (by who decided).
    """
    assigned = Assignment.objects.filter(article_id=OuterRef("article_id"))
    return Exists(assigned.filter(reviewer_id=OuterRef(by))) & Exists(
        assigned.exclude(reviewer_id=OuterRef(by))
    )


def entity_statements(*, user: User, entity: Entity) -> QuerySet[Annotation]:
    """Return every quote and claim by the entity across the team's articles, newest first.

    Without the side panel's evidence and comments, which "who said what" does not show: two
    queries fewer per page. Undated articles come last on every database.
    """
    return (
        annotation_list(user=user, speaker=entity)
        .select_related("article")
        .prefetch_related(None)
        .order_by(F("article__published").desc(nulls_last=True), "article_id", "start")
    )


def source_list(*, user: User, team: Team | None = None, query: str = "") -> QuerySet[Source]:
    """Return the sources of the user's teams matching a URL or title fragment."""
    if not user.is_authenticated:
        return Source.objects.none()
    sources = Source.objects.filter(team__memberships__user=user)
    if team is not None:
        sources = sources.filter(team=team)
    query = query.strip()
    if query:
        sources = sources.filter(Q(url__icontains=query) | Q(title__icontains=query))
    return sources


def enclosing_quote(
    *, article: Article, start: int, end: int, user: AbstractBaseUser | None = None
) -> Annotation | None:
    """Return the innermost quote of the article that contains the span, if any.

    With a user, only a quote that user may see (a co-reviewer's draft is not offered).
    """
    quotes = Annotation.objects.filter(
        article=article, kind="quote", start__lte=start, end__gte=end
    )
    if user is not None:
        quotes = quotes.filter(blind_rule(user))
    return quotes.order_by("-start", "end").first()

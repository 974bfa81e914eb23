"""Reads for the review workflow, scoped to the teams the user belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workbench.accounts.models import Team
from workbench.annotations.fields import COMPARED
from workbench.annotations.models import Annotation, AnnotationStatus
from workbench.annotations.selectors import annotation_list
from workbench.articles.models import Article, Project
from workbench.review.models import (
    DONE_STATES,
    OPEN_STATES,
    Adjudication,
    Assignment,
    AssignmentState,
    ReviewSession,
    SessionArticle,
)
from workbench.review.services import SESSION_IDLE
from workbench.review.units import TimeUnit, time_unit

User = AbstractBaseUser | AnonymousUser

# Which open work comes first: what is already started, then what came back, then the new.
NEXT_ORDER = Case(
    When(state=AssignmentState.IN_PROGRESS, then=Value(0)),
    When(state=AssignmentState.REJECTED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def assignment_list(
    *, user: User, article: Article | None = None, project: Project | None = None
) -> QuerySet[Assignment]:
    """Return the assignments on the user's teams' articles (who reviews what is no secret)."""
    if not user.is_authenticated:
        return Assignment.objects.none()
    assignments = Assignment.objects.filter(article__project__team__memberships__user=user)
    if article is not None:
        assignments = assignments.filter(article=article)
    if project is not None:
        assignments = assignments.filter(article__project=project)
    return assignments.select_related("reviewer", "article__project__team", "decided_by")


def assign_rows(*, user: User, project: Project) -> list[Article]:
    """Return the project's articles (without bodies) each with its assignments, for leads."""
    assignments = Assignment.objects.select_related("reviewer").order_by("reviewer__username")
    return list(
        Article.objects.filter(project=project, project__team__memberships__user=user)
        .defer("body", "raw", "removed")
        .prefetch_related(Prefetch("assignments", queryset=assignments, to_attr="assigned"))
        .order_by("-created", "-id")
    )


def adjudication_list(*, user: User) -> QuerySet[Adjudication]:
    """Return the adjudications on the user's teams' articles."""
    if not user.is_authenticated:
        return Adjudication.objects.none()
    return Adjudication.objects.filter(
        article__project__team__memberships__user=user
    ).select_related("article__project__team", "result")


def queue_for(*, user: User, team: Team | None) -> QuerySet[Assignment]:
    """Return the user's own assignments (in one team, or all), in queue order, without bodies."""
    if not user.is_authenticated:
        return Assignment.objects.none()
    assignments = assignment_list(user=user).filter(reviewer_id=user.pk)
    if team is not None:
        assignments = assignments.filter(article__project__team=team)
    return assignments.defer("article__body", "article__raw", "article__removed").order_by(
        NEXT_ORDER, "created", "id"
    )


def next_assignment(*, user: User, team: Team | None) -> Assignment | None:
    """Return the assignment the reviewer should open next: started, sent back, then new."""
    return queue_for(user=user, team=team).filter(state__in=OPEN_STATES).first()


# The done section shows this many assignments a page, the latest first: a reviewer with a
# year of work behind them does not get a page of 1,000 rows on every visit to the queue.
DONE_PER_PAGE = 50
# Open work is listed in the order "Next article" takes it, up to this many rows: the rest waits
# behind them (a lead who hands out 1,000 articles at once gets a page of 100, not 1,000).
OPEN_SHOWN = 100


@dataclass
class Queue:
    """A reviewer's queue in sections, with progress through it and time spent.

    Open work is listed up to OPEN_SHOWN rows, in queue order; done work a page at a time
    (`done_page`), in the order the queue always listed it, the page holding the latest
    DONE_PER_PAGE.
    """

    todo: list[Assignment] = field(default_factory=list)
    in_progress: list[Assignment] = field(default_factory=list)
    done: list[Assignment] = field(default_factory=list)
    todo_count: int = 0
    done_count: int = 0
    done_page: int = 1
    total_seconds: int = 0
    session: ReviewSession | None = None
    session_seconds: int = 0
    session_articles: int = 0

    @property
    def total(self) -> int:
        return len(self.in_progress) + self.todo_count + self.done_count

    @property
    def done_pages(self) -> int:
        return max(1, -(-self.done_count // DONE_PER_PAGE))

    @property
    def older_done_page(self) -> int | None:
        return self.done_page + 1 if self.done_page < self.done_pages else None

    @property
    def newer_done_page(self) -> int | None:
        return self.done_page - 1 if self.done_page > 1 else None

    @property
    def unit(self) -> TimeUnit:
        """Return the one unit of time for every duration on the queue page."""
        items = self.todo + self.in_progress + self.done
        return time_unit([self.total_seconds, self.session_seconds, *(a.seconds for a in items)])

    @property
    def next(self) -> Assignment | None:
        return (self.in_progress + self.todo or [None])[0]

    @property
    def sections(self) -> list[tuple[str, list[Assignment], int, str]]:
        return [
            (_("In progress"), self.in_progress, len(self.in_progress), _("Nothing started.")),
            (_("Assigned"), self.todo, self.todo_count, _("Nothing waiting.")),
            (_("Done"), self.done, self.done_count, _("Nothing submitted yet.")),
        ]


def queue_sections(
    *, user: User, team: Team | None, now: datetime | None = None, done_page: int | None = 1
) -> Queue:
    """Return the user's queue split into to do, in progress and done, with progress figures.

    Time per article sums the active seconds of all the user's sessions (not other users').
    The done section holds one page (`done_page`, 1 the latest; past the last, the last), or
    everything with None (the API's queue, whose clients read the whole list, open work too).
    """
    queue = Queue()
    mine = queue_for(user=user, team=team)
    open_work = mine.filter(state__in=OPEN_STATES)
    for assignment in open_work if done_page is None else open_work[:OPEN_SHOWN]:
        if assignment.state == AssignmentState.IN_PROGRESS:
            queue.in_progress.append(assignment)
        else:
            queue.todo.append(assignment)
    # How much is done and the time spent on all of it, in one query.
    spent = SessionArticle.objects.filter(
        session__reviewer_id=user.pk, article_id=OuterRef("article_id")
    )
    totals = (
        mine.order_by()
        .annotate(
            spent=Subquery(spent.values("article_id").annotate(s=Sum("active_seconds")).values("s"))
        )
        .aggregate(
            done=Count("id", filter=Q(state__in=DONE_STATES)),
            open=Count("id", filter=Q(state__in=OPEN_STATES)),
            seconds=Sum("spent"),
        )
    )
    queue.done_count, queue.total_seconds = totals["done"], totals["seconds"] or 0
    queue.todo_count = totals["open"] - len(queue.in_progress)
    done = mine.filter(state__in=DONE_STATES)
    if done_page is None:
        queue.done = list(done)
    else:
        queue.done_page = min(max(done_page, 1), queue.done_pages)
        bottom = (queue.done_page - 1) * DONE_PER_PAGE
        latest = done.order_by("-created", "-id")[bottom : bottom + DONE_PER_PAGE]
        queue.done = list(latest)[::-1]
    shown = queue.in_progress + queue.todo + queue.done
    seconds = _seconds_by_article(user=user, article_ids=[a.article_id for a in shown])
    for assignment in shown:
        assignment.seconds = seconds.get(assignment.article_id, 0)
    queue.session = current_session(user=user, team=team, now=now)
    if queue.session is not None:
        visits = SessionArticle.objects.filter(session=queue.session)
        queue.session_seconds = visits.aggregate(s=Sum("active_seconds"))["s"] or 0
        queue.session_articles = visits.count()
    return queue


def _seconds_by_article(*, user: User, article_ids: list[int]) -> dict[int, int]:
    rows = (
        SessionArticle.objects.filter(session__reviewer_id=user.pk, article_id__in=article_ids)
        .values_list("article_id")
        .annotate(s=Sum("active_seconds"))
        .order_by()
    )
    return {article_id: s or 0 for article_id, s in rows}


def current_session(
    *, user: User, team: Team | None, now: datetime | None = None
) -> ReviewSession | None:
    """Return the user's running session in the team (none after thirty idle minutes)."""
    if not user.is_authenticated or team is None:
        return None
    now = now or timezone.now()
    return (
        ReviewSession.objects.filter(
            reviewer_id=user.pk,
            team=team,
            ended__isnull=True,
            last_activity__gte=now - SESSION_IDLE,
        )
        .order_by("-last_activity")
        .first()
    )


# --- adjudication -----------------------------------------------------------------------------


@dataclass
class Cell:
    """One reviewer's annotations in one row of the side-by-side view."""

    annotations: list[Annotation]
    differs: bool = False


@dataclass
class Row:
    """Annotations of several reviewers whose spans overlap, side by side."""

    start: int
    end: int
    cells: list[Cell]
    approved: list[Annotation]
    differing: list[str] = field(default_factory=list)

    @property
    def agreed(self) -> bool:
        return not self.differing

    @property
    def to_carry(self) -> list[list[Annotation]]:
        """Return the reviewers' identical annotations, matched up, if approving carries them.

        Only a row that two or more reviewers marked alike, that has nothing in the approved
        version yet and none of whose annotations was adjudicated, is carried: the lead's own
        decisions are never overridden.
        """
        if len(self.cells) < 2 or self.differing or self.approved:
            return []
        if any(not c.annotations or _adjudicated(c.annotations) for c in self.cells):
            return []
        return [list(group) for group in zip(*(c.annotations for c in self.cells), strict=True)]

    @property
    def unresolved(self) -> bool:
        """Return whether approving now would leave this row out of the approved version."""
        return len(self.cells) >= 2 and not self.approved and not self.to_carry


def _adjudicated(annotations: list[Annotation]) -> bool:
    return any(getattr(a, "adjudications", None) for a in annotations)


@dataclass
class Versions:
    """The article's versions by reviewer and the approved version, aligned by span."""

    reviewers: list[AbstractBaseUser]
    assignments: list[Assignment]
    rows: list[Row]
    approved: list[Annotation]

    @property
    def carried(self) -> int:
        """Return how many rows the reviewers agree on that approving carries automatically."""
        return sum(1 for row in self.rows if row.to_carry)

    @property
    def unresolved(self) -> int:
        """Return how many rows approving now would leave out of the approved version."""
        return sum(1 for row in self.rows if row.unresolved)


def _differing(cells: list[Cell]) -> list[str]:
    """Return what the reviewers' cells disagree on ("missing" when one has nothing there)."""
    if len(cells) < 2:
        return []
    if any(len(c.annotations) != len(cells[0].annotations) for c in cells):
        return ["missing" if any(not c.annotations for c in cells) else "count"]
    differing = []
    for label, names in COMPARED.items():
        values = {tuple(tuple(getattr(a, n) for n in names) for a in c.annotations) for c in cells}
        if len(values) > 1:
            differing.append(label)
    return differing


def article_versions(*, user: User, article: Article) -> Versions:
    """Return each assigned reviewer's submitted annotations and the approved version, by span.

    Rows group annotations whose spans overlap (a chain of overlaps makes one row); a cell
    differs when its annotations are not the same, kind for kind and field for field, as the
    other reviewers'. Drafts never appear: the blind rule of `annotation_list` hides them.
    """
    assignments = list(assignment_list(user=user, article=article).order_by("reviewer__username"))
    reviewers = [a.reviewer for a in assignments]
    annotations = list(
        annotation_list(user=user, article=article)
        .prefetch_related(
            Prefetch(
                "adjudicated_into",
                queryset=Adjudication.objects.only("id", "result_id"),
                to_attr="adjudications",
            )
        )
        .select_related("adjudication")
    )
    reviewer_ids = [r.pk for r in reviewers]
    theirs = [
        a
        for a in annotations
        if a.annotator_id in reviewer_ids and a.status != AnnotationStatus.APPROVED
    ]
    approved = [a for a in annotations if a.status == AnnotationStatus.APPROVED]
    rows = []
    for group in _overlapping(theirs + approved):
        cells = [
            Cell([a for a in group if a.annotator_id == rid and a in theirs])
            for rid in reviewer_ids
        ]
        differing = _differing(cells)
        for cell in cells:
            cell.differs = bool(differing)
        rows.append(
            Row(
                start=min(a.start for a in group),
                end=max(a.end for a in group),
                cells=cells,
                approved=[a for a in group if a in approved],
                differing=differing,
            )
        )
    return Versions(reviewers=reviewers, assignments=assignments, rows=rows, approved=approved)


def _overlapping(annotations: list[Annotation]) -> list[list[Annotation]]:
    groups: list[list[Annotation]] = []
    end = -1
    for annotation in sorted(annotations, key=lambda a: (a.start, -a.end, a.pk)):
        if groups and annotation.start < end:
            groups[-1].append(annotation)
            end = max(end, annotation.end)
        else:
            groups.append([annotation])
            end = annotation.end
    return groups

"""Reads for the agreement page, the project dashboard and the lead's "needs your attention".

Each reads whole rows with `.values()` (or SQL aggregates) in a handful of queries, whatever the
project's size, and leaves the arithmetic to `workbench.review.agreement` in Python. Callers have
scoped the project to the user (404 for an outsider) and checked the role (403).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.utils import timezone

from workbench.accounts.models import Membership, Role, Team
from workbench.annotations.models import (
    Annotation,
    AnnotationKind,
    AnnotationStatus,
    VerdictCount,
)
from workbench.annotations.selectors import double_reviewed
from workbench.articles.models import Article, ArticleStatus, Project
from workbench.articles.selectors import article_status_counts
from workbench.review.agreement import ProjectAgreement, Tally, project_agreement, week_start
from workbench.review.models import (
    DONE_STATES,
    OPEN_STATES,
    Assignment,
    AssignmentState,
    SessionArticle,
)
from workbench.review.units import MINUTES, TimeUnit, time_unit
from workbench.suggest.selectors import suggestion_counts

# Reviewers' annotations that count once their work is in: never drafts (blind mode, and work in
# progress), never the lead's adjudicated results (those are not a reviewer's judgement).
COUNTED_STATUSES = (AnnotationStatus.SUBMITTED, AnnotationStatus.APPROVED)
ANNOTATION_FIELDS = (
    "article_id",
    "annotator_id",
    "kind",
    "start",
    "end",
    "speaker_id",
    "verdict",
    "checkworthy",
)
# Below this overlap F1, or with any matched pair differing on speaker or verdict, an article
# is listed for adjudication on the lead's home page.
LOW_AGREEMENT = 0.6
# Open work untouched for this long is overdue.
OVERDUE_AFTER = timedelta(days=7)
ATTENTION_ROWS = 10
DASHBOARD_WEEKS = 26


def _reviews(assignments: QuerySet[Assignment]) -> list[dict]:
    return list(
        assignments.filter(state__in=DONE_STATES).values(
            "article_id",
            "reviewer_id",
            "submitted_at",
            reviewer_name=F("reviewer__username"),
            title=F("article__title"),
        )
    )


def _double_reviewed(assignments: QuerySet[Assignment]) -> QuerySet[Assignment]:
    """Return a subquery of the articles that two or more reviewers have submitted."""
    return (
        assignments.filter(state__in=DONE_STATES)
        .order_by()
        .values("article_id")
        .annotate(n=Count("id"))
        .filter(n__gte=2)
        .values("article_id")
    )


def _counted_annotations(assignments: QuerySet[Assignment]) -> list[dict]:
    """Return the submitted spans of submitted reviewers on double-reviewed articles, as rows."""
    reviewed = Assignment.objects.filter(
        article_id=OuterRef("article_id"),
        reviewer_id=OuterRef("annotator_id"),
        state__in=DONE_STATES,
    )
    return list(
        Annotation.objects.filter(
            article_id__in=Subquery(_double_reviewed(assignments)),
            status__in=COUNTED_STATUSES,
            adjudication__isnull=True,
        )
        .filter(Exists(reviewed))
        .order_by()
        .values(*ANNOTATION_FIELDS)
    )


def agreement_from(assignments: QuerySet[Assignment]) -> ProjectAgreement:
    """Return the agreement over the given assignments' articles (two queries)."""
    reviews = _reviews(assignments)
    titles = {row["article_id"]: row["title"] for row in reviews}
    return project_agreement(
        reviews=reviews, annotations=_counted_annotations(assignments), titles=titles
    )


def not_pending_for(assignments: QuerySet[Assignment], user: AbstractBaseUser) -> QuerySet:
    """Leave out the articles on which the user still owes work (blind double annotation).

    The same rule as `blind_rule`: while someone is still annotating an article, no figure
    computed from their co-reviewers' work on it reaches them, even a lead who is assigned too.
    """
    pending = Assignment.objects.filter(
        article_id=OuterRef("article_id"), reviewer_id=user.pk, state__in=OPEN_STATES
    )
    return assignments.exclude(Exists(pending))


def project_agreement_report(*, project: Project, user: AbstractBaseUser) -> ProjectAgreement:
    """Return agreement per reviewer pair, per article and per week for a project."""
    assignments = Assignment.objects.filter(article__project=project)
    return agreement_from(not_pending_for(assignments, user))


# --- the project dashboard ---------------------------------------------------------------------


@dataclass
class ReviewerRow:
    id: int
    name: str
    # The reviewer's place among all of the project's reviewers (by name), whoever looks: it
    # picks their colour, so a reviewer keeps it on every chart and for every viewer.
    index: int = 0
    open: int = 0
    submitted: int = 0
    approved: int = 0
    active_seconds: int = 0
    articles_seen: int = 0
    weekly: dict[date, int] = field(default_factory=dict)
    # The page's unit of time (Dashboard sets it on every row; minutes until then).
    unit: TimeUnit = MINUTES

    @property
    def done(self) -> int:
        return self.submitted + self.approved

    @property
    def seconds_per_article(self) -> int | None:
        return round(self.active_seconds / self.done) if self.done else None

    @property
    def active_time(self) -> str:
        return self.unit.format(self.active_seconds)

    @property
    def time_per_article(self) -> str:
        seconds = self.seconds_per_article
        return "n/a" if seconds is None else self.unit.format(seconds)


@dataclass
class Dashboard:
    status_counts: list[dict]
    reviewers: list[ReviewerRow]
    weeks: list[date]
    verdicts: list[dict]
    agreement: ProjectAgreement
    suggestions: dict | None = None
    unit: TimeUnit = MINUTES
    # True when the viewer sees only their own reviewer row (anyone but a lead).
    own_only: bool = False

    @property
    def any_verdicts(self) -> bool:
        return any(v["approved"] or v["submitted"] for v in self.verdicts)

    def __post_init__(self) -> None:
        # One unit of time for the whole page, chart and table alike.
        self.unit = time_unit(
            s for row in self.reviewers for s in (row.active_seconds, row.seconds_per_article)
        )
        for row in self.reviewers:
            row.unit = self.unit


def project_dashboard(*, project: Project, viewer: Membership) -> Dashboard:
    """Return the figures of a project's dashboard (six queries, any project size).

    A lead sees every reviewer's throughput and time; anyone else sees only their own row, so
    the dashboard does not turn into a league table of colleagues.
    """
    assignments = Assignment.objects.filter(article__project=project)
    reviewers = _reviewer_rows(project, assignments)
    if not viewer.is_lead:
        reviewers = [row for row in reviewers if row.id == viewer.user_id]
    return Dashboard(
        status_counts=article_status_counts(project=project),
        reviewers=reviewers,
        weeks=week_range({week for row in reviewers for week in row.weekly}),
        verdicts=verdict_distribution(project=project, user=viewer.user),
        agreement=agreement_from(not_pending_for(assignments, viewer.user)),
        suggestions=suggestion_precision(project=project),
        own_only=not viewer.is_lead,
    )


def week_range(weeks: set[date], *, limit: int = DASHBOARD_WEEKS) -> list[date]:
    """Return every week from the first to the last given, the last `limit` of them.

    A week in which nobody submitted anything is a zero on the chart, not a missing column.
    """
    if not weeks:
        return []
    first, last = min(weeks), max(weeks)
    first = max(first, last - timedelta(weeks=limit - 1))
    return [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def _reviewer_rows(project: Project, assignments: QuerySet[Assignment]) -> list[ReviewerRow]:
    rows: dict[int, ReviewerRow] = {}
    for a in assignments.order_by().values(
        "reviewer_id", "state", "submitted_at", name=F("reviewer__username")
    ):
        row = rows.setdefault(a["reviewer_id"], ReviewerRow(a["reviewer_id"], a["name"]))
        if a["state"] in OPEN_STATES:
            row.open += 1
        elif a["state"] == AssignmentState.SUBMITTED:
            row.submitted += 1
        elif a["state"] == AssignmentState.APPROVED:
            row.approved += 1
        if a["state"] in DONE_STATES and a["submitted_at"] is not None:
            week = week_start(a["submitted_at"])
            row.weekly[week] = row.weekly.get(week, 0) + 1
    time_spent = (
        SessionArticle.objects.filter(article__project=project)
        .order_by()
        .values("session__reviewer_id", name=F("session__reviewer__username"))
        .annotate(seconds=Sum("active_seconds"), seen=Count("article_id", distinct=True))
    )
    for t in time_spent:
        row = rows.setdefault(
            t["session__reviewer_id"], ReviewerRow(t["session__reviewer_id"], t["name"])
        )
        row.active_seconds = t["seconds"] or 0
        row.articles_seen = t["seen"]
    ordered = sorted(rows.values(), key=lambda r: (r.name.casefold(), r.id))
    for index, row in enumerate(ordered):
        row.index = index
    return ordered


def verdict_distribution(*, project: Project, user: AbstractBaseUser) -> list[dict]:
    """Return each verdict (in the project's scale order, then any others) with its counts.

    `approved` counts the approved version (what an export with --status approved holds);
    `submitted` counts reviewers' submitted judgements, one per reviewer. Only what the user
    may see counts (`blind_rule`): a co-reviewer's verdicts stay out while the user still
    annotates the same article.

    One query whatever the project's size: the project's counts, kept by triggers
    (`VerdictCount`), and, negated, the claims the blind rule hides from this user, which can
    only lie on the articles the user still owes work on (read through their open assignments).
    """
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"approved": 0, "submitted": 0})
    stored = VerdictCount.objects.filter(project=project, n__gt=0).values_list(
        "verdict", "status", "n"
    )
    for verdict, status, n in stored.union(_blind_verdicts(project=project, user=user), all=True):
        counts[verdict][status] += n
    scale = list(project.rating_scale)
    seen = [v for v, c in counts.items() if v not in scale and (c["approved"] or c["submitted"])]
    return [
        {
            "label": label,
            "on_scale": label in scale,
            **counts.get(label, {"approved": 0, "submitted": 0}),
        }
        for label in scale + sorted(seen)
    ]


def _blind_verdicts(*, project: Project, user: AbstractBaseUser) -> QuerySet:
    """Return minus the counted claims hidden from the user by the blind rule, by verdict, status.

    For a submitted or approved claim `blind_rule` reduces to: hidden when someone else wrote
    it as one of several reviewers of an article on which the user's own assignment is open.
    """
    owed = Assignment.objects.filter(
        reviewer_id=user.pk, state__in=OPEN_STATES, article__project=project
    ).values("article_id")
    return (
        Annotation.objects.filter(
            article_id__in=owed, kind=AnnotationKind.CLAIM, status__in=COUNTED_STATUSES
        )
        .exclude(verdict="")
        .exclude(annotator_id=user.pk)
        .filter(double_reviewed())
        .order_by()
        .values("verdict", "status")
        .annotate(n=Value(0) - Count("id"))
        .values_list("verdict", "status", "n")
    )


def suggestion_precision(*, project: Project) -> dict:
    """Return how many suggestions reviewers accepted and rejected, and the share accepted.

    That share is the suggester's precision in real use: of the suggestions someone decided on,
    how many were right. It is None until anything was decided.
    """
    counts = suggestion_counts(project=project)
    accepted, rejected = counts["accepted"], counts["rejected"]
    decided = accepted + rejected
    return {
        "accepted": accepted,
        "rejected": rejected,
        "precision": accepted / decided if decided else None,
    }


# --- what needs a lead's attention -------------------------------------------------------------


@dataclass
class PendingArticle:
    id: int
    title: str
    project_id: int
    project_name: str
    reviewers: int
    submitted: datetime | None
    tally: Tally | None = None

    @property
    def low_agreement(self) -> bool:
        if self.tally is None:
            return False
        f1 = self.tally.overlap_f1
        return (f1 is not None and f1 < LOW_AGREEMENT) or self.tally.disagreements > 0


@dataclass
class OverdueRow:
    reviewer: str
    article_id: int
    title: str
    state: str
    since: datetime


@dataclass
class Attention:
    awaiting: list[PendingArticle]
    awaiting_count: int
    disagreements: list[PendingArticle]
    unassigned: list[dict]
    overdue: list[OverdueRow]
    overdue_count: int
    idle: list[str]
    # Articles whose latest revision changed the words without a visible correction notice.
    stealth_edits: list[dict] = field(default_factory=list)

    @property
    def anything(self) -> bool:
        return bool(
            self.awaiting_count
            or self.unassigned
            or self.overdue
            or self.idle
            or self.stealth_edits
        )


def lead_attention(*, team: Team, now: datetime | None = None) -> Attention:
    """Return what waits on a team's lead: decisions, disagreements, unassigned and stalled work."""
    now = now or timezone.now()
    waiting = Assignment.objects.filter(
        article__project__team=team, article__status=ArticleStatus.SUBMITTED
    )
    agreement = agreement_from(waiting)
    by_article = {row.id: row.tally for row in agreement.articles}
    pending: dict[int, PendingArticle] = {}
    for a in (
        waiting.filter(state__in=DONE_STATES)
        .order_by()
        .values(
            "article_id",
            "submitted_at",
            title=F("article__title"),
            project_id=F("article__project_id"),
            project_name=F("article__project__name"),
        )
    ):
        row = pending.setdefault(
            a["article_id"],
            PendingArticle(
                a["article_id"], a["title"], a["project_id"], a["project_name"], 0, None
            ),
        )
        row.reviewers += 1
        if a["submitted_at"] and (row.submitted is None or a["submitted_at"] > row.submitted):
            row.submitted = a["submitted_at"]
        row.tally = by_article.get(a["article_id"])
    oldest_first = sorted(pending.values(), key=lambda r: (r.submitted or now, r.id))
    disagreements = sorted(
        (r for r in oldest_first if r.low_agreement),
        key=lambda r: (
            r.tally.overlap_f1 if r.tally and r.tally.overlap_f1 is not None else 2,
            r.id,
        ),
    )
    unassigned = list(
        Article.objects.filter(project__team=team, status=ArticleStatus.UNASSIGNED)
        .order_by()
        .values("project_id", project_name=F("project__name"))
        .annotate(n=Count("id"))
        .order_by("project_name")
    )
    overdue, busy = _open_work(team, now)
    idle = list(
        Membership.objects.filter(team=team, role=Role.REVIEWER)
        .exclude(user_id__in=busy)
        .order_by("user__username")
        .values_list("user__username", flat=True)
    )
    stealth_edits = list(
        Article.objects.filter(project__team=team, stealth_edit=True)
        .order_by("-updated", "-id")
        .values("id", "title", "revision", project_name=F("project__name"))[:ATTENTION_ROWS]
    )
    return Attention(
        stealth_edits=stealth_edits,
        awaiting=oldest_first[:ATTENTION_ROWS],
        awaiting_count=len(pending),
        disagreements=disagreements[:ATTENTION_ROWS],
        unassigned=unassigned,
        overdue=overdue[:ATTENTION_ROWS],
        overdue_count=len(overdue),
        idle=idle,
    )


def _open_work(team: Team, now: datetime) -> tuple[list[OverdueRow], set[int]]:
    overdue, busy = [], set()
    last_seen = SessionArticle.objects.filter(
        article_id=OuterRef("article_id"), session__reviewer_id=OuterRef("reviewer_id")
    ).order_by("-last_seen")
    for a in (
        Assignment.objects.filter(article__project__team=team, state__in=OPEN_STATES)
        .annotate(last_seen=Subquery(last_seen.values("last_seen")[:1]))
        .order_by("created", "id")
        .values(
            "last_seen",
            "reviewer_id",
            "article_id",
            "state",
            "created",
            "started",
            "decided_at",
            reviewer_name=F("reviewer__username"),
            title=F("article__title"),
        )
    ):
        busy.add(a["reviewer_id"])
        moments = (a["created"], a["started"], a["decided_at"], a["last_seen"])
        since = max(m for m in moments if m is not None)
        if now - since >= OVERDUE_AFTER:
            overdue.append(
                OverdueRow(a["reviewer_name"], a["article_id"], a["title"], a["state"], since)
            )
    return overdue, busy

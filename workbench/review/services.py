"""Writes for the review workflow: assignments, submissions, decisions, adjudication, sessions.

Every path (the queue and article pages, the REST API, the demo) goes through these functions,
which check the actor's role, the assignment's state and its version. They are also the only
place that sets `Article.status`, from the article's assignments (`_sync_article_status`).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from workbench.accounts.models import Membership, Role, Team
from workbench.accounts.services import require_lead
from workbench.annotations.fields import COPIED_COLUMNS, MERGED_COLUMNS
from workbench.annotations.models import Annotation, AnnotationStatus, Evidence
from workbench.annotations.services import history_user, record_bulk_change, recorded_by
from workbench.articles.models import Article, ArticleStatus
from workbench.review.models import (
    OPEN_STATES,
    Adjudication,
    AdjudicationMethod,
    Assignment,
    AssignmentState,
    ReviewSession,
    SessionArticle,
)

SESSION_IDLE = timedelta(minutes=30)
ACTIVE_GAP = timedelta(minutes=5)
STRATEGIES = ("round_robin", "random")
NOT_A_TEAM_REVIEWER = gettext_lazy("This user is not a reviewer of this team.")


class StaleDecision(ValidationError):
    """A decision based on an older version of the assignment; `current` is how it is now."""

    def __init__(self, current: Assignment | None) -> None:
        super().__init__(
            _("Someone else decided on this work meanwhile: reload to see their decision."),
            code="stale",
        )
        self.current = current


# --- assigning --------------------------------------------------------------------------------


def _require_assignable(*, team: Team, reviewer: AbstractBaseUser) -> None:
    role = Membership.objects.filter(team=team, user=reviewer).values_list("role", flat=True)
    role = role.first()
    if role is None:
        # Refused like a role problem: the lead may not reach into another team. The message
        # does not name the user, and unknown ids get the same one, so no id can be probed.
        raise PermissionDenied(NOT_A_TEAM_REVIEWER)
    if role not in (Role.LEAD, Role.REVIEWER):
        raise ValidationError(
            _("%(name)s is a viewer and cannot annotate.") % {"name": reviewer},
            code="not_a_writer",
        )


@transaction.atomic
def assignment_create(
    *, article: Article, reviewer: AbstractBaseUser, actor: AbstractBaseUser
) -> Assignment:
    """Assign one article to one reviewer (leads only); an article has each reviewer once."""
    team = article.project.team
    require_lead(user=actor, team=team)
    _require_assignable(team=team, reviewer=reviewer)
    if Assignment.objects.filter(article=article, reviewer=reviewer).exists():
        raise ValidationError(
            _("%(name)s is already assigned to this article.") % {"name": reviewer},
            code="already_assigned",
        )
    assignment = Assignment(article=article, reviewer=reviewer, assigned_by=actor)
    assignment.full_clean(exclude=["article", "reviewer", "assigned_by"])
    assignment.save()
    _sync_article_status(article)
    return assignment


@transaction.atomic
def assignment_remove(*, assignment: Assignment, actor: AbstractBaseUser) -> None:
    """Take an article back from a reviewer who has not started on it (leads only)."""
    article = assignment.article
    require_lead(user=actor, team=article.project.team)
    if assignment.state != AssignmentState.ASSIGNED:
        raise ValidationError(
            _("%(name)s has started on this article: it can no longer be taken back.")
            % {"name": assignment.reviewer},
            code="already_started",
        )
    assignment.delete()
    _sync_article_status(article)


@dataclass
class Distribution:
    """What a bulk assignment did: the new assignments, and the articles left short of k."""

    created: list[Assignment] = field(default_factory=list)
    short: list[Article] = field(default_factory=list)


@transaction.atomic
def assignments_distribute(
    *,
    articles: Iterable[Article],
    reviewers: Sequence[AbstractBaseUser],
    actor: AbstractBaseUser,
    k: int = 1,
    strategy: str = "round_robin",
    seed: int | None = None,
    cap: int | None = None,
) -> Distribution:
    """Give each article k reviewers, round-robin or at random (reproducible with a seed).

    Reviewers already on an article count towards its k and are not picked again; a reviewer
    whose open assignments (assigned, in progress, sent back) reach `cap` is skipped. Articles
    that cannot get k reviewers get as many as there are and are reported as short.
    """
    articles = sorted(articles, key=lambda a: a.pk)
    reviewers = sorted({r.pk: r for r in reviewers}.values(), key=lambda r: r.pk)
    if strategy not in STRATEGIES:
        raise ValidationError(
            {"strategy": _("Choose round_robin or random.")}, code="unknown_strategy"
        )
    if k < 1 or (cap is not None and cap < 1):
        raise ValidationError(_("k and cap are at least 1."), code="bad_number")
    if not reviewers:
        raise ValidationError({"reviewers": _("Pick at least one reviewer.")}, code="no_reviewers")
    teams = {a.project.team_id for a in articles}
    for team in {a.project.team for a in articles}:
        require_lead(user=actor, team=team)
        for reviewer in reviewers:
            _require_assignable(team=team, reviewer=reviewer)
    if len(teams) > 1:
        raise ValidationError(_("Distribute one team's articles at a time."), code="mixed_teams")
    taken = _assigned_reviewers([a.pk for a in articles])
    load = _open_load(reviewers, teams)
    rng = random.Random(seed)  # noqa: S311 - a reproducible shuffle, not a secret
    turn = 0
    result = Distribution()
    for article in articles:
        eligible = [
            r
            for r in reviewers
            if r.pk not in taken.get(article.pk, set()) and (cap is None or load[r.pk] < cap)
        ]
        need = k - len(taken.get(article.pk, set()))
        if need <= 0:
            continue
        if strategy == "random":
            picked = rng.sample(eligible, min(need, len(eligible)))
        else:
            # The next reviewers in a fixed rotation, skipping those who cannot take it.
            order = reviewers[turn % len(reviewers) :] + reviewers[: turn % len(reviewers)]
            picked = [r for r in order if r in eligible][:need]
            if picked:
                turn = reviewers.index(picked[-1]) + 1
        for reviewer in picked:
            assignment = Assignment(article=article, reviewer=reviewer, assigned_by=actor)
            assignment.save()
            result.created.append(assignment)
            load[reviewer.pk] += 1
        if len(picked) < need:
            result.short.append(article)
        if picked:
            _sync_article_status(article)
    return result


def _assigned_reviewers(article_ids: list[int]) -> dict[int, set[int]]:
    taken: dict[int, set[int]] = {}
    rows = Assignment.objects.filter(article_id__in=article_ids).values_list(
        "article_id", "reviewer_id"
    )
    for article_id, reviewer_id in rows:
        taken.setdefault(article_id, set()).add(reviewer_id)
    return taken


def _open_load(reviewers: Sequence[AbstractBaseUser], teams: set[int]) -> dict[int, int]:
    rows = (
        Assignment.objects.filter(
            reviewer__in=reviewers, state__in=OPEN_STATES, article__project__team_id__in=teams
        )
        .values_list("reviewer_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    load = {r.pk: 0 for r in reviewers}
    load.update(dict(rows))
    return load


# --- submitting and deciding ------------------------------------------------------------------


def _lock(assignment: Assignment, version: int | None = None) -> Assignment:
    """Return the assignment re-read under a row lock; StaleDecision if it changed meanwhile."""
    current = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("article__project__team", "reviewer")
        .filter(pk=assignment.pk)
        .first()
    )
    if current is None or (version is not None and current.version != version):
        raise StaleDecision(current)
    return current


def _transition(assignment: Assignment, state: str, **fields: object) -> Assignment:
    assignment.state = state
    assignment.version += 1
    for name, value in fields.items():
        setattr(assignment, name, value)
    assignment.save()
    _sync_article_status(assignment.article)
    return assignment


def _set_status(
    annotations: QuerySet[Annotation], status: str, actor: AbstractBaseUser, reason: str
) -> int:
    """Move the annotations to `status`, recording the change and its actor in their history.

    A queryset update has no signals, so the history rows are written after it, in bulk.
    """
    ids = list(annotations.values_list("pk", flat=True))
    # Bumping the version makes an edit panel still open on the old status get the usual 409.
    Annotation.objects.filter(pk__in=ids).update(status=status, version=F("version") + 1)
    record_bulk_change(ids, actor, reason)
    return len(ids)


@transaction.atomic
def article_submit(
    *, assignment: Assignment, actor: AbstractBaseUser, version: int | None = None
) -> Assignment:
    """Submit the reviewer's annotations on the article: their drafts become submitted.

    Only the assigned reviewer submits their own work; a rejected submission can be submitted
    again once revised.
    """
    current = _lock(assignment, version)
    if current.reviewer_id != actor.pk:
        raise PermissionDenied(_("You can submit only your own work."))
    if current.state not in OPEN_STATES:
        raise ValidationError(_("This work is already submitted."), code="already_submitted")
    mine = Annotation.objects.filter(article=current.article, annotator_id=actor.pk)
    _set_status(
        mine.filter(status__in=[AnnotationStatus.DRAFT, AnnotationStatus.REJECTED]),
        AnnotationStatus.SUBMITTED,
        actor,
        _("Work submitted"),
    )
    now = timezone.now()
    return _transition(
        current,
        AssignmentState.SUBMITTED,
        submitted_at=now,
        started=current.started or now,
    )


def _decidable(assignment: Assignment, version: int, actor: AbstractBaseUser) -> Assignment:
    require_lead(user=actor, team=assignment.article.project.team)
    current = _lock(assignment, version)
    if current.state != AssignmentState.SUBMITTED:
        raise ValidationError(
            _("Only submitted work can be approved or rejected (this is %(state)s).")
            % {"state": current.get_state_display().lower()},
            code="not_submitted",
        )
    return current


@transaction.atomic
def article_approve(*, assignment: Assignment, actor: AbstractBaseUser, version: int) -> Assignment:
    """Approve a reviewer's submitted work (leads only), against the version the lead saw.

    With one reviewer their submitted annotations become the approved version. With several,
    the approved version is what adjudication produced; approving then closes the reviewer's
    work and leaves their originals as submitted.
    """
    current = _decidable(assignment, version, actor)
    if not _is_double(current.article):
        mine = Annotation.objects.filter(
            article=current.article,
            annotator_id=current.reviewer_id,
            status=AnnotationStatus.SUBMITTED,
        )
        _set_status(mine, AnnotationStatus.APPROVED, actor, _("Work approved"))
    return _transition(
        current, AssignmentState.APPROVED, decided_at=timezone.now(), decided_by=actor
    )


@transaction.atomic
def article_reject(
    *, assignment: Assignment, actor: AbstractBaseUser, version: int, comment: str
) -> Assignment:
    """Send a reviewer's submitted work back with a comment (leads only)."""
    comment = comment.strip()
    if not comment:
        raise ValidationError(
            {"comment": _("Say what needs to change: a rejection needs a comment.")},
            code="comment_required",
        )
    current = _decidable(assignment, version, actor)
    mine = Annotation.objects.filter(
        article=current.article, annotator_id=current.reviewer_id, status=AnnotationStatus.SUBMITTED
    )
    _set_status(mine, AnnotationStatus.REJECTED, actor, _("Work sent back"))
    return _transition(
        current,
        AssignmentState.REJECTED,
        decided_at=timezone.now(),
        decided_by=actor,
        comment=comment,
    )


def _is_double(article: Article) -> bool:
    return Assignment.objects.filter(article=article).count() >= 2


def _sync_article_status(article: Article) -> None:
    """Set the article's status from its assignments: the one place that writes it."""
    states = list(Assignment.objects.filter(article=article).values_list("state", flat=True))
    if not states:
        status = ArticleStatus.UNASSIGNED
    elif all(s == AssignmentState.APPROVED for s in states):
        status = ArticleStatus.REVIEWED
    elif all(s in (AssignmentState.SUBMITTED, AssignmentState.APPROVED) for s in states):
        status = ArticleStatus.SUBMITTED
    elif all(s == AssignmentState.ASSIGNED for s in states):
        status = ArticleStatus.ASSIGNED
    else:
        status = ArticleStatus.IN_PROGRESS
    if article.status != status:
        Article.objects.filter(pk=article.pk).update(status=status)
        article.status = status


# --- adjudication -----------------------------------------------------------------------------


def _adjudicable(originals: Sequence[Annotation], actor: AbstractBaseUser) -> Article:
    if not originals:
        raise ValidationError(_("Pick at least one annotation."), code="nothing_picked")
    article = originals[0].article
    require_lead(user=actor, team=article.project.team)
    if any(o.article_id != article.pk for o in originals):
        raise ValidationError(_("These annotations are on different articles."), code="mixed")
    if any(o.status in (AnnotationStatus.DRAFT, AnnotationStatus.APPROVED) for o in originals):
        raise ValidationError(
            _("Only reviewers' submitted annotations are adjudicated."), code="not_submitted"
        )
    if any(o.kind != originals[0].kind for o in originals):
        raise ValidationError(_("A quote and a claim cannot be merged."), code="mixed_kinds")
    done = Adjudication.objects.filter(originals__in=[o.pk for o in originals])
    if done.exists():
        raise ValidationError(
            _("One of these annotations is already in the approved version: undo that first."),
            code="already_adjudicated",
        )
    return article


@transaction.atomic
def adjudication_accept(
    *, original: Annotation, actor: AbstractBaseUser, edit: bool = False
) -> Adjudication:
    """Put a copy of one reviewer's annotation into the approved version; the original stays.

    With `edit`, the lead goes on to change the copy (in the annotation panel, whose edits the
    change history records); the record says so.
    """
    method = AdjudicationMethod.EDIT if edit else AdjudicationMethod.ACCEPT
    return _adjudicate([original], actor, method)


@transaction.atomic
def adjudication_merge(*, originals: Sequence[Annotation], actor: AbstractBaseUser) -> Adjudication:
    """Merge several reviewers' annotations of one span into one approved annotation.

    The first is the base (its span and fields); what it leaves empty comes from the others in
    order, and the evidence of all of them is kept, one per source.
    """
    return _adjudicate(list(originals), actor, AdjudicationMethod.MERGE)


def _adjudicate(originals: list[Annotation], actor: AbstractBaseUser, method: str) -> Adjudication:
    # Re-read under a lock: the caller's copies may predate a submission or another decision.
    ids = [o.pk for o in originals]
    fresh = Annotation.objects.select_for_update(of=("self",)).select_related("article__project")
    by_id = {a.pk: a for a in fresh.filter(pk__in=ids)}
    originals = [by_id[pk] for pk in ids if pk in by_id]
    article = _adjudicable(originals, actor)
    base = originals[0]
    result = Annotation(
        article=article,
        annotator=actor,
        status=AnnotationStatus.APPROVED,
        **{name: getattr(base, name) for name in COPIED_COLUMNS},
    )
    for other in originals[1:]:
        for name in MERGED_COLUMNS:
            if getattr(result, name) in (None, "", False):
                setattr(result, name, getattr(other, name))
    if result.kind == "claim" and result.claimant_id and result.claimant_is_outlet:
        result.claimant_is_outlet = False
    # A claim keeps its quote when that quote is in the approved version too.
    quote_ids = [o.quote_id for o in originals if o.quote_id]
    result.quote = (
        Annotation.objects.filter(adjudication__originals__in=quote_ids).distinct().first()
        if quote_ids
        else None
    )
    result.full_clean(
        exclude=["annotator", "article", "speaker", "claimant", "quote"],
        validate_constraints=False,
    )
    recorded_by(result, actor).save()
    sources: set[int] = set()
    for evidence in Evidence.objects.filter(claim__in=originals).order_by("created", "id"):
        if evidence.source_id not in sources:
            sources.add(evidence.source_id)
            copy = Evidence(
                claim=result,
                source_id=evidence.source_id,
                stance=evidence.stance,
                excerpt=evidence.excerpt,
                note=evidence.note,
                added_by_id=evidence.added_by_id,
            )
            recorded_by(copy, actor).save()
    adjudication = Adjudication.objects.create(
        article=article, result=result, method=method, decided_by=actor
    )
    adjudication.originals.set(originals)
    return adjudication


@transaction.atomic
def adjudication_undo(*, adjudication: Adjudication, actor: AbstractBaseUser) -> None:
    """Take an annotation out of the approved version (the originals were never changed)."""
    article = adjudication.article
    require_lead(user=actor, team=article.project.team)
    if article.status == ArticleStatus.REVIEWED:
        raise ValidationError(
            _("This article is reviewed: its approved version is final."), code="final"
        )
    # The copy's evidence goes with it; the history of both names the lead.
    with history_user(actor):
        recorded_by(adjudication.result, actor).delete()


class UnresolvedRows(ValidationError):
    """Approving would leave rows out of the approved version, and the lead did not confirm it."""

    def __init__(self, count: int) -> None:
        message = ngettext(
            "%(count)d row is unresolved: the reviewers differ and nothing of it is in the "
            "approved version. Resolve it, or confirm that approving leaves it out.",
            "%(count)d rows are unresolved: the reviewers differ and nothing of them is in the "
            "approved version. Resolve them, or confirm that approving leaves them out.",
            count,
        ) % {"count": count}
        super().__init__({"leave_out": [ValidationError(message, code="unresolved")]})
        self.count = count


@transaction.atomic
def adjudication_finish(
    *,
    article: Article,
    actor: AbstractBaseUser,
    versions: dict[int, int],
    leave_out: int | None = None,
) -> list[Assignment]:
    """Approve every submitted assignment of the article at once, after adjudication.

    `versions` maps each assignment's id to the version the lead saw; an older one, or submitted
    work missing from it, refuses the whole decision (StaleDecision), so nothing changes.
    With two or more reviewers, rows on which they agree (and that the lead left alone) are
    carried into the approved version first, recorded as "agreed". Rows where they differ and
    nothing is approved would be left out: that needs `leave_out` equal to their number, the
    count the lead was shown, else UnresolvedRows (400) names it and nothing changes.
    """
    require_lead(user=actor, team=article.project.team)
    assignments = list(
        Assignment.objects.select_for_update().filter(article=article).order_by("pk")
    )
    # Stale when anything the lead saw changed, or work was submitted that they did not see.
    for assignment in assignments:
        seen = versions.get(assignment.pk)
        if (seen is not None and seen != assignment.version) or (
            seen is None and assignment.state == AssignmentState.SUBMITTED
        ):
            raise StaleDecision(assignment)
    submitted = [a for a in assignments if a.state == AssignmentState.SUBMITTED]
    if not submitted:
        raise ValidationError(_("No submitted work is waiting on this article."), code="nothing")
    if len(assignments) >= 2:
        _carry_agreed(article, actor, leave_out)
    if not Adjudication.objects.filter(article=article).exists() and _is_double(article):
        raise ValidationError(
            _("Accept or merge at least one annotation before approving."), code="empty_version"
        )
    return [article_approve(assignment=a, actor=actor, version=a.version) for a in submitted]


def _carry_agreed(article: Article, actor: AbstractBaseUser, leave_out: int | None) -> None:
    """Refuse unconfirmed unresolved rows; carry the rows the reviewers agree on."""
    # Imported here: review.selectors imports this module (SESSION_IDLE).
    from workbench.review.selectors import article_versions

    versions = article_versions(user=actor, article=article)
    unresolved = versions.unresolved
    if unresolved and leave_out != unresolved:
        raise UnresolvedRows(unresolved)
    for row in versions.rows:
        for originals in row.to_carry:
            _adjudicate(originals, actor, AdjudicationMethod.AGREED)


# --- sessions ---------------------------------------------------------------------------------


@transaction.atomic
def session_touch(
    *,
    user: AbstractBaseUser,
    team: Team,
    article: Article | None = None,
    now: datetime | None = None,
) -> ReviewSession:
    """Record activity: open a session if none is running, and count time on the article.

    Time is added to an article only between two consecutive events on it no more than five
    minutes apart, so a tab left open over lunch does not count. A session idle for thirty
    minutes is closed at its last activity and a new one starts. Opening an assigned article
    also marks the reviewer's assignment as in progress.
    """
    now = now or timezone.now()
    session = (
        ReviewSession.objects.select_for_update()
        .filter(reviewer_id=user.pk, team=team, ended__isnull=True)
        .order_by("-last_activity")
        .first()
    )
    if session is not None and now - session.last_activity > SESSION_IDLE:
        session.ended = session.last_activity
        session.save(update_fields=["ended"])
        session = None
    if session is None:
        session = ReviewSession.objects.create(
            reviewer=user, team=team, started=now, last_activity=now
        )
    previous = max(session.last_activity, session.started)
    if article is not None:
        _touch_article(session, article, now, previous)
        _start_assignment(user, article, now)
    if now > session.last_activity:
        session.last_activity = now
        session.save(update_fields=["last_activity"])
    return session


def _touch_article(session: ReviewSession, article: Article, now: datetime, previous: datetime):
    visit, created = SessionArticle.objects.get_or_create(
        session=session, article=article, defaults={"first_seen": now, "last_seen": now}
    )
    if created:
        return
    # Counted only when the session's last event was on this same article (not another tab).
    gap = now - visit.last_seen
    if visit.last_seen >= previous and timedelta(0) < gap <= ACTIVE_GAP:
        visit.active_seconds += round(gap.total_seconds())
    visit.last_seen = max(now, visit.last_seen)
    visit.save(update_fields=["last_seen", "active_seconds"])


def _start_assignment(user: AbstractBaseUser, article: Article, now: datetime) -> None:
    # Bookkeeping, not a decision: the version stays, so a lead's open panel is not made stale.
    started = Assignment.objects.filter(
        article=article, reviewer_id=user.pk, state=AssignmentState.ASSIGNED
    ).update(state=AssignmentState.IN_PROGRESS, started=now)
    if started:
        _sync_article_status(article)


@transaction.atomic
def session_end(*, user: AbstractBaseUser, now: datetime | None = None) -> int:
    """Close the user's running sessions (on logout); return how many were closed."""
    now = now or timezone.now()
    closed = 0
    for session in ReviewSession.objects.filter(reviewer_id=user.pk, ended__isnull=True):
        idle = now - session.last_activity > SESSION_IDLE
        session.ended = session.last_activity if idle else now
        session.last_activity = max(session.last_activity, session.ended)
        session.save(update_fields=["ended", "last_activity"])
        closed += 1
    return closed

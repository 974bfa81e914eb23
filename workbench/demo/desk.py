"""Six weeks of a desk's review work on the invented articles, so the dashboards have a story.

Three reviewers (rafael, sofia, amira) are assigned the thirty articles of
`workbench.demo.articles` over six weeks: most are submitted and approved, some sent
back and redone, six are read blind by two reviewers (who disagree here and there, for the
agreement page and adjudication), a few are still waiting for the lead, in progress, untouched
for too long, or not assigned at all.

Every action goes through the review and annotation services, as the UI would; the services
stamp the present moment, so each article's timestamps are then moved back to the day the plan
gives (`_backdate`). Review sessions of the past are written as rows (no service records a
session that already happened). Runs once per article: an article with assignments is left
alone, so running the demo again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from workbench.annotations.models import Annotation, Entity
from workbench.annotations.services import annotation_create, entity_find_or_create
from workbench.articles.models import Article, ImportSource, Project
from workbench.demo.articles import OUTLET, VERDICTS, Mark, Story, stories
from workbench.imports.services import articles_import_jsonl
from workbench.review.models import Assignment, ReviewSession, SessionArticle
from workbench.review.services import (
    adjudication_accept,
    adjudication_finish,
    article_approve,
    article_reject,
    article_submit,
    assignment_create,
    session_touch,
)
from workbench.suggest.selectors import stored_suggestions, suggestion_token
from workbench.suggest.services import (
    suggestion_accept,
    suggestion_reject,
    suggestions_prepare,
)

R, S, A = "rafael", "sofia", "amira"


@dataclass(frozen=True)
class Plan:
    """What happens to one article: who reviews it, how it ends, and how many days ago."""

    reviewers: tuple[str, ...]
    outcome: str  # approved | reworked | submitted | rejected | adjudicated | double
    # | in_progress | assigned | unassigned
    days_ago: int = 0


# One plan per story, in the order of `stories()`.
PLANS = [
    Plan((R,), "approved", 40),
    Plan((S,), "approved", 39),
    Plan((A,), "approved", 38),
    Plan((R, S), "adjudicated", 37),
    Plan((S,), "approved", 33),
    Plan((R,), "reworked", 32),
    Plan((A,), "approved", 31),
    Plan((S, A), "adjudicated", 30),
    Plan((R,), "approved", 26),
    Plan((A,), "approved", 25),
    Plan((R, A), "adjudicated", 24),
    Plan((S,), "approved", 23),
    Plan((R,), "approved", 19),
    Plan((S, A), "adjudicated", 18),
    Plan((A,), "reworked", 17),
    Plan((S,), "approved", 16),
    Plan((R, S), "double", 12),
    Plan((A,), "approved", 11),
    Plan((R,), "approved", 10),
    Plan((S,), "submitted", 9),
    Plan((A, R), "double", 5),
    Plan((R,), "submitted", 4),
    Plan((S,), "rejected", 3),
    Plan((A,), "approved", 3),
    Plan((R,), "in_progress", 1),
    Plan((S,), "in_progress", 0),
    Plan((A,), "assigned", 12),
    Plan((R,), "assigned", 1),
    Plan((), "unassigned"),
    Plan((), "unassigned"),
]
SENT_BACK = (
    "The second quote needs its speaker's role as the article gives it, and please check the "
    "verdict on the headline figure against the statistics office's table."
)


def seed_desk(*, project: Project, users: dict[str, AbstractBaseUser]) -> int:
    """Import the invented articles and play their review history; return how many were new."""
    now = timezone.now().replace(second=0, microsecond=0)
    desk = stories(today=timezone.localdate())
    report = articles_import_jsonl(
        project=project,
        actor=users["lena"],
        text="\n".join(story.jsonl() for story in desk),
        source=ImportSource.COMMAND,
    )
    articles = [result.article for result in report.results]
    started = set(
        Assignment.objects.filter(article__in=articles).values_list("article_id", flat=True)
    )
    history = _History(project, users, now)
    for index, (story, article, plan) in enumerate(zip(desk, articles, PLANS, strict=True)):
        if article.pk not in started and plan.outcome != "unassigned":
            history.play(index, story, article, plan)
    history.write_sessions()
    return report.created


class _History:
    def __init__(self, project: Project, users: dict[str, AbstractBaseUser], now: datetime):
        self.team, self.users, self.lead, self.now = project.team, users, users["lena"], now
        self.entities: dict[str, Entity] = {}
        # (reviewer, day) → [(article, active seconds)], written as sessions at the end.
        self.visits: dict[tuple[str, int], list[tuple[Article, int]]] = {}

    def play(self, index: int, story: Story, article: Article, plan: Plan) -> None:
        day = self.now - timedelta(days=plan.days_ago)
        assignments = [
            assignment_create(article=article, reviewer=self.users[name], actor=self.lead)
            for name in plan.reviewers
        ]
        if plan.outcome == "assigned":
            _backdate(assignments, created=day)
            return
        for turn, assignment in enumerate(assignments):
            if plan.outcome == "in_progress":
                self.use_suggestions(article, assignment.reviewer)
                # Opened for real: the session service marks the work as in progress.
                for minutes in range(0, 16, 4):
                    session_touch(
                        user=assignment.reviewer,
                        team=self.team,
                        article=article,
                        now=day - timedelta(minutes=30 - minutes),
                    )
                continue
            self.annotate(article, assignment.reviewer, _marks_of(story, index, turn))
            self.visits.setdefault((plan.reviewers[turn], plan.days_ago), []).append(
                (article, 60 * (9 + (7 * index + 5 * turn) % 23))
            )
            assignments[turn] = article_submit(assignment=assignment, actor=assignment.reviewer)
        self.decide(article, assignments, plan.outcome)
        started = day - timedelta(minutes=30)  # when the in-progress work was first opened
        _backdate(assignments, created=day - timedelta(days=3), started=started, decided=day)

    def annotate(self, article: Article, author: AbstractBaseUser, marks: list[Mark]) -> None:
        for mark in marks:
            start = article.body.index(mark.text)
            who = self.entity(mark.who, mark.who_kind, author) if mark.who else None
            if mark.kind == "quote":
                fields = {"speaker": who, "role": mark.role, "quote_type": "direct"}
            else:
                fields = {
                    "claimant": who,
                    "claimant_is_outlet": mark.who == OUTLET,
                    "checkworthy": mark.checkworthy,
                    "verdict": mark.verdict,
                }
            annotation_create(
                article=article,
                author=author,
                kind=mark.kind,
                start=start,
                end=start + len(mark.text),
                exact=mark.text,
                **fields,
            )

    def use_suggestions(self, article: Article, reviewer: AbstractBaseUser) -> None:
        """Start the article from the suggester: accept its direct quotes, turn down the rest.

        (The indirect ones it finds in these texts name "figures" or a union as the speaker.)
        So the dashboard's suggestion precision has decisions to count.
        """
        # As the page does: the finder runs once and its suggestions are stored for this text.
        suggestions_prepare(article=article)
        quotes = [i for i in stored_suggestions(article=article) if i.kind == "quote"]
        for item in quotes[:4]:
            decide = suggestion_accept if item.quote_type == "direct" else suggestion_reject
            token = suggestion_token(article=article, item=item)
            decide(article=article, actor=reviewer, token=token)

    def entity(self, name: str, kind: str, actor: AbstractBaseUser) -> Entity:
        if name not in self.entities:
            self.entities[name] = entity_find_or_create(
                team=self.team, actor=actor, name=name, kind=kind
            )
        return self.entities[name]

    def decide(self, article: Article, assignments: list[Assignment], outcome: str) -> None:
        first = assignments[0]
        if outcome in ("approved", "reworked", "rejected"):
            if outcome == "approved":
                article_approve(assignment=first, actor=self.lead, version=first.version)
                return
            first = article_reject(
                assignment=first, actor=self.lead, version=first.version, comment=SENT_BACK
            )
            if outcome == "reworked":
                first = article_submit(assignment=first, actor=first.reviewer)
                article_approve(assignment=first, actor=self.lead, version=first.version)
        elif outcome == "adjudicated":
            # The lead takes the first reviewer's version, then approves both reviews.
            for original in Annotation.objects.filter(article=article, annotator=first.reviewer):
                adjudication_accept(original=original, actor=self.lead)
            versions = dict(Assignment.objects.filter(article=article).values_list("pk", "version"))
            adjudication_finish(article=article, actor=self.lead, versions=versions)

    def write_sessions(self) -> None:
        """Write one review session per reviewer and working day, with its articles' time."""
        sessions, visits = [], []
        for (name, days_ago), worked in sorted(self.visits.items(), key=lambda kv: kv[0]):
            start = self.now.replace(hour=9) - timedelta(days=days_ago)
            start = min(start, self.now - timedelta(hours=3))
            end = start + timedelta(seconds=sum(s for _, s in worked) + 300 * len(worked))
            session = ReviewSession(
                reviewer=self.users[name],
                team=self.team,
                started=start,
                last_activity=end,
                ended=end if days_ago else None,
            )
            sessions.append(session)
            seen = start
            for article, seconds in worked:
                visits.append(
                    SessionArticle(
                        session=session,
                        article=article,
                        first_seen=seen,
                        last_seen=seen + timedelta(seconds=seconds),
                        active_seconds=seconds,
                    )
                )
                seen += timedelta(seconds=seconds + 300)
        ReviewSession.objects.bulk_create(sessions)
        for visit in visits:
            visit.session_id = visit.session.pk
        SessionArticle.objects.bulk_create(visits)


def _marks_of(story: Story, index: int, turn: int) -> list[Mark]:
    """Return what a reviewer marks: the first reviewer all of it, the second with differences.

    The second reviewer of a blind pair misses one mark, ends one quote early and gives one
    claim the next verdict on the scale (and is unsure it is worth checking), at places that
    vary with the article. A reviewer working alone marks the claims and the first quote (which
    keeps the demo quick to set up).
    """
    marks = list(story.marks)
    if len(PLANS[index].reviewers) == 1:
        first_quote = next(m for m in marks if m.kind == "quote")
        return [m for m in marks if m.kind == "claim" or m is first_quote]
    if turn == 0:
        return marks
    del marks[(index + 1) % len(marks)]
    changed = []
    for position, mark in enumerate(marks):
        if mark.kind == "quote" and position == index % 3:
            cut = mark.text.rfind(" ", 0, len(mark.text) - 2)
            mark = Mark(mark.kind, mark.text[:cut], mark.who, mark.who_kind, mark.role)
        elif mark.kind == "claim" and mark.verdict and position % 2 == index % 2:
            # A reviewer in doubt about the verdict is often in doubt about the claim's worth.
            shifted = VERDICTS[(VERDICTS.index(mark.verdict) + 1) % len(VERDICTS)]
            mark = Mark(mark.kind, mark.text, mark.who, mark.who_kind, mark.role, shifted, "unsure")
        changed.append(mark)
    return changed


def _backdate(
    assignments: list[Assignment],
    *,
    created: datetime,
    started: datetime | None = None,
    decided: datetime | None = None,
) -> None:
    """Move the assignments' timestamps from today to the days of the plan."""
    for assignment in Assignment.objects.filter(pk__in=[a.pk for a in assignments]):
        fields = {"created": created}
        if assignment.started:
            fields["started"] = started
        if assignment.submitted_at:
            fields["submitted_at"] = started + timedelta(hours=2)
        if assignment.decided_at:
            fields["decided_at"] = decided + timedelta(days=1, hours=1)
        Assignment.objects.filter(pk=assignment.pk).update(**fields)

"""Build double-reviewed articles quickly for the agreement and dashboard tests."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from tests.factories import ArticleFactory, MembershipFactory
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation, AnnotationStatus
from workbench.review.models import Assignment, AssignmentState

BODY = "".join(f"Sentence number {i:03d} of the article says something. " for i in range(40))


def member(team, username: str, role: str = Role.REVIEWER):
    return MembershipFactory(team=team, role=role, user__username=username).user


def article(project, **kwargs):
    kwargs.setdefault("body", BODY + kwargs.pop("salt", ""))
    return ArticleFactory(project=project, **kwargs)


def assign(article, reviewer, *, state=AssignmentState.SUBMITTED, submitted_at=None):
    done = state in (AssignmentState.SUBMITTED, AssignmentState.APPROVED)
    return Assignment.objects.create(
        article=article,
        reviewer=reviewer,
        state=state,
        submitted_at=(submitted_at or timezone.now()) if done else None,
    )


def span(article, annotator, kind, start, end, *, status=AnnotationStatus.SUBMITTED, **fields):
    return Annotation(
        article=article,
        annotator=annotator,
        kind=kind,
        start=start,
        end=end,
        exact=article.body[start:end],
        status=status,
        **fields,
    )


def at(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))

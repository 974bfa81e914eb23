from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pytest

from tests.factories import ArticleFactory, MembershipFactory
from workbench.accounts.models import Role
from workbench.annotations.services import annotation_create

BODY = (
    'Michael Knights said the strike was "a clear escalation" by the militias.\n\n'
    "The Pentagon confirmed that 3 drones were used, a spokesman said. Café ☕ 👍🏽 done."
)


def span(text: str, body: str = BODY) -> dict:
    start = body.index(text)
    return {"start": start, "end": start + len(text), "exact": text}


def article_with(project, body: str = BODY, **fields):
    return ArticleFactory(
        project=project,
        body=body,
        raw=body,
        checksum=hashlib.sha256(body.encode()).hexdigest(),
        **fields,
    )


@pytest.fixture
def review(world):
    """The world plus a second reviewer, and a fresh article to review."""
    second = MembershipFactory(team=world.team, role=Role.REVIEWER, user__username="second").user
    article = article_with(world.project)
    fields = {**vars(world), "world": world, "second": second, "article": article}
    return SimpleNamespace(**fields)


def quote(article, author, text: str = "the strike was", **fields):
    return annotation_create(article=article, author=author, kind="quote", **span(text), **fields)


def claim(article, author, text: str = "3 drones were used", **fields):
    return annotation_create(article=article, author=author, kind="claim", **span(text), **fields)


def reviewed_article(world):
    """Return a new article of world.project, approved: one reviewer's quote accepted by the lead."""
    from workbench.review.services import article_approve, article_submit, assignment_create

    article = article_with(world.project)
    assignment = assignment_create(article=article, reviewer=world.reviewer, actor=world.lead)
    quote(article, world.reviewer)
    assignment = article_submit(assignment=assignment, actor=world.reviewer)
    article_approve(assignment=assignment, actor=world.lead, version=assignment.version)
    article.refresh_from_db()
    assert article.status == "reviewed"
    return article

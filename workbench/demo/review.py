"""The demo's review work: assignments, and one article annotated blind by two reviewers.

Rafael and Sofia both annotate the health-ministry article and submit; they agree on most of
it and differ on a verdict and a quote, so the agreement page has figures and the lead has
something to adjudicate. Runs once: an article that has assignments is left alone.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from workbench.annotations.services import Span, annotation_create, entity_find_or_create
from workbench.articles.models import Article, Project
from workbench.demo.articles import stories
from workbench.demo.desk import seed_desk
from workbench.review.models import Assignment
from workbench.review.services import article_submit, assignment_create

DOUBLE_TITLE = "Health ministry says clinic waiting times fell by a third"
HIRED = "We have hired 1,200 nurses and opened evening hours in every region,"
ELEVEN = "Patients now wait eleven days on average, down from seventeen."
DROP = "average waiting times at public clinics fell by 34 percent over the past year"
MASSAGED = "massaged"
# (reviewer, kind, text, speaker or claimant, extra fields)
DOUBLE = [
    ("rafael", "quote", HIRED, "Anna Berg", {"role": "Health Minister", "quote_type": "direct"}),
    ("rafael", "quote", MASSAGED, "Lars Ek", {"quote_type": "mixed"}),
    ("rafael", "claim", DROP, "Health ministry", {"verdict": "Mostly true", "checkworthy": "yes"}),
    ("sofia", "quote", HIRED, "Anna Berg", {"role": "Health Minister", "quote_type": "direct"}),
    ("sofia", "quote", ELEVEN, "Anna Berg", {"quote_type": "direct"}),
    ("sofia", "claim", DROP, "Health ministry", {"verdict": "Half true", "checkworthy": "yes"}),
]
KINDS = {"Health ministry": "organisation"}


def seed_review(*, project: Project, users: dict[str, AbstractBaseUser]) -> int:
    """Assign the demo articles and have the double-annotated one submitted by both reviewers.

    Then the invented desk's articles and their six weeks of history (`seed_desk`); return
    how many of those were new.
    """
    lead = users["lena"]
    desk = {story.title for story in stories(today=timezone.localdate())}
    articles = [a for a in project.articles.order_by("id") if a.title not in desk]
    double = next((a for a in articles if a.title == DOUBLE_TITLE), None)
    reviewers = [users["rafael"], users["sofia"]]
    others = [a for a in articles if a != double and a.outlet != "Le Monde"]
    for article in articles:
        if Assignment.objects.filter(article=article).exists():
            continue
        if article == double:
            _double(article, lead, reviewers)
            continue
        # The seed article is Rafael's (he annotated it); the others alternate, Sofia first.
        turn = others.index(article) if article in others else 1
        assignment_create(article=article, reviewer=reviewers[(turn + 1) % 2], actor=lead)
    return seed_desk(project=project, users=users)


def _double(article: Article, lead: AbstractBaseUser, reviewers: list[AbstractBaseUser]) -> None:
    assignments = [assignment_create(article=article, reviewer=r, actor=lead) for r in reviewers]
    by_name = {r.get_username(): r for r in reviewers}
    team = article.project.team
    for username, kind, text, who, extra in DOUBLE:
        author = by_name[username]
        entity = entity_find_or_create(
            team=team, actor=author, name=who, kind=KINDS.get(who, "person")
        )
        start = article.body.index(text)
        span = Span(start, start + len(text), text)
        person = {"speaker": entity} if kind == "quote" else {"claimant": entity}
        annotation_create(
            article=article,
            author=author,
            kind=kind,
            start=span.start,
            end=span.end,
            exact=span.exact,
            **person,
            **extra,
        )
    for assignment in assignments:
        article_submit(assignment=assignment, actor=assignment.reviewer)

from __future__ import annotations

import pytest

from workbench.accounts.models import Membership
from workbench.annotations.models import Annotation, Entity
from workbench.articles.models import ArticleStatus
from workbench.demo.review import DOUBLE_TITLE
from workbench.demo.seed import seed_demo
from workbench.review.dashboard_selectors import project_agreement_report, project_dashboard
from workbench.review.models import Adjudication, Assignment, ReviewSession, SessionArticle
from workbench.review.selectors import article_versions

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Assignment, Annotation, Entity, ReviewSession, SessionArticle, Adjudication)
    }


def test_demo_leaves_two_articles_unassigned_and_submits_a_double_annotation_once():
    project, _ = seed_demo()
    seed_demo()
    assert project.articles.filter(status=ArticleStatus.UNASSIGNED).count() == 2
    double = project.articles.get(title=DOUBLE_TITLE)
    states = dict(
        Assignment.objects.filter(article=double).values_list("reviewer__username", "state")
    )
    assert states == {"rafael": "submitted", "sofia": "submitted"}
    assert double.status == "submitted"
    assert double.annotations.count() == 6
    lena = project.team.memberships.get(user__username="lena").user
    versions = article_versions(user=lena, article=double)
    assert [r.get_username() for r in versions.reviewers] == ["rafael", "sofia"]
    assert any(row.differing for row in versions.rows)
    assert any(row.agreed for row in versions.rows)


def test_demo_running_twice_adds_nothing():
    project, first = seed_demo()
    before = counts()
    _, again = seed_demo()
    assert again == 0
    assert counts() == before
    assert project.articles.count() == first


def test_demo_has_weeks_of_work_by_three_reviewers_for_the_dashboards():
    project, _ = seed_demo()
    assert project.articles.count() >= 30
    statuses = set(project.articles.values_list("status", flat=True))
    assert statuses == set(ArticleStatus.values)
    lead = Membership.objects.get(team=project.team, user__username="lena")
    dashboard = project_dashboard(project=project, viewer=lead)
    reviewers = {row.name: row for row in dashboard.reviewers}
    assert set(reviewers) == {"rafael", "sofia", "amira"}
    for row in reviewers.values():
        assert row.done >= 5 and row.active_seconds > 0
    assert len(dashboard.weeks) >= 5  # several weeks of throughput
    assert sum(v["approved"] for v in dashboard.verdicts) >= 10
    assert all(v["approved"] + v["submitted"] for v in dashboard.verdicts)  # every verdict used
    assert Assignment.objects.filter(state="rejected").exists()  # sent back, in a queue
    report = project_agreement_report(project=project, user=lead.user)
    assert len(report.pairs) == 3  # every pair of the three reviewers read articles together
    assert len(report.weeks) >= 5
    assert any(row.tally.disagreements for row in report.articles)
    # Work started from the suggester: some suggestions taken, some turned down.
    assert dashboard.suggestions["accepted"] and dashboard.suggestions["rejected"]

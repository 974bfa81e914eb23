from __future__ import annotations

import pytest

from workbench.accounts.demo.review import DOUBLE_TITLE
from workbench.accounts.management.commands.demo import seed_demo
from workbench.review.models import Assignment
from workbench.review.selectors import article_versions

pytestmark = pytest.mark.django_db


def test_demo_assigns_every_article_and_submits_a_double_annotation_once():
    project, _ = seed_demo()
    seed_demo()
    articles = project.articles.all()
    assert all(Assignment.objects.filter(article=a).exists() for a in articles)
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

"""The dashboard's verdict counts kept by triggers: always what counting every claim would say.

The dashboard used to count every claim of the project under the blind rule on each view; it
now reads `VerdictCount` and takes away what the blind rule hides from the viewer. These tests
build a varied project through the services and through raw bulk paths, and compare, for every
member, the dashboard's figures with that old full computation.
"""

from __future__ import annotations

import importlib
from collections import defaultdict

import pytest
from django.apps import apps
from django.db.models import Count, F

from tests.factories import ArticleFactory, MembershipFactory
from tests.review.conftest import BODY, claim, quote
from workbench.accounts.models import Membership, Role
from workbench.annotations.models import Annotation, AnnotationKind, AnnotationStatus, VerdictCount
from workbench.annotations.selectors import blind_rule
from workbench.annotations.services import annotation_delete, annotation_update
from workbench.articles.models import Project
from workbench.exports.streaming import export_stream
from workbench.imports.dataset import dataset_import
from workbench.review.dashboard_selectors import COUNTED_STATUSES, verdict_distribution
from workbench.review.models import Assignment, AssignmentState
from workbench.review.services import (
    adjudication_accept,
    article_approve,
    article_reject,
    article_submit,
    assignment_create,
)

pytestmark = pytest.mark.django_db(transaction=False)

fill = importlib.import_module("workbench.annotations.migrations.0011_fill_verdict_counts")


def full_count(*, project, user) -> list[dict]:
    """The dashboard's verdicts as computed before the counts table: every claim, blind rule."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"approved": 0, "submitted": 0})
    rows = (
        Annotation.objects.filter(
            article__project=project, kind=AnnotationKind.CLAIM, status__in=COUNTED_STATUSES
        )
        .filter(blind_rule(user))
        .exclude(verdict="")
        .order_by()
        .values("verdict", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts[row["verdict"]][row["status"]] += row["n"]
    scale = list(project.rating_scale)
    labels = scale + sorted(v for v in counts if v not in scale)
    return [
        {
            "label": label,
            "on_scale": label in scale,
            **counts.get(label, {"approved": 0, "submitted": 0}),
        }
        for label in labels
    ]


def recounted() -> dict[tuple, int]:
    rows = (
        Annotation.objects.filter(kind="claim", status__in=COUNTED_STATUSES)
        .exclude(verdict="")
        .order_by()
        .values_list(F("article__project_id"), "verdict", "status")
        .annotate(n=Count("id"))
    )
    return {(p, v, s): n for p, v, s, n in rows}


def stored() -> dict[tuple, int]:
    rows = VerdictCount.objects.exclude(n=0).values_list("project_id", "verdict", "status", "n")
    return {(p, v, s): n for p, v, s, n in rows}


def assert_dashboards_unchanged(projects) -> None:
    assert stored() == recounted()
    for project in projects:
        for membership in Membership.objects.filter(team=project.team).select_related("user"):
            user = membership.user
            assert verdict_distribution(project=project, user=user) == full_count(
                project=project, user=user
            ), (project.slug, user.username)


def article_with(project, *, title: str):
    # The same body (the spans are in it) under another checksum, as a re-fetch would store.
    return ArticleFactory(project=project, title=title, body=BODY, raw=BODY, checksum=title)


@pytest.fixture
def varied(world):
    """A project with double, single, reopened and blind work, edits, deletes and bulk writes."""
    lead = world.lead
    ann, bob = (
        MembershipFactory(team=world.team, role=Role.REVIEWER, user__username=name).user
        for name in ("ann", "bob")
    )

    # Double review, both submitted, the lead adjudicates one claim: an approved copy.
    double = article_with(world.project, title="double")
    for reviewer, verdict in ((ann, "False"), (bob, "True")):
        assignment = assignment_create(article=double, reviewer=reviewer, actor=lead)
        claim(double, reviewer, verdict=verdict)
        claim(double, reviewer, "the strike was", verdict="Misleading")
        quote(double, reviewer, "a clear escalation")
        article_submit(assignment=assignment, actor=reviewer)
    adjudication_accept(
        original=Annotation.objects.get(article=double, annotator=ann, verdict="False"), actor=lead
    )

    # Blind: ann submitted, the world's reviewer is still at work (hides ann's verdicts).
    blind = article_with(world.project, title="blind")
    ann_work = assignment_create(article=blind, reviewer=ann, actor=lead)
    assignment_create(article=blind, reviewer=world.reviewer, actor=lead)
    claim(blind, ann, verdict="Half true")
    claim(blind, world.reviewer, "the strike was", verdict="Half true")  # a draft: never counted
    article_submit(assignment=ann_work, actor=ann)

    # Single review, approved; one claim re-judged before submission, one deleted.
    single = article_with(world.project, title="single")
    work = assignment_create(article=single, reviewer=bob, actor=lead)
    changed = claim(single, bob, verdict="True")
    annotation_update(
        annotation=changed, actor=bob, version=changed.version, verdict="Mostly false"
    )
    gone = claim(single, bob, "the strike was", verdict="False")
    annotation_delete(annotation=gone, actor=bob, version=gone.version)
    claim(single, bob, "a clear escalation", verdict="")  # no verdict yet
    work = article_submit(assignment=work, actor=bob)
    article_approve(assignment=work, actor=lead, version=work.version)

    # Reopened: double review, bob's work sent back (his assignment open again: blind again).
    reopened = article_with(world.project, title="reopened")
    works = {}
    for reviewer in (ann, bob):
        works[reviewer] = assignment_create(article=reopened, reviewer=reviewer, actor=lead)
        claim(reopened, reviewer, verdict="False")
        works[reviewer] = article_submit(assignment=works[reviewer], actor=reviewer)
    article_reject(assignment=works[bob], actor=lead, version=works[bob].version, comment="Again")
    assert Assignment.objects.get(article=reopened, reviewer=bob).state == AssignmentState.REJECTED

    # Bulk paths: rows straight into the table, a queryset update, a queryset delete.
    bulk = article_with(world.project, title="bulk")
    Annotation.objects.bulk_create(
        Annotation(
            article=bulk,
            annotator=lead,
            kind="claim",
            start=0,
            end=10,
            exact=bulk.body[:10],
            status=status,
            verdict=verdict,
        )
        for status, verdict in [
            (AnnotationStatus.APPROVED, "True"),
            (AnnotationStatus.APPROVED, "True"),
            (AnnotationStatus.SUBMITTED, "False"),
            (AnnotationStatus.DRAFT, "False"),
            (AnnotationStatus.REJECTED, "False"),
            (AnnotationStatus.APPROVED, "Pants on fire"),
            (AnnotationStatus.APPROVED, "Satire"),  # off the scale (an older scale's)
        ]
    )
    Annotation.objects.filter(article=bulk, verdict="False").update(verdict="Mostly true")
    Annotation.objects.filter(article=bulk, status=AnnotationStatus.DRAFT).update(
        status=AnnotationStatus.APPROVED
    )
    Annotation.objects.filter(article=bulk, verdict="Pants on fire").delete()
    # A deleted article takes its claims (and their counts) with it.
    deleted = article_with(world.project, title="deleted")
    Annotation.objects.create(
        article=deleted,
        annotator=lead,
        kind="claim",
        start=0,
        end=10,
        exact=BODY[:10],
        status=AnnotationStatus.APPROVED,
        verdict="True",
    )
    assert stored()[(world.project.pk, "True", AnnotationStatus.APPROVED)] == 3
    deleted.delete()
    return world


def test_verdict_counts_match_the_full_count_for_every_member(varied):
    assert stored()  # something to compare
    assert_dashboards_unchanged([varied.project])
    # The blind article's and the reopened one's verdicts are hidden from who still works there.
    hidden_from = {
        m.user.username: {
            v["label"]: v["submitted"]
            for v in verdict_distribution(project=varied.project, user=m.user)
        }
        for m in Membership.objects.filter(team=varied.team).select_related("user")
    }
    assert hidden_from["reviewer"]["Half true"] == 0
    assert hidden_from["lead"]["Half true"] == 1
    assert hidden_from["bob"]["False"] < hidden_from["ann"]["False"]


def test_verdict_counts_follow_an_import_and_a_project_deletion(varied):
    data = b"".join(export_stream(project=varied.project, user=None, fmt="jsonl"))
    report = dataset_import(handle="copydesk/copy", lines=data.splitlines())
    assert report.created > 0
    copy = Project.objects.get(slug="copy")
    assert any(key[0] == copy.pk for key in stored())
    assert_dashboards_unchanged([varied.project, copy])
    copy.delete()
    assert not VerdictCount.objects.filter(project_id=copy.pk).exclude(n=0).exists()
    assert stored() == recounted()


def test_verdict_counts_data_migration_fills_the_table_for_existing_rows(varied):
    before = stored()
    VerdictCount.objects.all().delete()
    fill.fill_verdict_counts(apps, None)
    assert stored() == before == recounted()
    assert_dashboards_unchanged([varied.project])


def test_verdict_distribution_costs_one_query(varied, django_assert_num_queries):
    with django_assert_num_queries(1):
        verdict_distribution(project=varied.project, user=varied.reviewer)

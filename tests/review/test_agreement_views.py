"""The project agreement page: who may see it, what it counts, and what it costs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.review.agreement_world import BODY, article, assign, at, member, span
from workbench.annotations.models import Annotation, AnnotationStatus, Entity
from workbench.review.dashboard_selectors import project_agreement_report
from workbench.review.models import Adjudication, AssignmentState

pytestmark = pytest.mark.django_db


def url(project) -> str:
    return reverse("review:agreement", args=[project.pk])


def test_agreement_anonymous_is_sent_to_login(world, client):
    response = client.get(url(world.project))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_agreement_outsider_gets_404(world):
    assert client_for(world.outsider).get(url(world.project)).status_code == 404


@pytest.mark.parametrize("role", ["reviewer", "viewer"])
def test_agreement_is_for_leads_only(world, role):
    # Reviewers may still be working blind: they must not see each other's work side by side.
    assert client_for(getattr(world, role)).get(url(world.project)).status_code == 403


def test_agreement_lead_sees_an_empty_page(world):
    response = client_for(world.lead).get(url(world.project))
    assert response.status_code == 200
    assert b"No article has been submitted by two reviewers yet." in response.content
    assert b"<svg" in response.content


def two_reviewers(world):
    ann = member(world.team, "ann")
    bob = member(world.team, "bob")
    return ann, bob


def test_agreement_page_shows_hand_computed_figures(world):
    ann, bob = two_reviewers(world)
    knights = Entity.objects.create(team=world.team, name="Knights")
    pentagon = Entity.objects.create(team=world.team, name="Pentagon")
    one = article(world.project, title="First article")
    assign(one, ann)
    assign(one, bob)
    Annotation.objects.bulk_create(
        [
            span(one, ann, "quote", 0, 10, speaker=knights),
            span(one, bob, "quote", 0, 10, speaker=knights),
            span(one, ann, "quote", 50, 70, speaker=knights),
            span(one, bob, "quote", 55, 70, speaker=pentagon),
            span(one, ann, "claim", 100, 120, verdict="True", checkworthy="yes"),
            span(one, bob, "claim", 100, 120, verdict="False", checkworthy="yes"),
            span(one, bob, "claim", 200, 220, verdict="True", checkworthy="no"),
        ]
    )
    report = project_agreement_report(project=world.project, user=world.lead)
    [pair] = report.pairs
    assert (pair.a.name, pair.b.name) == ("ann", "bob")
    # 3 + 4 spans; exact: quote 0–10 and claim 100–120; overlap adds quote 50–70~55–70.
    assert pair.tally.exact_f1 == pytest.approx(4 / 7)
    assert pair.tally.overlap_f1 == pytest.approx(6 / 7)
    assert pair.tally.speaker_agreement == pytest.approx(0.5)
    assert pair.tally.verdicts == [("True", "False")]
    assert pair.tally.kappa_verdict == pytest.approx(0.0)
    assert pair.tally.alpha_checkworthy is None  # both said "yes": one category, n/a
    response = client_for(world.lead).get(url(world.project))
    html = response.content.decode()
    assert "First article" in html
    assert "0.57" in html and "0.86" in html and "0.50" in html
    assert "n/a" in html
    # One speaker and one verdict differ: the article links to adjudication.
    assert reverse("review:adjudicate", args=[one.pk]) in html


def test_agreement_counts_only_submitted_work_of_assigned_reviewers(world):
    ann, bob = two_reviewers(world)
    cy = member(world.team, "cy")
    one = article(world.project)
    assign(one, ann)
    assign(one, bob, state=AssignmentState.APPROVED)
    assign(one, cy, state=AssignmentState.IN_PROGRESS)  # still working: not counted
    Annotation.objects.bulk_create(
        [
            span(one, ann, "claim", 0, 10),
            span(one, bob, "claim", 0, 10),
            span(one, ann, "claim", 20, 30, status=AnnotationStatus.DRAFT),  # a draft
            span(one, cy, "claim", 40, 50, status=AnnotationStatus.SUBMITTED),
            span(one, world.lead, "claim", 60, 70),  # not assigned
        ]
    )
    # The lead's adjudicated copy is approved work, but not a reviewer's judgement.
    result = Annotation.objects.create(
        article=one,
        annotator=ann,
        kind="claim",
        start=80,
        end=90,
        exact=BODY[80:90],
        status=AnnotationStatus.APPROVED,
    )
    Adjudication.objects.create(article=one, result=result, method="accept", decided_by=world.lead)
    # Read once only: not compared.
    single = article(world.project, salt="single")
    assign(single, ann)
    assign(single, bob, state=AssignmentState.ASSIGNED)
    Annotation.objects.bulk_create([span(single, ann, "claim", 0, 10)])
    report = project_agreement_report(project=world.project, user=world.lead)
    [pair] = report.pairs
    assert (pair.a.name, pair.b.name) == ("ann", "bob")
    assert pair.tally.exact_f1 == pytest.approx(1.0)
    assert [row.id for row in report.articles] == [one.pk]


def test_agreement_rejected_work_goes_back_out_of_the_count(world):
    ann, bob = two_reviewers(world)
    one = article(world.project)
    assign(one, ann)
    assign(one, bob, state=AssignmentState.REJECTED)
    assert project_agreement_report(project=world.project, user=world.lead).pairs == []


def test_agreement_escapes_names_and_verdicts(world):
    evil = member(world.team, XSS)
    bob = member(world.team, "bob")
    world.project.rating_scale = ["<b>Pants</b> on fire", XSS]
    world.project.save()
    one = article(world.project, title=XSS)
    assign(one, evil)
    assign(one, bob)
    Annotation.objects.bulk_create(
        [
            span(one, evil, "claim", 0, 10, verdict=XSS),
            span(one, bob, "claim", 0, 10, verdict="<b>Pants</b> on fire"),
        ]
    )
    html = client_for(world.lead).get(url(world.project)).content.decode()
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
    # In the pair table and in the chart (the pair's label in the SVG).
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 3


def build_project(world, n_articles: int = 200):
    """Return a project of n articles, each read by two of three reviewers, with spans."""
    reviewers = [member(world.team, name) for name in ("ann", "bob", "cy")]
    articles = [article(world.project, salt=f"{i}") for i in range(n_articles)]
    from workbench.review.models import Assignment

    assignments, spans = [], []
    for i, a in enumerate(articles):
        pair = (reviewers[i % 3], reviewers[(i + 1) % 3])
        for r in pair:
            assignments.append(
                Assignment(
                    article=a,
                    reviewer=r,
                    state=AssignmentState.SUBMITTED,
                    submitted_at=at(f"2024-0{1 + i % 3}-1{i % 10}T12:00:00"),
                )
            )
        for j, r in enumerate(pair):
            spans += [
                span(a, r, "quote", 0, 10 + j),
                span(
                    a, r, "claim", 40, 60, verdict=("True", "False")[(i + j) % 2], checkworthy="yes"
                ),
                span(a, r, "claim", 100 + 5 * j, 130, verdict="True", checkworthy=("yes", "no")[j]),
            ]
    Assignment.objects.bulk_create(assignments)
    Annotation.objects.bulk_create(spans)
    return reviewers


def test_agreement_page_query_count_for_200_articles(world, django_assert_max_num_queries):
    build_project(world)
    client = client_for(world.lead)
    with django_assert_max_num_queries(15):
        response = client.get(url(world.project))
    assert response.status_code == 200
    report = project_agreement_report(project=world.project, user=world.lead)
    assert len(report.pairs) == 3
    assert report.overall.articles == 200
    # Per article: quote 0–10 vs 0–11 and claim 100–130 vs 105–130 overlap only: 2·1/6 exact.
    assert report.overall.exact_f1 == pytest.approx(1 / 3)
    assert report.overall.overlap_f1 == pytest.approx(1.0)


def test_agreement_leaves_out_articles_the_lead_still_annotates(world):
    # A lead assigned as a third reviewer works blind like anyone: no figure from the
    # co-reviewers' work on that article reaches them until their own work is in.
    ann, bob = two_reviewers(world)
    shared = article(world.project, title="Lead still working")
    other = article(world.project, title="Lead not assigned", salt="other")
    for a in (shared, other):
        assign(a, ann)
        assign(a, bob)
    assign(shared, world.lead, state=AssignmentState.IN_PROGRESS)
    report = project_agreement_report(project=world.project, user=world.lead)
    assert [row.title for row in report.articles] == ["Lead not assigned"]
    html = client_for(world.lead).get(url(world.project)).content.decode()
    assert "Lead still working" not in html


def test_agreement_article_table_is_paged_lowest_first(world):
    # The table grows with the double-reviewed articles; every one is on exactly one page, in
    # the report's order (lowest agreement first), while the whole-project figures stay whole.
    build_project(world, n_articles=120)
    report = project_agreement_report(project=world.project, user=world.lead)
    client = client_for(world.lead)
    seen = []
    for page in (1, 2, 3):
        html = client.get(url(world.project), {"page": page}).content.decode()
        ids = [
            row.id
            for row in report.articles
            if reverse("articles:article_detail", args=[row.id]) + '"' in html
        ]
        seen.append(ids)
        assert "<dd>120</dd>" in html
    assert [len(ids) for ids in seen] == [50, 50, 20]
    assert [i for ids in seen for i in ids] == [row.id for row in report.articles]
    first = client.get(url(world.project)).content.decode()
    assert "Articles 1–50 of 120." in first
    assert '?page=2"' in first
    # A page out of range or not a number shows the nearest page, never an error.
    assert client.get(url(world.project), {"page": "x"}).status_code == 200
    last = client.get(url(world.project), {"page": 99}).content.decode()
    assert "Articles 101–120 of 120." in last

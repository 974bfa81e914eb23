"""The project dashboard and the lead's "needs your attention": access, figures, cost, escaping."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import XSS, client_for
from tests.factories import UserFactory
from tests.review.agreement_world import article, assign, at, member, span
from tests.review.test_agreement_views import build_project
from workbench.accounts.models import Membership
from workbench.annotations.models import Annotation, AnnotationStatus
from workbench.annotations.revisions import revision_add
from workbench.articles.models import ArticleStatus
from workbench.review.dashboard_selectors import lead_attention, project_dashboard, week_range
from workbench.review.models import Assignment, AssignmentState, ReviewSession, SessionArticle
from workbench.suggest.models import SuggestionDecision

pytestmark = pytest.mark.django_db


def url(project) -> str:
    return reverse("review:dashboard", args=[project.pk])


def lead_view(world):
    return Membership.objects.get(team=world.team, user=world.lead)


def test_dashboard_anonymous_is_sent_to_login(world, client):
    response = client.get(url(world.project))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_dashboard_outsider_gets_404(world):
    assert client_for(world.outsider).get(url(world.project)).status_code == 404


@pytest.mark.parametrize("role", ["lead", "reviewer", "viewer"])
def test_dashboard_is_for_every_member(world, role):
    response = client_for(getattr(world, role)).get(url(world.project))
    assert response.status_code == 200
    assert b"Articles by status" in response.content
    # Only leads get the link to the agreement page.
    assert (reverse("review:agreement", args=[world.project.pk]).encode() in response.content) == (
        role == "lead"
    )


def session_time(reviewer, team, article, seconds):
    now = timezone.now()
    session = ReviewSession.objects.create(
        reviewer=reviewer, team=team, started=now, last_activity=now
    )
    SessionArticle.objects.create(
        session=session, article=article, first_seen=now, last_seen=now, active_seconds=seconds
    )


def test_dashboard_reviewer_rows_and_throughput(world):
    ann, bob = member(world.team, "ann"), member(world.team, "bob")
    one, two, three = (article(world.project, salt=str(i)) for i in range(3))
    assign(one, ann, submitted_at=at("2024-03-04T09:00:00"))  # Monday
    assign(two, ann, state=AssignmentState.APPROVED, submitted_at=at("2024-03-17T23:00:00"))
    assign(three, ann, state=AssignmentState.IN_PROGRESS)
    assign(one, bob, submitted_at=at("2024-03-10T12:00:00"))  # Sunday, same week
    session_time(ann, world.team, one, 1800)
    session_time(ann, world.team, two, 1800)
    session_time(bob, world.team, one, 600)
    dashboard = project_dashboard(project=world.project, viewer=lead_view(world))
    rows = {r.name: r for r in dashboard.reviewers}
    assert (rows["ann"].open, rows["ann"].submitted, rows["ann"].approved) == (1, 1, 1)
    assert rows["ann"].active_seconds == 3600
    assert rows["ann"].articles_seen == 2
    assert rows["ann"].time_per_article == "30 min"
    assert rows["ann"].active_time == "60 min"  # the page counts in minutes below two hours
    assert rows["ann"].weekly == {date(2024, 3, 4): 1, date(2024, 3, 11): 1}
    assert rows["bob"].weekly == {date(2024, 3, 4): 1}
    assert dashboard.weeks == [date(2024, 3, 4), date(2024, 3, 11)]


def test_dashboard_shows_a_non_lead_only_their_own_row(world):
    ann = member(world.team, "ann")
    one = article(world.project)
    assign(one, ann)
    assign(one, world.reviewer)
    html = client_for(world.reviewer).get(url(world.project)).content.decode()
    assert "(your own work)" in html
    assert ">ann<" not in html
    assert ">reviewer<" in html
    html = client_for(world.lead).get(url(world.project)).content.decode()
    assert ">ann<" in html


def test_dashboard_verdicts_follow_the_rating_scale(world):
    world.project.rating_scale = ["True", "Half true", "False"]
    world.project.save()
    ann, bob = member(world.team, "ann"), member(world.team, "bob")
    one = article(world.project)
    Annotation.objects.bulk_create(
        [
            span(one, ann, "claim", 0, 10, verdict="False"),
            span(one, bob, "claim", 0, 10, verdict="False"),
            span(one, ann, "claim", 20, 30, verdict="True", status=AnnotationStatus.APPROVED),
            span(one, ann, "claim", 40, 50, verdict="Satire"),  # not on the scale (any more)
            span(one, bob, "claim", 60, 70, verdict="True", status=AnnotationStatus.DRAFT),
            span(one, bob, "claim", 80, 90, verdict="True", status=AnnotationStatus.REJECTED),
        ]
    )
    verdicts = project_dashboard(project=world.project, viewer=lead_view(world)).verdicts
    assert [(v["label"], v["approved"], v["submitted"]) for v in verdicts] == [
        ("True", 1, 0),
        ("Half true", 0, 0),
        ("False", 0, 2),
        ("Satire", 0, 1),
    ]
    html = client_for(world.viewer).get(url(world.project)).content.decode()
    assert html.index(">Half true<") < html.index(">False<")
    assert "not on the scale" in html


def test_dashboard_verdicts_stay_blind_while_the_viewer_annotates(world):
    ann = member(world.team, "ann")
    one = article(world.project)
    assign(one, ann)
    assign(one, world.reviewer, state=AssignmentState.IN_PROGRESS)
    Annotation.objects.bulk_create([span(one, ann, "claim", 0, 10, verdict="False")])
    mine = Membership.objects.get(team=world.team, user=world.reviewer)
    counts = {
        v["label"]: v["submitted"]
        for v in project_dashboard(project=world.project, viewer=mine).verdicts
    }
    assert counts["False"] == 0
    counts = {
        v["label"]: v["submitted"]
        for v in project_dashboard(project=world.project, viewer=lead_view(world)).verdicts
    }
    assert counts["False"] == 1


def test_dashboard_status_counts_and_agreement_over_time(world):
    build_project(world, n_articles=6)
    dashboard = project_dashboard(project=world.project, viewer=lead_view(world))
    counts = {s["value"]: s["count"] for s in dashboard.status_counts}
    # Statuses are set by the review services; bulk-created assignments leave them as created.
    assert counts[ArticleStatus.UNASSIGNED] == 7
    weeks = dashboard.agreement.weeks
    assert [w.tally.overlap_f1 for w in weeks] == [pytest.approx(1.0)] * len(weeks)
    assert sum(w.tally.articles for w in weeks) == 6


def test_dashboard_suggestion_precision(world):
    html = client_for(world.viewer).get(url(world.project)).content.decode()
    assert 'id="suggestion-precision"' in html
    assert project_dashboard(project=world.project, viewer=lead_view(world)).suggestions == {
        "accepted": 0,
        "rejected": 0,
        "precision": None,
    }
    SuggestionDecision.objects.bulk_create(
        [
            SuggestionDecision(
                article=world.article,
                kind="claim",
                start=i,
                end=i + 5,
                exact="x",
                decision=decision,
                score=0.5,
            )
            for i, decision in enumerate(["accepted", "accepted", "accepted", "rejected"])
        ]
    )
    suggestions = project_dashboard(project=world.project, viewer=lead_view(world)).suggestions
    assert suggestions == {"accepted": 3, "rejected": 1, "precision": 0.75}
    html = client_for(world.viewer).get(url(world.project)).content.decode()
    assert "<dd>0.75</dd>" in html


def test_dashboard_escapes_names_and_verdicts_in_tables_and_svg(world):
    evil = member(world.team, XSS)
    world.project.rating_scale = ["<b>Pants</b> on fire", XSS]
    world.project.save()
    one = article(world.project)
    assign(one, evil, submitted_at=at("2024-03-04T09:00:00"))
    session_time(evil, world.team, one, 120)
    Annotation.objects.bulk_create([span(one, evil, "claim", 0, 10, verdict=XSS)])
    html = client_for(world.lead).get(url(world.project)).content.decode()
    assert "<script>" not in html
    assert "<b>Pants" not in html
    assert "&lt;b&gt;Pants&lt;/b&gt; on fire" in html
    # Table rows, the verdict chart, the throughput and time charts.
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 5


def test_dashboard_query_count_for_200_articles(world, django_assert_max_num_queries):
    reviewers = build_project(world)
    for r in reviewers:
        session_time(r, world.team, world.article, 60)
    client = client_for(world.lead)
    with django_assert_max_num_queries(15):
        response = client.get(url(world.project))
    assert response.status_code == 200
    assert response.content.count(b"<svg") == 5


def test_week_range_fills_gaps_and_keeps_the_latest_weeks():
    monday = date(2024, 1, 1)
    assert week_range({monday, monday + timedelta(weeks=3)}) == [
        monday + timedelta(weeks=i) for i in range(4)
    ]
    assert week_range({monday, monday + timedelta(weeks=40)}, limit=3) == [
        monday + timedelta(weeks=i) for i in (38, 39, 40)
    ]
    assert week_range(set()) == []


# --- the lead's home page -----------------------------------------------------------------------


def attention_url() -> str:
    return reverse("review:attention")


def test_attention_anonymous_is_sent_to_login(client):
    response = client.get(attention_url())
    assert response.status_code == 302


def test_attention_without_a_team_is_refused(db):
    loner = UserFactory(username="loner")
    assert client_for(loner).get(attention_url()).status_code == 403
    assert attention_url() not in client_for(loner).get("/").content.decode()


@pytest.mark.parametrize("role", ["reviewer", "viewer"])
def test_attention_is_for_leads(world, role):
    assert client_for(getattr(world, role)).get(attention_url()).status_code == 403


def test_attention_outsider_sees_only_their_own_team(world):
    ann, bob = member(world.team, "ann"), member(world.team, "bob")
    one = article(world.project, title="Desk article")
    assign(one, ann)
    assign(one, bob)
    one.status = ArticleStatus.SUBMITTED
    one.save()
    html = client_for(world.outsider).get(attention_url()).content.decode()
    assert "Desk article" not in html
    assert "Nothing is waiting on you." in html


def test_home_page_has_the_attention_slot_for_leads_only(world):
    slot = attention_url().encode()
    assert slot in client_for(world.lead).get(reverse("articles:project_list")).content
    assert slot not in client_for(world.reviewer).get(reverse("articles:project_list")).content


def test_attention_lists_decisions_disagreements_unassigned_and_stalled_work(world):
    now = timezone.now()
    ann, bob, cy = (member(world.team, n) for n in ("ann", "bob", "cy"))
    agreed = article(world.project, title="Agreed article", salt="a")
    disputed = article(world.project, title="Disputed article", salt="d")
    for a in (agreed, disputed):
        assign(a, ann)
        assign(a, bob)
        a.status = ArticleStatus.SUBMITTED
        a.save()
    Annotation.objects.bulk_create(
        [
            span(agreed, ann, "claim", 0, 10, verdict="True"),
            span(agreed, bob, "claim", 0, 10, verdict="True"),
            span(disputed, ann, "claim", 0, 10, verdict="True"),
            span(disputed, bob, "claim", 0, 10, verdict="False"),
        ]
    )
    stalled = article(world.project, title="Stalled article", salt="s")
    old = assign(stalled, ann, state=AssignmentState.ASSIGNED)
    Assignment.objects.filter(pk=old.pk).update(created=now - timedelta(days=10))
    fresh = article(world.project, title="Fresh article", salt="f")
    assign(fresh, bob, state=AssignmentState.IN_PROGRESS)
    # The review services keep the status in step with the assignments; here it is set by hand.
    world.project.articles.filter(pk__in=[stalled.pk, fresh.pk]).update(
        status=ArticleStatus.IN_PROGRESS
    )
    # world.article is unassigned.
    attention = lead_attention(team=world.team, now=now)
    assert attention.awaiting_count == 2
    assert [r.title for r in attention.disagreements] == ["Disputed article"]
    assert attention.disagreements[0].tally.disagreements == 1
    assert [(u["project_name"], u["n"]) for u in attention.unassigned] == [("Desk project", 1)]
    assert [(o.reviewer, o.title) for o in attention.overdue] == [("ann", "Stalled article")]
    assert attention.idle == ["cy", "reviewer"]
    response = client_for(world.lead).get(attention_url(), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "2 articles waiting for your decision" in html
    assert "reviewers disagree" in html
    assert "Stalled article" in html
    assert reverse("review:adjudicate", args=[disputed.pk]) in html


def test_attention_activity_in_a_session_is_not_overdue(world):
    now = timezone.now()
    ann = member(world.team, "ann")
    one = article(world.project)
    a = assign(one, ann, state=AssignmentState.IN_PROGRESS)
    Assignment.objects.filter(pk=a.pk).update(created=now - timedelta(days=30))
    session_time(ann, world.team, one, 60)
    assert lead_attention(team=world.team, now=now).overdue == []


def test_attention_escapes_titles_and_names(world):
    evil = member(world.team, XSS)
    one = article(world.project, title=XSS)
    a = assign(one, evil, state=AssignmentState.ASSIGNED)
    Assignment.objects.filter(pk=a.pk).update(created=timezone.now() - timedelta(days=10))
    html = client_for(world.lead).get(attention_url()).content.decode()
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") >= 2


def test_attention_query_count(world, django_assert_max_num_queries):
    build_project(world)
    world.project.articles.update(status=ArticleStatus.SUBMITTED)
    client = client_for(world.lead)
    with django_assert_max_num_queries(15):
        response = client.get(attention_url(), headers={"HX-Request": "true"})
    assert b"200 articles waiting for your decision" in response.content


def test_attention_lists_stealth_edits_with_a_link_to_the_diff(world):
    quiet = article(world.project, title=f"Quietly changed {XSS}", salt="q")
    noted = article(world.project, title="Openly corrected", salt="n")
    revision_add(article=quiet, text=quiet.body + " Nine, not ten.", origin="fetch", by=None)
    revision_add(
        article=noted, text=noted.body + "\n\nCorrection: nine, not ten.", origin="fetch", by=None
    )
    html = client_for(world.lead).get(attention_url()).content.decode()
    assert "Possible stealth edits" in html
    assert reverse("articles:article_revision_diff", args=[quiet.pk]) in html
    assert reverse("articles:article_revision_diff", args=[noted.pk]) not in html
    assert "<script>" not in html and "Quietly changed &lt;script&gt;" in html
    assert "Quietly changed" not in client_for(world.outsider).get(attention_url()).content.decode()
    # The home page's slot loads this section, for leads only.
    assert client_for(world.reviewer).get(attention_url()).status_code == 403

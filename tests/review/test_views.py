"""The review pages: ladder (anonymous, outsider, viewer, member), escaping, queries, 409."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory, MembershipFactory
from tests.review.conftest import article_with, quote, span
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation
from workbench.annotations.services import (
    annotation_create,
    entity_create,
    evidence_add,
    source_get_or_create,
)
from workbench.review.models import (
    Adjudication,
    Assignment,
    AssignmentState,
    ReviewSession,
    SessionArticle,
)
from workbench.review.selectors import DONE_PER_PAGE, OPEN_SHOWN
from workbench.review.services import (
    adjudication_accept,
    article_submit,
    assignment_create,
    session_touch,
)

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def _login_redirect(response) -> bool:
    return response.status_code == 302 and reverse("login") in response["Location"]


# --- the ladder ---------------------------------------------------------------------------------


def _pages(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    return {
        "queue": reverse("review:queue"),
        "next": reverse("review:next_article"),
        "assign": reverse("review:assign", args=[review.project.pk]),
        "panel": reverse("review:article_review", args=[review.article.pk]),
        "adjudicate": reverse("review:adjudicate", args=[review.article.pk]),
    }, a


def test_anonymous_is_sent_to_login_everywhere(review):
    pages, a = _pages(review)
    posts = [
        reverse("review:heartbeat"),
        reverse("review:assignment_create", args=[review.article.pk]),
        reverse("review:assignment_submit", args=[a.pk]),
        reverse("review:assignment_approve", args=[a.pk]),
        reverse("review:assignment_reject", args=[a.pk]),
        reverse("review:adjudication_accept", args=[review.article.pk]),
        reverse("review:adjudication_finish", args=[review.article.pk]),
    ]
    client = Client()
    for url in pages.values():
        assert _login_redirect(client.get(url)), url
    for url in posts:
        assert _login_redirect(client.post(url)), url


def test_outsider_gets_404(review):
    pages, a = _pages(review)
    client = client_for(review.outsider)
    for name in ("assign", "panel", "adjudicate"):
        assert client.get(pages[name]).status_code == 404, name
    for url in (
        reverse("review:assignment_create", args=[review.article.pk]),
        reverse("review:assignment_submit", args=[a.pk]),
        reverse("review:assignment_approve", args=[a.pk]),
        reverse("review:assignment_reject", args=[a.pk]),
        reverse("review:assignment_remove", args=[a.pk]),
        reverse("review:adjudication_accept", args=[review.article.pk]),
        reverse("review:adjudication_merge", args=[review.article.pk]),
        reverse("review:adjudication_finish", args=[review.article.pk]),
    ):
        assert client.post(url, {"reviewer": review.outsider.pk, "version": 1}).status_code == 404
    assert (
        client.post(reverse("review:heartbeat"), {"article": review.article.pk}).status_code == 404
    )
    assert client.get(pages["queue"]).status_code == 200
    assert Assignment.objects.get(pk=a.pk).state == "assigned"


def test_viewer_reads_but_every_write_is_refused(review):
    pages, a = _pages(review)
    client = client_for(review.viewer)
    assert client.get(pages["queue"]).status_code == 200
    assert client.get(pages["panel"]).status_code == 200
    for name in ("assign", "adjudicate"):
        assert client.get(pages[name]).status_code == 403, name
    for url, data in (
        (reverse("review:heartbeat"), {"article": review.article.pk}),
        (reverse("review:assignment_create", args=[review.article.pk]), {"reviewer": review.second.pk}),
        (reverse("review:assignment_submit", args=[a.pk]), {"version": 1}),
        (reverse("review:assignment_approve", args=[a.pk]), {"version": 1}),
        (reverse("review:assignment_reject", args=[a.pk]), {"version": 1, "comment": "x"}),
        (reverse("review:adjudication_finish", args=[review.article.pk]), {}),
    ):  # fmt: skip
        assert client.post(url, data).status_code == 403, url
    assert Assignment.objects.count() == 1 and not ReviewSession.objects.exists()


def test_members_get_their_pages(review):
    pages, a = _pages(review)
    lead = client_for(review.lead)
    for name in ("queue", "assign", "panel", "adjudicate"):
        assert lead.get(pages[name]).status_code == 200, name
    reviewer = client_for(review.reviewer)
    assert reviewer.get(pages["queue"]).status_code == 200
    response = reviewer.get(pages["next"])
    assert response.status_code == 302 and response["Location"] == review.article.get_absolute_url()
    for name in ("assign", "adjudicate"):
        assert reviewer.get(pages[name]).status_code == 403


# --- escaping -----------------------------------------------------------------------------------


def test_titles_and_comments_come_back_escaped(review):
    article = ArticleFactory(project=review.project, title=XSS, body=f"Text {XSS} here.")
    a = assignment_create(article=article, reviewer=review.reviewer, actor=review.lead)
    article_submit(assignment=a, actor=review.reviewer)
    lead = client_for(review.lead)
    reject = reverse("review:assignment_reject", args=[a.pk])
    lead.post(reject, {"version": 2, "comment": XSS}, headers=HX)
    pages = [
        client_for(review.reviewer).get(reverse("review:queue")),
        client_for(review.reviewer).get(reverse("review:article_review", args=[article.pk])),
        lead.get(reverse("review:assign", args=[review.project.pk])),
        lead.get(reverse("review:adjudicate", args=[article.pk])),
    ]
    for response in pages:
        html = response.content.decode()
        assert "<script>alert" not in html and "&lt;script&gt;" in html


# --- the queue ----------------------------------------------------------------------------------


def test_queue_shows_sections_progress_and_time(review):
    articles = [ArticleFactory(project=review.project, title=f"Piece {i}") for i in range(3)]
    mine = [
        assignment_create(article=a, reviewer=review.reviewer, actor=review.lead) for a in articles
    ]
    session_touch(user=review.reviewer, team=review.team, article=articles[1])
    article_submit(assignment=mine[2], actor=review.reviewer)
    SessionArticle.objects.filter(article=articles[1]).update(active_seconds=125)
    html = client_for(review.reviewer).get(reverse("review:queue")).content.decode()
    assert "<span data-done>1</span> of <span data-total>3</span>" in html
    assert "2 min" in html  # in minutes, as every duration on the page
    assert html.index("Piece 1") < html.index("Piece 0") < html.index("Piece 2")
    assert ReviewSession.objects.filter(reviewer=review.reviewer, ended__isnull=True).count() == 1


def test_queue_of_200_articles_within_15_queries(review, django_assert_max_num_queries):
    articles = ArticleFactory.create_batch(200, project=review.project)
    Assignment.objects.bulk_create(
        Assignment(article=a, reviewer=review.reviewer, assigned_by=review.lead) for a in articles
    )
    for article in articles[:20]:
        session_touch(user=review.reviewer, team=review.team, article=article)
    client = client_for(review.reviewer)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("review:queue"))
    assert response.status_code == 200
    # Open work beyond OPEN_SHOWN rows waits behind the first ones ("Next article" order).
    assert response.content.decode().count('<span class="badge state-') == OPEN_SHOWN
    assert "<span data-total>200</span>" in response.content.decode()


def done_work(review, n: int) -> list:
    """Give the reviewer n submitted assignments, created a minute apart (oldest first)."""
    articles = [ArticleFactory(project=review.project, title=f"Done {i:04d}") for i in range(n)]
    start = timezone.now() - timedelta(days=1)
    rows = Assignment.objects.bulk_create(
        Assignment(
            article=a,
            reviewer=review.reviewer,
            assigned_by=review.lead,
            state=AssignmentState.SUBMITTED,
            submitted_at=start,
        )
        for a in articles
    )
    for i, row in enumerate(rows):
        Assignment.objects.filter(pk=row.pk).update(created=start + timedelta(minutes=i))
    return articles


def test_queue_lists_a_normal_done_section_in_full_and_in_order(review):
    done_work(review, DONE_PER_PAGE)
    html = client_for(review.reviewer).get(reverse("review:queue")).content.decode()
    titles = [f"Done {i:04d}" for i in range(DONE_PER_PAGE)]
    assert all(title in html for title in titles)
    assert [html.index(t) for t in titles] == sorted(html.index(t) for t in titles)
    assert 'aria-label="Done work"' not in html  # no pager below one page


def test_queue_pages_a_long_done_section_latest_first(review, django_assert_max_num_queries):
    done_work(review, 2 * DONE_PER_PAGE + 10)
    ArticleFactory(project=review.project, title="Still to do")
    assignment_create(
        article=review.project.articles.get(title="Still to do"),
        reviewer=review.reviewer,
        actor=review.lead,
    )
    client = client_for(review.reviewer)
    with django_assert_max_num_queries(15):
        html = client.get(reverse("review:queue")).content.decode()
    assert "<span data-done>110</span> of <span data-total>111</span>" in html
    assert html.count('<span class="badge state-submitted">') == DONE_PER_PAGE
    assert "Done 0109" in html and "Done 0060" in html and "Done 0059" not in html
    assert html.index("Done 0060") < html.index("Done 0109")  # the queue's order, as ever
    assert "Still to do" in html  # open work is never paged
    assert 'href="?done=2#queue-3"' in html
    last = client.get(reverse("review:queue"), {"done": 3}).content.decode()
    assert "Done 0000" in last and "Done 0010" not in last and "Done 0109" not in last
    assert 'href="?done=2#queue-3"' in last and "?done=4" not in last
    # A page past the end shows the last; a nonsense page the first.
    assert "Done 0000" in client.get(reverse("review:queue"), {"done": 99}).content.decode()
    assert "Done 0109" in client.get(reverse("review:queue"), {"done": "x"}).content.decode()


def test_queue_lists_the_first_open_work_in_the_order_next_article_takes_it(review):
    articles = [
        ArticleFactory(project=review.project, title=f"Open {i:04d}") for i in range(OPEN_SHOWN + 5)
    ]
    for article in articles:
        assignment_create(article=article, reviewer=review.reviewer, actor=review.lead)
    html = client_for(review.reviewer).get(reverse("review:queue")).content.decode()
    assert f"of <span data-total>{OPEN_SHOWN + 5}</span>" in html
    assert f'<span class="badge">{OPEN_SHOWN + 5}</span>' in html
    assert "Open 0000" in html and f"Open {OPEN_SHOWN - 1:04d}" in html
    assert f"Open {OPEN_SHOWN:04d}" not in html
    assert f"Showing the first {OPEN_SHOWN} of {OPEN_SHOWN + 5}" in html


def test_queue_api_still_lists_every_assignment(review):
    done_work(review, DONE_PER_PAGE + 5)
    for i in range(OPEN_SHOWN + 1):
        article = ArticleFactory(project=review.project, title=f"Open {i}")
        assignment_create(article=article, reviewer=review.reviewer, actor=review.lead)
    body = client_for(review.reviewer).get(reverse("api:assignment-queue")).json()
    assert body["done"] == DONE_PER_PAGE + 5
    assert body["total"] == len(body["items"]) == DONE_PER_PAGE + 5 + OPEN_SHOWN + 1


def test_next_article_without_work_goes_back_to_the_queue(review):
    response = client_for(review.reviewer).get(reverse("review:next_article"))
    assert response["Location"] == reverse("review:queue")


def test_heartbeat_records_the_article_in_the_session(review):
    assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    client = client_for(review.reviewer)
    url = reverse("review:heartbeat")
    assert client.post(url, {"article": review.article.pk}).status_code == 204
    assert client.post(url, {"article": "x"}).status_code == 400
    visit = SessionArticle.objects.get()
    assert visit.article == review.article and visit.session.reviewer == review.reviewer
    assert Assignment.objects.get().state == "in_progress"


def test_article_panel_emits_the_heartbeat_for_the_assignee_only(review):
    assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    url = reverse("review:article_review", args=[review.article.pk])
    assert "data-heartbeat-url" in client_for(review.reviewer).get(url, headers=HX).content.decode()
    assert "data-heartbeat-url" not in client_for(review.lead).get(url, headers=HX).content.decode()


# --- assigning ----------------------------------------------------------------------------------


def test_lead_distributes_from_the_assign_page(review):
    ArticleFactory.create_batch(3, project=review.project)
    url = reverse("review:assign", args=[review.project.pk])
    data = {"reviewers": [review.reviewer.pk, review.second.pk], "k": 2, "strategy": "round_robin"}
    response = client_for(review.lead).post(url, data)
    assert response.status_code == 302
    assert Assignment.objects.count() == 2 * review.project.articles.count()


def test_assigning_a_non_member_is_refused(review):
    url = reverse("review:assignment_create", args=[review.article.pk])
    response = client_for(review.lead).post(url, {"reviewer": review.outsider.pk})
    assert response.status_code == 403
    distribute = reverse("review:assign", args=[review.project.pk])
    response = client_for(review.lead).post(
        distribute, {"reviewers": [review.outsider.pk], "k": 1, "strategy": "random"}
    )
    assert response.status_code == 403
    assert not Assignment.objects.exists()


# --- submitting and deciding --------------------------------------------------------------------


def _submitted(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    quote(review.article, review.reviewer)
    return article_submit(assignment=a, actor=review.reviewer)


def test_reviewer_submits_from_the_panel(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    quote(review.article, review.reviewer)
    url = reverse("review:assignment_submit", args=[a.pk])
    assert client_for(review.second).post(url, {"version": 1}, headers=HX).status_code == 403
    response = client_for(review.reviewer).post(url, {"version": 1}, headers=HX)
    assert response.status_code == 200 and "annotations-changed" in response["HX-Trigger"]
    assert Annotation.objects.get().status == "submitted"


def test_review_box_shows_the_articles_new_status_after_submit_and_approve(review):
    # The box's heading names the article's status; after the decision it must be the new one,
    # not the status the article had when the request began.
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    quote(review.article, review.reviewer)
    submit = reverse("review:assignment_submit", args=[a.pk])
    response = client_for(review.reviewer).post(submit, {"version": 1}, headers=HX)
    assert 'class="status status-submitted"' in response.content.decode()
    a.refresh_from_db()
    approve = reverse("review:assignment_approve", args=[a.pk])
    response = client_for(review.lead).post(approve, {"version": a.version}, headers=HX)
    assert 'class="status status-reviewed"' in response.content.decode()


def test_approving_as_a_reviewer_is_refused(review):
    a = _submitted(review)
    url = reverse("review:assignment_approve", args=[a.pk])
    assert client_for(review.reviewer).post(url, {"version": a.version}).status_code == 403
    assert Assignment.objects.get().state == "submitted"


def test_second_lead_with_a_stale_version_gets_409_and_nothing_changes(review):
    other = MembershipFactory(team=review.team, role=Role.LEAD).user
    a = _submitted(review)
    approve = reverse("review:assignment_approve", args=[a.pk])
    reject = reverse("review:assignment_reject", args=[a.pk])
    first = client_for(review.lead).post(approve, {"version": a.version}, headers=HX)
    assert first.status_code == 200
    second = client_for(other).post(reject, {"version": a.version, "comment": "no"}, headers=HX)
    assert second.status_code == 409
    assert "Someone else decided" in second.content.decode()
    # The rest of that lead's page catches up too (annotation panel, details).
    assert "review-changed" in json.loads(second["HX-Trigger"])
    a.refresh_from_db()
    assert (a.state, a.comment, a.decided_by) == ("approved", "", review.lead)
    assert Annotation.objects.get().status == "approved"


def test_reject_without_comment_is_400(review):
    a = _submitted(review)
    url = reverse("review:assignment_reject", args=[a.pk])
    response = client_for(review.lead).post(url, {"version": a.version}, headers=HX)
    assert response.status_code == 400
    assert Assignment.objects.get().state == "submitted"


# --- submitted work is read-only for its reviewer ------------------------------------------------


def test_submitted_annotation_panel_is_read_only_for_its_reviewer(review):
    _submitted(review)
    annotation = Annotation.objects.get()
    url = reverse("annotations:annotation_detail", args=[annotation.pk])
    edit = reverse("annotations:annotation_edit", args=[annotation.pk])
    text = client_for(review.reviewer).get(url, headers=HX).content.decode()
    assert edit not in text and "data-locked" in text and "it can no longer be changed" in text
    assert reverse("annotations:comment_add", args=[annotation.pk]) in text  # comments stay
    lead = client_for(review.lead).get(url, headers=HX).content.decode()
    assert edit in lead and "data-locked" not in lead


def test_submitted_annotation_edits_are_refused_with_the_reason(review):
    _submitted(review)
    annotation = Annotation.objects.get()
    client = client_for(review.reviewer)
    edit = reverse("annotations:annotation_edit", args=[annotation.pk])
    delete = reverse("annotations:annotation_delete", args=[annotation.pk])
    assert client.get(edit).status_code == 403
    refused = client.post(edit, {"version": annotation.version, "role": "x"})
    assert refused.status_code == 403 and "it can no longer be changed" in refused.content.decode()
    assert client.post(delete, {"version": annotation.version}).status_code == 403
    new = reverse("annotations:annotation_new", args=[review.article.pk])
    create = reverse("annotations:annotation_create", args=[review.article.pk])
    data = {"kind": "quote", "start": 0, "end": 7, "exact": review.article.body[:7]}
    assert client.post(new, data, headers=HX).status_code == 403
    assert client.post(create, data, headers=HX).status_code == 403
    assert list(Annotation.objects.values_list("version", "role")) == [(annotation.version, "")]


# --- adjudication -------------------------------------------------------------------------------


@pytest.fixture
def double(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    review.q1 = quote(review.article, review.reviewer, "the strike was")
    review.q2 = quote(review.article, review.second, "the strike was", role="analyst")
    article_submit(assignment=a, actor=review.reviewer)
    article_submit(assignment=b, actor=review.second)
    return review


def test_adjudicate_page_aligns_and_highlights_differences(double):
    html = client_for(double.lead).get(reverse("review:adjudicate", args=[double.article.pk]))
    text = html.content.decode()
    assert text.count('class="differs"') == 1
    assert "differs: role" in text and "speaker" not in text.split("differs:")[1][:20]
    assert f'value="{double.q1.pk}"' in text and f'value="{double.q2.pk}"' in text


def test_lead_accepts_and_finishes_from_the_page(double):
    client = client_for(double.lead)
    accept = reverse("review:adjudication_accept", args=[double.article.pk])
    assert client.post(accept, {"annotation": double.q2.pk}).status_code == 302
    result = Adjudication.objects.get().result
    assert (result.status, result.role) == ("approved", "analyst")
    finish = reverse("review:adjudication_finish", args=[double.article.pk])
    versions = {f"v-{a.pk}": a.version for a in Assignment.objects.all()}
    assert client.post(finish, versions).status_code == 302
    assert set(Assignment.objects.values_list("state", flat=True)) == {"approved"}
    assert client.post(finish, versions).status_code == 409


def test_adjudicating_as_viewer_or_reviewer_is_refused(double):
    accept = reverse("review:adjudication_accept", args=[double.article.pk])
    merge = reverse("review:adjudication_merge", args=[double.article.pk])
    for user in (double.viewer, double.reviewer):
        client = client_for(user)
        assert client.post(accept, {"annotation": double.q1.pk}).status_code == 403
        pks = [double.q1.pk, double.q2.pk]
        assert client.post(merge, {"annotations": pks}).status_code == 403
    assert not Adjudication.objects.exists()


def test_undo_from_the_page(double):
    adjudication = adjudication_accept(original=double.q1, actor=double.lead)
    url = reverse("review:adjudication_undo", args=[adjudication.pk])
    assert client_for(double.reviewer).post(url).status_code == 403
    assert client_for(double.lead).post(url).status_code == 302
    assert not Adjudication.objects.exists()


def test_accept_and_edit_opens_the_copy(double):
    accept = reverse("review:adjudication_accept", args=[double.article.pk])
    data = {"annotation": double.q1.pk, "then": "edit"}
    response = client_for(double.lead).post(accept, data)
    adjudication = Adjudication.objects.get()
    assert adjudication.method == "edit"
    url = reverse("annotations:annotation_detail", args=[adjudication.result_id])
    assert response["Location"] == url


def test_adjudicate_page_of_three_reviewers_within_15_queries(
    review, django_assert_max_num_queries
):
    third = MembershipFactory(team=review.team, role=Role.REVIEWER, user__username="third").user
    sentences = [f"Speaker {n} said that figure {n} was wrong." for n in range(15)]
    article = article_with(review.project, body=" ".join(sentences))
    source = source_get_or_create(team=review.team, actor=None, title="Ministry data")
    speakers = [entity_create(team=review.team, actor=None, name=f"Speaker {n}") for n in range(15)]
    for reviewer in (review.reviewer, review.second, third):
        a = assignment_create(article=article, reviewer=reviewer, actor=review.lead)
        for n, sentence in enumerate(sentences):
            text = f"figure {n} was wrong" if n % 2 else sentence
            s = span(text, article.body)
            if n % 2:
                made = annotation_create(
                    article=article, author=reviewer, kind="claim", claimant=speakers[n], **s
                )
                evidence_add(claim=made, actor=reviewer, source=source, stance="refutes")
            else:
                annotation_create(
                    article=article, author=reviewer, kind="quote", speaker=speakers[n], **s
                )
        article_submit(assignment=a, actor=reviewer)
    for original in Annotation.objects.filter(annotator=review.reviewer)[:5]:
        adjudication_accept(original=original, actor=review.lead)
    client = client_for(review.lead)
    url = reverse("review:adjudicate", args=[article.pk])
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('data-action="accept"') == 40


# --- confirmations, fresh states, roles in the panel ---------------------------------------------


def test_irreversible_review_actions_ask_first(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    quote(review.article, review.reviewer)
    panel = reverse("review:article_review", args=[review.article.pk])
    mine = client_for(review.reviewer).get(panel, headers=HX).content.decode()
    assert 'data-confirm="Submit your annotations?' in mine
    article_submit(assignment=a, actor=review.reviewer)
    lead = client_for(review.lead).get(panel, headers=HX).content.decode()
    assert 'data-confirm="Approve reviewer' in lead
    assert 'data-confirm="Send the work back to reviewer?' in lead


def test_approving_the_adjudicated_version_asks_first(double):
    page = client_for(double.lead).get(reverse("review:adjudicate", args=[double.article.pk]))
    form = page.content.decode().split(
        reverse("review:adjudication_finish", args=[double.article.pk])
    )[1]
    assert form.split(">")[0].count('data-confirm="Approve the adjudicated version?') == 1


def test_submit_tells_the_page_that_the_review_changed(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    quote(review.article, review.reviewer)
    url = reverse("review:assignment_submit", args=[a.pk])
    response = client_for(review.reviewer).post(url, {"version": 1}, headers=HX)
    assert set(json.loads(response["HX-Trigger"])) == {"annotations-changed", "review-changed"}
    assert "data-submitted" in response.content.decode()
    a.refresh_from_db()
    url = reverse("review:assignment_approve", args=[a.pk])
    response = client_for(review.lead).post(url, {"version": a.version}, headers=HX)
    assert "review-changed" in json.loads(response["HX-Trigger"])


def test_unassigned_reviewer_is_told_why_they_cannot_submit(review):
    assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    panel = reverse("review:article_review", args=[review.article.pk])
    text = client_for(review.reviewer).get(panel, headers=HX).content.decode()
    assert "You are not assigned to this article" in text and "ask a lead" in text
    assert "Submit my annotations" not in text
    assigned = client_for(review.second).get(panel, headers=HX).content.decode()
    assert "You are not assigned" not in assigned and "Submit my annotations" in assigned
    for role in ("lead", "viewer"):
        other = client_for(getattr(review, role)).get(panel, headers=HX).content.decode()
        assert "You are not assigned" not in other


def test_assign_page_preselects_nobody(review):
    page = client_for(review.lead).get(reverse("review:assign", args=[review.project.pk]))
    text = page.content.decode()
    select = text.split(f'id="assign-{review.article.pk}"')[1].split("</select>")[0]
    assert '<option value="" selected>Choose a reviewer…</option>' in select
    assert select.count("selected") == 1
    url = reverse("review:assignment_create", args=[review.article.pk])
    response = client_for(review.lead).post(url, {"reviewer": ""}, follow=True)
    assert "Pick a reviewer." in response.content.decode()
    assert not Assignment.objects.filter(article=review.article).exists()

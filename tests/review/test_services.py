from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import ArticleFactory, MembershipFactory
from tests.review.conftest import claim, quote
from workbench.accounts.models import Role
from workbench.annotations.history import annotation_history
from workbench.annotations.models import Annotation, Evidence
from workbench.annotations.services import (
    AnnotationLocked,
    annotation_delete,
    annotation_update,
    comment_add,
    evidence_add,
    evidence_remove,
    source_get_or_create,
)
from workbench.articles.models import Article
from workbench.review.models import (
    Adjudication,
    Assignment,
    ReviewSession,
    SessionArticle,
)
from workbench.review.services import (
    StaleDecision,
    adjudication_accept,
    adjudication_finish,
    adjudication_merge,
    adjudication_undo,
    article_approve,
    article_reject,
    article_submit,
    assignment_create,
    assignment_remove,
    assignments_distribute,
    session_end,
    session_touch,
)

pytestmark = pytest.mark.django_db


def status_of(article) -> str:
    return Article.objects.get(pk=article.pk).status


# --- assigning ----------------------------------------------------------------------------------


def test_assignment_create_sets_article_assigned(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    assert (a.state, a.version, a.assigned_by) == ("assigned", 1, review.lead)
    assert status_of(review.article) == "assigned"


def test_assignment_create_refuses_non_member_non_lead_viewer_and_duplicates(review):
    with pytest.raises(PermissionDenied):
        assignment_create(article=review.article, reviewer=review.outsider, actor=review.lead)
    with pytest.raises(PermissionDenied):
        assignment_create(article=review.article, reviewer=review.second, actor=review.reviewer)
    with pytest.raises(ValidationError) as error:
        assignment_create(article=review.article, reviewer=review.viewer, actor=review.lead)
    assert error.value.code == "not_a_writer"
    assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    with pytest.raises(ValidationError):
        assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    assert Assignment.objects.count() == 1


def test_assignment_remove_only_before_work_starts(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    session_touch(user=review.reviewer, team=review.team, article=review.article)
    with pytest.raises(ValidationError):
        assignment_remove(assignment=Assignment.objects.get(pk=a.pk), actor=review.lead)
    b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    with pytest.raises(PermissionDenied):
        assignment_remove(assignment=b, actor=review.reviewer)
    assignment_remove(assignment=b, actor=review.lead)
    assert list(Assignment.objects.values_list("reviewer", flat=True)) == [review.reviewer.pk]


def _articles(project, n):
    return [ArticleFactory(project=project) for _ in range(n)]


def test_distribute_round_robin_gives_k_reviewers_in_rotation(review):
    articles = _articles(review.project, 3)
    third = MembershipFactory(team=review.team, role=Role.REVIEWER, user__username="third").user
    reviewers = [review.reviewer, review.second, third]
    result = assignments_distribute(articles=articles, reviewers=reviewers, actor=review.lead, k=2)
    picked = [
        sorted(Assignment.objects.filter(article=a).values_list("reviewer_id", flat=True))
        for a in articles
    ]
    ids = sorted(r.pk for r in reviewers)
    assert picked == [sorted(ids[0:2]), sorted([ids[2], ids[0]]), sorted(ids[1:3])]
    assert len(result.created) == 6 and result.short == []
    assert {status_of(a) for a in articles} == {"assigned"}


def test_distribute_random_is_reproducible_with_a_seed(review):
    articles = _articles(review.project, 6)
    third = MembershipFactory(team=review.team, role=Role.REVIEWER).user

    def draw(seed):
        Assignment.objects.all().delete()
        assignments_distribute(
            articles=articles,
            reviewers=[review.reviewer, review.second, third],
            actor=review.lead,
            strategy="random",
            seed=seed,
        )
        return list(Assignment.objects.order_by("article_id").values_list("reviewer_id", flat=True))

    assert draw(7) == draw(7)
    assert len({tuple(draw(s)) for s in range(5)}) > 1


def test_distribute_skips_reviewers_at_cap_and_reports_short(review):
    articles = _articles(review.project, 3)
    assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    result = assignments_distribute(
        articles=articles, reviewers=[review.reviewer, review.second], actor=review.lead, cap=1
    )
    assert Assignment.objects.filter(reviewer=review.reviewer).count() == 1
    assert Assignment.objects.filter(reviewer=review.second).count() == 1
    assert len(result.short) == 2


def test_distribute_keeps_existing_reviewers_towards_k(review):
    assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    assignments_distribute(
        articles=[review.article],
        reviewers=[review.reviewer, review.second],
        actor=review.lead,
        k=2,
    )
    assert Assignment.objects.filter(article=review.article).count() == 2


def test_distribute_refuses_non_members_and_non_leads_with_nothing_changed(review):
    with pytest.raises(PermissionDenied):
        assignments_distribute(
            articles=[review.article], reviewers=[review.outsider], actor=review.lead
        )
    with pytest.raises(PermissionDenied):
        assignments_distribute(
            articles=[review.article], reviewers=[review.second], actor=review.viewer
        )
    assert not Assignment.objects.exists()
    assert status_of(review.article) == "unassigned"


# --- submitting and deciding -------------------------------------------------------------------


def _submitted(review, reviewer=None):
    reviewer = reviewer or review.reviewer
    a = assignment_create(article=review.article, reviewer=reviewer, actor=review.lead)
    quote(review.article, reviewer)
    return article_submit(assignment=a, actor=reviewer)


def test_submit_turns_own_drafts_into_submitted(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    mine = quote(review.article, review.reviewer)
    theirs = claim(review.article, review.lead)
    done = article_submit(assignment=a, actor=review.reviewer)
    assert (done.state, done.version) == ("submitted", 2)
    assert Annotation.objects.get(pk=mine.pk).status == "submitted"
    assert Annotation.objects.get(pk=theirs.pk).status == "draft"
    assert status_of(review.article) == "submitted"


def test_submit_refuses_someone_elses_work(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    mine = quote(review.article, review.reviewer)
    for actor in (review.second, review.lead):
        with pytest.raises(PermissionDenied):
            article_submit(assignment=a, actor=actor)
    assert Annotation.objects.get(pk=mine.pk).status == "draft"
    assert Assignment.objects.get(pk=a.pk).state == "assigned"


def test_approve_single_review_approves_the_annotations(review):
    a = _submitted(review)
    done = article_approve(assignment=a, actor=review.lead, version=a.version)
    assert (done.state, done.decided_by) == ("approved", review.lead)
    assert set(Annotation.objects.values_list("status", flat=True)) == {"approved"}
    assert status_of(review.article) == "reviewed"


def test_approve_as_reviewer_or_viewer_is_refused(review):
    a = _submitted(review)
    for actor in (review.reviewer, review.viewer, review.second):
        with pytest.raises(PermissionDenied):
            article_approve(assignment=a, actor=actor, version=a.version)
    assert Assignment.objects.get(pk=a.pk).state == "submitted"


def test_two_leads_deciding_at_once_the_second_gets_stale(review):
    other_lead = MembershipFactory(team=review.team, role=Role.LEAD).user
    a = _submitted(review)
    seen = a.version
    article_approve(assignment=a, actor=review.lead, version=seen)
    with pytest.raises(StaleDecision) as stale:
        article_reject(assignment=a, actor=other_lead, version=seen, comment="No")
    assert stale.value.current.state == "approved"
    assert Assignment.objects.get(pk=a.pk).comment == ""
    assert set(Annotation.objects.values_list("status", flat=True)) == {"approved"}


def test_reject_needs_a_comment_and_sends_back(review):
    a = _submitted(review)
    with pytest.raises(ValidationError):
        article_reject(assignment=a, actor=review.lead, version=a.version, comment="  ")
    assert Assignment.objects.get(pk=a.pk).state == "submitted"
    back = article_reject(assignment=a, actor=review.lead, version=a.version, comment="Speaker?")
    assert (back.state, back.comment) == ("rejected", "Speaker?")
    assert set(Annotation.objects.values_list("status", flat=True)) == {"rejected"}
    assert status_of(review.article) == "in_progress"
    again = article_submit(assignment=back, actor=review.reviewer)
    assert again.state == "submitted"
    assert set(Annotation.objects.values_list("status", flat=True)) == {"submitted"}


def test_approve_refuses_work_not_submitted(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    with pytest.raises(ValidationError):
        article_approve(assignment=a, actor=review.lead, version=a.version)


def test_article_status_follows_assignments(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    assert status_of(review.article) == "assigned"
    session_touch(user=review.reviewer, team=review.team, article=review.article)
    assert status_of(review.article) == "in_progress"
    article_submit(assignment=a, actor=review.reviewer)
    assert status_of(review.article) == "in_progress"
    article_submit(assignment=b, actor=review.second)
    assert status_of(review.article) == "submitted"


# --- adjudication -------------------------------------------------------------------------------


@pytest.fixture
def double(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    q1 = quote(review.article, review.reviewer, "the strike was", role="analyst")
    q2 = quote(review.article, review.second, "the strike was", quote_type="direct")
    c1 = claim(review.article, review.reviewer, verdict="True")
    source = source_get_or_create(team=review.team, actor=None, title="Brief")
    evidence_add(claim=c1, actor=review.reviewer, source=source, stance="supports")
    a = article_submit(assignment=a, actor=review.reviewer)
    b = article_submit(assignment=b, actor=review.second)
    review.assignments, review.originals = [a, b], [q1, q2, c1]
    return review


def test_accept_copies_into_the_approved_version_and_keeps_the_original(double):
    q1, _q2, c1 = double.originals
    before = Annotation.objects.values_list("pk", "status", "version", "role").get(pk=c1.pk)
    adjudication = adjudication_accept(original=c1, actor=double.lead)
    result = adjudication.result
    assert (result.status, result.annotator, result.verdict) == ("approved", double.lead, "True")
    assert result.pk != c1.pk and list(adjudication.originals.all()) == [c1]
    assert Evidence.objects.filter(claim=result).count() == 1
    assert Annotation.objects.values_list("pk", "status", "version", "role").get(pk=c1.pk) == before
    with pytest.raises(ValidationError):
        adjudication_accept(original=c1, actor=double.lead)


def test_merge_fills_the_base_from_the_others(double):
    q1, q2, _c1 = double.originals
    adjudication = adjudication_merge(originals=[q2, q1], actor=double.lead)
    result = adjudication.result
    assert (result.quote_type, result.role) == ("direct", "analyst")
    assert adjudication.method == "merge"
    assert set(adjudication.originals.all()) == {q1, q2}


def test_adjudication_refused_to_reviewers_and_viewers(double):
    q1 = double.originals[0]
    for actor in (double.reviewer, double.viewer):
        with pytest.raises(PermissionDenied):
            adjudication_accept(original=q1, actor=actor)
    assert not Adjudication.objects.exists()


def test_adjudication_refuses_drafts(review):
    assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    draft = quote(review.article, review.reviewer)
    with pytest.raises(ValidationError):
        adjudication_accept(original=draft, actor=review.lead)


def test_finish_approves_all_and_undo_is_then_refused(double):
    q1 = double.originals[0]
    adjudication = adjudication_accept(original=q1, actor=double.lead)
    versions = {a.pk: a.version for a in double.assignments}
    # The claim only one reviewer marked is left out: the lead confirms it.
    adjudication_finish(article=double.article, actor=double.lead, versions=versions, leave_out=1)
    assert set(Assignment.objects.values_list("state", flat=True)) == {"approved"}
    assert status_of(double.article) == "reviewed"
    approved = Annotation.objects.filter(status="approved")
    assert list(approved) == [adjudication.result]
    assert Annotation.objects.filter(status="submitted").count() == 3
    double.article.refresh_from_db()
    adjudication.article.refresh_from_db()
    with pytest.raises(ValidationError):
        adjudication_undo(adjudication=adjudication, actor=double.lead)


def test_finish_with_a_stale_version_changes_nothing(double):
    adjudication_accept(original=double.originals[0], actor=double.lead)
    a, b = double.assignments
    article_reject(assignment=a, actor=double.lead, version=a.version, comment="Redo")
    with pytest.raises(StaleDecision):
        adjudication_finish(
            article=double.article,
            actor=double.lead,
            versions={a.pk: a.version, b.pk: b.version},
        )
    assert Assignment.objects.get(pk=b.pk).state == "submitted"


def test_undo_removes_the_copy_only(double):
    q1 = double.originals[0]
    adjudication = adjudication_accept(original=q1, actor=double.lead)
    adjudication_undo(adjudication=adjudication, actor=double.lead)
    assert not Adjudication.objects.exists()
    assert Annotation.objects.filter(pk=q1.pk, status="submitted").exists()
    assert not Annotation.objects.filter(status="approved").exists()


# --- sessions -----------------------------------------------------------------------------------


def test_session_counts_active_time_without_idle_gaps(review):
    t0 = timezone.now()
    touch = lambda minutes, article=review.article: session_touch(  # noqa: E731
        user=review.reviewer, team=review.team, article=article, now=t0 + timedelta(minutes=minutes)
    )
    touch(0)
    touch(1)
    touch(2)
    touch(9)  # a 7-minute gap: not counted
    touch(10)
    other = ArticleFactory(project=review.project)
    touch(11, other)
    touch(12)  # back after another article: the minute on it is not this article's
    visits = {v.article_id: v.active_seconds for v in SessionArticle.objects.all()}
    assert visits == {review.article.pk: 180, other.pk: 0}
    assert ReviewSession.objects.count() == 1


def test_session_ends_after_thirty_idle_minutes_and_on_logout(review, client):
    t0 = timezone.now() - timedelta(hours=2)
    first = session_touch(user=review.reviewer, team=review.team, now=t0)
    second = session_touch(user=review.reviewer, team=review.team, now=t0 + timedelta(minutes=31))
    first.refresh_from_db()
    assert first.ended == t0 and second.pk != first.pk
    client.force_login(review.reviewer)
    client.post("/accounts/logout/")
    second.refresh_from_db()
    assert second.ended is not None
    assert session_end(user=review.reviewer) == 0


def test_touching_an_assigned_article_starts_the_work(review):
    a = assignment_create(article=review.article, reviewer=review.reviewer, actor=review.lead)
    session_touch(user=review.reviewer, team=review.team, article=review.article)
    a.refresh_from_db()
    assert (a.state, a.version) == ("in_progress", 1) and a.started is not None


# --- submitted work is locked -------------------------------------------------------------------


@pytest.fixture
def submitted(review):
    """The reviewer's quote and claim (with evidence) on the article, submitted."""
    review.quote = quote(review.article, review.reviewer)
    review.claim = claim(review.article, review.reviewer)
    source = source_get_or_create(team=review.team, actor=None, title="Pentagon briefing")
    review.evidence = evidence_add(
        claim=review.claim, actor=review.reviewer, source=source, stance="supports"
    )
    review.source = source_get_or_create(team=review.team, actor=None, title="Another source")
    review.a = assignment_create(
        article=review.article, reviewer=review.reviewer, actor=review.lead
    )
    review.a = article_submit(assignment=review.a, actor=review.reviewer)
    return review


def _attempts(w, actor):
    """Every change a reviewer could try on their work, each as a callable (read when called)."""

    def fresh(annotation):
        return Annotation.objects.get(pk=annotation.pk)

    return {
        "update": lambda: annotation_update(
            annotation=fresh(w.quote), actor=actor, version=fresh(w.quote).version, role="x"
        ),
        "delete": lambda: annotation_delete(
            annotation=fresh(w.quote), actor=actor, version=fresh(w.quote).version
        ),
        "evidence_add": lambda: evidence_add(
            claim=fresh(w.claim), actor=actor, source=w.source, stance="refutes"
        ),
        "evidence_remove": lambda: evidence_remove(
            evidence=Evidence.objects.get(pk=w.evidence.pk), actor=actor
        ),
        "create": lambda: quote(w.article, actor, "3 drones"),
    }


def _snapshot(article):
    return sorted(
        Annotation.objects.filter(article=article).values_list("pk", "version", "role", "status")
    ), sorted(Evidence.objects.values_list("pk", "stance"))


def test_reviewer_cannot_change_or_add_to_submitted_work(submitted):
    before = _snapshot(submitted.article)
    for name, attempt in _attempts(submitted, submitted.reviewer).items():
        with pytest.raises(AnnotationLocked) as error:
            attempt()
        assert error.value.code == "submitted", name
        assert isinstance(error.value, PermissionDenied)
    assert _snapshot(submitted.article) == before


def test_reviewer_may_still_comment_on_submitted_work(submitted):
    comment = comment_add(annotation=submitted.quote, author=submitted.reviewer, text="Why?")
    assert comment.pk is not None


def test_approved_work_stays_locked(submitted):
    article_approve(assignment=submitted.a, actor=submitted.lead, version=submitted.a.version)
    assert Annotation.objects.get(pk=submitted.quote.pk).status == "approved"
    for name, attempt in _attempts(submitted, submitted.reviewer).items():
        with pytest.raises(AnnotationLocked):
            attempt()
        assert name


def test_rejected_work_is_editable_again(submitted):
    article_reject(
        assignment=submitted.a, actor=submitted.lead, version=submitted.a.version, comment="Redo"
    )
    attempts = _attempts(submitted, submitted.reviewer)
    updated = attempts["update"]()
    assert updated.role == "x" and updated.status == "rejected"
    assert attempts["evidence_add"]().stance == "refutes"
    assert attempts["create"]().status == "draft"
    attempts["delete"]()
    assert not Annotation.objects.filter(pk=submitted.quote.pk).exists()


def test_lead_may_still_change_submitted_work(submitted):
    attempts = _attempts(submitted, submitted.lead)
    assert attempts["update"]().role == "x"
    assert attempts["evidence_add"]().added_by == submitted.lead
    attempts["evidence_remove"]()
    attempts["create"]()
    attempts["delete"]()


def test_reviewer_without_an_assignment_keeps_annotating(review):
    # No assignment: the drafts are theirs to change, as before the review workflow.
    mine = quote(review.article, review.reviewer)
    assert annotation_update(annotation=mine, actor=review.reviewer, version=1, role="y").role
    assert quote(review.article, review.second, "3 drones").status == "draft"


def test_second_reviewer_is_not_locked_by_the_first_ones_submission(submitted):
    assignment_create(article=submitted.article, reviewer=submitted.second, actor=submitted.lead)
    theirs = quote(submitted.article, submitted.second, "3 drones")
    assert annotation_update(annotation=theirs, actor=submitted.second, version=1, role="z")


# --- status changes are in the annotations' history ---------------------------------------------


def _status_entries(user, annotation):
    return [
        (entry.user, entry.reason, [(c.field, c.before, c.after) for c in entry.changes])
        for entry in annotation_history(user=user, annotation_id=annotation.pk)
        if entry.action == "changed" and any(c.field == "Status" for c in entry.changes)
    ]


def test_submit_and_approve_are_recorded_in_history_with_their_actor(submitted):
    article_approve(assignment=submitted.a, actor=submitted.lead, version=submitted.a.version)
    entries = _status_entries(submitted.lead, submitted.quote)
    assert entries == [
        ("reviewer", "Work submitted", [("Status", "Draft", "Submitted")]),
        ("lead", "Work approved", [("Status", "Submitted", "Approved")]),
    ]


def test_reject_is_recorded_in_history(submitted):
    article_reject(
        assignment=submitted.a, actor=submitted.lead, version=submitted.a.version, comment="No"
    )
    assert _status_entries(submitted.lead, submitted.claim)[-1] == (
        "lead",
        "Work sent back",
        [("Status", "Submitted", "Rejected")],
    )


def test_adjudication_copy_and_its_undo_name_the_lead_in_history(submitted):
    adjudication = adjudication_accept(original=submitted.claim, actor=submitted.lead)
    result = adjudication.result
    assert result.history.get().history_user == submitted.lead
    assert Evidence.history.get(claim_id=result.pk).history_user == submitted.lead
    adjudication_undo(adjudication=adjudication, actor=submitted.lead)
    deleted = Annotation.history.filter(id=adjudication.result_id, history_type="-").get()
    assert deleted.history_user == submitted.lead

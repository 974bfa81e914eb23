"""Suggestions are bounded: an article size limit, a time budget, one stored run per text, pages
of a few hundred KB at most (issue 20, item 1); and blind: a co-reviewer's decisions do not
change what another reviewer is offered (issue 20, item 13)."""

from __future__ import annotations

import hashlib
import threading

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import client_for
from tests.factories import ArticleFactory, MembershipFactory
from tests.suggest import finders
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation
from workbench.suggest import services
from workbench.suggest.models import RunState, SuggestionDecision, SuggestionRun
from workbench.suggest.runner import FinderTimeout, suggest_within
from workbench.suggest.selectors import (
    stored_suggestions,
    suggestion_key,
    suggestion_list,
    suggestion_token,
)
from workbench.suggest.services import suggestions_prepare

PARAGRAPH = "“We will build {n} new schools by next year,” said Mayor Jane Moss on Tuesday."


def many_quotes(n: int) -> str:
    return "\n\n".join(PARAGRAPH.format(n=i) for i in range(n))


def url(article, **query):
    path = reverse("suggest:suggestion_list", args=[article.pk])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_a_too_long_article_gets_a_message_and_no_run(world, settings):
    settings.WORKBENCH_SUGGEST_MAX_CHARS = 1000
    article = ArticleFactory(project=world.project, body=many_quotes(40))
    response = client_for(world.viewer).get(url(article))
    assert response.status_code == 200
    assert b"too long for suggestions" in response.content
    assert b"up to 1,000" in response.content
    assert not SuggestionRun.objects.exists()


def test_the_finder_runs_once_per_text(world, monkeypatch):
    calls = []
    real = services.suggest_within

    def counted(text, **kwargs):
        calls.append(len(text))
        return real(text, **kwargs)

    monkeypatch.setattr(services, "suggest_within", counted)
    article = ArticleFactory(project=world.project, body=many_quotes(3))
    client = client_for(world.reviewer)
    assert b"Jane Moss" in client.get(url(article)).content
    assert b"Jane Moss" in client.get(url(article)).content
    assert calls == [len(article.body)]
    run = SuggestionRun.objects.get()
    assert run.state == RunState.DONE and run.checksum == article.checksum and run.items
    # A new text (a new revision of the body) is a new run; the old one is dropped.
    article.body = many_quotes(4)
    article.checksum = hashlib.sha256(article.body.encode()).hexdigest()
    article.save()
    client.get(url(article))
    assert len(calls) == 2
    assert SuggestionRun.objects.get().checksum == article.checksum


def test_a_finder_over_its_budget_is_stopped_and_not_rerun(world, settings, monkeypatch):
    settings.WORKBENCH_SUGGEST_TIME_BUDGET = 0.0001
    article = ArticleFactory(project=world.project, body=many_quotes(400))
    client = client_for(world.reviewer)
    response = client.get(url(article))
    assert response.status_code == 200
    assert b"took longer than" in response.content
    assert SuggestionRun.objects.get().state == RunState.TIMED_OUT

    def fail(text, **kwargs):
        raise AssertionError("rerun")

    monkeypatch.setattr(services, "suggest_within", fail)
    assert b"took longer than" in client.get(url(article)).content
    # A larger budget retries it.
    monkeypatch.undo()
    settings.WORKBENCH_SUGGEST_TIME_BUDGET = 30
    assert b"Jane Moss" in client.get(url(article)).content
    assert SuggestionRun.objects.get().state == RunState.DONE


def test_runner_stops_the_finder_at_the_budget():
    with pytest.raises(FinderTimeout):
        suggest_within(many_quotes(2000), claims=8, budget=0.05)
    found = suggest_within(many_quotes(2), claims=8, budget=30)
    assert [s.kind for s in found].count("quote") == 2


def test_a_page_is_bounded_and_counts_the_rest(world):
    article = ArticleFactory(project=world.project, body=many_quotes(300))
    client = client_for(world.reviewer)
    first = client.get(url(article))
    assert len(first.content) < 300_000
    assert first.content.count(b'class="suggestion kind-') == 50
    total = len(suggestion_list(user=world.reviewer, article=article))
    assert total >= 300
    assert f"Suggestions 1–50 of {total}".encode() in first.content
    second = client.get(url(article, page=2))
    assert second.content.count(b'class="suggestion kind-') == 50
    assert f"Suggestions 51–100 of {total}".encode() in second.content


def test_a_running_run_is_not_started_twice(world, monkeypatch):
    article = ArticleFactory(project=world.project, body=many_quotes(3))
    SuggestionRun.objects.create(
        article=article,
        checksum=article.checksum,
        budget=10,
        started=timezone.now(),
    )
    monkeypatch.setattr(services, "suggest_within", lambda *a, **k: pytest.fail("ran twice"))
    response = client_for(world.reviewer).get(url(article))
    assert b"being prepared" in response.content
    assert b'hx-trigger="load delay:2s"' in response.content


# --- blind review (issue 20, item 13) ------------------------------------------------------------


@pytest.fixture
def blind(world):
    from workbench.review.services import assignment_create

    second = MembershipFactory(team=world.team, role=Role.REVIEWER, user__username="second").user
    article = ArticleFactory(project=world.project, body=many_quotes(3))
    assignment_create(article=article, reviewer=world.reviewer, actor=world.lead)
    assignment_create(article=article, reviewer=second, actor=world.lead)
    suggestions_prepare(article=article)
    return article, second


def keys(article, user):
    return [listed.key for listed in suggestion_list(user=user, article=article)]


def post(article, user, action, key):
    """Post the suggestion with this key as the page does: signed (selectors.suggestion_token)."""
    (item,) = (
        item
        for item in stored_suggestions(article=article)
        if suggestion_key(item.kind, item.start, item.end) == key
    )
    return client_for(user).post(
        reverse(f"suggest:suggestion_{action}", args=[article.pk]),
        {"token": suggestion_token(article=article, item=item)},
    )


@pytest.mark.parametrize("action", ["accept", "reject"])
def test_a_co_reviewers_decision_does_not_change_what_another_is_offered(world, blind, action):
    article, second = blind
    offered = keys(article, second)
    assert offered == keys(article, world.reviewer)
    assert post(article, world.reviewer, action, offered[0]).status_code == 200
    assert offered[0] not in keys(article, world.reviewer)
    assert keys(article, second) == offered
    # And the co-reviewer may decide the same suggestion for themselves.
    response = post(article, second, action, offered[0])
    assert b"already" not in response.content
    assert SuggestionDecision.objects.filter(article=article).count() == 2
    assert offered[0] not in keys(article, second)
    if action == "accept":
        assert Annotation.objects.filter(article=article).count() == 2


def test_a_leads_decision_counts_for_the_reviewers_of_an_open_article(world):
    article = ArticleFactory(project=world.project, body=many_quotes(3))
    suggestions_prepare(article=article)
    offered = keys(article, world.reviewer)
    post(article, world.lead, "reject", offered[0])
    assert offered[0] not in keys(article, world.reviewer)


def test_suggestions_overlapping_an_annotation_of_the_same_kind_are_not_offered(world):
    from workbench.annotations.services import annotation_create

    article = ArticleFactory(project=world.project, body=many_quotes(2))
    suggestions_prepare(article=article)
    quote = next(
        listed.item
        for listed in suggestion_list(user=world.reviewer, article=article)
        if listed.item.kind == "quote"
    )
    # Marked by hand a little narrower than suggested (without "by next year").
    start = quote.start + 1
    end = article.body.index(" by next year", start)
    annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        start=start,
        end=end,
        exact=article.body[start:end],
    )
    left = suggestion_list(user=world.reviewer, article=article)
    assert all(
        not (s.item.kind == "quote" and s.item.start < end and start < s.item.end) for s in left
    )
    assert any(s.item.kind == "quote" for s in left)
    response = post(article, world.reviewer, "accept", f"quote-{quote.start}-{quote.end}")
    assert b"already marked as a quote" in response.content
    assert Annotation.objects.filter(article=article).count() == 1


def test_a_finder_that_breaks_shows_a_message_not_a_500(world, monkeypatch):
    def broken(text, **kwargs):
        raise RuntimeError("the suggestion finder failed: boom")

    monkeypatch.setattr(services, "suggest_within", broken)
    article = ArticleFactory(project=world.project, body=many_quotes(3))
    response = client_for(world.reviewer).get(url(article))
    assert response.status_code == 200
    assert b"could not be made for this article" in response.content
    assert SuggestionRun.objects.get().state == RunState.FAILED


def test_runner_reports_a_finder_error_as_runtime_error():
    with pytest.raises(RuntimeError, match="boom"):
        suggest_within("Some text.", claims=8, budget=10, finder=finders.explode)


def test_runner_child_does_not_inherit_the_servers_locks():
    """A lock another thread holds when the run starts does not stall the finder's child.

    A fork of the server copied such locks into the child, held for ever there; the fork
    server's children start from a process without the server's threads.
    """
    from workbench.suggest.finder import engine

    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with engine_lock:
            held.set()
            release.wait(30)

    engine_lock = finders.shared_lock(engine)
    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        found = suggest_within(many_quotes(2), claims=8, budget=20, finder=finders.locked_finder)
    finally:
        release.set()
        holder.join()
    assert found

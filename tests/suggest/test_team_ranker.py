"""Learning from the team: which signals count, training a project's ranker, the command that
runs it, and the lead's view of its last result."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory, MembershipFactory
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation
from workbench.review.models import Assignment
from workbench.suggest import services
from workbench.suggest.models import ProjectRanker, SuggestionDecision
from workbench.suggest.selectors import (
    checkworthy_signals,
    project_weights,
    sentence_ranking,
)
from workbench.suggest.services import project_ranker_train

# Sentences the shipped model likes (numbers, comparisons) but this team never marks, and
# sentences it does mark that the shipped model sees little in: the team's own beat.
FILLER = [
    "The council spent 4 million dollars on parking in 2019, more than in 2018.",
    "Attendance rose 12% compared with the year before, the report said.",
    "The weather was mild and the hall was full by noon.",
    "Revenue grew to 30 billion last year, the highest ever recorded.",
    "Members of the public were invited to speak afterwards.",
    "The meeting lasted longer than planned.",
]
BEAT = [
    "The zebra crossing outside the school is unsafe for pupils.",
    "Pedestrians at the zebra crossing face careless drivers every morning.",
]


def article_text(n: int) -> str:
    sentences = [*FILLER[: 3 + n % 3], BEAT[n % 2], *FILLER[3 + n % 3 :], BEAT[(n + 1) % 2]]
    return " ".join([*sentences, f"This was dispatch number {n}."])


def mark(article, user, text, *, status="submitted", checkworthy="yes"):
    start = article.body.index(text)
    return Annotation.objects.create(
        article=article,
        kind="claim",
        start=start,
        end=start + len(text),
        exact=text,
        annotator=user,
        status=status,
        checkworthy=checkworthy,
    )


def reject(article, user, text):
    start = article.body.index(text)
    return SuggestionDecision.objects.create(
        article=article,
        kind="claim",
        start=start,
        end=start + len(text),
        exact=text,
        decision="rejected",
        score=0.5,
        decided_by=user,
    )


@pytest.fixture
def team_beat(world):
    """Eight articles where the team marked its beat's two sentences and rejected a filler."""
    articles = []
    for n in range(8):
        article = ArticleFactory(project=world.project, body=article_text(n))
        for sentence in BEAT:
            mark(article, world.reviewer, sentence)
        reject(article, world.reviewer, FILLER[0])
        articles.append(article)
    return articles


def test_checkworthy_signals_count_only_finished_work(world):
    article = ArticleFactory(project=world.project, body=article_text(0))
    mark(article, world.reviewer, BEAT[0], status="draft")
    mark(article, world.reviewer, BEAT[1], status="rejected")
    mark(article, world.lead, FILLER[1], status="approved")
    mark(article, world.lead, FILLER[2], checkworthy="no")
    mark(article, world.lead, FILLER[3], checkworthy="unsure")
    reject(article, world.lead, FILLER[4])
    # Another project's work is not this project's signal.
    other = ArticleFactory(project=world.other_project, body=article_text(1))
    mark(other, world.outsider, BEAT[0])
    (found,) = checkworthy_signals(project=world.project)
    assert found.article == article
    span = lambda text: (article.body.index(text), article.body.index(text) + len(text))  # noqa: E731
    assert found.positive == [span(FILLER[1])]
    assert sorted(found.negative) == sorted([span(FILLER[2]), span(FILLER[4])])


def test_checkworthy_signals_leave_out_blind_work_on_an_open_review(world):
    second = MembershipFactory(team=world.team, role=Role.REVIEWER).user
    article = ArticleFactory(project=world.project, body=article_text(0))
    mine = Assignment.objects.create(article=article, reviewer=world.reviewer, state="submitted")
    theirs = Assignment.objects.create(article=article, reviewer=second, state="in_progress")
    mark(article, world.reviewer, BEAT[0])
    reject(article, world.reviewer, FILLER[0])
    # The first reviewer submitted, but the second still works blind: nothing may leak.
    assert checkworthy_signals(project=world.project) == []
    theirs.state = "submitted"
    theirs.save()
    (found,) = checkworthy_signals(project=world.project)
    assert len(found.positive) == 1 and len(found.negative) == 1
    # A review sent back reopens it.
    mine.state = "rejected"
    mine.save()
    assert checkworthy_signals(project=world.project) == []


def test_checkworthy_signals_leave_out_a_reviewers_rejections_while_their_work_is_open(world):
    article = ArticleFactory(project=world.project, body=article_text(0))
    assignment = Assignment.objects.create(
        article=article, reviewer=world.reviewer, state="in_progress"
    )
    reject(article, world.reviewer, FILLER[0])
    assert checkworthy_signals(project=world.project) == []
    assignment.state = "approved"
    assignment.save()
    assert len(checkworthy_signals(project=world.project)) == 1


def test_checkworthy_signals_skip_spans_of_an_earlier_text(world):
    article = ArticleFactory(project=world.project, body=article_text(0))
    mark(article, world.reviewer, BEAT[0])
    decision = reject(article, world.reviewer, FILLER[0])
    SuggestionDecision.objects.filter(pk=decision.pk).update(exact="words no longer there")
    (found,) = checkworthy_signals(project=world.project)
    assert found.negative == []


def test_project_ranker_train_keeps_weights_that_help(world, team_beat):
    fresh = ArticleFactory(project=world.project, body=article_text(11))
    assert BEAT[0] not in sentence_ranking(article=fresh, top=20)[0].text
    ranker = project_ranker_train(project=world.project, actor=world.lead)
    assert ranker.kept and not ranker.forced
    assert ranker.map_after > ranker.map_before
    assert ranker.signals == 8 * 3 and ranker.articles == 8 and ranker.held_out == 2
    assert ranker.trained_by == world.lead and ranker.kept_at == ranker.trained_at
    assert ranker.delta and project_weights(project=world.project) is not None
    # The project's sentences are now ranked by its own ranker: the beat first.
    top = sentence_ranking(article=fresh, top=20)
    assert {s.text for s in top[:2]} == set(BEAT)
    # Another project keeps the shipped model.
    assert project_weights(project=world.other_project) is None


def test_project_ranker_train_keeps_nothing_that_does_not_help_unless_forced(
    world, team_beat, monkeypatch
):
    # A delta that ranks the team's beat last.
    monkeypatch.setattr(services, "fit_delta", lambda rows, base: {"w:zebra": -50.0})
    ranker = project_ranker_train(project=world.project, actor=None)
    assert not ranker.kept and ranker.map_after < ranker.map_before
    assert ranker.delta == {} and ranker.kept_at is None
    assert project_weights(project=world.project) is None
    forced = project_ranker_train(project=world.project, actor=None, force=True)
    assert forced.pk == ranker.pk and forced.kept and forced.forced
    assert forced.delta == {"w:zebra": -50.0}


def test_project_ranker_train_refuses_too_little_signal(world):
    for n in range(3):
        article = ArticleFactory(project=world.project, body=article_text(n))
        mark(article, world.reviewer, BEAT[0])
    with pytest.raises(ValidationError) as caught:
        project_ranker_train(project=world.project, actor=world.lead)
    assert caught.value.code == "too_few_signals"
    assert "3 articles" in caught.value.messages[0]
    assert not ProjectRanker.objects.exists()


@pytest.mark.parametrize("role", ["reviewer", "viewer", "outsider"])
def test_project_ranker_train_is_for_leads(world, team_beat, role):
    with pytest.raises(PermissionDenied):
        project_ranker_train(project=world.project, actor=getattr(world, role))
    assert not ProjectRanker.objects.exists()


def test_train_checkworthy_command_reports_progress_and_json(world, team_beat):
    out, err = io.StringIO(), io.StringIO()
    call_command("train_checkworthy", "--project", "desk-project", "--json", stdout=out, stderr=err)
    result = json.loads(out.getvalue())
    assert result["project"] == "desk/desk-project"
    assert result["kept"] is True and result["signals"] == 24 and result["held_out"] == 2
    assert result["map_after"] > result["map_before"]
    assert "read article 8 of 8" in err.getvalue()
    assert "held-out MAP: shipped" in err.getvalue()
    out = io.StringIO()
    call_command("train_checkworthy", "--project", "desk/desk-project", stdout=out, stderr=err)
    assert "24 signals on 8 articles, 2 held out" in out.getvalue()


def test_train_checkworthy_command_explains_what_is_wrong(world):
    with pytest.raises(CommandError, match="No project 'nowhere'"):
        call_command("train_checkworthy", "--project", "nowhere", stderr=io.StringIO())
    with pytest.raises(CommandError, match="Not enough to learn from: 0 articles"):
        call_command("train_checkworthy", "--project", "desk-project", stderr=io.StringIO())


def test_dashboard_shows_the_lead_the_last_training(client, world, team_beat):
    path = reverse("review:dashboard", args=[world.project.pk])
    content = client_for(world.lead).get(path).content.decode()
    assert 'id="checkworthy-ranker"' in content and "Not trained yet" in content
    world.lead.username = XSS
    world.lead.save()
    ranker = project_ranker_train(project=world.project, actor=world.lead)
    content = client_for(world.lead).get(path).content.decode()
    assert f"{ranker.map_before:.3f} → {ranker.map_after:.3f}" in content
    assert "24 on 8 articles" in content and "Kept" in content
    assert XSS not in content and "&lt;script&gt;" in content
    # Reviewers and viewers see the dashboard, not the ranker; outsiders see nothing.
    for user in (world.reviewer, world.viewer):
        content = client_for(user).get(path).content.decode()
        assert "checkworthy-ranker" not in content
    assert client_for(world.outsider).get(path).status_code == 404
    assert client.get(path).status_code == 302

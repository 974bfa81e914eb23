from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import ProjectFactory
from tests.review.conftest import reviewed_article
from workbench.articles.services import (
    Overrides,
    article_import_text,
    article_move_line,
    article_update,
)
from workbench.errors import error_code

pytestmark = pytest.mark.django_db


def test_import_of_sample_recovers_metadata_and_keeps_every_line(world, sample_text):
    result = article_import_text(project=world.project, actor=world.reviewer, text=sample_text)
    article = result.article
    assert result.created
    assert article.outlet == "Le Monde"
    assert article.published == datetime.date(2024, 1, 5)
    assert article.syndicated_by == "The America One News"
    assert article.retrieved == datetime.date(2025, 2, 22)
    assert article.is_truncated
    assert article.title_is_provisional
    assert article.body.startswith("On Thursday, January 4,")
    kept = set(article.body.split("\n"))
    removed = {r["text"].strip(" \t") for r in article.removed}
    for line in sample_text.splitlines():
        if line.strip():
            assert line.strip(" \t") in kept or line.strip(" \t") in removed, line


def test_import_prefers_what_the_user_typed(world, sample_text):
    overrides = Overrides(
        title="US strike in Baghdad",
        outlet="Le Monde (English)",
        published=datetime.date(2024, 1, 6),
    )
    article = article_import_text(
        project=world.project, actor=world.reviewer, text=sample_text, overrides=overrides
    ).article
    assert (article.title, article.outlet, article.published) == (
        "US strike in Baghdad",
        "Le Monde (English)",
        datetime.date(2024, 1, 6),
    )
    assert not article.title_is_provisional


def test_same_body_in_another_project_is_a_new_article(world, sample_text):
    first = article_import_text(project=world.project, actor=world.reviewer, text=sample_text)
    other = ProjectFactory(team=world.team)
    second = article_import_text(project=other, actor=world.reviewer, text=sample_text)
    assert second.created and second.article.pk != first.article.pk


def test_viewer_cannot_import(world):
    with pytest.raises(PermissionDenied):
        article_import_text(
            project=world.project, actor=world.viewer, text="Some article text here."
        )


def test_move_line_round_trip_restores_the_body(world, sample_text):
    article = article_import_text(
        project=world.project, actor=world.reviewer, text=sample_text
    ).article
    original_body, original_removed = article.body, list(article.removed)
    line = next(r["line"] for r in article.removed if r["text"].strip() == "Inline image")
    article = article_move_line(
        article=article, actor=world.reviewer, line=line, to="body", checksum=article.checksum
    )
    assert "Inline image" in article.body
    article = article_move_line(
        article=article, actor=world.reviewer, line=line, to="removed", checksum=article.checksum
    )
    assert article.body == original_body
    assert [r["line"] for r in article.removed] == [r["line"] for r in original_removed]


def test_move_line_refuses_stale_checksum_and_viewers(world, sample_text):
    article = article_import_text(
        project=world.project, actor=world.reviewer, text=sample_text
    ).article
    line = article.removed[0]["line"]
    with pytest.raises(ValidationError) as stale:
        article_move_line(
            article=article, actor=world.reviewer, line=line, to="body", checksum="0" * 64
        )
    assert error_code(stale.value) == "stale"
    with pytest.raises(PermissionDenied):
        article_move_line(
            article=article, actor=world.viewer, line=line, to="body", checksum=article.checksum
        )


@pytest.mark.parametrize(
    ("line", "to", "code"), [(10_000, "body", "no_such_line"), (-1, "body", "no_such_line")]
)
def test_move_line_refuses_bad_lines(world, sample_text, line, to, code):
    article = article_import_text(
        project=world.project, actor=world.reviewer, text=sample_text
    ).article
    with pytest.raises(ValidationError) as error:
        article_move_line(
            article=article, actor=world.reviewer, line=line, to=to, checksum=article.checksum
        )
    assert error_code(error.value) == code


def test_move_line_refuses_moving_a_line_where_it_already_is(world, sample_text):
    article = article_import_text(
        project=world.project, actor=world.reviewer, text=sample_text
    ).article
    line = article.removed[0]["line"]
    with pytest.raises(ValidationError) as error:
        article_move_line(
            article=article,
            actor=world.reviewer,
            line=line,
            to="removed",
            checksum=article.checksum,
        )
    assert error_code(error.value) == "no_change"


def test_article_update_refuses_a_reviewed_article_for_everyone(world):
    article = reviewed_article(world)
    title = article.title
    for actor in (world.lead, world.reviewer):
        with pytest.raises(ValidationError) as refused:
            article_update(article=article, actor=actor, title="New headline", byline="Someone")
        assert error_code(refused.value) == "article_reviewed"
        assert "locked" in refused.value.messages[0]
    article.refresh_from_db()
    assert (article.title, article.byline) == (title, "")


def _blind_article(world, sample_text, *, hidden_work: bool):
    from tests.factories import MembershipFactory
    from workbench.accounts.models import Role
    from workbench.annotations.services import annotation_create
    from workbench.review.services import assignment_create

    second = MembershipFactory(team=world.team, role=Role.REVIEWER).user
    article = article_import_text(project=world.project, actor=world.lead, text=sample_text).article
    assignment_create(article=article, reviewer=world.reviewer, actor=world.lead)
    assignment_create(article=article, reviewer=second, actor=world.lead)
    if hidden_work:
        word = article.body.split()[3]
        start = article.body.index(word)
        annotation_create(
            article=article,
            author=second,
            kind="claim",
            start=start,
            end=start + len(word),
            exact=word,
        )
    return article


@pytest.mark.parametrize("hidden_work", [False, True])
def test_move_line_refusal_does_not_reveal_a_co_reviewers_hidden_work(
    world, sample_text, hidden_work
):
    article = _blind_article(world, sample_text, hidden_work=hidden_work)
    line = next(r["line"] for r in article.removed if r["text"].strip() == "Inline image")
    with pytest.raises(ValidationError) as refused:
        article_move_line(
            article=article, actor=world.reviewer, line=line, to="body", checksum=article.checksum
        )
    assert error_code(refused.value) == "annotated"
    assert refused.value.messages == [
        "The text can no longer change: it has annotations, or two or more reviewers are "
        "assigned to annotate it blind."
    ]


@pytest.mark.parametrize("hidden_work", [False, True])
def test_article_page_offers_no_line_moves_alike_with_or_without_hidden_work(
    world, sample_text, hidden_work
):
    from tests.conftest import client_for

    article = _blind_article(world, sample_text, hidden_work=hidden_work)
    page = client_for(world.reviewer).get(article.get_absolute_url()).content.decode()
    assert "this is possible until the first annotation" not in page

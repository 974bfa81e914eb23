from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.conftest import client_for
from tests.factories import ArticleFactory
from workbench.annotations.models import AnchorState, Annotation
from workbench.annotations.revisions import revision_add
from workbench.annotations.services import (
    Span,
    StaleEdit,
    StaleRevision,
    annotation_create,
    annotation_update,
    entity_create,
)
from workbench.articles.models import Revision, RevisionOrigin
from workbench.errors import error_code

pytestmark = pytest.mark.django_db

P1 = "The minister said the budget would rise by 12 percent next year, a record for the region."
P2 = "“We will not cut a single school,” Haddad said at the press conference on Tuesday."
P3 = "Critics pointed out that the same promise was made in 2019 and quietly dropped in 2021."
BODY = "\n\n".join([P1, P2, P3])


def span(text: str, body: str = BODY) -> Span:
    start = body.index(text)
    return Span(start, start + len(text), text)


@pytest.fixture
def article(world):
    return ArticleFactory(project=world.project, body=BODY, raw=BODY, source="url")


def make(article, author, text, kind="claim", **fields):
    s = span(text)
    return annotation_create(
        article=article, author=author, kind=kind, start=s.start, end=s.end, exact=s.exact, **fields
    )


def test_revision_add_reanchors_every_annotation_and_keeps_the_old_text(world, article):
    haddad = entity_create(team=world.team, actor=world.lead, name="Haddad")
    quote = make(
        article,
        world.reviewer,
        "We will not cut a single school",
        kind="quote",
        speaker=haddad,
        mention=span("Haddad"),
        cue=span("said at"),
    )
    figure = make(article, world.reviewer, "the budget would rise by 12 percent next year")
    gone = make(article, world.reviewer, "the same promise was made in 2019")
    new = "\n\n".join(
        [
            P1.replace("12 percent", "15 percent"),
            "The opposition welcomed the announcement and asked for details.",
            P2,
        ]
    )

    result = revision_add(article=article, text=new, origin=RevisionOrigin.FETCH, by=world.lead)

    article.refresh_from_db()
    assert article.body == new and article.revision == 2
    assert [(r.number, r.origin, r.text) for r in article.revisions.all()] == [
        (1, RevisionOrigin.FETCH, BODY),
        (2, RevisionOrigin.FETCH, new),
    ]
    assert result.states == {"exact": 1, "fuzzy": 1, "orphaned": 1}
    quote.refresh_from_db()
    assert quote.anchor_state == AnchorState.EXACT and quote.revision == 2
    assert new[quote.start : quote.end] == quote.exact == "We will not cut a single school"
    assert new[quote.mention_start : quote.mention_end] == quote.mention_exact == "Haddad"
    assert new[quote.cue_start : quote.cue_end] == "said at"
    assert quote.prefix == new[max(0, quote.start - 32) : quote.start]
    assert quote.version == 2  # a panel open on it gets the usual conflict
    figure.refresh_from_db()
    assert figure.anchor_state == AnchorState.FUZZY and 0.7 <= figure.anchor_score < 1
    assert figure.exact == "the budget would rise by 15 percent next year"
    gone.refresh_from_db()
    # Never dropped, never moved: the orphan keeps its words and context in revision 1.
    assert gone.anchor_state == AnchorState.ORPHANED and gone.revision == 1
    assert BODY[gone.start : gone.end] == gone.exact == "the same promise was made in 2019"
    assert gone.history.first().history_change_reason == "Re-anchored in revision 2"


def test_revision_add_same_text_makes_no_revision(world, article):
    result = revision_add(article=article, text=BODY.replace("\n", "\r\n"), origin="paste", by=None)
    assert result.revision is None and not Revision.objects.exists()


def test_revision_add_refuses_outsiders_viewers_and_duplicates(world, article):
    for user in (world.outsider, world.viewer):
        with pytest.raises(PermissionDenied):
            revision_add(article=article, text=P1, origin="paste", by=user)
    ArticleFactory(project=world.project, body=P1, raw=P1)
    with pytest.raises(ValidationError) as refused:
        revision_add(article=article, text=P1, origin="paste", by=world.lead)
    assert error_code(refused.value) == "duplicate_body"
    assert not Revision.objects.exists()


def test_annotation_save_on_an_older_revision_is_refused(world, article):
    claim = make(article, world.reviewer, "the same promise was made in 2019")
    revision_add(article=article, text="Intro.\n\n" + BODY, origin="paste", by=world.lead)
    claim.refresh_from_db()
    with pytest.raises(StaleRevision) as stale:
        annotation_update(
            annotation=claim, actor=world.reviewer, version=claim.version, revision=1, verdict=""
        )
    assert stale.value.current == 2 and "revision 1" in stale.value.messages[0]
    s = span("quietly dropped", "Intro.\n\n" + BODY)
    with pytest.raises(StaleRevision):
        annotation_create(
            article=article,
            author=world.reviewer,
            kind="claim",
            start=s.start,
            end=s.end,
            exact=s.exact,
            revision=1,
        )
    # The version it had before the revision is stale too.
    with pytest.raises(StaleEdit):
        annotation_update(annotation=claim, actor=world.reviewer, version=1, rationale="x")
    saved = annotation_update(
        annotation=claim, actor=world.reviewer, version=claim.version, revision=2, rationale="ok"
    )
    assert saved.rationale == "ok" and saved.revision == 2


def test_orphan_is_placed_again_with_a_selection(world, article):
    gone = make(article, world.reviewer, "the same promise was made in 2019")
    new = BODY.replace(P3, "Critics said a similar pledge was made before.")
    revision_add(article=article, text=new, origin="paste", by=world.lead)
    gone.refresh_from_db()
    assert gone.anchor_state == AnchorState.ORPHANED
    with pytest.raises(ValidationError) as refused:
        annotation_update(annotation=gone, actor=world.reviewer, version=gone.version, verdict="")
    assert error_code(refused.value) == "orphaned"
    article.refresh_from_db()
    placed = annotation_update(
        annotation=gone,
        actor=world.reviewer,
        version=gone.version,
        span=span("a similar pledge was made before", new),
    )
    assert placed.anchor_state == AnchorState.EXACT and placed.revision == 2
    assert Annotation.objects.get(pk=gone.pk).exact == "a similar pledge was made before"


def test_revision_add_second_time_leaves_orphans_alone(world, article):
    gone = make(article, world.reviewer, "the same promise was made in 2019")
    second = BODY.replace(P3, "Something else entirely was written here instead.")
    revision_add(article=article, text=second, origin="paste", by=world.lead)
    revision_add(article=article, text=second + "\n\nMore.", origin="paste", by=world.lead)
    gone.refresh_from_db()
    assert gone.anchor_state == AnchorState.ORPHANED and gone.revision == 1
    assert BODY[gone.start : gone.end] == gone.exact


def test_stealth_edit_is_flagged_only_without_a_correction_notice(world, article):
    quiet = BODY.replace("12 percent", "8 percent")
    revision_add(article=article, text=quiet, origin="fetch", by=world.lead)
    article.refresh_from_db()
    assert article.stealth_edit and article.revisions.get(number=2).stealth
    noticed = quiet + "\n\nCorrection: an earlier version of this article gave the wrong figure."
    revision_add(article=article, text=noticed, origin="fetch", by=world.lead)
    article.refresh_from_db()
    assert not article.stealth_edit and not article.revisions.get(number=3).stealth
    # Spacing alone changes no words: no stealth edit.
    revision_add(article=article, text=noticed.replace(" the ", "  the "), origin="fetch", by=None)
    article.refresh_from_db()
    assert article.revision == 4 and not article.stealth_edit


def test_stealth_edit_shows_on_article_and_project_pages(world, article):
    revision_add(article=article, text=BODY.replace("2019", "2017"), origin="fetch", by=None)
    client = client_for(world.viewer)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Possible stealth edit" in page
    listing = client.get(world.project.get_absolute_url()).content.decode()
    assert "possible stealth edit" in listing

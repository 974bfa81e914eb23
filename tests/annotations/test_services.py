from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import ArticleFactory, MembershipFactory
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation, Entity, Evidence
from workbench.annotations.selectors import annotation_list, enclosing_quote, entity_list
from workbench.annotations.services import (
    Span,
    StaleEdit,
    annotation_create,
    annotation_delete,
    annotation_update,
    comment_add,
    entity_create,
    entity_find_or_create,
    entity_merge,
    evidence_add,
    source_get_or_create,
)
from workbench.articles.services import article_move_line
from workbench.errors import error_code

pytestmark = pytest.mark.django_db

BODY = (
    'Emoji first 👍🏽🇫🇷 and café. "The US has noticed an increase in attacks," said Renad '
    "Mansour, Iraq specialist at Chatham House.\n\nThe strike killed 2 fighters, officials said."
)


@pytest.fixture
def article(world):
    return ArticleFactory(project=world.project, body=BODY, raw=BODY)


def span_of(text: str, body: str = BODY) -> Span:
    start = body.index(text)
    return Span(start, start + len(text), text)


def quote(article, author, text="The US has noticed an increase in attacks,", **fields):
    span = span_of(text)
    return annotation_create(
        article=article,
        author=author,
        kind="quote",
        start=span.start,
        end=span.end,
        exact=span.exact,
        **fields,
    )


def test_annotation_create_counts_code_points_not_utf16(world, article):
    mansour = entity_create(team=world.team, actor=world.reviewer, name="Renad Mansour")
    annotation = quote(
        article,
        world.reviewer,
        speaker=mansour,
        mention=span_of("Renad Mansour"),
        cue=span_of("said"),
        role="Iraq specialist at Chatham House",
        quote_type="direct",
    )
    assert BODY[annotation.start : annotation.end] == annotation.exact
    assert annotation.start == BODY.index("The US has")
    assert annotation.prefix == BODY[max(0, annotation.start - 32) : annotation.start]
    assert annotation.suffix == BODY[annotation.end : annotation.end + 32]
    assert (annotation.mention_exact, annotation.cue_exact) == ("Renad Mansour", "said")
    assert annotation.version == 1


@pytest.mark.parametrize(
    ("start", "end", "exact", "code"),
    [
        (0, 5, "Emojx", "span_mismatch"),
        (10, 5, "", "span_end_before_start"),
        (5, 5, "", "span_end_before_start"),
        (-1, 3, "Emo", "span_out_of_range"),
        (0, len(BODY) + 1, BODY + " ", "span_out_of_range"),
    ],
)
def test_annotation_create_refuses_bad_spans(world, article, start, end, exact, code):
    with pytest.raises(ValidationError) as error:
        annotation_create(
            article=article, author=world.reviewer, kind="quote", start=start, end=end, exact=exact
        )
    assert error_code(error.value) == code
    assert not Annotation.objects.exists()


def test_annotation_create_refuses_bad_mention_span(world, article):
    with pytest.raises(ValidationError) as error:
        quote(article, world.reviewer, mention=Span(0, 4, "Nope"))
    assert error_code(error.value) == "span_mismatch"
    assert "mention" in error.value.message_dict


def test_annotation_create_refuses_other_teams_entity_and_wrong_kind_fields(world, article):
    stranger = entity_create(team=world.other_project.team, actor=None, name="Stranger")
    with pytest.raises(ValidationError) as error:
        quote(article, world.reviewer, speaker=stranger)
    assert error_code(error.value) == "unknown_entity"
    with pytest.raises(ValidationError) as error:
        quote(article, world.reviewer, verdict="True")
    assert error_code(error.value) == "wrong_kind_fields"
    assert not Annotation.objects.exists()


def test_claim_verdict_must_be_on_the_project_scale(world, article):
    span = span_of("The strike killed 2 fighters")
    with pytest.raises(ValidationError) as error:
        annotation_create(
            article=article,
            author=world.reviewer,
            kind="claim",
            start=span.start,
            end=span.end,
            exact=span.exact,
            verdict="Pants on fire",
        )
    assert error_code(error.value) == "verdict_not_in_scale"
    claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        start=span.start,
        end=span.end,
        exact=span.exact,
        verdict="Mostly true",
        checkworthy="yes",
        claimant_is_outlet=True,
    )
    assert claim.verdict == "Mostly true"


def test_claim_inside_quote_is_offered_the_quote(world, article):
    outer = quote(article, world.reviewer)
    inner = span_of("noticed an increase")
    assert enclosing_quote(article=article, start=inner.start, end=inner.end) == outer
    claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        start=inner.start,
        end=inner.end,
        exact=inner.exact,
        quote=outer,
    )
    assert claim.quote == outer


def test_annotation_update_bumps_version_and_refuses_stale(world, article):
    annotation = quote(article, world.reviewer)
    updated = annotation_update(
        annotation=annotation, actor=world.reviewer, version=1, role="analyst"
    )
    assert (updated.version, updated.role) == (2, "analyst")
    with pytest.raises(StaleEdit) as stale:
        annotation_update(
            annotation=annotation, actor=world.reviewer, version=1, role="overwritten"
        )
    assert stale.value.current.role == "analyst"
    annotation.refresh_from_db()
    assert annotation.role == "analyst"
    with pytest.raises(StaleEdit):
        annotation_delete(annotation=annotation, actor=world.reviewer, version=1)
    annotation_delete(annotation=annotation, actor=world.reviewer, version=2)
    assert not Annotation.objects.exists()


def test_roles_on_annotations(world, article):
    other_reviewer = MembershipFactory(team=world.team, role=Role.REVIEWER).user
    annotation = quote(article, world.reviewer)
    with pytest.raises(PermissionDenied):
        quote(article, world.viewer)
    with pytest.raises(PermissionDenied):
        annotation_update(annotation=annotation, actor=other_reviewer, version=1, role="x")
    with pytest.raises(PermissionDenied):
        annotation_delete(annotation=annotation, actor=world.viewer, version=1)
    assert (
        annotation_update(
            annotation=annotation, actor=world.lead, version=1, role="by lead"
        ).version
        == 2
    )


def test_annotated_article_text_is_locked(world, article):
    quote(article, world.reviewer)
    with pytest.raises(ValidationError) as error:
        article_move_line(
            article=article, actor=world.reviewer, line=0, to="removed", checksum=article.checksum
        )
    assert error_code(error.value) == "annotated"


def test_entity_names_are_unique_per_team_and_aliases_clean(world):
    entity = entity_create(
        team=world.team,
        actor=world.reviewer,
        name=" Michael  Knights ",
        aliases=["Knights", "knights", "Michael Knights", "Mr. Knights"],
    )
    assert entity.name == "Michael Knights"
    assert entity.aliases == ["Knights", "Mr. Knights"]
    with pytest.raises(ValidationError) as error:
        entity_create(team=world.team, actor=world.reviewer, name="michael knights")
    assert error_code(error.value) == "entity_exists"
    assert (
        entity_create(team=world.other_project.team, actor=None, name="Michael Knights").pk
        != entity.pk
    )
    with pytest.raises(PermissionDenied):
        entity_create(team=world.team, actor=world.viewer, name="Someone")


def test_entity_search_and_find_by_alias(world):
    knights = entity_create(
        team=world.team, actor=world.reviewer, name="Michael Knights", aliases=["Knights"]
    )
    entity_create(
        team=world.other_project.team, actor=None, name="Knights of Malta", kind="organisation"
    )
    assert list(entity_list(user=world.reviewer, team=world.team, query="knights")) == [knights]
    assert list(entity_list(user=world.outsider, query="michael")) == []
    assert entity_find_or_create(team=world.team, actor=world.reviewer, name="knights") == knights
    assert entity_find_or_create(team=world.team, actor=world.reviewer, name="Knight") != knights


def test_entity_merge_repoints_annotations_and_unites_aliases(world, article):
    keep = entity_create(team=world.team, actor=world.reviewer, name="Renad Mansour")
    merge = entity_create(
        team=world.team, actor=world.reviewer, name="R. Mansour", aliases=["Mansour"]
    )
    annotation = quote(article, world.reviewer, speaker=merge)
    with pytest.raises(PermissionDenied):
        entity_merge(keep=keep, merge=merge, actor=world.reviewer)
    result = entity_merge(keep=keep, merge=merge, actor=world.lead)
    annotation.refresh_from_db()
    assert annotation.speaker == keep
    assert result.aliases == ["R. Mansour", "Mansour"]
    assert not Entity.objects.filter(pk=merge.pk).exists()
    with pytest.raises(ValidationError):
        entity_merge(keep=keep, merge=keep, actor=world.lead)


def test_sources_are_reused_and_validated(world, article):
    first = source_get_or_create(
        team=world.team, actor=world.reviewer, title="Briefing", url="https://example.org/briefing"
    )
    again = source_get_or_create(
        team=world.team,
        actor=world.reviewer,
        title="Other title",
        url="https://example.org/briefing",
    )
    assert first == again
    for url in ("javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd"):
        with pytest.raises(ValidationError):
            source_get_or_create(team=world.team, actor=world.reviewer, title="Bad", url=url)


def test_evidence_attaches_team_sources_to_claims_once(world, article):
    span = span_of("The strike killed 2 fighters")
    claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        start=span.start,
        end=span.end,
        exact=span.exact,
    )
    a_quote = quote(article, world.reviewer)
    source = source_get_or_create(
        team=world.team, actor=world.reviewer, title="Briefing", url="https://example.org/b"
    )
    evidence_add(
        claim=claim, actor=world.reviewer, source=source, stance="supports", excerpt="two fighters"
    )
    with pytest.raises(ValidationError) as error:
        evidence_add(claim=claim, actor=world.reviewer, source=source, stance="refutes")
    assert error_code(error.value) == "evidence_exists"
    with pytest.raises(ValidationError):
        evidence_add(claim=a_quote, actor=world.reviewer, source=source, stance="supports")
    foreign = source_get_or_create(
        team=world.other_project.team, actor=None, title="Theirs", url="https://example.org/t"
    )
    with pytest.raises(ValidationError):
        evidence_add(claim=claim, actor=world.reviewer, source=foreign, stance="context")
    with pytest.raises(ValidationError):
        evidence_add(
            claim=claim,
            actor=world.reviewer,
            source=source_get_or_create(team=world.team, actor=None, title="S2"),
            stance="maybe",
        )
    assert Evidence.objects.count() == 1


def test_comments_need_text_and_a_writer(world, article):
    annotation = quote(article, world.reviewer)
    assert (
        comment_add(annotation=annotation, author=world.lead, text="  Check the date. ").text
        == "Check the date."
    )
    with pytest.raises(ValidationError):
        comment_add(annotation=annotation, author=world.lead, text="   ")
    with pytest.raises(PermissionDenied):
        comment_add(annotation=annotation, author=world.viewer, text="hi")


def test_annotation_list_is_scoped_and_in_text_order(world, article):
    second = quote(article, world.reviewer, text="The strike killed 2 fighters")
    first = quote(article, world.reviewer)
    assert list(annotation_list(user=world.viewer, article=article)) == [first, second]
    assert list(annotation_list(user=world.outsider)) == []


def test_annotation_list_id_order_scoping_finds_the_same_rows(world, article):
    quote(article, world.reviewer)
    quote(article, world.reviewer, text="The strike killed 2 fighters")
    other_article = ArticleFactory(project=world.other_project, body=BODY, raw=BODY)
    quote(other_article, world.outsider)
    for user in (world.reviewer, world.viewer, world.outsider):
        joined = list(annotation_list(user=user).order_by("-id").values_list("id", flat=True))
        exists = list(
            annotation_list(user=user, id_order=True).order_by("-id").values_list("id", flat=True)
        )
        assert joined == exists
        assert joined
    assert len(list(annotation_list(user=world.outsider, id_order=True))) == 1


# --- one span convention and no duplicates (issue 14, items 5 and 6) ---------------------------

MARKED = (
    "“We are ready,” said Ana. « Nous sommes prêts », a-t-il dit. 'Fine,' he said. "
    "„Gut“, sagte sie. “ Spaced out ” was the note. The players’ union spoke. ‘Yes’, "
    'she said. "Plain" marks. “Going on, without a close. He was behind the "act of '
    'self-defense" against X, who was "actively involved." Then'
)


@pytest.mark.parametrize(
    ("selected", "stored"),
    [
        ("“We are ready,”", "We are ready,"),
        ("« Nous sommes prêts »", "Nous sommes prêts"),
        ("'Fine,'", "Fine,"),
        ("„Gut“", "Gut"),
        ("“ Spaced out ”", "Spaced out"),
        ("‘Yes’", "Yes"),
        ('"Plain"', "Plain"),
        ("We are ready,", "We are ready,"),
        # A lone single mark is an apostrophe, not a quotation mark.
        ("The players’", "The players’"),
        # A paragraph of a quotation that goes on opens without closing.
        ("“Going on, without a close.", "Going on, without a close."),
        # The marks of quoted fragments inside a mixed quote are the fragments'.
        (
            '"act of self-defense" against X, who was "actively involved."',
            '"act of self-defense" against X, who was "actively involved."',
        ),
        ('He was behind the "act of self-defense"', 'He was behind the "act of self-defense"'),
    ],
)
def test_a_quote_is_stored_without_its_quotation_marks(world, selected, stored):
    article = ArticleFactory(project=world.project, body=MARKED, raw=MARKED)
    span = span_of(selected, MARKED)
    annotation = annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        start=span.start,
        end=span.end,
        exact=span.exact,
    )
    assert annotation.exact == stored
    assert MARKED[annotation.start : annotation.end] == stored
    assert annotation.prefix == MARKED[max(0, annotation.start - 32) : annotation.start]
    assert annotation.suffix == MARKED[annotation.end : annotation.end + 32]


def test_a_claim_keeps_its_span_as_selected(world):
    article = ArticleFactory(project=world.project, body=MARKED, raw=MARKED)
    span = span_of("“We are ready,”", MARKED)
    claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        start=span.start,
        end=span.end,
        exact=span.exact,
    )
    assert claim.exact == "“We are ready,”"


def test_a_quote_of_only_quotation_marks_is_refused(world):
    body = "He said “ ” and left."
    article = ArticleFactory(project=world.project, body=body, raw=body)
    span = span_of("“ ”", body)
    with pytest.raises(ValidationError) as error:
        annotation_create(
            article=article,
            author=world.reviewer,
            kind="quote",
            start=span.start,
            end=span.end,
            exact=span.exact,
        )
    assert error_code(error.value) == "empty_quote"


def test_an_edit_of_the_span_trims_the_marks_too(world, article):
    annotation = quote(article, world.reviewer, text="The strike killed 2 fighters")
    marked = span_of('"The US has noticed an increase in attacks,"')
    annotation = annotation_update(
        annotation=annotation, actor=world.reviewer, version=1, span=marked
    )
    assert annotation.exact == "The US has noticed an increase in attacks,"


def test_the_same_kind_and_span_twice_by_one_annotator_is_refused(world, article):
    first = quote(article, world.reviewer)
    with pytest.raises(ValidationError) as error:
        # With its quotation marks it is the same quotation.
        quote(article, world.reviewer, text='"The US has noticed an increase in attacks,"')
    assert error_code(error.value) == "duplicate_annotation"
    assert "already marked this text as a quote" in error.value.messages[0]
    assert Annotation.objects.filter(article=article).count() == 1
    # Another kind on the same span, and another annotator, are not repeats.
    span = span_of("The US has noticed an increase in attacks,")
    annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        start=span.start,
        end=span.end,
        exact=span.exact,
    )
    quote(article, world.lead)
    # An edit may not move one annotation onto another's span either.
    other = quote(article, world.reviewer, text="The strike killed 2 fighters")
    with pytest.raises(ValidationError) as moved:
        annotation_update(annotation=other, actor=world.reviewer, version=1, span=span)
    assert error_code(moved.value) == "duplicate_annotation"
    # Editing the first without moving it is no repeat of itself.
    annotation_update(annotation=first, actor=world.reviewer, version=1, role="analyst")

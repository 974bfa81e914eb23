from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation, Entity
from workbench.annotations.services import entity_create
from workbench.articles.models import Article
from workbench.articles.services import body_checksum
from workbench.suggest.models import Decision, SuggestionDecision, SuggestionRun
from workbench.suggest.selectors import suggestion_counts, suggestion_list, suggestion_token
from workbench.suggest.services import (
    suggestion_accept,
    suggestion_reject,
    suggestions_prepare,
)

BODY = (
    "Michael Knights has followed the militias for a decade.\n\n"
    "“This is a deliberate message,” said Knights, Iraq expert at the Washington Institute.\n\n"
    "“The US has noticed an increase in attacks,” said Renad Mansour, Iraq specialist at "
    "Chatham House.\n\n"
    "Unemployment rose to 14% last year, twice the regional average, the ministry said."
)


@pytest.fixture
def article(world):
    return ArticleFactory(project=world.project, body=BODY)


def url(name, article):
    return reverse(f"suggest:{name}", args=[article.pk])


def listed(article, user):
    suggestions_prepare(article=article)
    return suggestion_list(user=user, article=article)


def first_quote(article, user=None):
    user = user or article.project.team.memberships.first().user
    return next(s.item for s in listed(article, user) if s.item.kind == "quote")


def post_data(article, item):
    return {"token": suggestion_token(article=article, item=item)}


def test_list_access_ladder(client, world, article):
    response = client.get(url("suggestion_list", article))
    assert response.status_code == 302 and "login" in response["Location"]
    assert client_for(world.outsider).get(url("suggestion_list", article)).status_code == 404
    viewer = client_for(world.viewer).get(url("suggestion_list", article))
    assert viewer.status_code == 200
    assert b"Michael Knights" in viewer.content
    assert b"Accept <kbd>a</kbd>" not in viewer.content
    member = client_for(world.reviewer).get(
        url("suggestion_list", article), headers={"HX-Request": "true"}
    )
    assert member.status_code == 200
    assert b"Accept <kbd>a</kbd>" in member.content
    assert b"Accept all" not in member.content
    assert b"Accept all" in client_for(world.lead).get(url("suggestion_list", article)).content


@pytest.mark.parametrize(
    "name", ["suggestion_accept", "suggestion_reject", "suggestion_accept_all"]
)
def test_writes_access_ladder(client, world, article, name):
    data = {**post_data(article, first_quote(article)), "min_score": "0.5"}
    response = client.post(url(name, article), data)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client_for(world.outsider).post(url(name, article), data).status_code == 404
    assert client_for(world.viewer).post(url(name, article), data).status_code == 403
    assert not Annotation.objects.exists() and not SuggestionDecision.objects.exists()


def test_get_only_list_and_post_only_writes(world, article):
    reviewer = client_for(world.reviewer)
    assert reviewer.post(url("suggestion_list", article)).status_code == 405
    assert reviewer.get(url("suggestion_accept", article)).status_code == 405


def test_article_text_is_escaped(world):
    body = (
        "“The page showed <script>alert(1)</script> to every reader,” said Jane Moss.\n\n"
        f"The banner {XSS} reached 4,000 readers in 2023, twice as many as in 2022."
    )
    article = ArticleFactory(project=world.project, body=body)
    response = client_for(world.reviewer).get(url("suggestion_list", article))
    assert response.status_code == 200
    assert b"<script>alert" not in response.content
    assert b"&lt;script&gt;alert(1)" in response.content
    assert b"&lt;script&gt;alert(&quot;x&quot;)" in response.content


def test_accept_creates_the_annotation_with_an_existing_entity_by_alias(world, article):
    knights = entity_create(
        team=world.team, actor=None, name="M. Knights", aliases=["Michael Knights"]
    )
    item = first_quote(article)
    response = client_for(world.reviewer).post(
        url("suggestion_accept", article), post_data(article, item)
    )
    assert response.status_code == 200
    assert "annotations-changed" in response["HX-Trigger"]
    annotation = Annotation.objects.get()
    # Stored without the quotation marks the suggestion spans (issue 14, item 6).
    assert BODY[item.start] == "“" and BODY[item.end - 1] == "”"
    assert (annotation.kind, annotation.start, annotation.end) == (
        "quote",
        item.start + 1,
        item.end - 1,
    )
    assert annotation.exact == BODY[item.start + 1 : item.end - 1]
    assert annotation.speaker == knights
    assert annotation.role == "Iraq expert at the Washington Institute"
    assert annotation.quote_type == "direct"
    assert annotation.mention_exact == "Knights" and annotation.cue_exact == "said"
    assert annotation.annotator == world.reviewer
    decision = SuggestionDecision.objects.get()
    assert decision.decision == Decision.ACCEPTED and decision.annotation == annotation
    # Accepted suggestions leave the list.
    assert item.start not in {s.item.start for s in listed(article, world.reviewer)}


def test_accept_creates_a_new_entity_when_the_registry_has_none(world, article):
    items = [s.item for s in listed(article, world.lead) if s.item.kind == "quote"]
    mansour = next(i for i in items if i.speaker == "Renad Mansour")
    client_for(world.lead).post(url("suggestion_accept", article), post_data(article, mansour))
    entity = Entity.objects.get(team=world.team)
    assert (entity.name, entity.kind) == ("Renad Mansour", "person")
    assert Annotation.objects.get().speaker == entity


def test_reject_is_remembered_and_not_shown_again(world, article):
    item = first_quote(article)
    client = client_for(world.reviewer)
    response = client.post(url("suggestion_reject", article), post_data(article, item))
    assert response.status_code == 200
    assert not Annotation.objects.exists()
    assert SuggestionDecision.objects.get().decision == Decision.REJECTED
    assert (
        f'id="suggestion-quote-{item.start}-{item.end}"'.encode()
        not in client.get(url("suggestion_list", article)).content
    )
    again = client.post(url("suggestion_reject", article), post_data(article, item))
    assert b"already decided" in again.content
    assert suggestion_counts(project=world.project) == {"accepted": 0, "rejected": 1}


def tampered(token: str) -> str:
    """The token with one character of its signed part changed."""
    value, _, signature = token.rpartition(":")
    return value[:-3] + ("A" if value[-3] != "A" else "B") + value[-2:] + ":" + signature


@pytest.mark.parametrize("name", ["suggestion_accept", "suggestion_reject"])
def test_tampered_or_forged_suggestion_is_refused(world, article, name):
    token = post_data(article, first_quote(article))["token"]
    client = client_for(world.reviewer)
    for data in ({"token": tampered(token)}, {"token": "quote-0-5"}, {"kind": "quote"}):
        response = client.post(url(name, article), data)
        assert response.status_code == 200
        assert b"not one this page offered" in response.content or b"required" in response.content
    assert not Annotation.objects.exists() and not SuggestionDecision.objects.exists()


def test_posted_suggestion_is_checked_by_the_service(world, article):
    item = first_quote(article)
    token = suggestion_token(article=article, item=item)
    with pytest.raises(ValidationError) as error:
        suggestion_accept(article=article, actor=world.reviewer, token=tampered(token))
    assert error.value.code == "tampered_suggestion"
    # A suggestion signed for another article of the same text is not one for this article.
    twin = ArticleFactory(project=world.other_project, body=BODY)
    with pytest.raises(ValidationError) as error:
        suggestion_reject(article=twin, actor=world.outsider, token=token)
    assert error.value.code == "tampered_suggestion"
    with pytest.raises(PermissionDenied):
        suggestion_accept(article=article, actor=world.viewer, token=token)
    annotation = suggestion_accept(article=article, actor=world.reviewer, token=token)
    assert (annotation.start, annotation.end) == (item.start + 1, item.end - 1)


def test_suggestion_of_an_earlier_text_is_stale_and_nothing_is_lost(world, article):
    item = first_quote(article)
    data = post_data(article, item)
    body = BODY.replace("for a decade", "for ten years")
    Article.objects.filter(pk=article.pk).update(body=body, checksum=body_checksum(body))
    article.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        suggestion_accept(article=article, actor=world.reviewer, token=data["token"])
    assert error.value.code == "stale_suggestion"
    response = client_for(world.reviewer).post(url("suggestion_accept", article), data)
    assert response.status_code == 200
    assert b"text changed since this suggestion was made" in response.content
    assert not Annotation.objects.exists() and not SuggestionDecision.objects.exists()
    # The panel lists the suggestions of the text as it is now, ready to accept.
    assert b"for ten years" not in response.content  # (quotes only: not the first paragraph)
    assert b"This is a deliberate message" in response.content
    assert b'name="token"' in response.content


def test_panel_says_why_each_suggestion_was_made(world, article):
    response = client_for(world.reviewer).get(url("suggestion_list", article))
    assert b"Why: quote/cue-after" in response.content


def test_why_line_is_escaped(world, article):
    suggestions_prepare(article=article)
    run = SuggestionRun.objects.get(article=article)
    for item in run.items:
        item["rule"] = XSS
    run.save(update_fields=["items"])
    response = client_for(world.reviewer).get(url("suggestion_list", article))
    assert b"Why: &lt;script&gt;alert(&quot;x&quot;)" in response.content
    assert XSS.encode() not in response.content


def test_accept_all_above_a_score_for_leads_only(world, article):
    reviewer = client_for(world.reviewer)
    assert (
        reviewer.post(url("suggestion_accept_all", article), {"min_score": "0.9"}).status_code
        == 403
    )
    expected = [s.item for s in listed(article, world.lead) if s.item.score >= 0.9]
    assert expected
    response = client_for(world.lead).post(
        url("suggestion_accept_all", article), {"min_score": "0.9"}
    )
    assert response.status_code == 200
    assert Annotation.objects.count() == len(expected)
    assert suggestion_counts(project=world.project) == {"accepted": len(expected), "rejected": 0}


def test_counts_per_project(world, article):
    other = ArticleFactory(project=world.other_project, body=BODY)
    SuggestionDecision.objects.create(
        article=other, kind="quote", start=0, end=5, exact="x", decision="rejected", score=0.5
    )
    item = first_quote(article)
    client_for(world.reviewer).post(url("suggestion_accept", article), post_data(article, item))
    assert suggestion_counts(project=world.project) == {"accepted": 1, "rejected": 0}
    assert suggestion_counts(project=world.other_project) == {"accepted": 0, "rejected": 1}


def test_list_query_count(world, article, django_assert_max_num_queries):
    client = client_for(world.reviewer)
    # The first opening runs the finder and stores its run; the next ones only read it.
    # One more each since issue 15: the team's registry, read to match the speakers.
    # Up to six more since issue 17: the claims' "already checked" marks, however many claims.
    with django_assert_max_num_queries(20):
        assert client.get(url("suggestion_list", article)).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(url("suggestion_list", article)).status_code == 200


HTMX = {"HX-Request": "true"}  # the panel's own requests (opened alone, it is a whole page)


def test_accept_query_count(world, article, django_assert_max_num_queries):
    client = client_for(world.reviewer)
    data = post_data(article, first_quote(article))
    # About a third are SAVEPOINT/RELEASE pairs: the entity and annotation services are atomic
    # in their own right and run inside the accept's transaction.
    # The posted suggestion is signed: the stored run is not read to find it.
    # Up to six for the claims' "already checked" marks (issue 17).
    with django_assert_max_num_queries(54):
        response = client.post(url("suggestion_accept", article), data, headers=HTMX)
        assert response.status_code == 200


def test_reject_query_count(world, article, django_assert_max_num_queries):
    client = client_for(world.reviewer)
    data = post_data(article, first_quote(article))
    # Most of it is the panel rendered again (the run read, the listing, the membership).
    with django_assert_max_num_queries(33):  # six of them the claims' "already checked" marks
        response = client.post(url("suggestion_reject", article), data, headers=HTMX)
        assert response.status_code == 200


def test_article_page_has_the_suggest_button(world, article):
    response = client_for(world.reviewer).get(article.get_absolute_url())
    assert reverse("suggest:suggestion_list", args=[article.pk]).encode() in response.content
    assert b"js/suggest.js" in response.content


PARTS_BODY = (
    "Ann Lie said the strike was an “act of self-defence” and would go on.\n\n"
    "“A deal is close,” Ann Lie told reporters. “We expect to sign it <script>x</script> soon.”"
)


def test_parts_of_a_split_quote_are_badged_and_escaped(world):
    article = ArticleFactory(project=world.project, body=PARTS_BODY)
    content = client_for(world.reviewer).get(url("suggestion_list", article)).content
    assert content.count(b'class="part-badge"') == 2
    assert b"part 1 of 2" in content and b"part 2 of 2" in content
    assert b"<script>x" not in content and b"&lt;script&gt;x" in content
    assert client_for(world.outsider).get(url("suggestion_list", article)).status_code == 404


def test_a_fragment_nested_in_an_accepted_mixed_quote_is_still_offered(world):
    article = ArticleFactory(project=world.project, body=PARTS_BODY)
    items = [s.item for s in listed(article, world.reviewer) if s.item.kind == "quote"]
    mixed = next(i for i in items if i.quote_type == "mixed")
    fragment = next(i for i in items if i.rule == "quote/nested-fragment")
    client = client_for(world.reviewer)
    client.post(url("suggestion_accept", article), post_data(article, mixed))
    offered = [s.item for s in listed(article, world.reviewer)]
    assert fragment in offered and mixed not in offered
    client.post(url("suggestion_accept", article), post_data(article, fragment))
    assert {a.quote_type for a in Annotation.objects.filter(article=article)} == {
        "mixed",
        "direct",
    }
    # A direct quote over the accepted fragment is of the same family: no longer offered.
    overlapping = fragment.__class__(**{**fragment.as_dict(), "rule": "quote/cue-after"})
    with pytest.raises(ValidationError) as error:
        suggestion_accept(
            article=article,
            actor=world.reviewer,
            token=suggestion_token(article=article, item=overlapping),
        )
    assert error.value.code in {"suggestion_overlaps", "already_decided"}


def test_accept_all_takes_a_mixed_quote_and_the_fragment_nested_in_it(world):
    article = ArticleFactory(project=world.project, body=PARTS_BODY)
    assert len(listed(article, world.lead)) >= 4
    client_for(world.lead).post(url("suggestion_accept_all", article), {"min_score": "0"})
    types = sorted(a.quote_type for a in Annotation.objects.filter(article=article))
    assert types == ["direct", "direct", "direct", "mixed"]


def test_claim_suggestion_already_checked_by_its_team_only(world, article):
    from tests.factchecks.conftest import claim_in, import_reviews, review

    unemployment = "Unemployment rose to 14% last year, twice the regional average"
    import_reviews(world.team, review("https://checker.example/u", unemployment, publisher=XSS))
    # Another team's fact-check and claim on the quote's words mark nothing here.
    import_reviews(world.other_project.team, review("https://else.example/q", BODY[:60]))
    claim_in(world.other_project, world.outsider, "This is a deliberate message")
    content = client_for(world.reviewer).get(url("suggestion_list", article)).content.decode()
    items = content.split('<li class="suggestion ')[1:]
    marked = [item for item in items if "data-already-checked" in item]
    assert len(marked) == 1 and "Unemployment rose to 14%" in marked[0]
    assert "<script>alert" not in content
    assert client_for(world.outsider).get(url("suggestion_list", article)).status_code == 404

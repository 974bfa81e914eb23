"""The article page's sentences ranked by check-worthiness: access, filter, order, escaping."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory
from workbench.suggest.selectors import sentence_ranking

FILLER = [f"The committee met in room {chr(65 + i)} that morning." for i in range(9)]
CLAIM = "Unemployment rose to 14% last year, twice the regional average, the ministry said."
BODY = " ".join([*FILLER[:4], CLAIM, *FILLER[4:]])


@pytest.fixture
def article(world):
    return ArticleFactory(project=world.project, body=BODY)


def url(article, **query):
    return reverse("suggest:sentence_list", args=[article.pk]), {
        f"sentences-{k}": v for k, v in query.items()
    }


def test_sentence_list_access_ladder(client, world, article):
    path, _ = url(article)
    response = client.get(path)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client_for(world.outsider).get(path).status_code == 404
    for user in (world.viewer, world.reviewer, world.lead):
        response = client_for(user).get(path, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert CLAIM.encode() in response.content
    assert client_for(world.reviewer).post(path).status_code == 405


def test_sentence_list_shows_the_top_tenth_first_with_its_reasons(world, article):
    path, query = url(article)
    content = client_for(world.viewer).get(path, query).content.decode()
    # Ten sentences, the top 10 %: the one claim, with why it is worth checking.
    assert CLAIM in content
    assert not any(filler in content for filler in FILLER)
    assert "Why: " in content and "a statistic" in content


def test_sentence_list_all_in_reading_order(world, article):
    path, query = url(article, top="100", order="text")
    content = client_for(world.viewer).get(path, query).content.decode()
    positions = [content.index(s) for s in [*FILLER[:4], CLAIM, *FILLER[4:]]]
    assert positions == sorted(positions)
    path, query = url(article, top="100", order="score")
    content = client_for(world.viewer).get(path, query).content.decode()
    assert content.index(CLAIM) < min(content.index(s) for s in FILLER)


def test_sentence_list_ignores_a_bad_choice(world, article):
    path, _ = url(article)
    response = client_for(world.viewer).get(path, {"sentences-top": "7", "sentences-order": "x"})
    assert response.status_code == 200
    assert CLAIM.encode() in response.content


def test_sentence_list_escapes_the_text_and_the_speaker(world):
    body = f"<script>alert(1)</script>: Crime rose 40% in 2019.\n{XSS}: It rose 12% in 2020.\n"
    article = ArticleFactory(project=world.project, body=body)
    path, query = url(article, top="100")
    response = client_for(world.reviewer).get(path, query)
    assert response.status_code == 200
    assert b"<script>alert" not in response.content
    assert b"&lt;script&gt;alert(1)" in response.content


def test_sentence_list_of_a_transcript_names_each_speaker(world):
    body = "HOLT: Good evening.\nTRUMP: We lost 70,000 factory jobs in 2016.\nHOLT: Thank you.\n"
    article = ArticleFactory(project=world.project, body=body)
    ranked = sentence_ranking(article=article, top=100)
    assert ranked[0].speaker == "TRUMP"
    assert [s.speaker for s in ranked[1:]] == ["HOLT", "HOLT"]
    path, query = url(article, top="100")
    assert b"TRUMP" in client_for(world.viewer).get(path, query).content


def test_sentence_list_refuses_a_text_too_long(world, settings):
    settings.WORKBENCH_SUGGEST_MAX_CHARS = 50
    article = ArticleFactory(project=world.project, body=BODY)
    path, _ = url(article)
    response = client_for(world.viewer).get(path)
    assert response.status_code == 200
    assert b"too long to rank" in response.content


def test_article_page_has_the_rank_button(world, article):
    response = client_for(world.viewer).get(article.get_absolute_url())
    assert reverse("suggest:sentence_list", args=[article.pk]).encode() in response.content


def test_sentence_list_marks_sentences_already_checked(
    world, article, django_assert_max_num_queries
):
    from tests.factchecks.conftest import claim_in, import_reviews, review

    import_reviews(world.team, review("https://checker.example/u", CLAIM, publisher=XSS))
    import_reviews(world.other_project.team, review("https://else.example/f", FILLER[0]))
    claim_in(world.other_project, world.outsider, FILLER[1])
    path, query = url(article, top="100", order="text")
    client = client_for(world.viewer)
    htmx = {"HX-Request": "true"}  # the panel, as the article page loads it
    client.get(path, query, headers=htmx)  # the session's first request sets it up
    # The marks of all ten sentences cost six queries, not six per sentence.
    with django_assert_max_num_queries(10):
        content = client.get(path, query, headers=htmx).content.decode()
    items = content.split('<li class="suggestion ')[1:]
    marked = [item for item in items if "data-already-checked" in item]
    assert len(marked) == 1 and CLAIM in marked[0]
    assert "<script>alert" not in content


def test_sentence_marked_as_a_claim_here_is_not_checked_by_itself(world, article):
    from workbench.annotations.services import annotation_create

    start = BODY.index(CLAIM)
    annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        start=start,
        end=start + len(CLAIM),
        exact=CLAIM,
    )
    path, query = url(article, top="100")
    content = client_for(world.reviewer).get(path, query).content.decode()
    assert "data-already-checked" not in content


def test_sentences_opened_on_their_own_are_a_page_with_a_title_and_the_way_back(world):
    # The "Rank sentences" link without JavaScript, a bookmark or Back: a page, not a fragment.
    article = ArticleFactory(project=world.project, title=f"Jobs {XSS}", body=BODY)
    path, _ = url(article)
    page = client_for(world.viewer).get(path).content.decode()
    assert "<title>Check-worthy sentences · Jobs" in page
    assert f'href="{article.get_absolute_url()}"' in page and CLAIM in page
    assert XSS not in page  # the title is escaped, in <title> and in the crumbs
    fragment = client_for(world.viewer).get(path, headers={"HX-Request": "true"}).content
    assert b"<title>" not in fragment and CLAIM.encode() in fragment
    assert client_for(world.outsider).get(path).status_code == 404


def test_suggestions_opened_on_their_own_are_a_page_too(world, settings):
    article = ArticleFactory(project=world.project, title="Jobs", body=BODY)
    path = reverse("suggest:suggestion_list", args=[article.pk])
    page = client_for(world.reviewer).get(path).content.decode()
    assert "<title>Suggestions · Jobs" in page
    assert f'href="{article.get_absolute_url()}"' in page
    fragment = client_for(world.reviewer).get(path, headers={"HX-Request": "true"}).content
    assert b"<title>" not in fragment
    assert client_for(world.outsider).get(path).status_code == 404

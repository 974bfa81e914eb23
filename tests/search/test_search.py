"""Full-text search: finds, filters, scopes to the user's teams, escapes, survives any query."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory, ProjectFactory
from workbench.annotations.services import (
    annotation_create,
    annotation_update,
    entity_create,
    entity_update,
)
from workbench.articles.models import Article
from workbench.search.query import parse
from workbench.search.selectors import search

pytestmark = pytest.mark.django_db

BODY = (
    "BAGHDAD — A drone strike killed a militia commander on Thursday.\n\n"
    'Michael Knights said the strike was "a clear escalation" by the militias.\n\n'
    "The Pentagon confirmed that three drones were used, a spokesman said."
)
HX = {"HX-Request": "true"}
HOSTILE = [
    '"',
    '""',
    "*",
    "strike*",
    "NEAR(strike drone)",
    "strike AND drone",
    "strike OR",
    "-strike",
    "strike -drone",
    "(",
    ")",
    "^strike",
    "title:strike",
    "'; DROP TABLE articles_article; --",
    "strike:*",
    "a & b | !c <-> d",
    "\\",
    "\x00",
    "💥 ☕",
    "ünïcödé",
    "x" * 500,
    "strike " * 50,
]


def _article(project, body: str = BODY, **extra) -> Article:
    return ArticleFactory(
        project=project,
        body=body,
        raw=body,
        checksum=hashlib.sha256(body.encode()).hexdigest(),
        **extra,
    )


def _span(text: str, body: str = BODY) -> dict:
    start = body.index(text)
    return {"start": start, "end": start + len(text), "exact": text}


@pytest.fixture
def desk(world):
    article = _article(world.project, title="Drone strike in Baghdad", outlet="Le Monde")
    knights = entity_create(team=world.team, actor=None, name="Michael Knights")
    pentagon = entity_create(team=world.team, actor=None, name="The Pentagon", kind="organisation")
    quote = annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        **_span('the strike was "a clear escalation" by the militias'),
        speaker=knights,
    )
    claim = annotation_create(
        article=article,
        author=world.lead,
        kind="claim",
        **_span("three drones were used"),
        claimant=pentagon,
        verdict="Mostly true",
        rationale="Satellite imagery shows wreckage.",
    )
    return world, article, quote, claim, knights, pentagon


def _kinds(results) -> list[tuple[str, int]]:
    return [(hit.kind, (hit.annotation or hit.article).pk) for hit in results.hits]


def test_finds_articles_by_a_word_of_the_body(desk):
    world, article, *_ = desk
    other = _article(world.project, body="Nothing about it here.\n\nAt all.", title="Unrelated")
    found = search(user=world.viewer, query="commander", kind="article")
    assert _kinds(found) == [("article", article.pk)]
    assert other.pk not in [hit.article.pk for hit in found.hits]
    assert search(user=world.viewer, query="Baghdad").hits[0].url == article.get_absolute_url()


def test_finds_annotations_by_a_word_of_the_quote_with_a_link_to_it(desk):
    world, article, quote, *_ = desk
    found = search(user=world.viewer, query="escalation", kind="quote")
    assert _kinds(found) == [("quote", quote.pk)]
    assert found.hits[0].url == f"{article.get_absolute_url()}#annotation-{quote.pk}"
    assert "<mark>escalation</mark>" in found.hits[0].snippet


def test_finds_annotations_by_rationale_and_speaker_name(desk):
    world, _article_, quote, claim, knights, _ = desk
    assert _kinds(search(user=world.viewer, query="satellite")) == [("claim", claim.pk)]
    assert ("quote", quote.pk) in _kinds(search(user=world.viewer, query="Knights escalation"))
    # A renamed speaker is found by the new name.
    entity_update(
        entity=knights, actor=world.lead, name="Mike Knightley", kind="person", aliases=[]
    )
    assert _kinds(search(user=world.viewer, query="knightley")) == [("quote", quote.pk)]


def test_index_follows_edits_and_deletes(desk):
    world, article, quote, *_ = desk
    annotation_update(annotation=quote, actor=world.reviewer, version=1, role="fellow")
    assert _kinds(search(user=world.viewer, query="escalation", kind="quote"))
    Article.objects.filter(pk=article.pk).update(title="Renamed headline")
    assert search(user=world.viewer, query="headline", kind="article").hits
    article.delete()
    assert not search(user=world.viewer, query="escalation").hits


def test_phrases_prefixes_accents_and_case(desk):
    world, *_ = desk
    assert search(user=world.viewer, query='"clear escalation"').hits
    assert not search(user=world.viewer, query='"escalation clear"').hits
    assert search(user=world.viewer, query="ESCAL").hits  # the last word as a prefix
    assert not search(user=world.viewer, query="escal ").hits  # a finished word is a word


def test_filters(desk):
    world, article, quote, claim, knights, pentagon = desk
    other_project = ProjectFactory(team=world.team, slug="second")
    elsewhere = _article(other_project, body=BODY + "\n\nMore.", title="Second copy")
    viewer = world.viewer
    assert {hit.article.pk for hit in search(user=viewer, query="strike").hits} == {
        article.pk,
        elsewhere.pk,
    }
    in_project = search(user=viewer, query="strike", project=other_project)
    assert _kinds(in_project) == [("article", elsewhere.pk)]
    assert _kinds(search(user=viewer, query="drones", kind="claim")) == [("claim", claim.pk)]
    assert _kinds(search(user=viewer, query="drones", kind="quote")) == []
    assert _kinds(search(user=viewer, query="strike", speaker=knights)) == [("quote", quote.pk)]
    assert _kinds(search(user=viewer, query="strike", speaker=pentagon)) == []
    assert _kinds(search(user=viewer, query="drones", verdict="Mostly true")) == [
        ("claim", claim.pk)
    ]
    assert _kinds(search(user=viewer, query="drones", verdict="False")) == []
    assert _kinds(search(user=viewer, query="drones", status="draft")) == [("claim", claim.pk)]
    assert _kinds(search(user=viewer, query="drones", status="approved")) == []


def test_outsiders_find_nothing_of_the_team(desk):
    world, *_ = desk
    for query in ("strike", "escalation", "Knights", "drones", "Baghdad"):
        assert search(user=world.outsider, query=query).hits == []
    html = client_for(world.outsider).get(reverse("search:search"), {"q": "strike"}).content
    assert b"Baghdad" not in html
    assert b"Michael Knights" not in html  # not even among the speaker filter's options


def test_outsider_filter_ids_of_another_team_find_nothing(desk):
    world, article, quote, claim, knights, _ = desk
    client = client_for(world.outsider)
    url = reverse("search:search")
    for params in ({"project": world.project.pk}, {"speaker": knights.pk}):
        response = client.get(url, {"q": "strike", **params})
        assert response.status_code == 200
        assert b"search-hit-link" not in response.content


def test_html_in_article_and_annotation_text_is_escaped(world):
    body = f"The strike {XSS} was loud.\n\nA strike {XSS} again."
    article = _article(world.project, body=body, title=f"Strike {XSS}")
    entity = entity_create(team=world.team, actor=None, name=f"Strike {XSS}")
    annotation_create(
        article=article, author=world.reviewer, kind="quote", **_span(XSS, body), speaker=entity
    )
    annotation_create(
        article=article, author=world.reviewer, kind="claim", **_span("strike", body),
        rationale=f"strike {XSS}",
    )  # fmt: skip
    # (PostgreSQL's parser skips what looks like HTML tags: the hits come from the other words.)
    for query in ("strike", "loud", "again"):
        response = client_for(world.viewer).get(reverse("search:search"), {"q": query})
        html = response.content.decode()
        assert response.status_code == 200
        assert "search-hit-link" in html
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;" in html or "&lt;img" in html


def test_hostile_queries_do_not_crash(desk):
    world, *_ = desk
    client = client_for(world.viewer)
    for query in HOSTILE:
        response = client.get(reverse("search:search"), {"q": query}, headers=HX)
        assert response.status_code == 200, query
        search(user=world.viewer, query=query)


def test_parse_keeps_only_words():
    assert parse('NEAR(strike "a b" -c*').fts5() == '"near" "strike" "a b" "c"'
    assert parse("strike AND dro").tsquery() == "strike & and & dro:*"
    assert parse('"clear escalation" now').tsquery() == "(clear <-> escalation) & now:*"
    assert not parse('" * - ( )')


def test_search_page_ladder(desk, client):
    world, *_ = desk
    url = reverse("search:search")
    response = client.get(url, {"q": "strike"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    for user in (world.lead, world.reviewer, world.viewer, world.outsider):
        assert client_for(user).get(url, {"q": "strike"}).status_code == 200
    html = client_for(world.viewer).get(url, {"q": "strike"}).content.decode()
    assert "Drone <mark>strike</mark> in Baghdad" in html
    assert 'id="topsearch-q"' in html


def test_live_results_are_a_fragment_and_pages_link_on(desk):
    world, article, *_ = desk
    for n in range(25):
        _article(world.project, body=f"Another strike, number {n}.\n\nEnd.", title=f"Strike {n}")
    client = client_for(world.viewer)
    url = reverse("search:search")
    headers = {**HX, "HX-Target": "search-results"}
    first = client.get(url, {"q": "strike", "kind": "article"}, headers=headers).content.decode()
    assert "<html" not in first
    assert first.count('class="search-hit ') == 20
    assert "page=2" in first
    second = client.get(url, {"q": "strike", "kind": "article", "page": 2}).content.decode()
    assert second.count('class="search-hit ') == 6


def test_search_page_query_count_is_bounded(desk, django_assert_max_num_queries):
    world, article, *_ = desk
    for n in range(30):
        extra = _article(world.project, body=f"Strike {n} again.\n\nEnd.", title=f"Strike {n}")
        annotation_create(
            article=extra, author=world.reviewer, kind="quote", **_span("Strike", extra.body)
        )
    client = client_for(world.viewer)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("search:search"), {"q": "strike"})
    assert response.content.decode().count('class="search-hit ') == 20

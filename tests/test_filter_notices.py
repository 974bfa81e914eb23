"""A list filter's value that cannot be read is said, not silently dropped (tests for every page).

A hand-edited or stale bookmarked address (`?status=bogus`, `?page=abc`) still gets its page
(200, the default list, the other filters kept), with a notice by the filter form naming the
value and what is shown instead; an outsider still finds nothing and a stranger still logs in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory
from workbench.annotations.revisions import revision_add
from workbench.annotations.services import entity_create

pytestmark = pytest.mark.django_db

LONG = "x" * 201
CLAIM = "Unemployment rose to 14% last year, twice the regional average, the ministry said."
FILLER = " ".join(f"The committee met in room {chr(65 + i)} that morning." for i in range(9))


@dataclass(frozen=True)
class Case:
    """One page with a filter: where it is, who may see it, and what a bad value shows."""

    name: str
    url: Callable[[object], str]  # world -> the page's address
    user: str  # the World member who sees the page
    params: dict[str, str]  # the bad value, and any good ones beside it
    notice: str  # the notice, as the page says it
    shown: Callable[[object], str]  # world -> a text of the default list
    bad_param: str  # which parameter the escaping test poisons
    htmx_target: str | None = None  # the fragment the filter form asks for, if any
    # Lists of the user's own team or own work: an outsider sees their own (empty) one.
    outsider_404: bool = True


def _entity(world) -> str:
    entity = entity_create(team=world.team, actor=None, name="Michael Knights")
    return entity.name


def _revised(world) -> str:
    text = world.article.body + "\n\nA new line."
    revision_add(article=world.article, text=text, origin="paste", by=world.lead)
    return "revision 1 → 2"


def _sentences(world) -> str:
    world.article.body = f"{FILLER} {CLAIM}"
    world.article.save()
    return CLAIM


def _article_url(world) -> str:
    return world.article.get_absolute_url()


CASES = [
    Case(
        "project-status",
        lambda w: reverse("articles:project_detail", args=[w.project.pk]),
        "viewer",
        {"status": "bogus"},
        "Status: “bogus” is not one of the choices; showing articles of any status.",
        lambda w: w.article.title,
        "status",
        "article-rows",
    ),
    Case(
        "project-page",
        lambda w: reverse("articles:project_detail", args=[w.project.pk]),
        "viewer",
        {"page": "abc"},
        "Page: “abc” is not a whole number; showing page 1.",
        lambda w: w.article.title,
        "page",
        "article-rows",
    ),
    Case(
        "sentences",
        lambda w: reverse("suggest:sentence_list", args=[w.article.pk]),
        "viewer",
        {"sentences-top": "7", "sentences-order": "text"},
        "Show: “7” is not one of the choices; showing the top 10 %.",
        _sentences,
        "sentences-top",
        "sentences",
    ),
    Case(
        "search",
        lambda w: reverse("search:search"),
        "viewer",
        {"q": "x", "kind": "bogus"},
        "Kind: “bogus” is not one of the choices; showing everything.",
        lambda w: "search-hits",
        "kind",
        "search-results",
        outsider_404=False,
    ),
    Case(
        "entities",
        lambda w: reverse("annotations:entity_list"),
        "viewer",
        {"kind": "bogus"},
        "Kind: “bogus” is not one of the choices; showing every kind.",
        _entity,
        "kind",
        "entity-rows",
        outsider_404=False,
    ),
    Case(
        "entity-merge",
        lambda w: reverse("annotations:entity_merge", args=[_merge_target(w)]),
        "lead",
        {"q": LONG},
        "is longer than 200 characters; showing the team's other entities.",
        _entity,
        "q",
        "merge-candidates",
    ),
    Case(
        "agreement",
        lambda w: reverse("review:agreement", args=[w.project.pk]),
        "lead",
        {"page": "abc"},
        "Page: “abc” is not a whole number; showing page 1.",
        lambda w: "By article",
        "page",
    ),
    Case(
        "queue",
        lambda w: reverse("review:queue"),
        "reviewer",
        {"done": "abc"},
        "Done work, page: “abc” is not a whole number; showing the latest done work.",
        lambda w: "My queue",
        "done",
        outsider_404=False,
    ),
    Case(
        "revision-diff",
        lambda w: reverse("articles:article_revision_diff", args=[w.article.pk]),
        "viewer",
        {"older": "abc"},
        "From: “abc” is not a whole number; showing the revision before.",
        _revised,
        "older",
    ),
    Case(
        "article-annotations",
        _article_url,
        "viewer",
        {"kind": "bogus"},
        "Kind: “bogus” is not one of the choices; showing all kinds.",
        lambda w: "No annotations yet.",
        "kind",
        "annotation-list",
    ),
    Case(
        "factchecks",
        lambda w: reverse("factchecks:factcheck_list", args=[w.team.slug]),
        "viewer",
        {"rating": LONG},
        "is longer than 200 characters; showing any rating.",
        lambda w: "factcheck-rows",
        "rating",
        "factcheck-rows",
    ),
]


def _merge_target(world) -> int:
    return entity_create(team=world.team, actor=None, name="M. Knights").pk


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_filter_value_shows_the_default_list_with_a_notice(client, world, case):
    shown = case.shown(world)
    path = case.url(world)
    # The access rules hold as before: a stranger logs in, an outsider finds nothing.
    response = client.get(path, case.params)
    assert response.status_code == 302 and "login" in response["Location"]
    if case.outsider_404:
        assert client_for(world.outsider).get(path, case.params).status_code == 404
    response = client_for(getattr(world, case.user)).get(path, case.params)
    assert response.status_code == 200
    content = response.content.decode()
    assert escape(case.notice, quote=True) in content, content
    assert "data-filter-notice" in content
    assert escape(shown, quote=True) in content


@pytest.mark.parametrize("case", [c for c in CASES if c.htmx_target], ids=lambda c: c.name)
def test_bad_filter_value_notice_comes_in_the_fragment_too(world, case):
    shown = case.shown(world)
    response = client_for(getattr(world, case.user)).get(
        case.url(world),
        case.params,
        headers={"HX-Request": "true", "HX-Target": case.htmx_target},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "<html" not in content  # the fragment, not the page
    assert escape(case.notice, quote=True) in content
    assert escape(shown, quote=True) in content


@pytest.mark.parametrize("value", [XSS, '"><img src=x onerror=alert(1)>'])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_filter_value_is_escaped_in_the_notice(world, case, value):
    case.shown(world)
    # Too long for a text filter, no choice, no number: unreadable whatever the field.
    params = {**case.params, case.bad_param: value + LONG}
    response = client_for(getattr(world, case.user)).get(case.url(world), params)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    notices = content.split("data-filter-notice>", 1)
    assert len(notices) == 2, "no notice"
    assert escape(value[:20], quote=True) in notices[1].split("</div>", 1)[0]


def test_good_filters_are_kept_beside_a_bad_one(world):
    kept = ArticleFactory(project=world.project, title="Budget cuts")
    path = reverse("articles:project_detail", args=[world.project.pk])
    content = client_for(world.viewer).get(path, {"q": "Budget", "status": "bogus"}).content
    assert kept.title.encode() in content
    assert world.article.title.encode() not in content


def test_a_page_past_the_end_says_which_page_is_shown(world):
    path = reverse("articles:project_detail", args=[world.project.pk])
    response = client_for(world.viewer).get(path, {"status": "unassigned", "page": "1"})
    assert b"data-filter-notice" not in response.content  # good values: nothing to say
    response = client_for(world.viewer).get(path, {"page": "99999"})
    assert response.status_code == 200
    assert "Page: there is no page 99999; showing page 1." in response.content.decode()
    assert world.article.title.encode() in response.content

"""The entity registry pages: list and search, create and edit, who said what, merge."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory, MembershipFactory
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation, Entity
from workbench.annotations.services import annotation_create, entity_create

pytestmark = pytest.mark.django_db

BODY = (
    "Michael Knights, a fellow at the Washington Institute, said the strikes were limited. "
    "The Pentagon confirmed that 2,500 troops remain in Iraq. "
    "Knights added that the militias would answer within days."
)


# --- helpers ----------------------------------------------------------------------------------

_serial = itertools.count()


def _entity(team, name, **fields):
    return entity_create(team=team, actor=None, name=name, **fields)


def _article(project, body=BODY, **fields):
    # A project refuses the same text twice (checksum), so each article gets its own last line.
    return ArticleFactory(project=project, body=f"{body}\n\nNote {next(_serial)}.", **fields)


def _span(article, text):
    start = article.body.index(text)
    return {"start": start, "end": start + len(text), "exact": text}


def _quote(article, author, text, speaker, role=""):
    return annotation_create(
        article=article,
        author=author,
        kind="quote",
        speaker=speaker,
        role=role,
        **_span(article, text),
    )


def _claim(article, author, text, claimant, verdict=""):
    return annotation_create(
        article=article,
        author=author,
        kind="claim",
        claimant=claimant,
        verdict=verdict,
        **_span(article, text),
    )


def _html(response):
    return response.content.decode()


# --- the ladder -------------------------------------------------------------------------------

# name, args from (world, entity, other entity), method, data, roles that may (others get 403)
ENTITY_VIEWS = [
    ("annotations:entity_detail", lambda e, o: [e.pk], "get", None, {"lead", "reviewer", "viewer"}),
    ("annotations:entity_edit", lambda e, o: [e.pk], "get", None, {"lead", "reviewer"}),
    (
        "annotations:entity_edit",
        lambda e, o: [e.pk],
        "post",
        {"name": "Michael Knights", "kind": "person", "aliases": "Knights"},
        {"lead", "reviewer"},
    ),
    ("annotations:entity_merge", lambda e, o: [e.pk], "get", None, {"lead"}),
    ("annotations:entity_merge_confirm", lambda e, o: [e.pk, o.pk], "get", None, {"lead"}),
    ("annotations:entity_merge_confirm", lambda e, o: [e.pk, o.pk], "post", None, {"lead"}),
]
ROLES = ["lead", "reviewer", "viewer"]


def _ladder_request(client, world, name, args, method, data):
    entity = _entity(world.team, "Michael Knights")
    other = _entity(world.team, "M. Knights")
    return getattr(client, method)(reverse(name, args=args(entity, other)), data or {})


@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), ENTITY_VIEWS)
def test_entity_view_sends_anonymous_to_login(client, world, name, args, method, data, allowed):
    response = _ladder_request(client, world, name, args, method, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), ENTITY_VIEWS)
def test_entity_view_hides_team_entities_from_outsider(world, name, args, method, data, allowed):
    response = _ladder_request(client_for(world.outsider), world, name, args, method, data)
    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), ENTITY_VIEWS)
def test_entity_view_answers_each_role(world, role, name, args, method, data, allowed):
    client = client_for(getattr(world, role))
    response = _ladder_request(client, world, name, args, method, data)
    if role in allowed:
        assert response.status_code in (200, 302), response.content[:500]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("name", ["annotations:entity_list", "annotations:entity_create"])
def test_entity_team_pages_send_anonymous_to_login(client, world, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES)
def test_entity_list_answers_every_member(world, role):
    _entity(world.team, "Michael Knights")
    response = client_for(getattr(world, role)).get(reverse("annotations:entity_list"))
    assert response.status_code == 200
    assert "Michael Knights" in _html(response)


def test_entity_list_shows_outsider_only_their_own_team(world):
    _entity(world.team, "Michael Knights")
    _entity(world.other_project.team, "Renad Mansour")
    html = _html(client_for(world.outsider).get(reverse("annotations:entity_list")))
    assert "Renad Mansour" in html
    assert "Michael Knights" not in html


@pytest.mark.parametrize(("role", "status"), [("lead", 200), ("reviewer", 200), ("viewer", 403)])
def test_entity_create_page_is_for_writers(world, role, status):
    response = client_for(getattr(world, role)).get(reverse("annotations:entity_create"))
    assert response.status_code == status


def test_entity_create_refuses_viewer_post(world):
    response = client_for(world.viewer).post(
        reverse("annotations:entity_create"), {"name": "Renad Mansour", "kind": "person"}
    )
    assert response.status_code == 403
    assert not Entity.objects.filter(name="Renad Mansour").exists()


def test_entity_new_button_only_for_writers(world):
    url = reverse("annotations:entity_list")
    create = reverse("annotations:entity_create")
    assert create in _html(client_for(world.reviewer).get(url))
    assert create not in _html(client_for(world.viewer).get(url))


def test_entity_merge_refuses_reviewer_post_and_changes_nothing(world):
    keep = _entity(world.team, "Michael Knights")
    merge = _entity(world.team, "Knights")
    quote = _quote(_article(world.project), world.reviewer, "the strikes were limited", merge)
    url = reverse("annotations:entity_merge_confirm", args=[keep.pk, merge.pk])
    assert client_for(world.reviewer).post(url).status_code == 403
    quote.refresh_from_db()
    assert quote.speaker_id == merge.pk
    assert Entity.objects.filter(pk=merge.pk).exists()


# --- list and search --------------------------------------------------------------------------


def test_entity_list_search_finds_a_name_part(world):
    _entity(world.team, "Michael Knights")
    _entity(world.team, "Renad Mansour")
    html = _html(client_for(world.viewer).get(reverse("annotations:entity_list"), {"q": "Knights"}))
    assert "Michael Knights" in html
    assert "Renad Mansour" not in html


def test_entity_list_search_matches_aliases_case_insensitively(world):
    _entity(world.team, "Pentagon", kind="organisation", aliases=["US Department of Defense"])
    _entity(world.team, "Renad Mansour")
    response = client_for(world.viewer).get(
        reverse("annotations:entity_list"), {"q": "department OF defense"}
    )
    html = _html(response)
    assert "Pentagon" in html
    assert "Renad Mansour" not in html


def test_entity_list_search_never_shows_another_team(world):
    _entity(world.team, "Michael Knights")
    _entity(world.other_project.team, "Knights Templar", aliases=["Knights"])
    html = _html(client_for(world.lead).get(reverse("annotations:entity_list"), {"q": "knights"}))
    assert "Michael Knights" in html
    assert "Knights Templar" not in html


def test_entity_list_search_answers_htmx_with_the_rows_only(world):
    _entity(world.team, "Michael Knights", aliases=["Knights"])
    response = client_for(world.viewer).get(
        reverse("annotations:entity_list"),
        {"q": "knights"},
        headers={"HX-Request": "true", "HX-Target": "entity-rows"},
    )
    html = _html(response)
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="entity-rows">')
    assert "<html" not in html
    assert "Michael Knights" in html


def test_entity_list_filters_by_kind(world):
    _entity(world.team, "Michael Knights")
    _entity(world.team, "Pentagon", kind="organisation")
    html = _html(
        client_for(world.viewer).get(reverse("annotations:entity_list"), {"kind": "organisation"})
    )
    assert "Pentagon" in html
    assert "Michael Knights" not in html


def test_entity_list_shows_aliases_and_counts(world):
    knights = _entity(world.team, "Michael Knights", aliases=["Knights", "Mike Knights"])
    article = _article(world.project)
    _quote(article, world.reviewer, "the strikes were limited", knights)
    _quote(article, world.reviewer, "the militias would answer within days", knights)
    _claim(article, world.reviewer, "the strikes were limited", knights)
    html = _html(client_for(world.viewer).get(reverse("annotations:entity_list")))
    assert "Mike Knights" in html
    row = html[html.index("Michael Knights") :]
    row = row[: row.index("</tr>")]
    assert '<td class="num">2</td>' in row
    assert '<td class="num">1</td>' in row


def test_entity_list_paginates_by_fifty(world):
    for n in range(55):
        _entity(world.team, f"Speaker {n:02d}")
    client = client_for(world.viewer)
    first = _html(client.get(reverse("annotations:entity_list")))
    second = _html(client.get(reverse("annotations:entity_list"), {"page": 2}))
    assert "Speaker 49" in first and "Speaker 50" not in first
    assert "Speaker 54" in second and "Speaker 00" not in second
    assert "Page 1 of 2" in first


def test_entity_list_query_count_is_bounded(world, django_assert_max_num_queries):
    for n in range(60):
        entity = _entity(world.team, f"Speaker {n:02d}", aliases=[f"S{n}"])
        if n % 3 == 0:
            # One article each: an annotator marks a span once.
            article = _article(world.project)
            _quote(article, world.reviewer, "the strikes were limited", entity)
            _claim(article, world.reviewer, "2,500 troops remain in Iraq", entity)
    client = client_for(world.viewer)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("annotations:entity_list"))
    assert response.status_code == 200


# --- create and edit --------------------------------------------------------------------------


def test_entity_create_adds_entity_with_aliases_and_redirects(world):
    response = client_for(world.reviewer).post(
        reverse("annotations:entity_create"),
        {
            "name": "  Michael   Knights ",
            "kind": "person",
            "aliases": "Knights, Mike Knights\nM. Knights\n\nknights",
            "description": "Fellow at the Washington Institute",
            "wikidata_id": "Q42",
        },
    )
    entity = Entity.objects.get(team=world.team, name="Michael Knights")
    assert response.status_code == 302
    assert response["Location"] == entity.get_absolute_url()
    assert entity.aliases == ["Knights", "Mike Knights", "M. Knights"]
    assert entity.wikidata_id == "Q42"
    assert entity.description == "Fellow at the Washington Institute"


def test_entity_create_refuses_duplicate_name_with_400(world):
    _entity(world.team, "Michael Knights")
    response = client_for(world.lead).post(
        reverse("annotations:entity_create"), {"name": "michael knights", "kind": "person"}
    )
    assert response.status_code == 400
    assert "is already in the registry" in _html(response)
    assert Entity.objects.filter(team=world.team).count() == 1


def test_entity_create_allows_a_name_used_by_another_team(world):
    _entity(world.other_project.team, "Michael Knights")
    response = client_for(world.lead).post(
        reverse("annotations:entity_create"), {"name": "Michael Knights", "kind": "person"}
    )
    assert response.status_code == 302
    assert Entity.objects.filter(team=world.team, name="Michael Knights").exists()


def test_entity_create_refuses_bad_wikidata_id_with_400(world):
    response = client_for(world.lead).post(
        reverse("annotations:entity_create"),
        {"name": "Michael Knights", "kind": "person", "wikidata_id": "42"},
    )
    assert response.status_code == 400
    assert "A Wikidata id looks like Q42." in _html(response)
    assert not Entity.objects.filter(name="Michael Knights").exists()


def test_entity_create_refuses_unknown_kind_with_400(world):
    response = client_for(world.lead).post(
        reverse("annotations:entity_create"), {"name": "Michael Knights", "kind": "robot"}
    )
    assert response.status_code == 400
    assert not Entity.objects.filter(name="Michael Knights").exists()


def test_entity_edit_form_shows_one_alias_per_line(world):
    entity = _entity(world.team, "Michael Knights", aliases=["Knights", "Mike Knights"])
    html = _html(
        client_for(world.reviewer).get(reverse("annotations:entity_edit", args=[entity.pk]))
    )
    assert "Knights\nMike Knights</textarea>" in html
    assert "one per line, or separated by commas" in html


def test_entity_edit_changes_aliases_and_kind(world):
    entity = _entity(world.team, "Pentagon", aliases=["DoD"])
    response = client_for(world.reviewer).post(
        reverse("annotations:entity_edit", args=[entity.pk]),
        {
            "name": "The Pentagon",
            "kind": "organisation",
            "aliases": "Pentagon\nUS Department of Defense",
        },
    )
    entity.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == entity.get_absolute_url()
    assert entity.name == "The Pentagon"
    assert entity.kind == "organisation"
    assert entity.aliases == ["Pentagon", "US Department of Defense"]
    assert "us department of defense" in entity.search_names


def test_entity_edit_refuses_a_name_taken_with_400(world):
    _entity(world.team, "Michael Knights")
    entity = _entity(world.team, "Knights")
    response = client_for(world.lead).post(
        reverse("annotations:entity_edit", args=[entity.pk]),
        {"name": "MICHAEL KNIGHTS", "kind": "person", "aliases": ""},
    )
    assert response.status_code == 400
    assert "merge them instead" in _html(response)
    entity.refresh_from_db()
    assert entity.name == "Knights"


def test_entity_edit_refuses_bad_wikidata_id_and_keeps_the_old_one(world):
    entity = _entity(world.team, "Michael Knights", wikidata_id="Q7")
    response = client_for(world.lead).post(
        reverse("annotations:entity_edit", args=[entity.pk]),
        {"name": "Renamed", "kind": "person", "wikidata_id": "Q0"},
    )
    html = _html(response)
    assert response.status_code == 400
    assert "A Wikidata id looks like Q42." in html
    assert "Edit Michael Knights" in html
    entity.refresh_from_db()
    assert (entity.name, entity.wikidata_id) == ("Michael Knights", "Q7")


# --- detail: who said what --------------------------------------------------------------------


@pytest.fixture
def two_articles(world):
    first = _article(
        world.project,
        title="Strikes in Iraq",
        outlet="Le Monde",
        published=datetime.date(2024, 1, 5),
    )
    second = _article(
        world.project,
        title="Militias answer",
        outlet="The Gazette",
        published=datetime.date(2024, 1, 9),
    )
    return first, second


def test_entity_detail_lists_quotes_and_claims_across_articles(world, two_articles):
    first, second = two_articles
    knights = _entity(world.team, "Michael Knights", wikidata_id="Q123")
    quote = _quote(
        first, world.reviewer, "the strikes were limited", knights, role="fellow at the Institute"
    )
    claim = _claim(
        second, world.reviewer, "2,500 troops remain in Iraq", knights, verdict="Mostly true"
    )
    other = _entity(world.team, "Pentagon", kind="organisation")
    _quote(second, world.reviewer, "the militias would answer within days", other)
    html = _html(client_for(world.viewer).get(knights.get_absolute_url()))
    assert "Strikes in Iraq" in html and "Militias answer" in html
    assert "Le Monde" in html and "2024-01-05" in html
    assert first.get_absolute_url() in html and second.get_absolute_url() in html
    assert f'href="{quote.get_absolute_url()}"' in html
    assert f'href="{claim.get_absolute_url()}"' in html
    assert "fellow at the Institute" in html
    assert "Mostly true" in html
    assert "the militias would answer within days" not in html
    assert "2 statements in 2 articles" in html
    # Newest article first.
    assert html.index("Militias answer") < html.index("Strikes in Iraq")
    assert 'href="https://www.wikidata.org/wiki/Q123" rel="noopener noreferrer"' in html


def test_entity_detail_never_shows_another_team(world):
    knights = _entity(world.team, "Michael Knights")
    _quote(_article(world.project), world.reviewer, "the strikes were limited", knights)
    twin = _entity(world.other_project.team, "Michael Knights")
    other_article = _article(world.other_project, title="Elsewhere story")
    _quote(other_article, world.outsider, "the militias would answer within days", twin)
    html = _html(client_for(world.lead).get(knights.get_absolute_url()))
    assert "the strikes were limited" in html
    assert "Elsewhere story" not in html
    assert "the militias would answer within days" not in html
    assert client_for(world.lead).get(twin.get_absolute_url()).status_code == 404


def test_entity_detail_offers_edit_and_merge_by_role(world):
    entity = _entity(world.team, "Michael Knights")
    edit = reverse("annotations:entity_edit", args=[entity.pk])
    merge = reverse("annotations:entity_merge", args=[entity.pk])
    lead = _html(client_for(world.lead).get(entity.get_absolute_url()))
    reviewer = _html(client_for(world.reviewer).get(entity.get_absolute_url()))
    viewer = _html(client_for(world.viewer).get(entity.get_absolute_url()))
    assert edit in lead and merge in lead
    assert edit in reviewer and merge not in reviewer
    assert edit not in viewer and merge not in viewer


def test_entity_detail_query_count_is_bounded(world, django_assert_max_num_queries):
    knights = _entity(world.team, "Michael Knights")
    # Three annotators: each marks a span once.
    third = MembershipFactory(team=world.team, role=Role.REVIEWER).user
    for n in range(10):
        article = _article(world.project, published=datetime.date(2024, 1, n + 1))
        for author in (world.reviewer, world.lead, third):
            _quote(article, author, "the strikes were limited", knights, role=f"role {n}")
            _claim(article, author, "2,500 troops remain in Iraq", knights)
    client = client_for(world.viewer)
    with django_assert_max_num_queries(10):
        response = client.get(knights.get_absolute_url())
    assert response.status_code == 200
    assert "60 statements in 10 articles" in _html(response)


# --- merge ------------------------------------------------------------------------------------


def test_entity_merge_page_lists_candidates_of_the_team(world):
    keep = _entity(world.team, "Michael Knights")
    _entity(world.team, "Knights", aliases=["M. Knights"])
    _entity(world.team, "Renad Mansour")
    _entity(world.other_project.team, "Knights of Elsewhere")
    url = reverse("annotations:entity_merge", args=[keep.pk])
    response = client_for(world.lead).get(
        url, {"q": "knights"}, headers={"HX-Request": "true", "HX-Target": "merge-candidates"}
    )
    html = _html(response)
    assert html.lstrip().startswith('<div id="merge-candidates">')
    assert "M. Knights" in html
    assert "Renad Mansour" not in html
    assert "Knights of Elsewhere" not in html
    assert reverse("annotations:entity_merge_confirm", args=[keep.pk, keep.pk]) not in html


def test_entity_merge_confirm_shows_what_will_happen(world):
    keep = _entity(world.team, "Michael Knights")
    merge = _entity(world.team, "Knights", aliases=["M. Knights"])
    article = _article(world.project)
    _quote(article, world.reviewer, "the strikes were limited", merge)
    _quote(article, world.reviewer, "the militias would answer within days", merge)
    _claim(article, world.reviewer, "2,500 troops remain in Iraq", merge)
    url = reverse("annotations:entity_merge_confirm", args=[keep.pk, merge.pk])
    html = _html(client_for(world.lead).get(url))
    assert "<strong>2 quotes</strong>" in html
    assert "<strong>1 claim</strong>" in html
    assert "M. Knights" in html
    assert "is deleted" in html
    assert f'action="{url}"' in html
    # Nothing happens on GET.
    assert Entity.objects.filter(pk=merge.pk).exists()


def test_entity_merge_repoints_annotations_and_unites_aliases(world):
    keep = _entity(world.team, "Michael Knights", aliases=["Knights"])
    merge = _entity(world.team, "Mike Knights", aliases=["M. Knights", "knights"])
    article = _article(world.project)
    quote = _quote(article, world.reviewer, "the strikes were limited", merge)
    claim = _claim(article, world.reviewer, "2,500 troops remain in Iraq", merge)
    client = client_for(world.lead)
    response = client.post(reverse("annotations:entity_merge_confirm", args=[keep.pk, merge.pk]))
    assert response.status_code == 302
    assert response["Location"] == keep.get_absolute_url()
    keep.refresh_from_db()
    assert keep.aliases == ["Knights", "Mike Knights", "M. Knights"]
    assert not Entity.objects.filter(pk=merge.pk).exists()
    assert Annotation.objects.get(pk=quote.pk).speaker_id == keep.pk
    assert Annotation.objects.get(pk=claim.pk).claimant_id == keep.pk
    page = _html(client.get(response["Location"]))
    assert "Merged “Mike Knights” into “Michael Knights”: 1 quote and 1 claim re-pointed." in page
    assert "the strikes were limited" in page


def test_entity_merge_with_another_teams_entity_is_404(world):
    keep = _entity(world.team, "Michael Knights")
    foreign = _entity(world.other_project.team, "Knights")
    url = reverse("annotations:entity_merge_confirm", args=[keep.pk, foreign.pk])
    client = client_for(world.lead)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Entity.objects.filter(pk=foreign.pk).exists()


def test_entity_merge_with_itself_is_400(world):
    keep = _entity(world.team, "Michael Knights")
    url = reverse("annotations:entity_merge_confirm", args=[keep.pk, keep.pk])
    client = client_for(world.lead)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "Pick two different entities to merge." in _html(response)
    assert Entity.objects.filter(pk=keep.pk).exists()


# --- escaping ---------------------------------------------------------------------------------


def test_entity_pages_escape_names_aliases_descriptions_and_roles(world):
    evil = _entity(world.team, XSS, aliases=[f"alias {XSS}"], description=f"about {XSS}")
    plain = _entity(world.team, "Michael Knights")
    article = _article(world.project, title=f"title {XSS}")
    _quote(article, world.reviewer, "the strikes were limited", evil, role=f"role {XSS}")
    client = client_for(world.lead)
    pages = [
        reverse("annotations:entity_list"),
        evil.get_absolute_url(),
        reverse("annotations:entity_edit", args=[evil.pk]),
        reverse("annotations:entity_merge", args=[plain.pk]),
        reverse("annotations:entity_merge_confirm", args=[plain.pk, evil.pk]),
        reverse("annotations:entity_merge_confirm", args=[evil.pk, plain.pk]),
    ]
    for url in pages:
        html = _html(client.get(url))
        assert XSS not in html, url
        assert "<script>alert" not in html, url
        assert escape(XSS) in html, url
    detail = _html(client.get(evil.get_absolute_url()))
    assert escape(f"alias {XSS}") in detail
    assert escape(f"about {XSS}") in detail
    assert escape(f"role {XSS}") in detail
    assert escape(f"title {XSS}") in detail


def test_entity_list_is_sorted_by_name(world):
    for name in ("Zainab Salbi", "Michael Knights", "Adam Smith"):
        _entity(world.team, name)
    html = _html(client_for(world.viewer).get(reverse("annotations:entity_list")))
    assert html.index("Adam Smith") < html.index("Michael Knights") < html.index("Zainab Salbi")


def test_entity_detail_puts_undated_articles_last(world):
    knights = _entity(world.team, "Michael Knights")
    undated = _article(world.project, title="Undated story")
    dated = _article(world.project, title="Dated story", published=datetime.date(2020, 1, 1))
    _quote(undated, world.reviewer, "the strikes were limited", knights)
    _quote(dated, world.reviewer, "the strikes were limited", knights)
    html = _html(client_for(world.viewer).get(knights.get_absolute_url()))
    assert html.index("Dated story") < html.index("Undated story")


def test_entity_merge_asks_before_it_deletes(world):
    keep = _entity(world.team, "Michael Knights")
    merge = _entity(world.team, "Knights")
    url = reverse("annotations:entity_merge_confirm", args=[keep.pk, merge.pk])
    html = _html(client_for(world.lead).get(url))
    assert 'data-confirm="Merge “Knights” into “Michael Knights”?' in html

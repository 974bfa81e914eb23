"""Speakers already in the team's registry are matched first (issue 15): by name or alias, case
aside, or by surname when one person of the registry has it; never another team's entity."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation, Entity
from workbench.annotations.services import entity_create
from workbench.suggest.selectors import suggestion_list, suggestion_token
from workbench.suggest.services import suggestions_prepare

BODY = (
    "The council met on Tuesday to vote on the new dam.\n\n"
    "“We will build it before the rains,” said Lie, who chairs the works committee.\n\n"
    "“The money is there,” said Bo Berg, the treasurer."
)


@pytest.fixture
def article(world):
    return ArticleFactory(project=world.project, body=BODY)


def url(name, article):
    return reverse(f"suggest:{name}", args=[article.pk])


def quote_by(article, user, speaker):
    suggestions_prepare(article=article)
    return next(
        listed
        for listed in suggestion_list(user=user, article=article)
        if listed.item.kind == "quote" and listed.item.speaker == speaker
    )


def accept(article, user, item):
    data = {"token": suggestion_token(article=article, item=item)}
    return client_for(user).post(url("suggestion_accept", article), data)


def test_registry_surname_is_shown_and_stored_as_the_registry_name(world, article):
    lie = entity_create(team=world.team, actor=None, name="Ann Lie")
    listed = quote_by(article, world.reviewer, "Lie")
    assert listed.entity == lie
    response = client_for(world.reviewer).get(url("suggestion_list", article))
    assert b"Ann Lie (in registry)" in response.content
    assert accept(article, world.reviewer, listed.item).status_code == 200
    assert Annotation.objects.get().speaker == lie
    assert Entity.objects.filter(team=world.team).count() == 1


def test_registry_alias_matches_case_aside(world, article):
    berg = entity_create(team=world.team, actor=None, name="Robert Berg", aliases=["BO BERG"])
    listed = quote_by(article, world.reviewer, "Bo Berg")
    assert listed.entity == berg
    accept(article, world.reviewer, listed.item)
    assert Annotation.objects.get().speaker == berg


def test_registry_surname_of_two_people_matches_neither(world, article):
    entity_create(team=world.team, actor=None, name="Ann Lie")
    entity_create(team=world.team, actor=None, name="Tom Lie")
    assert quote_by(article, world.reviewer, "Lie").entity is None


def test_registry_of_another_team_is_never_used(world, article):
    other = world.other_project.team
    foreign = entity_create(team=other, actor=None, name="Ann Lie")
    entity_create(team=other, actor=None, name="Bo Berg")
    listed = quote_by(article, world.reviewer, "Lie")
    assert listed.entity is None
    response = client_for(world.reviewer).get(url("suggestion_list", article))
    assert b"(in registry)" not in response.content
    accept(article, world.reviewer, listed.item)
    speaker = Annotation.objects.get().speaker
    assert speaker != foreign and speaker.team == world.team and speaker.name == "Lie"


def test_registry_panel_access_ladder(client, world, article):
    entity_create(team=world.team, actor=None, name="Ann Lie")
    response = client.get(url("suggestion_list", article))
    assert response.status_code == 302 and "login" in response["Location"]
    outsider = client_for(world.outsider).get(url("suggestion_list", article))
    assert outsider.status_code == 404 and b"Ann Lie" not in outsider.content
    item = quote_by(article, world.reviewer, "Lie").item
    assert accept(article, world.outsider, item).status_code == 404
    assert accept(article, world.viewer, item).status_code == 403
    assert not Annotation.objects.exists()


def test_registry_name_is_escaped_in_the_panel(world, article):
    entity_create(team=world.team, actor=None, name=f"Ann {XSS}", aliases=["Lie"])
    response = client_for(world.reviewer).get(url("suggestion_list", article))
    assert response.status_code == 200
    assert XSS.encode() not in response.content
    assert b"&lt;script&gt;" in response.content and b"(in registry)" in response.content


# Issue 15, part 1, end to end: the names the finder now gives (a title written alone resolved
# to the person, an organisation's full name, a family name written first) reach the panel and
# the stored annotation as the registry's entity, and no second entity is made.
CANONICAL_BODY = (
    "Roads Mantri Shri Tor Vikan opened the new bridge on Friday.\n\n"
    "Roads Mantri added that the toll would be lifted next year.\n\n"
    "The Norland Parliament voted on the budget on Tuesday.\n\n"
    "Parliament warns that the coast guard needs more ships, the text says.\n\n"
    "Norland leader Pak Min-jun spoke for two hours at the congress.\n\n"
    "Pak said he would meet any country that wanted talks."
)


@pytest.mark.parametrize(
    ("name", "aliases", "speaker"),
    [
        ("Tor Vikan", [], "Tor Vikan"),  # "Roads Mantri added" (resolve/title-as-written)
        ("Parliament of Norland", ["Norland Parliament"], "Norland Parliament"),  # an alias
        ("Pak Min-jun", [], "Pak Min-jun"),  # "Pak said" (family name first)
    ],
)
def test_registry_canonical_speaker_is_matched_end_to_end(world, name, aliases, speaker):
    article = ArticleFactory(project=world.project, body=CANONICAL_BODY)
    entity = entity_create(team=world.team, actor=None, name=name, aliases=aliases)
    listed = quote_by(article, world.reviewer, speaker)
    assert listed.entity == entity
    response = client_for(world.reviewer).get(url("suggestion_list", article))
    assert f"{name} (in registry)".encode() in response.content
    assert accept(article, world.reviewer, listed.item).status_code == 200
    assert Annotation.objects.get().speaker == entity
    assert Entity.objects.filter(team=world.team).count() == 1


def test_registry_family_name_first_matches_the_family_name_alone(world):
    article = ArticleFactory(
        project=world.project,
        body="The congress ended on Monday.\n\n“We will talk to anyone,” Pak said.",
    )
    pak = entity_create(team=world.team, actor=None, name="Pak Min-jun")
    listed = quote_by(article, world.reviewer, "Pak")
    assert listed.entity == pak
    accept(article, world.reviewer, listed.item)
    assert Annotation.objects.get().speaker == pak


def test_registry_title_with_or_without_the_is_one_entity(world):
    article = ArticleFactory(
        project=world.project,
        body="The figures were first reported by The Norland Herald.\n\n"
        "The Norland Herald said the mine would close in May.",
    )
    herald = entity_create(team=world.team, actor=None, name="Norland Herald")
    listed = quote_by(article, world.reviewer, "The Norland Herald")
    assert listed.entity == herald
    accept(article, world.reviewer, listed.item)
    assert Annotation.objects.get().speaker == herald
    assert Entity.objects.filter(team=world.team).count() == 1

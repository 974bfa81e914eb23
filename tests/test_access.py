"""The access ladder for every HTML view: anonymous → login, outsider → 404, wrong role → 403,
member → 200. One table, so a new view without a row is easy to spot in review."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# name, args from the world, method, data, roles that may (the others get 403; outsiders 404)
VIEWS = [
    (
        "articles:project_detail",
        lambda w: [w.project.pk],
        "get",
        None,
        {"lead", "reviewer", "viewer"},
    ),
    ("articles:project_edit", lambda w: [w.project.pk], "get", None, {"lead"}),
    ("articles:article_import", lambda w: [w.project.pk], "get", None, {"lead", "reviewer"}),
    (
        "articles:import_paste",
        lambda w: [w.project.pk],
        "post",
        {"text": "A fresh paragraph long enough to be an article body, written for the test."},
        {"lead", "reviewer"},
    ),
    (
        "articles:import_jsonl",
        lambda w: [w.project.pk],
        "post",
        {"text": '{"title": "T", "body": "A body of one sentence, written for the test."}'},
        {"lead", "reviewer"},
    ),
    (
        "articles:article_detail",
        lambda w: [w.article.pk],
        "get",
        None,
        {"lead", "reviewer", "viewer"},
    ),
    ("articles:article_edit", lambda w: [w.article.pk], "get", None, {"lead", "reviewer"}),
    (
        "articles:article_move_line",
        lambda w: [w.article.pk],
        "post",
        "move",
        {"lead", "reviewer"},
    ),
    ("accounts:member_list", lambda w: [w.team.slug], "get", None, {"lead", "reviewer", "viewer"}),
    (
        "accounts:invitation_create",
        lambda w: [w.team.slug],
        "post",
        {"username": "newcomer", "email": "newcomer@example.org", "role": "viewer"},
        {"lead"},
    ),
    (
        "accounts:member_role",
        lambda w: [w.team.slug, w.reviewer.memberships.get().pk],
        "post",
        {"role": "viewer"},
        {"lead"},
    ),
]
ROLES = ["lead", "reviewer", "viewer"]


def _request(client, world, name, args, method, data):
    url = reverse(name, args=args(world))
    if data == "move":
        data = {"line": 0, "to": "removed", "checksum": world.article.checksum}
    return getattr(client, method)(url, data or {})


@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), VIEWS)
def test_view_sends_anonymous_to_login(client, world, name, args, method, data, allowed):
    response = _request(client, world, name, args, method, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), VIEWS)
def test_view_hides_team_objects_from_outsider(world, name, args, method, data, allowed):
    response = _request(client_for(world.outsider), world, name, args, method, data)
    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), VIEWS)
def test_view_answers_each_role(world, role, name, args, method, data, allowed):
    response = _request(client_for(getattr(world, role)), world, name, args, method, data)
    if role in allowed:
        assert response.status_code in (200, 302), response.content[:500]
    else:
        assert response.status_code == 403


def test_project_list_needs_login_and_shows_only_own_team(client, world):
    assert client.get(reverse("articles:project_list")).status_code == 302
    page = client_for(world.outsider).get(reverse("articles:project_list"))
    assert page.status_code == 200
    assert world.project.name not in page.content.decode()
    assert world.other_project.name in page.content.decode()


def test_project_create_is_for_leads(world):
    url = reverse("articles:project_create")
    assert client_for(world.lead).get(url).status_code == 200
    assert client_for(world.reviewer).get(url).status_code == 403
    assert (
        client_for(world.viewer).post(url, {"name": "X", "rating_scale": "A\nB"}).status_code == 403
    )


def test_login_page_is_public(client):
    assert client.get(reverse("login")).status_code == 200


# Every view that reads request.membership (the current team), for a user in no team.
TEAMLESS = [
    ("articles:project_list", "get", 200),
    ("articles:project_create", "get", 403),
    ("articles:project_create", "post", 403),
    ("review:queue", "get", 200),
    ("review:next_article", "get", 302),
    ("review:attention", "get", 403),
    ("annotations:entity_list", "get", 200),
    ("annotations:entity_create", "get", 403),
]


@pytest.mark.parametrize(("name", "method", "expected"), TEAMLESS)
def test_user_without_a_team_gets_a_clear_page(world, name, method, expected):
    # request.membership is a lazy object, never None: `is None` tests once made these 500s.
    client = client_for(UserFactory(username="newcomer"))
    response = getattr(client, method)(reverse(name))
    assert response.status_code == expected
    if expected == 403:
        assert "not in a team yet" in response.content.decode()

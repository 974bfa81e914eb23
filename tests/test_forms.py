"""Ids from forms: malformed or out-of-range ids are a 400 with the reason, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import client_for
from workbench.forms import MAX_ID, IdField, parse_id
from workbench.review.models import Assignment

HUGE = "9" * 25
BAD_IDS = ["abc", HUGE, str(MAX_ID + 1), "²", "1.5", "-3", "0", "", " 7x", "١٢"]


@pytest.mark.parametrize("value", BAD_IDS)
def test_parse_id_refuses_what_is_not_a_64_bit_id(value):
    assert parse_id(value) is None


@pytest.mark.parametrize(("value", "expected"), [("1", 1), (" 42 ", 42), (str(MAX_ID), MAX_ID)])
def test_parse_id_accepts_ids(value, expected):
    assert parse_id(value) == expected


def test_id_field_refuses_out_of_range():
    from django.core.exceptions import ValidationError

    field = IdField()
    assert field.clean(str(MAX_ID)) == MAX_ID
    for value in (HUGE, "0", "abc"):
        with pytest.raises(ValidationError):
            field.clean(value)


@pytest.mark.django_db
@pytest.mark.parametrize("team", ["abc", HUGE, "", "²"])
def test_team_switch_with_a_malformed_team_is_400(world, team):
    response = client_for(world.reviewer).post(reverse("accounts:team_switch"), {"team": team})
    assert response.status_code == 400
    assert "Pick one of your teams." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("reviewer", [HUGE, "abc", "²"])
def test_assign_with_a_malformed_reviewer_id_is_400(world, reviewer):
    url = reverse("review:assignment_create", args=[world.article.pk])
    response = client_for(world.lead).post(url, {"reviewer": reviewer})
    assert response.status_code == 400
    assert "is not an id" in response.content.decode()
    assert not Assignment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("bad", [HUGE, "²", "abc"])
def test_adjudication_merge_with_a_malformed_id_is_400(world, bad):
    url = reverse("review:adjudication_merge", args=[world.article.pk])
    response = client_for(world.lead).post(url, {"annotations": ["1", bad]})
    assert response.status_code == 400
    assert "is not an id" in response.content.decode()


@pytest.mark.django_db
def test_search_with_a_huge_project_id_is_not_a_server_error(world):
    response = client_for(world.reviewer).get(
        reverse("search:search"), {"q": "strike", "project": HUGE, "speaker": HUGE}
    )
    assert response.status_code < 500

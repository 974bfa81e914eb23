"""Where a project's true–false axis ends: the default scale's after False, as the form shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import client_for
from workbench.articles.models import DEFAULT_RATING_SCALE, Project
from workbench.articles.services import project_create

pytestmark = pytest.mark.django_db


def test_a_new_project_on_the_default_scale_rates_only_truth(world):
    project = project_create(team=world.team, actor=world.lead, name="New", slug="new")
    assert project.rating_scale == DEFAULT_RATING_SCALE and project.axis_length == 5
    assert "Misleading" not in project.rating_values
    assert project.rating_values["True"] == 5 and project.rating_values["False"] == 1
    custom = project_create(
        team=world.team, actor=world.lead, name="C", slug="c", rating_scale=["Yes", "No"]
    )
    assert custom.rating_axis is None and custom.rating_values == {"Yes": 2, "No": 1}
    everything = project_create(
        team=world.team, actor=world.lead, name="E", slug="e", rating_axis=7
    )
    assert everything.rating_values["Unverifiable"] == 1


def test_the_form_marks_the_end_of_the_axis_with_dashes(world):
    client = client_for(world.lead)
    data = {"name": "Desk two", "slug": "desk-two", "rating_scale": "Right\nWrong\n---\nSatire"}
    assert client.post(reverse("articles:project_create"), data).status_code == 302
    project = Project.objects.get(slug="desk-two")
    assert (project.rating_scale, project.rating_axis) == (["Right", "Wrong", "Satire"], 2)
    page = client.get(reverse("articles:project_edit", args=[project.pk])).content.decode()
    assert "Right\nWrong\n---\nSatire" in page
    bad = {**data, "slug": "desk-three", "rating_scale": "---\nRight\nWrong"}
    response = client.post(reverse("articles:project_create"), bad)
    assert (
        response.status_code == 200
        and "true–false axis needs at least two" in response.content.decode()
    )

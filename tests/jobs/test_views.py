"""The job page, the list, cancel: the ladder, escaping, polling that stops when finished."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.jobs.conftest import running_job
from workbench.jobs.models import Job, JobState

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def test_job_page_ladder(world, client):
    job = running_job(world)
    url = job.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client_for(world.outsider).get(url).status_code == 404
    for user in (world.lead, world.reviewer, world.viewer):
        assert client_for(user).get(url).status_code == 200
    assert (
        client_for(world.lead).get(reverse("jobs:job_detail", args=[job.pk + 99])).status_code
        == 404
    )


def test_job_list_shows_only_the_user_s_teams(world):
    mine = running_job(world)
    theirs = running_job(world, team=world.other_project.team, project=world.other_project)
    html = client_for(world.viewer).get(reverse("jobs:job_list")).content.decode()
    assert mine.get_absolute_url() in html
    assert theirs.get_absolute_url() not in html
    assert client_for(world.outsider).get(mine.get_absolute_url()).status_code == 404


def test_running_job_polls_and_shows_progress(world):
    job = running_job(world)
    html = client_for(world.viewer).get(job.get_absolute_url(), headers=HX).content.decode()
    assert "<html" not in html
    assert 'hx-trigger="every 1s"' in html
    assert '<progress value="3" max="10">' in html
    assert "3 of 10" in html


def test_finished_job_stops_polling_and_links_to_its_result(world):
    job = running_job(
        world,
        state=JobState.DONE,
        done=10,
        message="Imported 10 article(s)",
        links=[{"label": world.project.name, "url": world.project.get_absolute_url()}],
    )
    html = client_for(world.viewer).get(job.get_absolute_url(), headers=HX).content.decode()
    assert "hx-trigger" not in html
    assert f'href="{world.project.get_absolute_url()}"' in html
    assert "Imported 10 article(s)" in html


def test_job_page_shows_errors_and_labels_as_text(world):
    job = running_job(
        world,
        state=JobState.FAILED,
        errors=[{"item": XSS, "message": f"bad line {XSS}"}],
        message=XSS,
        params={"label": XSS},
        links=[{"label": XSS, "url": world.project.get_absolute_url()}],
    )
    html = client_for(world.viewer).get(job.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_cancel_by_starter_or_lead_only(world):
    job = running_job(world, state=JobState.QUEUED)
    url = reverse("jobs:job_cancel", args=[job.pk])
    assert client_for(world.outsider).post(url).status_code == 404
    assert client_for(world.viewer).post(url).status_code == 403
    assert Job.objects.get(pk=job.pk).state == JobState.QUEUED
    response = client_for(world.reviewer).post(url)
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.state == JobState.CANCELLED and job.finished is not None


def test_a_lead_cancels_a_running_job_at_its_next_report(world):
    job = running_job(world)
    response = client_for(world.lead).post(reverse("jobs:job_cancel", args=[job.pk]), headers=HX)
    assert response["HX-Redirect"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.state == JobState.RUNNING and job.cancel_requested


def test_cancel_button_only_for_those_who_may(world):
    job = running_job(world)
    button = "Cancel job"
    assert button in client_for(world.reviewer).get(job.get_absolute_url()).content.decode()
    assert button in client_for(world.lead).get(job.get_absolute_url()).content.decode()
    assert button not in client_for(world.viewer).get(job.get_absolute_url()).content.decode()


def test_cancel_wants_post(world):
    job = running_job(world)
    assert client_for(world.lead).get(reverse("jobs:job_cancel", args=[job.pk])).status_code == 405

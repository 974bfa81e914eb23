"""Uploads and batches past the threshold run as jobs; what a job imports is fully there."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import client_for
from tests.jobs.conftest import jsonl
from workbench.annotations.models import Annotation
from workbench.articles.models import Article
from workbench.jobs.models import Job, JobKind, JobState
from workbench.review.dashboard_selectors import project_dashboard
from workbench.search.selectors import search

pytestmark = pytest.mark.django_db


def _upload(client, project, name: str, text: str, **headers):
    url = reverse("articles:import_upload", args=[project.pk])
    upload = SimpleUploadedFile(name, text.encode(), content_type="application/octet-stream")
    return client.post(url, {"files": [upload]}, headers=headers)


def test_upload_over_threshold_runs_as_a_job_and_done_means_done(world, small_threshold):
    response = _upload(client_for(world.lead), world.project, "big.jsonl", jsonl(3))
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert (job.kind, job.state, job.done, job.total) == (JobKind.IMPORT_FILES, "done", 3, 3)
    assert job.result == {"created": 3, "duplicates": 0, "annotations": 3, "failed": 0}
    assert job.created_by == world.lead and job.team == world.team
    assert {"label": world.project.name, "url": world.project.get_absolute_url()} in job.links
    # Searchable, in the history, counted on the dashboard.
    assert len(search(user=world.lead, query="zanzibarian", kind="article").hits) == 3
    assert len(search(user=world.lead, query="dredging costs", kind="claim").hits) == 3
    claim = Annotation.objects.filter(article__title="Zanzibarian report 1").get()
    assert claim.history.count() == 1
    dashboard = project_dashboard(project=world.project, viewer=world.lead.memberships.get())
    assert sum(row["count"] for row in dashboard.status_counts) == 4


def test_htmx_upload_over_threshold_redirects_the_browser_to_the_job(world, small_threshold):
    response = _upload(
        client_for(world.lead), world.project, "big.jsonl", jsonl(3), **{"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == Job.objects.get().get_absolute_url()


def test_upload_under_threshold_stays_in_the_request(world):
    response = _upload(client_for(world.lead), world.project, "small.jsonl", jsonl(2))
    assert response.status_code == 200
    assert not Job.objects.exists()
    assert Article.objects.filter(title__startswith="Zanzibarian").count() == 2


def test_a_job_upload_is_not_held_to_the_request_line_limit(world, small_threshold, settings):
    settings.WORKBENCH_MAX_IMPORT_LINES = 5
    _upload(client_for(world.lead), world.project, "big.jsonl", jsonl(12) + "{not json\n")
    job = Job.objects.get()
    assert job.state == JobState.DONE
    assert job.result["created"] == 12 and job.result["failed"] == 1
    assert job.errors == [{"item": "big.jsonl, line 13", "message": job.errors[0]["message"]}]


def test_jsonl_paste_over_threshold_runs_as_a_job(world, small_threshold):
    url = reverse("articles:import_jsonl", args=[world.project.pk])
    response = client_for(world.reviewer).post(url, {"text": jsonl(4)})
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.kind, job.state, job.result["created"]) == (JobKind.IMPORT_JSONL, "done", 4)
    assert job.created_by == world.reviewer


def test_a_viewer_cannot_start_an_import_job(world, small_threshold):
    response = _upload(client_for(world.viewer), world.project, "big.jsonl", jsonl(3))
    assert response.status_code == 403
    assert not Job.objects.exists()


def test_an_outsider_cannot_start_an_import_job(world, small_threshold):
    response = _upload(client_for(world.outsider), world.project, "big.jsonl", jsonl(3))
    assert response.status_code == 404
    assert not Job.objects.exists()


def test_a_job_runs_with_its_starter_s_role_at_run_time(world, small_threshold):
    """A job whose starter left the team fails with a clear message and imports nothing."""
    from workbench.jobs.services import job_run

    job = Job.objects.create(
        kind=JobKind.IMPORT_JSONL, team=world.team, project=world.project, created_by=world.reviewer
    )
    job.inputs.create(name="batch.jsonl", data=jsonl(2).encode())
    world.reviewer.memberships.all().delete()
    job = job_run(job_id=job.pk)
    assert job.state == JobState.FAILED
    assert "team" in job.message.lower() or "role" in job.message.lower()
    assert not Article.objects.filter(title__startswith="Zanzibarian").exists()


def test_a_job_whose_starter_is_gone_fails_rather_than_acting_as_the_operator(world):
    from workbench.jobs.services import job_run

    job = Job.objects.create(
        kind=JobKind.IMPORT_JSONL, team=world.team, project=world.project, created_by=None
    )
    job.inputs.create(name="batch.jsonl", data=jsonl(2).encode())
    job = job_run(job_id=job.pk)
    assert job.state == JobState.FAILED
    assert "no longer exists" in job.message
    assert not Article.objects.filter(title__startswith="Zanzibarian").exists()

"""GET /api/v1/jobs/ and /api/v1/jobs/{id}/, cancel, and the batch endpoint's 202."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from tests.api.conftest import api_for
from tests.conftest import XSS
from tests.jobs.conftest import jsonl, running_job
from workbench.articles.models import Article
from workbench.jobs.models import Job, JobState

pytestmark = pytest.mark.django_db


def test_job_detail_shape(world):
    job = running_job(
        world,
        errors=[{"item": "line 2", "message": XSS}],
        result={"created": 1},
        links=[{"label": "P", "url": "/projects/1/"}],
    )
    body = api_for(world.viewer).get(reverse("api:job-detail", args=[job.pk])).json()
    assert body["state"] == "running" and body["kind"] == "import_jsonl"
    assert body["progress"] == {"done": 3, "total": 10}
    assert body["errors"] == [{"item": "line 2", "message": XSS}]  # JSON: data, not markup
    assert body["result"] == {"created": 1}
    assert body["links"] == [{"label": "P", "url": "/projects/1/"}]
    assert body["url"] == job.get_absolute_url()
    assert body["created_by"] == "reviewer"


def test_job_api_ladder(world):
    job = running_job(world)
    url = reverse("api:job-detail", args=[job.pk])
    assert APIClient().get(url).status_code in {401, 403}
    assert api_for(world.outsider).get(url).status_code == status.HTTP_404_NOT_FOUND
    assert api_for(world.viewer).get(url).status_code == status.HTTP_200_OK
    listed = api_for(world.outsider).get(reverse("api:job-list")).json()
    assert listed["results"] == []
    listed = api_for(world.viewer).get(reverse("api:job-list")).json()
    assert [row["id"] for row in listed["results"]] == [job.pk]


def test_job_cancel_api(world):
    job = running_job(world, state=JobState.QUEUED)
    url = reverse("api:job-cancel", args=[job.pk])
    assert api_for(world.outsider).post(url).status_code == status.HTTP_404_NOT_FOUND
    assert api_for(world.viewer).post(url).status_code == status.HTTP_403_FORBIDDEN
    response = api_for(world.lead).post(url)
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["state"] == "cancelled"


def test_batch_async_answers_202_with_the_job(world):
    url = reverse("api:article-batch") + "?async=1"
    response = api_for(world.reviewer).post(
        url, {"project": world.project.pk, "jsonl": jsonl(3)}, format="json"
    )
    assert response.status_code == status.HTTP_202_ACCEPTED
    job = Job.objects.get()
    assert response["Location"] == reverse("api:job-detail", args=[job.pk])
    body = response.json()
    assert body["id"] == job.pk and body["state"] == "done"  # tests run jobs at once
    assert body["result"]["created"] == 3 and body["result"]["annotations"] == 3
    assert Article.objects.filter(title__startswith="Zanzibarian").count() == 3


def test_batch_over_threshold_is_a_job_and_not_held_to_the_line_limit(world, settings):
    settings.WORKBENCH_JOB_THRESHOLD_BYTES = 200
    settings.WORKBENCH_MAX_IMPORT_LINES = 2
    response = api_for(world.lead).post(
        reverse("api:article-batch"),
        {"project": world.project.pk, "jsonl": jsonl(5)},
        format="json",
    )
    assert response.status_code == status.HTTP_202_ACCEPTED
    assert response.json()["result"]["created"] == 5


def test_batch_under_threshold_stays_synchronous(world):
    response = api_for(world.lead).post(
        reverse("api:article-batch"),
        {"project": world.project.pk, "jsonl": jsonl(2)},
        format="json",
    )
    assert response.status_code == status.HTTP_200_OK
    assert not Job.objects.exists()


def test_batch_async_refused_to_viewers_and_outsiders(world):
    url = reverse("api:article-batch") + "?async=1"
    data = {"project": world.project.pk, "jsonl": jsonl(2)}
    assert api_for(world.viewer).post(url, data, format="json").status_code == 403
    assert api_for(world.outsider).post(url, data, format="json").status_code in {400, 403}
    assert not Job.objects.exists()

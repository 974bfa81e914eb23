"""Exports as jobs: a file with a download link, the same visibility as a download, its asker's."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import api_for
from tests.conftest import client_for
from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation, AnnotationStatus
from workbench.jobs.models import Job, JobKind, JobState

pytestmark = pytest.mark.django_db


def _claim(article, annotator, state: str) -> Annotation:
    start = article.body.index(article.body.split()[0])
    end = start + len(article.body.split()[0])
    return Annotation.objects.create(
        article=article, kind="claim", start=start, end=end, exact=article.body[start:end],
        annotator=annotator, status=state,
    )  # fmt: skip


def _download(client, job: Job) -> bytes:
    response = client.get(reverse("jobs:job_download", args=[job.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_export_job_from_the_project_page_gives_a_file_to_download(world):
    ArticleFactory(project=world.project, title="Second article")
    client = client_for(world.viewer)
    response = client.post(
        reverse("jobs:export_start", args=[world.project.pk]), {"format": "jsonl"}
    )
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.kind, job.state, job.done, job.total) == (JobKind.EXPORT, "done", 2, 2)
    assert job.links[0]["url"] == reverse("jobs:job_download", args=[job.pk])
    body = _download(client, job)
    assert body.count(b"\n") == 2 and b"Second article" in body
    assert job.result == {"articles": 2, "bytes": len(body)}
    page = client.get(job.get_absolute_url()).content.decode()
    assert job.links[0]["url"] in page


def test_export_job_file_is_only_for_whoever_asked(world):
    client_for(world.reviewer).post(
        reverse("jobs:export_start", args=[world.project.pk]), {"format": "csv"}
    )
    job = Job.objects.get()
    url = reverse("jobs:job_download", args=[job.pk])
    assert client_for(world.lead).get(url).status_code == 403
    assert client_for(world.outsider).get(url).status_code == 404
    assert client_for(world.reviewer).get(url).status_code == 200


@pytest.mark.parametrize("role", ["reviewer", "viewer"])
def test_export_job_writes_what_the_asker_s_download_would(world, role):
    """The same selector as a download: the file holds exactly the bytes the API streams."""
    _claim(world.article, world.lead, AnnotationStatus.DRAFT)
    _claim(world.article, world.reviewer, AnnotationStatus.SUBMITTED)
    user = getattr(world, role)
    client = client_for(user)
    client.post(reverse("jobs:export_start", args=[world.project.pk]), {"format": "csv"})
    streamed = client.get(reverse("api:project-export", args=[world.project.pk]), {"format": "csv"})
    assert _download(client, Job.objects.get()) == b"".join(streamed.streaming_content)


def test_export_job_refuses_outsiders_and_bad_formats(world):
    url = reverse("jobs:export_start", args=[world.project.pk])
    assert client_for(world.outsider).post(url, {"format": "jsonl"}).status_code == 404
    assert client_for(world.viewer).post(url, {"format": "<script>"}).status_code == 400
    assert not Job.objects.exists()


def test_export_job_through_the_api(world):
    url = reverse("api:project-export", args=[world.project.pk]) + "?format=jsonl"
    assert api_for(world.outsider).post(url).status_code == status.HTTP_404_NOT_FOUND
    response = api_for(world.viewer).post(url)
    assert response.status_code == status.HTTP_202_ACCEPTED
    job = Job.objects.get()
    assert response["Location"] == reverse("api:job-detail", args=[job.pk])
    assert response.json()["state"] == JobState.DONE
    assert response.json()["links"][0]["url"] == reverse("jobs:job_download", args=[job.pk])
    bad = api_for(world.viewer).post(
        reverse("api:project-export", args=[world.project.pk]) + "?format=pdf"
    )
    assert bad.status_code == status.HTTP_400_BAD_REQUEST
    assert Job.objects.count() == 1

"""A list of web addresses, fetched by a job; each failure reported by its address."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import XSS, client_for
from workbench.articles.services import article_import_text
from workbench.jobs import runners
from workbench.jobs.models import Job, JobKind, JobState

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_fetch(monkeypatch):
    """No network in tests: a page's text is made from its address; /broken fails."""

    def fetch(*, project, actor, url):
        if url.endswith("/broken"):
            raise ValidationError(f"The site answered 500 {XSS}")
        name = url.rsplit("/", 1)[1]
        text = f"The council said bridge {name.upper()} opens in May, a year late."
        return article_import_text(project=project, actor=actor, text=text)

    monkeypatch.setattr(runners, "article_import_url", fetch)


def test_url_list_is_fetched_by_a_job(world, fake_fetch):
    urls = "https://example.org/a\n\n  https://example.org/b  \nhttps://example.org/broken\n"
    client = client_for(world.lead)
    response = client.post(
        reverse("articles:import_url_list", args=[world.project.pk]), {"urls": urls}
    )
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.kind, job.state, job.done, job.total) == (JobKind.IMPORT_URLS, "done", 3, 3)
    assert job.result["created"] == 2 and job.result["failed"] == 1
    assert job.errors == [
        {"item": "https://example.org/broken", "message": f"The site answered 500 {XSS}"}
    ]
    html = client.get(job.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_url_list_refuses_bad_lines_and_queues_nothing(world):
    url = reverse("articles:import_url_list", args=[world.project.pk])
    response = client_for(world.lead).post(
        url, {"urls": "https://example.org/a\nftp://example.org/b"}
    )
    assert response.status_code == 400
    assert "Line 2" in response.content.decode()
    assert not Job.objects.exists()


def test_url_list_is_bounded(world, settings):
    settings.WORKBENCH_MAX_IMPORT_URLS = 2
    urls = "\n".join(f"https://example.org/{i}" for i in range(3))
    url = reverse("articles:import_url_list", args=[world.project.pk])
    response = client_for(world.lead).post(url, {"urls": urls})
    assert response.status_code == 400 and "At most 2" in response.content.decode()


def test_url_list_ladder(world, client):
    url = reverse("articles:import_url_list", args=[world.project.pk])
    data = {"urls": "https://example.org/a"}
    assert client.post(url, data).status_code == 302  # to the login page
    assert client_for(world.outsider).post(url, data).status_code == 404
    assert client_for(world.viewer).post(url, data).status_code == 403
    assert not Job.objects.exists()
    page = client_for(world.lead).get(reverse("articles:article_import", args=[world.project.pk]))
    assert "Fetch a list of web pages" in page.content.decode()


def test_a_queued_url_job_shows_as_queued(world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client_for(world.lead).post(
        reverse("articles:import_url_list", args=[world.project.pk]),
        {"urls": "https://example.org/a"},
    )
    job = Job.objects.get()
    assert (job.state, job.total) == (JobState.QUEUED, 1)

"""Fact-check imports and re-fetches as jobs."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factchecks.records import AFP_STYLE
from tests.factories import ArticleFactory
from workbench.annotations import revisions
from workbench.articles.fetch import Fetched
from workbench.factchecks.models import FactCheck
from workbench.factchecks.ranker import embed
from workbench.jobs.models import Job, JobKind, JobState

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def test_factcheck_file_import_in_the_background(world):
    text = "\n".join(json.dumps(r) for r in (AFP_STYLE, {**AFP_STYLE, "url": "", "x": XSS}))
    url = reverse("factchecks:factcheck_import", args=[world.team.slug])
    upload = SimpleUploadedFile("r.jsonl", text.encode())
    response = client_for(world.lead).post(url, {"file": upload, "background": "on"}, headers=HX)
    job = Job.objects.get()
    assert response["HX-Redirect"] == job.get_absolute_url()
    assert (job.kind, job.state) == (JobKind.IMPORT_FACTCHECKS, JobState.DONE)
    embedded = {"embedded": 1} if embed.model_dir() is not None else {}
    assert job.result == {"created": 1, "updated": 0, "failed": 1, **embedded}
    assert job.errors[0]["item"] == "record 2"
    assert FactCheck.objects.filter(team=world.team).count() == 1
    page = client_for(world.viewer).get(job.get_absolute_url()).content.decode()
    assert reverse("factchecks:factcheck_list", args=[world.team.slug]) in page
    assert client_for(world.outsider).get(job.get_absolute_url()).status_code == 404


def test_factcheck_background_import_refused_to_viewers_and_outsiders(world):
    url = reverse("factchecks:factcheck_import", args=[world.team.slug])
    data = {"url": "https://x.example/feed", "background": "on"}
    assert client_for(world.viewer).post(url, data).status_code == 403
    assert client_for(world.outsider).post(url, data).status_code == 404
    assert not Job.objects.exists()


def test_factcheck_feed_job_reports_a_refused_url(world):
    url = reverse("factchecks:factcheck_import", args=[world.team.slug])
    client_for(world.lead).post(url, {"url": "http://127.0.0.1/feed", "background": "on"})
    job = Job.objects.get()
    assert job.state == JobState.FAILED and job.message.startswith("The job failed:")


def test_refetch_background_queues_a_job_that_re_fetches(world, monkeypatch):
    article = ArticleFactory(project=world.project, url="https://news.test/a")
    ArticleFactory(project=world.project, url="https://news.test/broken")

    def fake_fetch(url: str) -> Fetched:
        if url.endswith("broken"):
            raise revisions.FetchError("The site answered 500.", code="http_error")
        return Fetched(
            url=url, status=200, content_type="text/plain",
            text=article.body + "\n\nCorrection: a new paragraph.",
        )  # fmt: skip

    monkeypatch.setattr(revisions, "fetch_url", fake_fetch)
    out = io.StringIO()
    call_command("refetch", "--project", "desk/desk-project", "--background", stdout=out)
    job = Job.objects.get()
    assert f"Queued job {job.pk}" in out.getvalue()
    assert (job.kind, job.state, job.team) == (JobKind.REFETCH, JobState.DONE, world.team)
    assert job.result == {"changed": 1, "unchanged": 0, "failed": 1}
    assert job.errors == [{"item": "https://news.test/broken", "message": "The site answered 500."}]
    article.refresh_from_db()
    assert article.revision == 2

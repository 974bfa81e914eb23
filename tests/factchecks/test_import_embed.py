"""After an import the new fact-checks get their sentence vectors: command, API (a job), pages."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from tests.conftest import XSS, client_for
from tests.factchecks.records import AFP_STYLE, jsonl
from workbench.factchecks.models import FactCheck, FactCheckVector
from workbench.factchecks.ranker import embed
from workbench.jobs.models import Job, JobKind, JobState

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(embed.model_dir() is None, reason="model package not installed"),
]

OTHER = {**AFP_STYLE, "url": "https://other.example/2", "claimReviewed": f"Moon {XSS} landing"}


def test_import_command_embeds_unless_no_embed(world, tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(jsonl(AFP_STYLE))
    err = io.StringIO()
    call_command("import_factchecks", str(path), "--team", "desk", "--no-embed", stderr=err)
    assert FactCheck.objects.count() == 1 and not FactCheckVector.objects.exists()
    path.write_text(jsonl(AFP_STYLE, OTHER))
    call_command("import_factchecks", str(path), "--team", "desk", stdout=io.StringIO(), stderr=err)
    assert FactCheckVector.objects.count() == 2  # the earlier one too
    assert "embedding" in err.getvalue()


def test_api_import_queues_an_embedding_job_for_its_team(world):
    client = APIClient()
    client.force_authenticate(world.reviewer)
    response = client.post(
        reverse("api:factcheck-import"),
        {"team": world.team.pk, "text": jsonl(AFP_STYLE, OTHER)},
        format="json",
    )
    assert response.status_code == 200
    job = Job.objects.get(kind=JobKind.EMBED_FACTCHECKS)
    assert (job.team, job.state, job.created_by) == (world.team, JobState.DONE, world.reviewer)
    assert job.result == {"embedded": 2}
    assert set(FactCheckVector.objects.values_list("factcheck__team", flat=True)) == {world.team.pk}
    # An import that changes nothing queues nothing.
    client.post(
        reverse("api:factcheck-import"),
        {"team": world.team.pk, "text": jsonl(AFP_STYLE, OTHER)},
        format="json",
    )
    assert Job.objects.filter(kind=JobKind.EMBED_FACTCHECKS).count() == 1


def test_api_import_into_another_team_queues_nothing(world):
    client = APIClient()
    client.force_authenticate(world.outsider)
    response = client.post(
        reverse("api:factcheck-import"),
        {"team": world.team.pk, "text": jsonl(AFP_STYLE)},
        format="json",
    )
    assert response.status_code in (400, 403, 404)
    assert not Job.objects.filter(kind=JobKind.EMBED_FACTCHECKS).exists()
    assert not FactCheckVector.objects.exists()


def test_page_import_in_the_background_embeds_in_its_job(world):
    upload = SimpleUploadedFile("r.jsonl", jsonl(AFP_STYLE, OTHER).encode())
    url = reverse("factchecks:factcheck_import", args=[world.team.slug])
    client_for(world.reviewer).post(
        url, {"file": upload, "background": "on"}, headers={"HX-Request": "true"}
    )
    job = Job.objects.get(kind=JobKind.IMPORT_FACTCHECKS)
    assert job.state == JobState.DONE and job.result["embedded"] == 2
    assert FactCheckVector.objects.filter(factcheck__team=world.team).count() == 2


def test_page_import_at_once_queues_the_embedding_and_shows_text_as_text(world):
    upload = SimpleUploadedFile("r.jsonl", jsonl(AFP_STYLE, OTHER).encode())
    url = reverse("factchecks:factcheck_import", args=[world.team.slug])
    response = client_for(world.reviewer).post(
        url, {"file": upload}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "<script>alert" not in response.content.decode()
    job = Job.objects.get(kind=JobKind.EMBED_FACTCHECKS)
    assert (job.team, job.state, job.result) == (world.team, JobState.DONE, {"embedded": 2})
    assert "embedded" in job.message


def test_page_import_by_a_viewer_or_outsider_queues_nothing(world):
    url = reverse("factchecks:factcheck_import", args=[world.team.slug])
    for user in (world.viewer, world.outsider):
        upload = SimpleUploadedFile("r.jsonl", jsonl(AFP_STYLE).encode())
        response = client_for(user).post(url, {"file": upload})
        assert response.status_code in (403, 404)
    assert not Job.objects.exists() and not FactCheckVector.objects.exists()

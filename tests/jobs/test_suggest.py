"""The per-project switch: imported articles get their suggestions found by a job."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.jobs.conftest import jsonl
from workbench.articles.models import Project
from workbench.jobs.models import Job, JobKind
from workbench.suggest.models import SuggestionRun

pytestmark = pytest.mark.django_db

TEXT = '"We will not raise taxes," the minister, Ana Pereira, told reporters on Monday.'


def test_switch_off_no_suggestion_job(world):
    url = reverse("articles:import_jsonl", args=[world.project.pk])
    client_for(world.lead).post(url, {"text": jsonl(2)})
    assert not Job.objects.exists()
    assert not SuggestionRun.objects.exists()


def test_sync_import_with_switch_on_queues_suggestions(world):
    Project.objects.filter(pk=world.project.pk).update(suggest_on_import=True)
    url = reverse("articles:import_paste", args=[world.project.pk])
    client_for(world.reviewer).post(url, {"text": TEXT})
    job = Job.objects.get(kind=JobKind.SUGGEST)
    assert (job.state, job.done, job.total) == ("done", 1, 1)
    run = SuggestionRun.objects.get()
    assert run.state == "done" and run.article.project == world.project


def test_import_job_with_switch_on_links_to_its_suggestion_job(world, settings):
    settings.WORKBENCH_JOB_THRESHOLD_BYTES = 200
    Project.objects.filter(pk=world.project.pk).update(suggest_on_import=True)
    url = reverse("articles:import_jsonl", args=[world.project.pk])
    client_for(world.lead).post(url, {"text": jsonl(3)})
    imported = Job.objects.get(kind=JobKind.IMPORT_JSONL)
    suggesting = Job.objects.get(kind=JobKind.SUGGEST)
    assert {"label": "Suggestions", "url": suggesting.get_absolute_url()} in imported.links
    assert suggesting.result == {"articles": 3, "failed": 0}
    assert SuggestionRun.objects.count() == 3


def test_lead_turns_the_switch_on_in_the_project_form(world):
    url = reverse("articles:project_edit", args=[world.project.pk])
    data = {
        "name": world.project.name,
        "slug": world.project.slug,
        "rating_scale": "\n".join(world.project.rating_scale),
        "suggest_on_import": "on",
    }
    response = client_for(world.lead).post(url, data)
    assert response.status_code == 302
    world.project.refresh_from_db()
    assert world.project.suggest_on_import
    assert (
        client_for(world.reviewer).post(url, {**data, "suggest_on_import": ""}).status_code == 403
    )

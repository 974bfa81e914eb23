"""A big upload becomes a job: its page shows progress from a real worker, then the result."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.browser.conftest import screenshot
from tests.browser.test_import_flow import _log_in
from tests.jobs.conftest import jsonl
from tests.jobs.test_worker import _worker
from workbench.articles.models import Article
from workbench.jobs.models import Job

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_big_upload_runs_as_a_job_with_progress_then_links_to_the_project(page, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WORKBENCH_JOB_THRESHOLD_BYTES = 10_000
    # Enough lines (the most one upload takes) that the job runs for several of the page's
    # one-second polls: 3,000 short articles were imported between two polls on a fast
    # machine, and the page went from "queued" to "done" without showing "running".
    n = 10_000
    worker = _worker()
    try:
        _log_in(page, "reviewer")
        page.goto(reverse("articles:article_import", args=[world.project.pk]))
        page.locator("#import-upload input[type=file]").set_input_files(
            files=[{"name": "big.jsonl", "mimeType": "application/x-ndjson",
                    "buffer": jsonl(n).encode()}]
        )  # fmt: skip
        page.get_by_role("button", name="Upload and import").click()
        page.wait_for_url(re.compile(r"/jobs/\d+/$"))
        job = Job.objects.get()
        assert page.url.endswith(job.get_absolute_url())
        # The page polls itself: it shows the worker's progress, then the end.
        page.locator("#job-status[data-state=running]").wait_for(timeout=120_000)
        screenshot(page, "job-running")
        page.locator("#job-status[data-state=done]").wait_for(timeout=300_000)
        assert f"{n} of {n}" in page.locator("#job-status").inner_text()
        assert page.locator("#job-status .job-count").count() == 1
        assert page.locator("#job-status[hx-trigger]").count() == 0  # polling stopped
        screenshot(page, "job-done")
        assert Article.objects.filter(title__startswith="Zanzibarian").count() == n
        page.locator("#job-status .job-links").get_by_role("link", name=world.project.name).click()
        page.wait_for_url(f"**{world.project.get_absolute_url()}")
        # The project page then asks which of its 10,000 articles' claims were checked before
        # (a match per claim shown): let that request end, or it is still in the live server,
        # holding locks, when the test's database is emptied.
        page.wait_for_load_state("networkidle")
        # Back returns to the finished job's page, which stays finished.
        page.go_back()
        page.wait_for_url(f"**{job.get_absolute_url()}")
        page.locator("#job-status[data-state=done]").wait_for()
    finally:
        worker.kill()
        worker.wait()

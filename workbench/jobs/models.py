"""A background job: what a worker does for a team member, with its progress and its outcome."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workbench.accounts.models import Team
from workbench.articles.models import Project


class JobKind(models.TextChoices):
    IMPORT_FILES = "import_files", _("File import")
    IMPORT_JSONL = "import_jsonl", _("JSON Lines import")
    IMPORT_URLS = "import_urls", _("Web address import")
    IMPORT_DATASET = "import_dataset", _("Dataset import")
    EXPORT = "export", _("Export")
    SUGGEST = "suggest", _("Suggestions")
    IMPORT_FACTCHECKS = "import_factchecks", _("Fact-check import")
    REFETCH = "refetch", _("Re-fetch")
    EMBED_FACTCHECKS = "embed_factchecks", _("Fact-check embedding")


class JobState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


FINISHED_STATES = (JobState.DONE, JobState.FAILED, JobState.CANCELLED)


class Job(models.Model):
    # Empty only for an operator's command-line job until it knows its project's team.
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    kind = models.CharField(max_length=20, choices=JobKind.choices)
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    # Small arguments only (labels, options); the files a job reads are JobInput rows.
    params = models.JSONField(default=dict, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # [{"item": "data.jsonl, line 3", "message": "…"}], listed up to WORKBENCH_MAX_LISTED_FAILURES
    # and counted past it, as an import report does.
    errors = models.JSONField(default=list, blank=True)
    unlisted_errors = models.PositiveIntegerField(default=0)
    # Counts the job reports when it ends ({"created": 10, "duplicates": 2, ...}).
    result = models.JSONField(default=dict, blank=True)
    # [{"label": "Desk project", "url": "/projects/1/"}]: where to go once it is done.
    links = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)
    cancel_requested = models.BooleanField(default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    # host:pid of the worker running it and when it last reported, to tell a dead worker's job.
    worker = models.CharField(max_length=200, blank=True)
    heartbeat = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    # Empty for the operator's jobs (import_dataset --background), or once the user is deleted.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # An export job's file, downloadable by whoever started the job (jobs:job_download).
    output = models.FileField(upload_to="jobs/%Y/%m/", blank=True, max_length=300)
    output_name = models.CharField(max_length=255, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["team", "-created"], name="job_team_created"),
            models.Index(fields=["state"], name="job_state"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(done__lte=F("total")), name="job_done_within_total"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:job_detail", args=[self.pk])

    def download_url(self) -> str:
        return reverse("jobs:job_download", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in FINISHED_STATES

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0


class JobInput(models.Model):
    """A file a job reads, kept in the database so a worker on another machine can read it."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="inputs")
    name = models.CharField(max_length=255)
    data = models.BinaryField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

"""What the finder proposed for an article's text (stored once per revision), and what
reviewers decided about it, so a rejected suggestion is not shown again and a project's
acceptance rate (the suggester's precision in real use) can be counted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from workbench.annotations.models import Annotation
from workbench.articles.models import Article


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class SuggestionKind(models.TextChoices):
    QUOTE = "quote", _("Quote")
    CLAIM = "claim", _("Claim")


class SuggestionDecision(models.Model):
    """A reviewer's accept or reject of one suggested span of an article body."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    kind = models.CharField(max_length=8, choices=SuggestionKind.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    exact = models.TextField()
    decision = models.CharField(max_length=8, choices=Decision.choices)
    score = models.FloatField()
    speaker = models.CharField(max_length=300, blank=True)
    annotation = models.ForeignKey(
        Annotation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "start", "kind"]
        constraints = [
            # Once per reviewer: under blind double annotation each reviewer decides alone.
            models.UniqueConstraint(
                fields=["article", "kind", "start", "end", "decided_by"],
                name="suggestion_decided_once_per_user",
            ),
            models.CheckConstraint(
                condition=Q(start__lt=F("end")), name="suggestion_start_before_end"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="suggestion_score_in_unit"
            ),
            models.CheckConstraint(
                condition=Q(decision__in=Decision.values), name="suggestion_decision_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SuggestionKind.values), name="suggestion_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} {self.kind} {self.start}–{self.end}"


class RunState(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    TIMED_OUT = "timed_out", _("Timed out")
    FAILED = "failed", _("Failed")


class SuggestionRun(models.Model):
    """The finder's suggestions for one revision of an article's text (its body checksum).

    Stored so that opening the suggestions reads them instead of running the finder again on
    every request (a 4.8 MB article took 40 s and listed 14,000 of them).
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestion_runs")
    checksum = models.CharField(max_length=64)
    state = models.CharField(max_length=16, choices=RunState.choices, default=RunState.RUNNING)
    items = models.JSONField(default=list, blank=True)
    # The time budget the run had, in seconds: a run over time is retried only with a larger one.
    budget = models.FloatField()
    seconds = models.FloatField(null=True, blank=True)
    started = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "checksum"], name="suggestion_run_once_per_revision"
            ),
            models.CheckConstraint(
                condition=Q(state__in=RunState.values), name="suggestion_run_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Suggestions for article {self.article_id} ({self.state})"


class ProjectRanker(models.Model):
    """A project's own check-worthiness ranker, learnt from its team's decisions and marked
    claims (`manage.py train_checkworthy`), and the result of its last training.

    `delta` is added to the shipped weights (finder.learn.with_delta); it is empty until a
    training helped on the team's held-out articles (or was forced). The `last_*` fields
    describe the last training whether or not its weights were kept, for the lead to see.
    """

    project = models.OneToOneField(
        "articles.Project", on_delete=models.CASCADE, related_name="checkworthy_ranker"
    )
    delta = models.JSONField(default=dict, blank=True)
    # When the weights in use were kept (None while the shipped ones are used).
    kept_at = models.DateTimeField(null=True, blank=True)
    trained_at = models.DateTimeField()
    trained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signals = models.PositiveIntegerField()
    articles = models.PositiveIntegerField()
    held_out = models.PositiveIntegerField()
    # Mean average precision over the held-out articles: the shipped model, the new one.
    map_before = models.FloatField()
    map_after = models.FloatField()
    kept = models.BooleanField()
    forced = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(map_before__gte=0)
                & Q(map_before__lte=1)
                & Q(map_after__gte=0)
                & Q(map_after__lte=1),
                name="project_ranker_map_in_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"Check-worthiness ranker of {self.project}"

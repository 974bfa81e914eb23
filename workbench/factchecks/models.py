"""Published fact-checks (schema.org ClaimReview) a team has imported, to match its claims against.

One row per review URL and team: importing the same review again updates the row. The text is
kept as the publisher wrote it (HTML included, as text); templates escape it like any input.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from workbench.accounts.models import Team


class FactCheck(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="factchecks")
    url = models.URLField(max_length=2000)
    claim_reviewed = models.TextField()
    rating = models.CharField(max_length=200, blank=True)  # reviewRating.alternateName
    rating_value = models.FloatField(null=True, blank=True)
    best_rating = models.FloatField(null=True, blank=True)
    worst_rating = models.FloatField(null=True, blank=True)
    publisher = models.CharField(max_length=300, blank=True)  # the review's author
    publisher_url = models.URLField(max_length=2000, blank=True)
    date_published = models.DateField(null=True, blank=True)
    claimant = models.CharField(max_length=300, blank=True)  # itemReviewed.author
    appearances = models.JSONField(default=list, blank=True)  # URLs where the claim was made
    raw = models.JSONField(default=dict)  # the record as imported
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["-date_published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "url"], name="factcheck_unique_url_per_team"),
            models.CheckConstraint(
                condition=Q(rating_value__isnull=True)
                | Q(best_rating__isnull=True, worst_rating__isnull=True)
                | (
                    Q(rating_value__lte=models.F("best_rating"))
                    & Q(rating_value__gte=models.F("worst_rating"))
                )
                | (
                    Q(rating_value__gte=models.F("best_rating"))
                    & Q(rating_value__lte=models.F("worst_rating"))
                ),
                name="factcheck_rating_in_range",
            ),
        ]
        indexes = [models.Index(fields=["team", "-date_published"], name="factcheck_team_date")]

    def __str__(self) -> str:
        return self.claim_reviewed[:80]

    def get_absolute_url(self) -> str:
        return reverse("factchecks:factcheck_detail", args=[self.team.slug, self.pk])

    @property
    def verdict(self) -> str:
        """Return the rating as a reader would say it: its name, else its value on its scale."""
        if self.rating:
            return self.rating
        if self.rating_value is None:
            return ""
        value = f"{self.rating_value:g}"
        return f"{value}/{self.best_rating:g}" if self.best_rating is not None else value


class ClaimCheck(models.Model):
    """A claim's best match score when it was last matched: the article list's "already checked".

    Recorded whenever a claim's matches are computed (its panel, the API, the article list's
    marks for claims not yet matched), so the list reads one row per claim instead of matching.
    """

    claim = models.OneToOneField(
        "annotations.Annotation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="match_check",
    )
    best_score = models.FloatField()
    checked_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"claim {self.claim_id}: {self.best_score:.2f}"


class FactCheckVector(models.Model):
    """A fact-check's sentence vector (all-MiniLM-L6-v2, 384 float16), for the re-ranker.

    Beside the fact-check rather than on it, so the import's upsert stays as it is: a re-import
    that changes the claim's text drops the vector, and `factcheck_vectors_fill` (run by
    `manage.py embed_factchecks`) computes the missing ones; a query then encodes only itself.
    """

    factcheck = models.OneToOneField(
        FactCheck, on_delete=models.CASCADE, primary_key=True, related_name="vector"
    )
    model = models.CharField(max_length=64)  # the weights' sha256, first 12 hex digits
    vector = models.BinaryField()

    def __str__(self) -> str:
        return f"vector of fact-check {self.factcheck_id}"


class ClaimVector(models.Model):
    """A team claim's sentence vector (as FactCheckVector), filled when a match first sees it.

    `digest` is the sha256 of the text it was computed from: a reworded claim's vector no
    longer matches its text, so it is not used, and the next match replaces it.
    """

    annotation = models.OneToOneField(
        "annotations.Annotation", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    model = models.CharField(max_length=64)
    digest = models.CharField(max_length=64)
    vector = models.BinaryField()

    def __str__(self) -> str:
        return f"vector of claim {self.annotation_id}"

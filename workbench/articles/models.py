"""Projects and the articles in them, with the text model of DESIGN.md."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workbench.accounts.models import Team

DEFAULT_RATING_SCALE = [
    "True",
    "Mostly true",
    "Half true",
    "Mostly false",
    "False",
    "Misleading",
    "Unverifiable",
]
# The default scale's first five labels rate truth; Misleading and Unverifiable do not.
DEFAULT_RATING_AXIS = 5


def default_rating_scale() -> list[str]:
    return list(DEFAULT_RATING_SCALE)


class Project(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="projects")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100)
    description = models.TextField(blank=True)
    # Verdict labels, best first: position gives a ClaimReview ratingValue later.
    rating_scale = models.JSONField(default=default_rating_scale)
    # How many of the scale's first labels lie on the true–false axis (a ClaimReview rates them
    # by position); the labels after them (Misleading, Unverifiable) rate nothing. Empty: the
    # usual, see rating_values.
    rating_axis = models.PositiveSmallIntegerField(null=True, blank=True)
    # Run the suggestion finder on each imported article in the background (a job), so the
    # reader opens with its suggestions ready.
    suggest_on_import = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["team", "slug"], name="project_unique_slug_per_team"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:project_detail", args=[self.pk])

    def clean(self) -> None:
        scale = self.rating_scale
        if not isinstance(scale, list) or not all(isinstance(v, str) and v.strip() for v in scale):
            raise ValidationError(
                {"rating_scale": _("The rating scale is a list of non-empty labels.")},
                code="rating_scale_invalid",
            )
        if len(scale) < 2:
            raise ValidationError(
                {"rating_scale": _("The rating scale needs at least two verdicts.")},
                code="rating_scale_too_short",
            )
        if len({v.strip().casefold() for v in scale}) != len(scale):
            raise ValidationError(
                {"rating_scale": _("Each verdict in the rating scale must be different.")},
                code="rating_scale_duplicate",
            )
        if self.rating_axis is not None and not 2 <= self.rating_axis <= len(scale):
            raise ValidationError(
                {
                    # On the scale: the form marks the axis within it (a line of dashes).
                    "rating_scale": _(
                        "The true–false axis needs at least two of the scale's verdicts, and "
                        "cannot have more than the scale has."
                    )
                },
                code="rating_axis_invalid",
            )

    @property
    def axis_length(self) -> int:
        """Return how many of the scale's first labels rate truth.

        Unless set, the default scale's axis ends after "False" (Misleading and Unverifiable
        say something else about a claim), and any other scale is all on the axis.
        """
        if self.rating_axis is not None:
            return self.rating_axis
        if self.rating_scale == DEFAULT_RATING_SCALE:
            return DEFAULT_RATING_AXIS
        return len(self.rating_scale)

    @property
    def rating_values(self) -> dict[str, int]:
        """Return each verdict on the true–false axis with its rating, the worst rating 1."""
        axis = self.rating_scale[: self.axis_length]
        return {label: len(axis) - index for index, label in enumerate(axis)}


class ArticleStatus(models.TextChoices):
    UNASSIGNED = "unassigned", _("Unassigned")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    REVIEWED = "reviewed", _("Reviewed")


class ImportSource(models.TextChoices):
    PASTE = "paste", _("Pasted text")
    FILE = "file", _("Uploaded file")
    URL = "url", _("Fetched URL")
    JSONL = "jsonl", _("JSON Lines batch")
    COMMAND = "command", _("Command line")
    DATASET = "dataset", _("Dataset import")


class Article(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(max_length=500)
    # True while the title was derived from the body rather than given or found as a headline.
    title_is_provisional = models.BooleanField(default=False)
    outlet = models.CharField(max_length=200, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    url = models.URLField(
        max_length=2000, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    published = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True)
    # Normalized once on import (NFC, \n line ends, non-breaking spaces kept); spans index it in
    # code points.
    body = models.TextField()
    # The input as the cleaner saw it (normalized), so that lines can move between body and
    # removed without losing anything; `removed` holds {"line", "text", "reason"} per set-aside
    # line, `line` indexing raw.split("\n"). Empty when it is the body itself (a pre-annotated
    # import is stored verbatim): read it as `input_text`.
    raw = models.TextField(blank=True)
    removed = models.JSONField(default=list, blank=True)
    syndicated_by = models.CharField(max_length=200, blank=True)
    retrieved = models.DateField(null=True, blank=True)
    is_truncated = models.BooleanField(default=False)
    checksum = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        max_length=16, choices=ArticleStatus.choices, default=ArticleStatus.UNASSIGNED
    )
    source = models.CharField(max_length=16, choices=ImportSource.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # The number of the revision `body` is (1: as first loaded); earlier ones are Revision rows.
    revision = models.PositiveIntegerField(default=1)
    # The latest revision changed the words without adding a visible correction notice.
    stealth_edit = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "checksum"], name="article_unique_body_per_project"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ArticleStatus.values), name="article_status_valid"
            ),
            models.CheckConstraint(condition=~models.Q(body=""), name="article_body_not_empty"),
        ]
        indexes = [
            models.Index(fields=["project", "-created"], name="article_project_created"),
            # The project page's counts by status stop after 10,001 entries of this index.
            models.Index(fields=["project", "status"], name="article_project_status"),
            # The project list counts truncated articles, which are few.
            models.Index(
                fields=["project"],
                condition=models.Q(is_truncated=True),
                name="article_project_truncated",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:article_detail", args=[self.pk])

    @property
    def input_text(self) -> str:
        """The input as the cleaner saw it, whose lines `removed` indexes."""
        return self.raw or self.body

    @property
    def body_chars(self) -> int:
        return len(self.body)

    @property
    def removed_lines(self) -> int:
        return len(self.removed)


class RevisionOrigin(models.TextChoices):
    IMPORT = "import", _("Imported")
    FETCH = "fetch", _("Fetched again")
    PASTE = "paste", _("Pasted correction")
    CLEANUP = "cleanup", _("Cleanup corrected")


class Revision(models.Model):
    """One version of an article's text, kept for good; the article's body is the newest."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    origin = models.CharField(max_length=16, choices=RevisionOrigin.choices)
    # Its words changed and no correction or update notice came with them.
    stealth = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="revision_unique_number_per_article"
            ),
            models.CheckConstraint(
                condition=models.Q(origin__in=RevisionOrigin.values), name="revision_origin_valid"
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="revision_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.article} (revision {self.number})"

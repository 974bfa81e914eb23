"""The speaker registry, annotations on article text, sources, evidence and comments."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator, RegexValidator, URLValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from workbench.accounts.models import Team
from workbench.articles.models import Article

http_url = URLValidator(schemes=["http", "https"])


class EntityKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    OTHER = "other", _("Other")


class Entity(models.Model):
    """A speaker or claimant, shared by all of a team's articles ("Knights" = "Michael Knights")."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="entities")
    kind = models.CharField(max_length=16, choices=EntityKind.choices, default=EntityKind.PERSON)
    name = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True)
    description = models.TextField(blank=True)
    wikidata_id = models.CharField(
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9]\d*$", _("A Wikidata id looks like Q42."))],
    )
    # Name and aliases, case-folded, one per line: what search-as-you-type matches, on any
    # database.
    search_names = models.TextField(blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Who changed what, when (the history's own date replaces `updated`; search_names is derived).
    history = HistoricalRecords(excluded_fields=["search_names", "updated"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.UniqueConstraint(Lower("name"), "team", name="entity_unique_name_per_team"),
            models.CheckConstraint(
                condition=Q(kind__in=EntityKind.values), name="entity_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_names = "\n".join([self.name, *self.aliases]).casefold()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("annotations:entity_detail", args=[self.pk])


class AnnotationKind(models.TextChoices):
    QUOTE = "quote", _("Quote")
    CLAIM = "claim", _("Claim")


class AnnotationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class QuoteType(models.TextChoices):
    DIRECT = "direct", _("Direct")
    INDIRECT = "indirect", _("Indirect")
    MIXED = "mixed", _("Mixed")


class Checkworthy(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNSURE = "unsure", _("Unsure")


class AnchorState(models.TextChoices):
    EXACT = "exact", _("Exact")
    MOVED = "moved", _("Moved")
    FUZZY = "fuzzy", _("Fuzzy")
    ORPHANED = "orphaned", _("Orphaned")


class Annotation(models.Model):
    """A quote or a claim on a span of an article body, in code points, end exclusive."""

    # Its own index as well as annotation_article_start's first column: with only the
    # composite index, PostgreSQL read an export page's annotations by a scan of the whole
    # table (26 ms a page instead of 2).
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="annotations")
    kind = models.CharField(max_length=8, choices=AnnotationKind.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    exact = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations"
    )
    status = models.CharField(
        max_length=16, choices=AnnotationStatus.choices, default=AnnotationStatus.DRAFT
    )
    # Bumped on every change; an edit made against an older version is refused (409).
    version = models.PositiveIntegerField(default=1)
    # The article revision the span indexes, and how it got there when the text changed
    # (articles.anchoring). An orphan keeps its span, text and context in that older revision.
    revision = models.PositiveIntegerField(default=1)
    anchor_state = models.CharField(
        max_length=8, choices=AnchorState.choices, default=AnchorState.EXACT
    )
    # How alike the words are for a fuzzy placement (or were, for an orphan), 0–1.
    anchor_score = models.FloatField(null=True, blank=True)

    # A quote: who said it, where the text names them, the reporting verb, and how it is quoted.
    speaker = models.ForeignKey(
        Entity,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quotes",
        db_index=False,
    )
    role = models.CharField(max_length=300, blank=True)
    mention_start = models.PositiveIntegerField(null=True, blank=True)
    mention_end = models.PositiveIntegerField(null=True, blank=True)
    mention_exact = models.CharField(max_length=300, blank=True)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    cue_exact = models.CharField(max_length=200, blank=True)
    quote_type = models.CharField(max_length=8, choices=QuoteType.choices, blank=True)

    # A claim: who makes it (an entity, or the outlet itself), the quote it was made in, and
    # the verdict.
    claimant = models.ForeignKey(
        Entity,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
        db_index=False,
    )
    claimant_is_outlet = models.BooleanField(default=False)
    quote = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        db_index=False,
    )
    checkworthy = models.CharField(max_length=8, choices=Checkworthy.choices, blank=True)
    verdict = models.CharField(max_length=100, blank=True)
    rationale = models.TextField(blank=True)

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # History is read by annotation id only: indexes on its copies of the foreign keys would
    # cost every insert (a bulk import writes one history row per annotation) and serve nothing.
    history = HistoricalRecords(
        excluded_fields=["updated"],
        no_db_index=["article", "annotator", "speaker", "claimant", "quote"],
    )

    class Meta:
        ordering = ["article", "start", "-end", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=F("end")), name="annotation_start_before_end"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AnnotationKind.values), name="annotation_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(anchor_state__in=AnchorState.values),
                name="annotation_anchor_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=AnnotationStatus.values), name="annotation_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(mention_start__isnull=True, mention_end__isnull=True)
                | Q(mention_start__lt=F("mention_end")),
                name="annotation_mention_span_valid",
            ),
            models.CheckConstraint(
                condition=Q(cue_start__isnull=True, cue_end__isnull=True)
                | Q(cue_start__lt=F("cue_end")),
                name="annotation_cue_span_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind="quote") | Q(speaker__isnull=True),
                name="annotation_speaker_only_on_quotes",
            ),
            models.CheckConstraint(
                condition=Q(kind="claim") | Q(claimant__isnull=True, verdict=""),
                name="annotation_verdict_only_on_claims",
            ),
        ]
        # The optional links are indexed only where set: most rows hold no claimant and no
        # quote (a quote has no claimant, a claim no speaker), and a bulk import of 120,000
        # annotations wrote an index entry for every NULL too.
        indexes = [
            models.Index(fields=["article", "start"], name="annotation_article_start"),
            *(
                models.Index(
                    fields=[name],
                    condition=Q(**{f"{name}__isnull": False}),
                    name=f"annotation_{name}",
                )
                for name in ("speaker", "claimant", "quote")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start}–{self.end}: {self.exact[:40]}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#annotation-{self.pk}"

    @property
    def adjudicated_as(self) -> models.Model | None:
        """Return the adjudication that made this annotation (a lead's approved copy), if any."""
        if self.status != AnnotationStatus.APPROVED:
            return None  # only an approved annotation can be a copy: no need to ask
        # A reverse one-to-one: None (an AttributeError subclass) when there is no such row.
        return getattr(self, "adjudication", None)

    @property
    def provenance(self) -> str:
        """Return who made this version: "adjudicated by lena", "rafael's version" or "by rafael".

        An adjudicated copy is the approved version a lead produced from reviewers' work; a
        reviewer's version is the work of one of several reviewers of the article. The list's
        selector fetches what this reads (`adjudication`, `reviewer_version`); elsewhere it
        costs a query or two.
        """
        name = self.annotator.get_username() if self.annotator_id else _("a former member")
        adjudication = self.adjudicated_as
        if adjudication is not None:
            decided_by = adjudication.decided_by
            by = decided_by.get_username() if decided_by is not None else name
            return _("adjudicated by %(name)s") % {"name": by}
        double = getattr(self, "reviewer_version", None)
        if double is None:
            reviewers = set(self.article.assignments.values_list("reviewer_id", flat=True))
            double = self.annotator_id in reviewers and len(reviewers) >= 2
        if double:
            return _("%(name)s's version") % {"name": name}
        return _("by %(name)s") % {"name": name}


class VerdictCount(models.Model):
    """How many claims of a project carry a verdict with a status, for the dashboard.

    Written by database triggers only (`workbench.annotations.verdict_counts`), for the
    submitted and approved claims whose verdict is set: whatever writes annotations keeps it
    exact, and the dashboard reads a few rows instead of every claim of the project.
    """

    project = models.ForeignKey(
        "articles.Project", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    verdict = models.CharField(max_length=100)
    status = models.CharField(max_length=16, choices=AnnotationStatus.choices)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "verdict", "status"], name="verdictcount_unique_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.verdict} {self.status}: {self.n}"


class SourceKind(models.TextChoices):
    ARTICLE = "article", _("News article")
    REPORT = "report", _("Report or study")
    DATASET = "dataset", _("Dataset or statistics")
    STATEMENT = "statement", _("Official statement")
    SOCIAL = "social", _("Social media post")
    OTHER = "other", _("Other")


class Source(models.Model):
    """Something a claim is checked against, reused across the team's claims."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=2000, blank=True, validators=[http_url])
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    archived_url = models.URLField(max_length=2000, blank=True, validators=[http_url])
    kind = models.CharField(max_length=16, choices=SourceKind.choices, default=SourceKind.OTHER)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "url"], condition=~Q(url=""), name="source_unique_url_per_team"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("Supports")
    REFUTES = "refutes", _("Refutes")
    CONTEXT = "context", _("Context")


class Evidence(models.Model):
    """A source attached to a claim, with what it says about it."""

    claim = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="evidence")
    stance = models.CharField(max_length=16, choices=Stance.choices)
    excerpt = models.TextField(blank=True)
    note = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "source"], name="evidence_unique_source_per_claim"
            ),
            models.CheckConstraint(
                condition=Q(stance__in=Stance.values), name="evidence_stance_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.stance} claim {self.claim_id}"


class Comment(models.Model):
    annotation = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # PostgreSQL cannot store a NUL. Forms check for one but model fields do not, and the panel,
    # the API and import_dataset all reach full_clean().
    text = models.TextField(validators=[ProhibitNullCharactersValidator()])
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"Comment by {self.author} on {self.annotation_id}"

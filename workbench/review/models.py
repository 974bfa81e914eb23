"""The review workflow: who reviews which article, review sessions, and adjudicated versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from workbench.accounts.models import Team
from workbench.annotations.models import Annotation
from workbench.articles.models import Article


class AssignmentState(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# The reviewer still owes work on these (a rejection sends the article back to them).
OPEN_STATES = (AssignmentState.ASSIGNED, AssignmentState.IN_PROGRESS, AssignmentState.REJECTED)
DONE_STATES = (AssignmentState.SUBMITTED, AssignmentState.APPROVED)


class Assignment(models.Model):
    """One reviewer's work on one article, from assignment to the lead's decision."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        max_length=16, choices=AssignmentState.choices, default=AssignmentState.ASSIGNED
    )
    # Bumped on every transition; a decision made against an older version is refused (409).
    version = models.PositiveIntegerField(default=1)
    # The lead's comment with the last rejection (shown in the reviewer's queue).
    comment = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "reviewer"], name="assignment_unique_article_reviewer"
            ),
            models.CheckConstraint(
                condition=Q(state__in=AssignmentState.values), name="assignment_state_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["reviewer", "state"], name="assignment_reviewer_state"),
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.reviewer} ({self.state})"

    def get_absolute_url(self) -> str:
        return self.article.get_absolute_url()

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class ReviewSession(models.Model):
    """A stretch of work: from opening the queue to logging out or 30 minutes without activity."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_sessions"
    )
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="review_sessions")
    started = models.DateTimeField()
    last_activity = models.DateTimeField()
    ended = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_activity__gte=models.F("started")),
                name="reviewsession_activity_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["reviewer", "team", "ended"], name="reviewsession_open"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} from {self.started:%Y-%m-%d %H:%M}"


class SessionArticle(models.Model):
    """An article seen in a session, with the active time spent on it (idle gaps left out)."""

    session = models.ForeignKey(ReviewSession, on_delete=models.CASCADE, related_name="articles")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="session_visits")
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()
    active_seconds = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["first_seen", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "article"], name="sessionarticle_unique_session_article"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} in session {self.session_id}: {self.active_seconds}s"


class AdjudicationMethod(models.TextChoices):
    ACCEPT = "accept", _("Accepted one reviewer's annotation")
    MERGE = "merge", _("Merged several reviewers' annotations")
    EDIT = "edit", _("Accepted, then edited")
    # Carried on approval: every reviewer marked the span alike, and the lead left it alone.
    AGREED = "agreed", _("Carried: the reviewers agreed")


class Adjudication(models.Model):
    """An approved annotation the lead produced, and the reviewers' originals it came from.

    The result is a new annotation by the lead; the originals are kept as they were, so that
    agreement can still be measured on them and the decision traced.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="adjudications")
    result = models.OneToOneField(Annotation, on_delete=models.CASCADE, related_name="adjudication")
    originals = models.ManyToManyField(Annotation, related_name="adjudicated_into", blank=True)
    method = models.CharField(max_length=8, choices=AdjudicationMethod.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(method__in=AdjudicationMethod.values),
                name="adjudication_method_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()}: annotation {self.result_id}"

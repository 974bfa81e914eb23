"""API serializers of the review workflow: they validate and shape; the services decide."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from workbench.api.serializers import ScopedPrimaryKeyField
from workbench.articles.selectors import article_list, project_list
from workbench.review.models import Assignment
from workbench.review.services import STRATEGIES

MAX_ID = 2**63 - 1


class AssignmentSerializer(serializers.ModelSerializer):
    reviewer_username = serializers.CharField(source="reviewer.get_username", read_only=True)

    class Meta:
        model = Assignment
        fields = [
            "id",
            "article",
            "reviewer",
            "reviewer_username",
            "state",
            "version",
            "comment",
            "created",
            "started",
            "submitted_at",
            "decided_at",
            "decided_by",
        ]
        read_only_fields = fields


class QueueItemSerializer(AssignmentSerializer):
    article_title = serializers.CharField(source="article.title", read_only=True)
    seconds = serializers.IntegerField(read_only=True, help_text="Active time spent on it.")

    class Meta(AssignmentSerializer.Meta):
        fields = [*AssignmentSerializer.Meta.fields, "article_title", "seconds"]
        read_only_fields = fields


class QueueSerializer(serializers.Serializer):
    done = serializers.IntegerField(help_text="Submitted or approved.")
    total = serializers.IntegerField()
    seconds = serializers.IntegerField(help_text="Active time on the queue's articles.")
    next = serializers.IntegerField(allow_null=True, help_text="The article to open next.")
    items = QueueItemSerializer(many=True)


class AssignmentCreateSerializer(serializers.Serializer):
    article = ScopedPrimaryKeyField(selector=article_list, name="article")
    # A plain id: whether that user may be assigned is the service's decision (403).
    reviewer = serializers.IntegerField(min_value=1, max_value=MAX_ID)


class DistributeSerializer(serializers.Serializer):
    project = ScopedPrimaryKeyField(selector=project_list, name="project")
    articles = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        max_length=10_000,
        help_text="Only these articles of the project (default: all of them).",
    )
    reviewers = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=500,
    )
    k = serializers.IntegerField(min_value=1, max_value=10, default=1)
    strategy = serializers.ChoiceField(choices=STRATEGIES, default="round_robin")
    seed = serializers.IntegerField(
        required=False, allow_null=True, min_value=-MAX_ID, max_value=MAX_ID
    )
    cap = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=100_000)


class DistributionSerializer(serializers.Serializer):
    created = AssignmentSerializer(many=True)
    short = serializers.ListField(
        child=serializers.IntegerField(), help_text=_("Articles left with fewer than k reviewers.")
    )


class DecisionSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Or send If-Match."
    )


class RejectSerializer(DecisionSerializer):
    comment = serializers.CharField(max_length=10_000, help_text="What needs to change.")

"""API serializers of the review workflow: they validate and shape; the services decide."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from workbench.annotations.models import Annotation
from workbench.api.serializers import AnnotationSerializer, ScopedPrimaryKeyField
from workbench.articles.selectors import article_list, project_list
from workbench.review.models import Adjudication, Assignment
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


# --- adjudication -------------------------------------------------------------------------------


class AdjudicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Adjudication
        fields = ["id", "article", "result", "originals", "method", "decided_by", "created"]
        read_only_fields = fields


class AdjudicationCreateSerializer(serializers.Serializer):
    annotations = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=50,
        help_text="One annotation to accept, or several to merge (the first is the base).",
    )
    edit = serializers.BooleanField(
        default=False,
        help_text="Accept one annotation to edit it next (PATCH the result); recorded as such.",
    )

    def validate(self, data: dict) -> dict:
        if data["edit"] and len(data["annotations"]) > 1:
            raise serializers.ValidationError(
                _("Accept one annotation to edit it; merge without `edit`."), code="edit_one"
            )
        if len(set(data["annotations"])) != len(data["annotations"]):
            raise serializers.ValidationError(_("An annotation is listed twice."), code="twice")
        return data


class FinishSerializer(serializers.Serializer):
    versions = serializers.DictField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        help_text="Each assignment's id (a string key) → the version you adjudicated against.",
    )
    leave_out = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_ID,
        help_text="How many unresolved rows (the versions' `unresolved`) you agree to leave out "
        "of the approved version; required when there are any.",
    )

    def validate_versions(self, value: dict) -> dict[int, int]:
        if len(value) > 500 or any(not key.isdigit() or len(key) > 18 for key in value):
            raise serializers.ValidationError(_("Keys are assignment ids."), code="bad_key")
        return {int(key): version for key, version in value.items()}


class VersionAnnotationSerializer(AnnotationSerializer):
    adjudication = serializers.SerializerMethodField(
        help_text="For a reviewer's annotation, the adjudication it went into; for one of the "
        "approved version, the adjudication that made it (null if none)."
    )

    class Meta(AnnotationSerializer.Meta):
        fields = [*AnnotationSerializer.Meta.fields, "adjudication"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.INT)
    def get_adjudication(self, annotation: Annotation) -> int | None:
        # Both read from what `article_versions` fetched: no query per annotation.
        into = getattr(annotation, "adjudications", None)
        if into:
            return into[0].pk
        made = getattr(annotation, "adjudication", None)  # None when there is no such row
        return made.pk if made is not None else None


class ReviewerSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    username = serializers.CharField(source="get_username")


class CellSerializer(serializers.Serializer):
    annotations = VersionAnnotationSerializer(many=True)
    differs = serializers.BooleanField()


class RowSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    cells = CellSerializer(many=True, help_text="One per reviewer, in the order of `reviewers`.")
    approved = VersionAnnotationSerializer(many=True)
    differing = serializers.ListField(
        child=serializers.CharField(), help_text="What the reviewers disagree on."
    )
    agreed = serializers.BooleanField()
    carried = serializers.SerializerMethodField(
        help_text="Approving copies this row into the approved version: the reviewers agree."
    )
    unresolved = serializers.BooleanField(
        help_text="Approving now would leave this row out of the approved version."
    )

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_carried(self, row: object) -> bool:
        return bool(row.to_carry)


class VersionsSerializer(serializers.Serializer):
    reviewers = ReviewerSerializer(many=True)
    assignments = AssignmentSerializer(many=True)
    rows = RowSerializer(many=True)
    carried = serializers.IntegerField(help_text="How many rows approving carries (agreed).")
    unresolved = serializers.IntegerField(
        help_text="How many rows approving would leave out: confirm with `leave_out`."
    )

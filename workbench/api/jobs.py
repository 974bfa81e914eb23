"""Background jobs in the API: their state, progress, errors by item and result links."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from workbench.jobs.models import Job, JobKind, JobState
from workbench.jobs.selectors import job_list
from workbench.jobs.services import job_cancel

NOT_FOUND = OpenApiResponse(description="Not found, or not in your teams.")
FORBIDDEN = OpenApiResponse(description="Only whoever started the job or a team lead may.")


class JobErrorSerializer(serializers.Serializer):
    item = serializers.CharField(help_text="Which item failed, e.g. “data.jsonl, line 3”.")
    message = serializers.CharField()


class JobLinkSerializer(serializers.Serializer):
    label = serializers.CharField()
    url = serializers.CharField(help_text="A page of the workbench, e.g. the project.")


class JobProgressSerializer(serializers.Serializer):
    done = serializers.IntegerField()
    total = serializers.IntegerField()


class JobSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=JobKind.choices)
    state = serializers.ChoiceField(
        choices=JobState.choices,
        help_text="queued → running → done, failed or cancelled; poll until it is one of those.",
    )
    progress = serializers.SerializerMethodField()
    errors = JobErrorSerializer(
        many=True, help_text="Items that failed, the first WORKBENCH_MAX_LISTED_FAILURES listed."
    )
    unlisted_errors = serializers.IntegerField(help_text="Failed items past those listed.")
    result = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Counts once finished: created, duplicates, annotations, failed.",
    )
    links = JobLinkSerializer(many=True, help_text="Where the result is (the project, …).")
    url = serializers.SerializerMethodField(help_text="The job's page in the workbench.")
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Job
        fields = [
            "id", "kind", "state", "progress", "message", "errors", "unlisted_errors", "result",
            "links", "project", "team", "created_by", "created", "started", "finished",
            "attempts", "url",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(JobProgressSerializer)
    def get_progress(self, job: Job) -> dict:
        return {"done": job.done, "total": job.total}

    @extend_schema_field(OpenApiTypes.STR)
    def get_url(self, job: Job) -> str:
        return job.get_absolute_url()


@extend_schema_view(
    list=extend_schema(summary="Background jobs of your teams, newest first"),
    retrieve=extend_schema(
        summary="A background job: state, progress, errors by item, result links",
        responses={200: JobSerializer, 404: NOT_FOUND},
    ),
)
class JobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = JobSerializer
    permission_classes = [IsAuthenticated]
    lookup_value_regex = r"[0-9]{1,18}"
    filter_backends: list = []
    ordering = "-id"

    def get_queryset(self) -> QuerySet[Job]:
        return job_list(user=self.request.user)

    @extend_schema(
        summary="Cancel a job (whoever started it, or a team lead)",
        request=None,
        responses={200: JobSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        job = job_cancel(job=self.get_object(), actor=request.user)
        return Response(self.get_serializer(job).data)

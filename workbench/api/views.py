"""REST API views: selectors scope every read (outsider → 404), services make every write.

`get_queryset()` returns the same selector the UI uses; `perform_create`/`perform_update`
call the service with what the serializer validated, so the API has no rule of its own.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from django.db.models import QuerySet
from django.db.models.functions import Length
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from workbench.accounts.selectors import membership_list
from workbench.annotations.history import annotation_history
from workbench.annotations.models import Annotation, AnnotationStatus, Entity
from workbench.annotations.selectors import annotation_list, entity_list, source_list
from workbench.annotations.services import (
    annotation_create,
    annotation_delete,
    annotation_update,
    comment_add,
    entity_create,
    entity_merge,
    entity_update,
    evidence_add,
    evidence_remove,
    source_get_or_create,
)
from workbench.api import serializers as s
from workbench.api.errors import PreconditionRequired, if_match
from workbench.api.filters import (
    AnnotationFilter,
    ArticleFilter,
    EntityFilter,
    ProjectFilter,
    SourceFilter,
)
from workbench.api.history import HistoryEntrySerializer
from workbench.api.jobs import JobSerializer
from workbench.api.matches import MatchSerializer, annotation_matches
from workbench.api.permissions import IsTeamWriterOrReadOnly
from workbench.articles.models import Article
from workbench.articles.selectors import article_list, project_list
from workbench.articles.services import (
    article_import_text,
    article_import_url,
    article_move_line,
    article_update,
    project_create,
    project_update,
)
from workbench.exports import FORMATS, export_filename, export_stream
from workbench.factchecks.matching import already_checked
from workbench.imports.services import articles_import_jsonl
from workbench.jobs.starts import job_export, job_import_jsonl
from workbench.suggest.selectors import sentence_ranking

NOT_FOUND = OpenApiResponse(description="Not found, or not in your teams.")
FORBIDDEN = OpenApiResponse(description="Your role does not allow this.")
BAD = OpenApiResponse(description="Invalid input: {field: [{message, code}]}.")


class TeamScopedViewSet(viewsets.GenericViewSet):
    permission_classes = [IsAuthenticated, IsTeamWriterOrReadOnly]
    # Ids are 64-bit: a longer number is no route (404) rather than a database error.
    lookup_value_regex = r"[0-9]{1,18}"


# --- teams ------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Your teams and your role in each"),
    retrieve=extend_schema(summary="One of your teams"),
)
class TeamViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, TeamScopedViewSet):
    serializer_class = s.TeamSerializer
    lookup_field = "team_id"
    lookup_url_kwarg = "pk"
    pagination_class = None
    filter_backends: list = []

    def get_queryset(self) -> QuerySet:
        return membership_list(user=self.request.user)


# --- projects ---------------------------------------------------------------------------------


class IgnoreAcceptNegotiation(BaseContentNegotiation):
    """For file downloads: the format comes from `?format=`, whatever Accept says."""

    def select_parser(self, request: Request, parsers: list) -> object:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: list, format_suffix: str | None = None):
        return renderers[0], renderers[0].media_type


@extend_schema_view(
    list=extend_schema(summary="Projects of your teams"),
    retrieve=extend_schema(
        summary="A project", responses={200: s.ProjectSerializer, 404: NOT_FOUND}
    ),
    create=extend_schema(
        summary="Create a project (leads)",
        responses={201: s.ProjectSerializer, 400: BAD, 403: FORBIDDEN},
        examples=[
            OpenApiExample(
                "A project",
                value={"name": "Election 2025", "slug": "election-2025"},
                request_only=True,
            )
        ],
    ),
    update=extend_schema(summary="Change a project (leads)", responses={200: s.ProjectSerializer}),
    partial_update=extend_schema(
        summary="Change part of a project (leads)", responses={200: s.ProjectSerializer}
    ),
)
class ProjectViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    TeamScopedViewSet,
):
    filterset_class = ProjectFilter
    ordering_fields = ["id", "name", "created"]
    ordering = ["name"]

    def get_queryset(self) -> QuerySet:
        return project_list(user=self.request.user, counts=self.action == "list")

    def get_serializer_class(self) -> type[BaseSerializer]:
        if self.action in ("create", "update", "partial_update"):
            return s.ProjectWriteSerializer
        return s.ProjectSerializer

    def perform_create(self, serializer: BaseSerializer) -> None:
        serializer.instance = project_create(actor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer) -> None:
        serializer.instance = project_update(
            project=serializer.instance, actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(
        summary="Download the project's dataset",
        description=(
            "Streams the export: `jsonl` (one article per line, annotations nested), `csv` "
            "(one annotation per row), `w3c` (Web Annotation collection), `claimreview` "
            "(schema.org ClaimReview for claims with a verdict; approved claims only unless "
            "`include_unapproved=true` or a `status` is given). Any member of the team may "
            "export, and gets the annotations their annotation list shows: a co-reviewer's "
            "blind draft is never in it."
        ),
        parameters=[
            OpenApiParameter(
                "format",
                str,
                required=True,
                enum=["jsonl", "csv", "w3c", "claimreview"],
                description="Export format.",
            ),
            OpenApiParameter(
                "status",
                str,
                enum=AnnotationStatus.values,
                description="Only annotations with this status (e.g. approved).",
            ),
            OpenApiParameter(
                "include_unapproved",
                bool,
                description="ClaimReview: also claims that are not approved.",
            ),
        ],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The file, streamed."
            ),
            202: JobSerializer,
            400: BAD,
            404: NOT_FOUND,
        },
    )
    @extend_schema(
        methods=["POST"],
        summary="Export the project's dataset to a file, as a background job",
        description=(
            "The same export as GET, with the same query parameters and the same visibility, "
            "written to a file by a background job: for a large project. The answer is 202 "
            "with the job; once it is done its `links` hold the download, which only whoever "
            "asked may fetch."
        ),
        request=None,
        responses={202: JobSerializer, 400: BAD, 404: NOT_FOUND},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        # Any member may export (a viewer too), so the write permission does not apply.
        permission_classes=[IsAuthenticated],
        filter_backends=[],
        pagination_class=None,
        content_negotiation_class=IgnoreAcceptNegotiation,
    )
    def export(self, request: Request, pk: str | None = None) -> StreamingHttpResponse:
        project = self.get_object()
        query = s.ExportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        fmt, wanted = query.validated_data["format"], query.validated_data["status"]
        everything = query.validated_data["include_unapproved"]
        if fmt not in FORMATS:
            raise ValidationError(
                {
                    "format": [
                        _("Unknown format “%(f)s”: use %(all)s.")
                        % {"f": fmt, "all": ", ".join(FORMATS)}
                    ]
                },
                code="unknown_format",
            )
        if wanted and wanted not in AnnotationStatus.values:
            raise ValidationError(
                {
                    "status": [
                        _("Unknown status “%(s)s”: use %(all)s.")
                        % {"s": wanted, "all": ", ".join(AnnotationStatus.values)}
                    ]
                },
                code="unknown_status",
            )
        if request.method == "POST":
            return self._export_job(request, project, fmt, wanted, everything)
        try:
            chunks = export_stream(
                project=project,
                user=request.user,
                fmt=fmt,
                status=wanted,
                include_unapproved=everything,
                base_url=request.build_absolute_uri("/"),
            )
            # Pull the first chunk here, so that a refusal is a 400 rather than a broken download.
            first = next(iter(chunks), b"")
            filename = export_filename(
                project=project, fmt=fmt, status=wanted, include_unapproved=everything
            )
        except ValueError as error:
            raise ValidationError({"format": [str(error)]}, code="invalid_export") from error
        response = StreamingHttpResponse(
            _chain(first, chunks), content_type=FORMATS[fmt].content_type
        )
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response

    def _export_job(
        self, request: Request, project: object, fmt: str, status_: str, everything: bool
    ) -> Response:
        """Queue the export as a job (202): for a large project, a file to download later."""
        job = job_export(
            project=project,
            actor=request.user,
            fmt=fmt,
            status=status_,
            include_unapproved=everything,
            base_url=request.build_absolute_uri("/"),
        )
        body = JobSerializer(job, context=self.get_serializer_context()).data
        headers = {"Location": reverse("api:job-detail", args=[job.pk])}
        return Response(body, status=status.HTTP_202_ACCEPTED, headers=headers)


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    return itertools.chain([first] if first else [], rest)


# --- articles ---------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Articles of your teams (without their text)"),
    retrieve=extend_schema(
        summary="An article with its text and set-aside lines",
        responses={200: s.ArticleDetailSerializer, 404: NOT_FOUND},
    ),
    update=extend_schema(summary="Correct an article's metadata"),
    partial_update=extend_schema(summary="Correct part of an article's metadata"),
)
class ArticleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    TeamScopedViewSet,
):
    filterset_class = ArticleFilter
    ordering_fields = ["id", "created", "title"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet[Article]:
        articles = article_list(user=self.request.user)
        if self.action == "list":
            return articles.defer("body", "raw").annotate(body_length=Length("body"))
        return articles

    def list(self, request: Request) -> Response:
        # As ArticleSerializer shapes them, from plain rows rather than instances (faster).
        rows = s.article_list_rows(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(rows)
        if page is None:
            return Response(s.article_list_data(list(rows)))
        return self.get_paginated_response(s.article_list_data(page))

    def get_serializer_class(self) -> type[BaseSerializer]:
        return {
            "list": s.ArticleSerializer,
            "create": s.ArticleCreateSerializer,
            "update": s.ArticleUpdateSerializer,
            "partial_update": s.ArticleUpdateSerializer,
            "batch": s.ArticleBatchSerializer,
            "move_line": s.MoveLineSerializer,
        }.get(self.action, s.ArticleDetailSerializer)

    @extend_schema(
        summary="Import an article from its text or a URL",
        description=(
            "The same import as the UI: the text is cleaned (boilerplate set aside, metadata "
            "recovered). 201 when created; 200 with the existing article when the same text "
            "is already in the project."
        ),
        request=s.ArticleCreateSerializer,
        responses={201: s.ArticleImportedSerializer, 200: s.ArticleImportedSerializer, 400: BAD},
        examples=[
            OpenApiExample(
                "By text",
                value={
                    "project": 1,
                    "title": "Bridge to open in May",
                    "outlet": "Harbour Gazette",
                    "text": "The minister said the bridge will open in May.",
                },
                request_only=True,
            ),
            OpenApiExample(
                "By URL",
                value={"project": 1, "url": "https://example.org/news/1"},
                request_only=True,
            ),
        ],
    )
    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data.get("text", "").strip():
            result = article_import_text(
                project=data["project"],
                actor=request.user,
                text=data["text"],
                overrides=data["overrides"],
            )
        else:
            result = article_import_url(
                project=data["project"], actor=request.user, url=data["url"]
            )
        article = result.article
        article.already_imported, article.import_message = not result.created, result.message
        body = s.ArticleImportedSerializer(article, context=self.get_serializer_context()).data
        return Response(
            body, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        )

    def perform_update(self, serializer: BaseSerializer) -> None:
        serializer.instance = article_update(
            article=serializer.instance, actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(
        summary="Import a JSON Lines batch",
        description=(
            "A batch larger than WORKBENCH_JOB_THRESHOLD_BYTES (1 MiB), or any batch sent with "
            "`?async=1`, runs as a background job: the answer is 202 with the job, whose `url` "
            "and `GET /api/v1/jobs/{id}/` show its progress. A job is not held to "
            "WORKBENCH_MAX_IMPORT_LINES."
        ),
        parameters=[
            OpenApiParameter(
                "async", OpenApiTypes.BOOL, description="Run as a background job (202)."
            )
        ],
        request=s.ArticleBatchSerializer,
        responses={200: s.ArticleBatchResultSerializer, 202: JobSerializer, 400: BAD},
    )
    @action(detail=False, methods=["post"], filter_backends=[], pagination_class=None)
    def batch(self, request: Request) -> Response:
        as_job = request.query_params.get("async", "").lower() in {"1", "true", "yes"}
        serializer = self.get_serializer(
            data=request.data, context={**self.get_serializer_context(), "as_job": as_job}
        )
        serializer.is_valid(raise_exception=True)
        if serializer.validated_data["as_job"]:
            job = job_import_jsonl(
                project=serializer.validated_data["project"],
                actor=request.user,
                text=serializer.validated_data["jsonl"],
                label=_("API batch"),
            )
            body = JobSerializer(job, context=self.get_serializer_context()).data
            headers = {"Location": reverse("api:job-detail", args=[job.pk])}
            return Response(body, status=status.HTTP_202_ACCEPTED, headers=headers)
        report = articles_import_jsonl(
            project=serializer.validated_data["project"],
            actor=request.user,
            text=serializer.validated_data["jsonl"],
        )
        body = {
            "created": report.created,
            "duplicates": report.duplicates,
            "annotations": report.annotations,
            "results": [
                {"line": r.label, "id": r.article.pk, "created": r.created} for r in report.results
            ],
            "failures": [{"line": f.label, "message": f.message} for f in report.failures],
            "unlisted_failures": report.unlisted_failures,
        }
        return Response(body)

    @extend_schema(
        summary="Move an input line between the text and the set-aside lines",
        request=s.MoveLineSerializer,
        responses={200: s.ArticleDetailSerializer, 400: BAD, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    @extend_schema(
        summary="The article's sentences scored for check-worthiness",
        parameters=[s.SentenceQuerySerializer],
        responses={200: s.SentenceSerializer(many=True), 400: BAD, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def sentences(self, request: Request, pk: str | None = None) -> Response:
        article = self.get_object()
        query = s.SentenceQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        ranked = sentence_ranking(article=article, **query.validated_data)
        checked = already_checked(user=request.user, article=article, sentences=ranked)
        return Response(s.SentenceSerializer(ranked, many=True, context={"checked": checked}).data)

    @action(detail=True, methods=["post"], url_path="move-line", filter_backends=[])
    def move_line(self, request: Request, pk: str | None = None) -> Response:
        article = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = article_move_line(
            article=article, actor=request.user, **serializer.validated_data
        )
        return Response(
            s.ArticleDetailSerializer(article, context=self.get_serializer_context()).data
        )


# --- annotations ------------------------------------------------------------------------------

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description='The version you edited, as the ETag: "3". Or send `version` instead.',
)
VERSION = OpenApiParameter(
    "version", int, description="The version you are deleting (or send If-Match)."
)
CONCURRENCY = {
    409: OpenApiResponse(
        description="Someone changed it meanwhile: `current` holds their version."
    ),
    412: OpenApiResponse(description="If-Match does not match the current version."),
    428: OpenApiResponse(description="Neither If-Match nor version was sent."),
}
QUOTE_EXAMPLE = {
    "article": 1,
    "kind": "quote",
    "start": 4,
    "end": 12,
    "exact": "minister",
    "speaker": 7,
    "mention": {"start": 4, "end": 12, "exact": "minister"},
    "cue": {"start": 13, "end": 17, "exact": "said"},
    "quote_type": "indirect",
}


@extend_schema_view(
    list=extend_schema(summary="Quotes and claims of your teams' articles"),
    retrieve=extend_schema(
        summary="A quote or claim (ETag: its version)",
        responses={200: s.AnnotationSerializer, 404: NOT_FOUND},
    ),
    create=extend_schema(
        summary="Mark a quote or claim on a span of an article",
        request=s.AnnotationCreateSerializer,
        responses={201: s.AnnotationSerializer, 400: BAD, 403: FORBIDDEN},
        examples=[OpenApiExample("A quote", value=QUOTE_EXAMPLE, request_only=True)],
    ),
    update=extend_schema(
        summary="Replace a quote's or claim's fields",
        request=s.AnnotationUpdateSerializer,
        parameters=[IF_MATCH],
        responses={200: s.AnnotationSerializer, 400: BAD, 403: FORBIDDEN, **CONCURRENCY},
    ),
    partial_update=extend_schema(
        summary="Change some of a quote's or claim's fields",
        request=s.AnnotationUpdateSerializer,
        parameters=[IF_MATCH],
        responses={200: s.AnnotationSerializer, 400: BAD, 403: FORBIDDEN, **CONCURRENCY},
        examples=[
            OpenApiExample(
                "Give a verdict", value={"verdict": "False", "version": 1}, request_only=True
            )
        ],
    ),
    destroy=extend_schema(
        summary="Delete a quote or claim with its evidence and comments",
        parameters=[IF_MATCH, VERSION],
        responses={204: None, 403: FORBIDDEN, **CONCURRENCY},
    ),
)
class AnnotationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    TeamScopedViewSet,
):
    filterset_class = AnnotationFilter
    ordering_fields = ["id", "start", "created", "updated"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet[Annotation]:
        wanted = self.request.query_params.get("ordering", "").strip()
        id_order = self.action == "list" and wanted in ("", "id", "-id")
        annotations = annotation_list(user=self.request.user, id_order=id_order)
        if self.action == "list":
            # A list shows the article's id only: not its whole text once per annotation.
            return annotations.defer("article__body", "article__raw", "article__removed")
        return annotations

    def get_serializer_class(self) -> type[BaseSerializer]:
        return {
            "create": s.AnnotationCreateSerializer,
            "update": s.AnnotationUpdateSerializer,
            "partial_update": s.AnnotationUpdateSerializer,
            "evidence": s.EvidenceCreateSerializer,
            "comments": s.CommentSerializer,
        }.get(self.action, s.AnnotationSerializer)

    def list(self, request: Request) -> Response:
        # The same scoping, filters, ordering and cursor as any list; plain rows instead of
        # instances, shaped exactly as AnnotationSerializer shapes them (a fraction of the time).
        rows = s.annotation_list_rows(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(rows)
        if page is None:
            return Response(s.annotation_list_data(list(rows)))
        return self.get_paginated_response(s.annotation_list_data(page))

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        annotation = self.get_object()
        data = self.get_serializer(annotation).data
        return Response(data, headers={"ETag": f'"{annotation.version}"'})

    def perform_create(self, serializer: BaseSerializer) -> None:
        serializer.instance = annotation_create(
            author=self.request.user, **serializer.validated_data
        )

    def update(self, request: Request, pk: str | None = None, partial: bool = False) -> Response:
        annotation = self.get_object()
        expected = if_match(request, version=annotation.version)
        serializer = self.get_serializer(annotation, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        version = expected or fields.pop("version", None)
        fields.pop("version", None)
        if version is None:
            raise PreconditionRequired()
        serializer.instance = annotation_update(
            annotation=annotation, actor=request.user, version=version, **fields
        )
        return Response(serializer.data, headers={"ETag": f'"{serializer.instance.version}"'})

    def destroy(self, request: Request, pk: str | None = None) -> Response:
        annotation = self.get_object()
        expected = if_match(request, version=annotation.version)
        version = expected or _int(request.query_params.get("version"))
        if version is None:
            raise PreconditionRequired()
        annotation_delete(annotation=annotation, actor=request.user, version=version)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        methods=["GET"],
        summary="The sources attached to a claim",
        responses={200: s.EvidenceSerializer(many=True), 404: NOT_FOUND},
    )
    @extend_schema(
        methods=["POST"],
        summary="Attach a source to a claim, with its stance",
        request=s.EvidenceCreateSerializer,
        responses={201: s.EvidenceSerializer, 400: BAD, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["get", "post"], filter_backends=[], pagination_class=None)
    def evidence(self, request: Request, pk: str | None = None) -> Response:
        annotation = self.get_object()
        if request.method == "GET":
            items = s.EvidenceSerializer(annotation.evidence.all(), many=True).data
            return Response(items)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.instance = evidence_add(
            claim=annotation, actor=request.user, **serializer.validated_data
        )
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Detach a source from a claim",
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND},
        parameters=[OpenApiParameter("evidence_id", int, OpenApiParameter.PATH)],
    )
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"evidence/(?P<evidence_id>[0-9]{1,18})",
        url_name="evidence-detail",
        filter_backends=[],
    )
    def evidence_remove(
        self, request: Request, pk: str | None = None, evidence_id: str | None = None
    ) -> Response:
        annotation = self.get_object()
        evidence = get_object_or_404(annotation.evidence.all(), pk=evidence_id)
        evidence_remove(evidence=evidence, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        methods=["GET"],
        summary="The comment thread of an annotation",
        responses={200: s.CommentSerializer(many=True), 404: NOT_FOUND},
    )
    @extend_schema(
        methods=["POST"],
        summary="Comment on an annotation",
        responses={201: s.CommentSerializer, 400: BAD, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["get", "post"], filter_backends=[], pagination_class=None)
    def comments(self, request: Request, pk: str | None = None) -> Response:
        annotation = self.get_object()
        if request.method == "GET":
            return Response(self.get_serializer(annotation.comments.all(), many=True).data)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.instance = comment_add(
            annotation=annotation, author=request.user, **serializer.validated_data
        )
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Who changed an annotation and its sources, when, and each field before → after",
        responses={200: HistoryEntrySerializer(many=True), 404: NOT_FOUND},
    )
    @extend_schema(
        summary="Already checked? Fact-checks and earlier claims like this claim",
        parameters=[OpenApiParameter("top", int, description="At most this many of each kind.")],
        responses={200: MatchSerializer(many=True), 400: BAD, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def matches(self, request: Request, pk: str | None = None) -> Response:
        return annotation_matches(self.get_object(), request)

    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def history(self, request: Request, pk: str | None = None) -> Response:
        try:
            entries = annotation_history(user=request.user, annotation_id=_int(pk) or 0)
        except Annotation.DoesNotExist as error:
            raise Http404 from error
        return Response(HistoryEntrySerializer(entries, many=True).data)


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


# --- entities and sources ---------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="The speaker and claimant registry of your teams"),
    retrieve=extend_schema(
        summary="An entity", responses={200: s.EntitySerializer, 404: NOT_FOUND}
    ),
    create=extend_schema(
        summary="Add a person or organisation",
        responses={201: s.EntitySerializer, 400: BAD, 403: FORBIDDEN},
        examples=[
            OpenApiExample(
                "A person",
                value={"name": "Michael Knights", "kind": "person", "aliases": ["Knights"]},
                request_only=True,
            )
        ],
    ),
    update=extend_schema(summary="Change an entity"),
    partial_update=extend_schema(summary="Change part of an entity"),
)
class EntityViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    TeamScopedViewSet,
):
    serializer_class = s.EntitySerializer
    filterset_class = EntityFilter
    ordering_fields = ["id", "name", "created"]
    ordering = ["name"]

    def get_queryset(self) -> QuerySet[Entity]:
        return entity_list(user=self.request.user)

    def get_serializer_class(self) -> type[BaseSerializer]:
        return s.EntityMergeSerializer if self.action == "merge" else s.EntitySerializer

    def perform_create(self, serializer: BaseSerializer) -> None:
        serializer.instance = entity_create(actor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer) -> None:
        serializer.instance = entity_update(
            entity=serializer.instance, actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(
        summary="Merge another entity into this one (leads)",
        description="Its quotes and claims move here; its name and aliases become aliases.",
        request=s.EntityMergeSerializer,
        responses={200: s.EntitySerializer, 400: BAD, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def merge(self, request: Request, pk: str | None = None) -> Response:
        keep = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kept = entity_merge(keep=keep, merge=serializer.validated_data["merge"], actor=request.user)
        return Response(s.EntitySerializer(kept, context=self.get_serializer_context()).data)


@extend_schema_view(
    list=extend_schema(summary="Sources of your teams"),
    retrieve=extend_schema(summary="A source", responses={200: s.SourceSerializer, 404: NOT_FOUND}),
    create=extend_schema(
        summary="Add a source (or get the one with this URL)",
        description="A source with the same URL (or, without one, the same title) is reused.",
        responses={201: s.SourceSerializer, 400: BAD, 403: FORBIDDEN},
    ),
)
class SourceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, TeamScopedViewSet
):
    serializer_class = s.SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["id", "title", "created"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet:
        return source_list(user=self.request.user)

    def perform_create(self, serializer: BaseSerializer) -> None:
        serializer.instance = source_get_or_create(
            actor=self.request.user, **serializer.validated_data
        )

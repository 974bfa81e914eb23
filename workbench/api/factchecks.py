"""REST endpoints of issue 17: the known fact-checks and their import (matches: api/matches.py).

As everywhere in the API, reads go through the selectors (`factcheck_list`, `annotation_list`,
`find_matches` built on both) and writes through the services, which check the role.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from workbench.accounts.selectors import team_list
from workbench.api.filters import ScopedFilterSet
from workbench.api.parsers import JSONParser
from workbench.api.serializers import LargeTextField, ScopedPrimaryKeyField, _default_team
from workbench.api.views import BAD, FORBIDDEN, NOT_FOUND, TeamScopedViewSet
from workbench.factchecks.models import FactCheck
from workbench.factchecks.selectors import factcheck_list
from workbench.factchecks.services import (
    ImportReport,
    factchecks_import_text,
    factchecks_import_url,
)
from workbench.jobs.starts import embed_after_import
from workbench.limits import too_large_api_response


class FactCheckSerializer(serializers.ModelSerializer):
    verdict = serializers.CharField(read_only=True)

    class Meta:
        model = FactCheck
        fields = [
            "id",
            "team",
            "url",
            "claim_reviewed",
            "rating",
            "rating_value",
            "best_rating",
            "worst_rating",
            "verdict",
            "publisher",
            "publisher_url",
            "date_published",
            "claimant",
            "appearances",
            "imported_at",
        ]
        read_only_fields = fields


class FactCheckFilter(ScopedFilterSet):
    q = filters.CharFilter(method="search", help_text="Words that must all appear.")
    scoped = {"team": team_list}  # one of the caller's teams, or 400 as on the other lists
    rating = filters.CharFilter(field_name="rating", lookup_expr="iexact")
    publisher = filters.CharFilter(field_name="publisher", lookup_expr="iexact")
    published_after = filters.DateFilter(field_name="date_published", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="date_published", lookup_expr="lte")

    class Meta:
        model = FactCheck
        fields = {"team": ["exact"]}

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return factcheck_list(user=self.request.user, query=value).filter(
            pk__in=queryset.values("pk")
        )


class FactCheckImportSerializer(serializers.Serializer):
    team = ScopedPrimaryKeyField(selector=team_list, name="team", required=False)
    url = serializers.URLField(required=False, max_length=2000)
    text = LargeTextField(required=False, trim_whitespace=False)
    file = serializers.FileField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        given = [name for name in ("url", "text", "file") if attrs.get(name)]
        if len(given) != 1:
            raise ValidationError(
                {"non_field_errors": [_("Give exactly one of url, text or file.")]},
                code="one_source",
            )
        attrs["team"] = _default_team(self, attrs.get("team"))
        return attrs


def report_data(report: ImportReport) -> dict:
    return {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "errors": [
            {"record": e.number, "message": e.message, "code": e.code} for e in report.errors
        ],
    }


@extend_schema_view(
    list=extend_schema(summary="List the known fact-checks of your teams"),
    retrieve=extend_schema(
        summary="One fact-check", responses={200: FactCheckSerializer, 404: NOT_FOUND}
    ),
)
class FactCheckViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, TeamScopedViewSet):
    serializer_class = FactCheckSerializer
    filterset_class = FactCheckFilter
    ordering_fields = ["id", "date_published", "imported_at"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet[FactCheck]:
        return factcheck_list(user=self.request.user)

    @extend_schema(
        summary="Import ClaimReview (a URL, a text or a file) into a team",
        description="JSON-LD (object, array, @graph), JSON Lines, or a fact-checker's page. Good "
        "records are stored (one per URL: a re-import updates it, or leaves it alone if "
        "unchanged), bad ones reported by number.",
        request=FactCheckImportSerializer,
        responses={
            200: OpenApiResponse(
                description="{created, updated, unchanged, errors: [{record, message, code}]}"
            ),
            400: BAD,
            403: FORBIDDEN,
            413: OpenApiResponse(description="Too large."),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        url_name="import",
        filter_backends=[],
        pagination_class=None,
        parser_classes=[JSONParser, MultiPartParser],
        serializer_class=FactCheckImportSerializer,
    )
    def import_(self, request: Request) -> Response:
        body = request.data  # parsed first: the upload handler names a file it refused
        if getattr(request._request, "refused_uploads", []):
            limit = settings.WORKBENCH_MAX_IMPORT_BYTES
            return too_large_api_response(
                _("The file is over the limit of %(limit)s bytes. Split it.")
                % {"limit": f"{limit:,}"}
            )
        serializer = self.get_serializer(data=body)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            if data.get("url"):
                report = factchecks_import_url(
                    team=data["team"], actor=request.user, url=data["url"]
                )
            else:
                text = data.get("text") or _read_upload(data["file"])
                report = factchecks_import_text(team=data["team"], actor=request.user, text=text)
        except DjangoValidationError as error:
            raise ValidationError({"non_field_errors": error.messages}, code=error.code) from error
        embed_after_import(team=data["team"], actor=request.user, report=report)
        return Response(report_data(report))


def _read_upload(upload: Any) -> str:
    try:
        return upload.read().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            {"file": [_("The file is not UTF-8 text.")]}, code="not_utf8"
        ) from error

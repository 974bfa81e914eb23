"""REST endpoints of issue 17's matching: POST /matches/ and GET /annotations/{id}/matches/.

Apart from api/views.py (which mounts `annotation_matches` on the annotations' viewset), so that
the viewset can import it. Matching reads through `find_matches`, scoped like the lists.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from workbench.accounts.selectors import team_list
from workbench.annotations.models import Annotation, AnnotationKind
from workbench.api.serializers import ScopedPrimaryKeyField, _default_team
from workbench.factchecks.matching import Match, find_matches
from workbench.factchecks.services import claim_check_record

MAX_TOP = 20
MAX_MATCH_TEXT = 5000


class MatchRequestSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_MATCH_TEXT)
    team = ScopedPrimaryKeyField(selector=team_list, name="team", required=False)
    top = serializers.IntegerField(min_value=1, max_value=MAX_TOP, default=5)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["team"] = _default_team(self, attrs.get("team"))
        return attrs


class MatchTopSerializer(serializers.Serializer):
    """GET /annotations/{id}/matches/?top=N: how many of each kind, checked as POST checks it."""

    top = serializers.IntegerField(min_value=1, max_value=MAX_TOP, default=5)


class MatchSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["factcheck", "claim"])
    url = serializers.CharField()
    text = serializers.CharField()
    rating = serializers.CharField()
    by = serializers.CharField(help_text="The publisher of a fact-check, the claim's annotator.")
    date = serializers.DateField(allow_null=True)
    score = serializers.FloatField(help_text="0 to 1: how much of the two texts' words agree.")
    matched = serializers.ListField(child=serializers.CharField())
    factcheck = serializers.IntegerField(allow_null=True, source="factcheck.pk", default=None)
    annotation = serializers.IntegerField(allow_null=True, source="annotation.pk", default=None)
    article = serializers.IntegerField(allow_null=True, source="article.pk", default=None)


def matches_data(matches: list[Match]) -> list[dict]:
    return MatchSerializer(matches, many=True).data


class MatchView(APIView):
    """POST {"text", "team"?, "top"?}: the team's fact-checks and earlier claims like the text."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Already checked? Fact-checks and earlier claims like a text",
        request=MatchRequestSerializer,
        responses={
            200: MatchSerializer(many=True),
            400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}."),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = MatchRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        matches = find_matches(
            user=request.user, team=data["team"], text=data["text"], top=data["top"]
        )
        return Response(matches_data(matches))


def annotation_matches(annotation: Annotation, request: Request) -> Response:
    """Answer GET /annotations/{id}/matches/: the matches of a claim, itself left out."""
    if annotation.kind != AnnotationKind.CLAIM:
        raise ValidationError({"kind": [_("Only claims are matched.")]}, code="not_a_claim")
    asked = MatchTopSerializer(data=request.query_params)
    asked.is_valid(raise_exception=True)  # "top=abc" or "top=0" is a 400, as in POST /matches/
    matches = find_matches(
        user=request.user,
        team=annotation.article.project.team,
        text=annotation.exact,
        top=asked.validated_data["top"],
        exclude=annotation.pk,
    )
    claim_check_record(claim=annotation, matches=matches)
    return Response(matches_data(matches))

"""An article's revisions over the API: list them, add one, read one, compare two (issue 19).

The same paths as the reader's: revision_add re-anchors every annotation; the article is found
through the user's teams (outsiders get 404) and the service checks the role (viewers get 403).
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from workbench.accounts.services import require_writer
from workbench.annotations.revisions import article_refetch, revision_add, revision_texts
from workbench.api.jobs import JobSerializer
from workbench.api.views import BAD, FORBIDDEN, NOT_FOUND
from workbench.articles.anchoring import diff_pieces
from workbench.articles.models import Article, Revision, RevisionOrigin
from workbench.articles.selectors import article_list
from workbench.jobs.starts import job_refetch_article

ARTICLE_ID = OpenApiParameter("article_id", int, OpenApiParameter.PATH, description="An article.")
NUMBER = OpenApiParameter("number", int, OpenApiParameter.PATH, description="A revision number.")
STALE = OpenApiResponse(
    description="`revision` is older than the article's: {detail, code: stale_revision, "
    "revision: the current number}. Nothing was changed."
)
# Who may bring a revision through the API says where it came from; "fetch" is the refetch
# endpoint's own, and "import" the first text's.
API_ORIGINS = [RevisionOrigin.PASTE, RevisionOrigin.CLEANUP]


class RevisionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    origin = serializers.CharField(help_text="import, fetch, paste or cleanup.")
    stealth = serializers.BooleanField(
        help_text="Its words changed without a visible correction or update notice."
    )
    created_by = serializers.SerializerMethodField()
    created = serializers.DateTimeField(allow_null=True)
    chars = serializers.SerializerMethodField(help_text="Length of its text in code points.")
    current = serializers.SerializerMethodField(help_text="Whether it is the article's body.")

    def get_created_by(self, revision: Revision) -> str | None:
        return revision.created_by.get_username() if revision.created_by_id else None

    def get_chars(self, revision: Revision) -> int:
        return len(revision.text)

    def get_current(self, revision: Revision) -> bool:
        return revision.number == self.context["current"]


class RevisionTextSerializer(RevisionSerializer):
    text = serializers.CharField(help_text="The text; annotation spans index it in code points.")


class RevisionAddSerializer(serializers.Serializer):
    text = serializers.CharField(
        trim_whitespace=False,
        help_text="The corrected text, plain. Normalized as on import (NFC, \\n line ends).",
    )
    origin = serializers.ChoiceField(
        choices=API_ORIGINS,
        default=RevisionOrigin.PASTE,
        help_text="paste (a corrected text) or cleanup (the extraction corrected).",
    )
    revision = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="The revision the correction was made on; a newer one on file answers 409.",
    )

    def validate_text(self, text: str) -> str:
        if len(text) > settings.WORKBENCH_MAX_IMPORT_BYTES:
            raise serializers.ValidationError(
                _("The text is %(n)s characters; the most is %(limit)s.")
                % {"n": f"{len(text):,}", "limit": f"{settings.WORKBENCH_MAX_IMPORT_BYTES:,}"},
                code="too_long",
            )
        if not text.strip():
            raise serializers.ValidationError(_("The new text is empty."), code="empty_body")
        return text


class RevisionAddedSerializer(serializers.Serializer):
    revision = RevisionSerializer(
        allow_null=True, help_text="The new revision; null when the text was the same."
    )
    states = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="How many annotations were placed exact, moved, fuzzy or orphaned.",
    )
    article_revision = serializers.IntegerField(help_text="The article's revision now.")


class DiffPieceSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="same, deleted, inserted, moved-from or moved-to.")
    text = serializers.CharField()


class RevisionDiffSerializer(serializers.Serializer):
    older = serializers.IntegerField()
    newer = serializers.IntegerField()
    pieces = DiffPieceSerializer(many=True)


def _article(request: Request, article_id: str) -> Article:
    return get_object_or_404(article_list(user=request.user), pk=article_id)


def _revision(texts: dict[int, Revision], number: int) -> Revision:
    if number not in texts:
        raise NotFound(_("This article has no revision %(n)s.") % {"n": number})
    return texts[number]


def _added(request: Request, article: Article, result: object) -> Response:
    article.refresh_from_db(fields=["revision"])
    context = {"current": article.revision}
    revision = result.revision
    data = {
        "revision": None
        if revision is None
        else RevisionSerializer(revision, context=context).data,
        "states": result.states,
        "article_revision": article.revision,
    }
    return Response(
        data, status=status.HTTP_200_OK if revision is None else status.HTTP_201_CREATED
    )


class ArticleRevisionsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="An article's revisions, oldest first (without their texts)",
        parameters=[ARTICLE_ID],
        responses={200: RevisionSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request: Request, article_id: str) -> Response:
        article = _article(request, article_id)
        texts = revision_texts(article=article)
        context = {"current": article.revision}
        return Response(RevisionSerializer(list(texts.values()), many=True, context=context).data)

    @extend_schema(
        summary="Add a corrected text as the article's next revision",
        description="Every annotation is re-anchored in the new text: exact, moved, fuzzy (with "
        "a score) or orphaned (kept with its old text, to be placed again), never dropped. "
        "201 with the new revision; 200 with `revision` null when the text is the same. "
        "Viewers get 403.",
        parameters=[ARTICLE_ID],
        request=RevisionAddSerializer,
        responses={
            201: RevisionAddedSerializer,
            200: RevisionAddedSerializer,
            400: BAD,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: STALE,
        },
        examples=[
            OpenApiExample(
                "A correction",
                value={"text": "The minister said the bridge will open in June.", "revision": 1},
                request_only=True,
            )
        ],
    )
    def post(self, request: Request, article_id: str) -> Response:
        article = _article(request, article_id)
        serializer = RevisionAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = revision_add(
            article=article,
            text=data["text"],
            origin=data["origin"],
            by=request.user,
            seen=data.get("revision"),
        )
        return _added(request, article, result)


class ArticleRefetchView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Fetch the article's URL again and make what it says now a new revision",
        description="The page is cleaned as on import; the same text makes no revision (200, "
        "`revision` null). A site that cannot be fetched answers 400 with the reason. With "
        "`?async=1` the fetch runs as a background job: 202 with the job (a slow site then "
        "holds no request), whose `GET /api/v1/jobs/{id}/` says how it ended.",
        parameters=[
            ARTICLE_ID,
            OpenApiParameter(
                "async", bool, description="Fetch in a background job (202 with the job)."
            ),
        ],
        request=None,
        responses={
            201: RevisionAddedSerializer,
            200: RevisionAddedSerializer,
            202: JobSerializer,
            400: BAD,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
    )
    def post(self, request: Request, article_id: str) -> Response:
        article = _article(request, article_id)
        if request.query_params.get("async", "").lower() in {"1", "true", "yes"}:
            require_writer(user=request.user, team=article.project.team)
            if not article.url:
                raise serializers.ValidationError(
                    {"url": [_("This article has no URL to fetch again.")]}
                )
            job = job_refetch_article(article=article, actor=request.user)
            body = JobSerializer(job, context={"request": request}).data
            headers = {"Location": reverse("api:job-detail", args=[job.pk])}
            return Response(body, status=status.HTTP_202_ACCEPTED, headers=headers)
        return _added(request, article, article_refetch(article=article, by=request.user))


class ArticleRevisionDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="One revision of an article, with its text",
        parameters=[ARTICLE_ID, NUMBER],
        responses={200: RevisionTextSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, article_id: str, number: str) -> Response:
        article = _article(request, article_id)
        revision = _revision(revision_texts(article=article), int(number))
        context = {"current": article.revision}
        return Response(RevisionTextSerializer(revision, context=context).data)


class ArticleRevisionDiffView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="What changed from an earlier revision to this one, word by word",
        description="Pieces in reading order; a paragraph that moved unchanged is a moved-from "
        "piece where it left and a moved-to piece where it arrived.",
        parameters=[
            ARTICLE_ID,
            NUMBER,
            OpenApiParameter(
                "from", int, description="The earlier revision (default: the one before, or 1)."
            ),
        ],
        responses={200: RevisionDiffSerializer, 400: BAD, 404: NOT_FOUND},
    )
    def get(self, request: Request, article_id: str, number: str) -> Response:
        article = _article(request, article_id)
        texts = revision_texts(article=article)
        newer = _revision(texts, int(number))
        # Revision 1 has nothing before it: compared with itself, every piece is "same".
        raw = request.query_params.get("from", str(max(1, newer.number - 1)))
        if not raw.isdigit() or len(raw) > 9:
            raise serializers.ValidationError(
                {"from": [_("Give a revision number.")]}, code="invalid"
            )
        older = _revision(texts, int(raw))
        pieces = [{"kind": k, "text": t} for k, t in diff_pieces(older.text, newer.text)]
        data = {"older": older.number, "newer": newer.number, "pieces": pieces}
        return Response(RevisionDiffSerializer(data).data)

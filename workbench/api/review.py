"""The review workflow in the REST API: assignments, the queue, submitting and deciding, and
adjudication (an article's versions side by side, accept, merge, undo, approve).

Same selectors (outsider → 404) and services (role → 403) as the pages. A decision names the
version it was made against, as If-Match: "<version>" (412 if it is not current) or as
`version` in the body (409 with the assignment as it is now); without either, 428.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from workbench.accounts.selectors import team_list
from workbench.accounts.services import require_lead
from workbench.annotations.selectors import annotation_list
from workbench.api import review_serializers as s
from workbench.api.errors import PreconditionRequired, if_match
from workbench.api.filters import ScopedFilterSet
from workbench.api.permissions import IsTeamWriterOrReadOnly
from workbench.api.views import BAD, FORBIDDEN, NOT_FOUND
from workbench.articles.models import Project
from workbench.articles.selectors import article_list, project_list
from workbench.review.models import Adjudication, Assignment
from workbench.review.selectors import (
    adjudication_list,
    article_versions,
    assignment_list,
    queue_sections,
)
from workbench.review.services import (
    NOT_A_TEAM_REVIEWER,
    StaleDecision,
    adjudication_accept,
    adjudication_finish,
    adjudication_merge,
    adjudication_undo,
    article_approve,
    article_reject,
    article_submit,
    assignment_create,
    assignment_remove,
    assignments_distribute,
)

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description='The version you decided on, as the ETag: "3". Or send `version` instead.',
)
DECISION_ERRORS = {
    400: BAD,
    403: FORBIDDEN,
    404: NOT_FOUND,
    409: OpenApiResponse(description="Decided meanwhile: `current` holds the assignment now."),
    412: OpenApiResponse(description="If-Match does not match the current version."),
    428: OpenApiResponse(description="Neither If-Match nor version was sent."),
}


class AssignmentFilter(ScopedFilterSet):
    project = filters.ModelChoiceFilter(
        field_name="article__project", queryset=Project.objects.none(), help_text="A project's id."
    )
    reviewer = filters.CharFilter(
        field_name="reviewer__username", lookup_expr="exact", help_text="Reviewer's username."
    )
    scoped = {"article": article_list, "project": project_list}

    class Meta:
        model = Assignment
        fields = {"article": ["exact"], "state": ["exact"]}


def _reviewer(pk: int) -> Model:
    # A missing user is refused like a non-member, so that ids cannot be probed.
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None:
        raise PermissionDenied(NOT_A_TEAM_REVIEWER)
    return user


class AssignmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsAuthenticated, IsTeamWriterOrReadOnly]
    lookup_value_regex = r"[0-9]{1,18}"
    filterset_class = AssignmentFilter
    ordering_fields = ["id", "created"]
    ordering = ["id"]

    def get_queryset(self) -> QuerySet[Assignment]:
        return assignment_list(user=self.request.user)

    def get_serializer_class(self) -> type[BaseSerializer]:
        return {
            "create": s.AssignmentCreateSerializer,
            "distribute": s.DistributeSerializer,
            "reject": s.RejectSerializer,
            "approve": s.DecisionSerializer,
            "submit": s.DecisionSerializer,
            "queue": s.QueueSerializer,
        }.get(self.action, s.AssignmentSerializer)

    @extend_schema(summary="Assignments on your teams' articles")
    def list(self, request: Request) -> Response:
        return super().list(request)

    @extend_schema(
        summary="An assignment (ETag: its version)",
        responses={200: s.AssignmentSerializer, 404: NOT_FOUND},
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        assignment = self.get_object()
        data = s.AssignmentSerializer(assignment).data
        return Response(data, headers={"ETag": f'"{assignment.version}"'})

    @extend_schema(
        summary="Assign an article to a reviewer (leads)",
        request=s.AssignmentCreateSerializer,
        responses={201: s.AssignmentSerializer, 400: BAD, 403: FORBIDDEN},
    )
    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        assignment = assignment_create(
            article=data["article"], reviewer=_reviewer(data["reviewer"]), actor=request.user
        )
        body = s.AssignmentSerializer(assignment).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Take an article back from a reviewer who has not started (leads)",
        responses={204: None, 400: BAD, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        assignment_remove(assignment=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Give a project's articles k reviewers each (leads)",
        description="Round-robin, or random with a seed; reviewers at `cap` open assignments "
        "are skipped; reviewers already on an article count towards its k.",
        request=s.DistributeSerializer,
        responses={201: s.DistributionSerializer, 400: BAD, 403: FORBIDDEN},
    )
    @action(detail=False, methods=["post"], filter_backends=[], pagination_class=None)
    def distribute(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        articles = article_list(user=request.user, project=data["project"]).defer("body", "raw")
        if data.get("articles"):
            articles = articles.filter(pk__in=data["articles"])
        result = assignments_distribute(
            articles=articles,
            reviewers=[_reviewer(pk) for pk in data["reviewers"]],
            actor=request.user,
            k=data["k"],
            strategy=data["strategy"],
            seed=data.get("seed"),
            cap=data.get("cap"),
        )
        body = {"created": result.created, "short": [a.pk for a in result.short]}
        return Response(s.DistributionSerializer(body).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Your queue: your assignments, progress and time spent",
        parameters=[OpenApiParameter("team", int, description="Only this team's work.")],
        responses={200: s.QueueSerializer},
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def queue(self, request: Request) -> Response:
        raw, team = request.query_params.get("team", ""), None
        if raw:
            teams = team_list(user=request.user)
            team = teams.filter(pk=raw).first() if raw.isdigit() and len(raw) <= 18 else None
            if team is None:
                return Response({**_empty_queue(), "items": []})
        queue = queue_sections(user=request.user, team=team, done_page=None)
        items = queue.in_progress + queue.todo + queue.done
        body = {
            "done": queue.done_count,
            "total": queue.total,
            "seconds": queue.total_seconds,
            "next": queue.next.article_id if queue.next else None,
            "items": items,
        }
        return Response(s.QueueSerializer(body).data)

    @extend_schema(
        summary="Submit your annotations on the article (the assigned reviewer)",
        request=s.DecisionSerializer,
        parameters=[IF_MATCH],
        responses={200: s.AssignmentSerializer, **DECISION_ERRORS},
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        return self._decide(request, article_submit, required=False)

    @extend_schema(
        summary="Approve a reviewer's submitted work (leads)",
        request=s.DecisionSerializer,
        parameters=[IF_MATCH],
        responses={200: s.AssignmentSerializer, **DECISION_ERRORS},
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        return self._decide(request, article_approve)

    @extend_schema(
        summary="Send a reviewer's submitted work back with a comment (leads)",
        request=s.RejectSerializer,
        parameters=[IF_MATCH],
        responses={200: s.AssignmentSerializer, **DECISION_ERRORS},
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        return self._decide(request, article_reject)

    def _decide(
        self, request: Request, service: Callable[..., Assignment], *, required: bool = True
    ) -> Response:
        assignment = self.get_object()
        expected = if_match(request, version=assignment.version)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        version = fields.pop("version", None)
        version = expected if expected is not None else version
        if version is None and required:
            raise PreconditionRequired()
        try:
            decided = service(assignment=assignment, actor=request.user, version=version, **fields)
        except StaleDecision as stale:
            return _stale(stale)
        data = s.AssignmentSerializer(decided).data
        return Response(data, headers={"ETag": f'"{decided.version}"'})


def _empty_queue() -> dict:
    return {"done": 0, "total": 0, "seconds": 0, "next": None}


def _stale(stale: StaleDecision) -> Response:
    current = stale.current
    data = {
        "detail": stale.messages[0],
        "code": "stale",
        "version": current.version if current else None,
        "current": s.AssignmentSerializer(current).data if current else None,
    }
    headers = {"ETag": f'"{current.version}"'} if current else {}
    return Response(data, status=status.HTTP_409_CONFLICT, headers=headers)


# --- adjudication -------------------------------------------------------------------------------

ARTICLE_ID = OpenApiParameter("article_id", int, OpenApiParameter.PATH, description="An article.")
LEAD_ERRORS = {401: OpenApiResponse(description="Not authenticated."), 403: FORBIDDEN}


class AdjudicationViewSet(
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The approved version's annotations and the reviewers' originals they came from (leads)."""

    permission_classes = [IsAuthenticated]
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self) -> QuerySet[Adjudication]:
        return adjudication_list(user=self.request.user).prefetch_related("originals")

    def get_serializer_class(self) -> type[BaseSerializer]:
        if self.action == "create":
            return s.AdjudicationCreateSerializer
        return s.AdjudicationSerializer

    def get_object(self) -> Adjudication:
        adjudication = super().get_object()
        require_lead(user=self.request.user, team=adjudication.article.project.team)
        return adjudication

    @extend_schema(
        summary="An adjudication: which originals made which approved annotation (leads)",
        responses={200: s.AdjudicationSerializer, **LEAD_ERRORS, 404: NOT_FOUND},
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return super().retrieve(request, pk=pk)

    @extend_schema(
        summary="Accept one reviewer's annotation, or merge several, into the approved version",
        description="A copy goes into the approved version (status approved, by you); the "
        "originals stay as they were. With several, the first is the base and what it leaves "
        "empty comes from the others. 400 `already_adjudicated` when one of them is in the "
        "approved version already (undo that first).",
        request=s.AdjudicationCreateSerializer,
        responses={201: s.AdjudicationSerializer, 400: BAD, **LEAD_ERRORS, 404: NOT_FOUND},
    )
    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ids = serializer.validated_data["annotations"]
        visible = annotation_list(user=request.user).prefetch_related(None)
        found = {a.pk: a for a in visible.filter(pk__in=ids)}
        if len(found) != len(ids):
            raise Http404(_("No such annotation among yours."))
        originals = [found[pk] for pk in ids]
        if len(originals) == 1:
            edit = serializer.validated_data["edit"]
            made = adjudication_accept(original=originals[0], actor=request.user, edit=edit)
        else:
            made = adjudication_merge(originals=originals, actor=request.user)
        made = self.get_queryset().get(pk=made.pk)
        return Response(s.AdjudicationSerializer(made).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Undo: take the annotation out of the approved version (leads)",
        description="400 `final` once the article is reviewed.",
        responses={204: None, 400: BAD, **LEAD_ERRORS, 404: NOT_FOUND},
    )
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        adjudication_undo(adjudication=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _lead_article(request: Request, article_id: str) -> object:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_lead(user=request.user, team=article.project.team)
    return article


class ArticleVersionsView(APIView):
    """An article's versions side by side, as on the adjudicate page (leads)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="The reviewers' versions of an article and the approved version, by span (leads)",
        description="Rows group annotations whose spans overlap; `cells` has one entry per "
        "reviewer; `differing` says what they disagree on. Drafts never appear.",
        parameters=[ARTICLE_ID],
        responses={200: s.VersionsSerializer, **LEAD_ERRORS, 404: NOT_FOUND},
    )
    def get(self, request: Request, article_id: str) -> Response:
        versions = article_versions(user=request.user, article=_lead_article(request, article_id))
        return Response(s.VersionsSerializer(versions, context={"request": request}).data)


class ArticleVersionsApproveView(APIView):
    """Approve the adjudicated version: every submitted assignment of the article at once."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Approve the adjudicated version of an article (leads)",
        description="Send the version of each assignment you adjudicated against (from the "
        "versions endpoint); if any changed, or work was submitted meanwhile, nothing is "
        "approved and the answer is 409 with that assignment as it is now. Rows the reviewers "
        "agree on (`carried`) are copied into the approved version first. Rows where they "
        "differ and nothing is approved (`unresolved`) would be left out: send `leave_out` "
        "with their number to confirm, else 400 `unresolved` names how many.",
        parameters=[ARTICLE_ID],
        request=s.FinishSerializer,
        responses={
            200: s.AssignmentSerializer(many=True),
            400: BAD,
            **LEAD_ERRORS,
            404: NOT_FOUND,
            409: DECISION_ERRORS[409],
        },
    )
    def post(self, request: Request, article_id: str) -> Response:
        article = _lead_article(request, article_id)
        serializer = s.FinishSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        versions = serializer.validated_data["versions"]
        try:
            approved = adjudication_finish(
                article=article,
                actor=request.user,
                versions=versions,
                leave_out=serializer.validated_data.get("leave_out"),
            )
        except StaleDecision as stale:
            return _stale(stale)
        return Response(s.AssignmentSerializer(approved, many=True).data)

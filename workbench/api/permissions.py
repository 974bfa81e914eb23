"""API permissions: visibility comes from the selectors (outsider → 404), roles from here and
the services (viewer → 403)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Model
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from workbench.accounts.models import Membership, Role, Team
from workbench.annotations.models import Annotation, Comment, Entity, Evidence, Source
from workbench.articles.models import Article, Project
from workbench.review.models import Assignment

if TYPE_CHECKING:
    from rest_framework.views import APIView

WRITERS = (Role.LEAD, Role.REVIEWER)


def team_id_of(obj: Model) -> int | None:
    """Return the id of the team an API object belongs to."""
    if isinstance(obj, Team):
        return obj.pk
    if isinstance(obj, Project | Entity | Source):
        return obj.team_id
    if isinstance(obj, Article):
        return obj.project.team_id
    if isinstance(obj, Annotation | Assignment):
        return obj.article.project.team_id
    if isinstance(obj, Evidence):
        return obj.claim.article.project.team_id
    if isinstance(obj, Comment):
        return obj.annotation.article.project.team_id
    return None


class IsTeamWriterOrReadOnly(BasePermission):
    """Reads for any member (the queryset is already scoped); writes for leads and reviewers.

    Checked before the body is validated, so that a viewer gets 403 whatever they send; the
    services check the finer rules again (leads only, a reviewer's own annotations).
    """

    message = "Your role in this team does not allow this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return Membership.objects.filter(user=request.user, role__in=WRITERS).exists()

    def has_object_permission(self, request: Request, view: APIView, obj: Model) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return Membership.objects.filter(
            user=request.user, team_id=team_id_of(obj), role__in=WRITERS
        ).exists()

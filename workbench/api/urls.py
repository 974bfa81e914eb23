"""The REST API under /api/v1/, its OpenAPI schema and its docs."""

from __future__ import annotations

from csp.decorators import csp_update
from django.contrib.auth.decorators import login_not_required, login_required
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from workbench.api import views
from workbench.api.factchecks import FactCheckViewSet
from workbench.api.jobs import JobViewSet
from workbench.api.matches import MatchView
from workbench.api.review import (
    AdjudicationViewSet,
    ArticleVersionsApproveView,
    ArticleVersionsView,
    AssignmentViewSet,
)
from workbench.api.revisions import (
    ArticleRefetchView,
    ArticleRevisionDetailView,
    ArticleRevisionDiffView,
    ArticleRevisionsView,
)


class Router(DefaultRouter):
    # `.json` suffixes would shadow `?format=`, which names an export format.
    include_format_suffixes = False


router = Router()
router.register("teams", views.TeamViewSet, basename="team")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("annotations", views.AnnotationViewSet, basename="annotation")
router.register("entities", views.EntityViewSet, basename="entity")
router.register("sources", views.SourceViewSet, basename="source")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("adjudications", AdjudicationViewSet, basename="adjudication")
router.register("factchecks", FactCheckViewSet, basename="factcheck")
router.register("jobs", JobViewSet, basename="job")


app_name = "api"
urlpatterns = [
    re_path(
        r"^v1/articles/(?P<article_id>[0-9]{1,18})/versions/$",
        ArticleVersionsView.as_view(),
        name="article-versions",
    ),
    re_path(
        r"^v1/articles/(?P<article_id>[0-9]{1,18})/versions/approve/$",
        ArticleVersionsApproveView.as_view(),
        name="article-versions-approve",
    ),
    re_path(
        r"^v1/articles/(?P<article_id>[0-9]{1,18})/revisions/$",
        ArticleRevisionsView.as_view(),
        name="article-revisions",
    ),
    re_path(
        r"^v1/articles/(?P<article_id>[0-9]{1,18})/revisions/(?P<number>[0-9]{1,9})/$",
        ArticleRevisionDetailView.as_view(),
        name="article-revision-detail",
    ),
    re_path(
        r"^v1/articles/(?P<article_id>[0-9]{1,18})/revisions/(?P<number>[0-9]{1,9})/diff/$",
        ArticleRevisionDiffView.as_view(),
        name="article-revision-diff",
    ),
    re_path(
        r"^v1/articles/(?P<article_id>[0-9]{1,18})/refetch/$",
        ArticleRefetchView.as_view(),
        name="article-refetch",
    ),
    path("v1/matches/", MatchView.as_view(), name="matches"),
    path("v1/", include(router.urls)),
    # DRF views authenticate themselves (token or session) and answer 401, not a redirect.
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    # The docs page is for people in a browser: without a session, the login page. Its script
    # is a separate request (no inline script under the CSP); its page keeps one inline style.
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            login_required(
                SpectacularSwaggerSplitView.as_view(
                    url_name="api:schema", template_name="api/swagger_ui.html"
                )
            )
        ),
        name="docs",
    ),
]

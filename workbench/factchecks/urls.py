from __future__ import annotations

from django.urls import path

from workbench.factchecks import views

app_name = "factchecks"
urlpatterns = [
    path("teams/<slug:team_slug>/factchecks/", views.factcheck_list_view, name="factcheck_list"),
    path(
        "teams/<slug:team_slug>/factchecks/import/",
        views.factcheck_import_view,
        name="factcheck_import",
    ),
    path(
        "teams/<slug:team_slug>/factchecks/<int:factcheck_id>/",
        views.factcheck_detail_view,
        name="factcheck_detail",
    ),
    path(
        "annotations/<int:annotation_id>/matches/", views.claim_matches_view, name="claim_matches"
    ),
    path(
        "annotations/<int:annotation_id>/matches/link/",
        views.match_link_view,
        name="match_link",
    ),
    path(
        "projects/<int:project_id>/checked-marks/",
        views.checked_marks_view,
        name="checked_marks",
    ),
    path(
        "articles/<int:article_id>/selection-matches/",
        views.selection_matches_view,
        name="selection_matches",
    ),
]

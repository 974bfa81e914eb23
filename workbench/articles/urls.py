from __future__ import annotations

from django.urls import path

from workbench.articles import views

app_name = "articles"
urlpatterns = [
    path("", views.project_list_view, name="project_list"),
    path("projects/new/", views.project_create_view, name="project_create"),
    path("projects/<int:project_id>/", views.project_detail_view, name="project_detail"),
    path("projects/<int:project_id>/edit/", views.project_edit_view, name="project_edit"),
    path("projects/<int:project_id>/import/", views.article_import_view, name="article_import"),
    path("projects/<int:project_id>/import/paste/", views.import_paste_view, name="import_paste"),
    path(
        "projects/<int:project_id>/import/upload/", views.import_upload_view, name="import_upload"
    ),
    path("projects/<int:project_id>/import/url/", views.import_url_view, name="import_url"),
    path("projects/<int:project_id>/import/jsonl/", views.import_jsonl_view, name="import_jsonl"),
    path("articles/<int:article_id>/", views.article_detail_view, name="article_detail"),
    path("articles/<int:article_id>/edit/", views.article_edit_view, name="article_edit"),
    path(
        "articles/<int:article_id>/lines/move/",
        views.article_move_line_view,
        name="article_move_line",
    ),
]

"""The import page's URLs, in the articles: namespace they have always had (workbench/urls.py)."""

from __future__ import annotations

from django.urls import path

from workbench.imports import views

urlpatterns = [
    path("projects/<int:project_id>/import/", views.article_import_view, name="article_import"),
    path("projects/<int:project_id>/import/paste/", views.import_paste_view, name="import_paste"),
    path(
        "projects/<int:project_id>/import/upload/", views.import_upload_view, name="import_upload"
    ),
    path("projects/<int:project_id>/import/url/", views.import_url_view, name="import_url"),
    path(
        "projects/<int:project_id>/import/urls/",
        views.import_url_list_view,
        name="import_url_list",
    ),
    path("projects/<int:project_id>/import/jsonl/", views.import_jsonl_view, name="import_jsonl"),
]

from __future__ import annotations

from django.urls import path

from workbench.articles import views

# The articles: namespace also holds the reader's and the import page's URLs (annotations,
# imports), which keep the names and paths they had here; workbench/urls.py joins them.
app_name = "articles"
urlpatterns = [
    path("", views.project_list_view, name="project_list"),
    path("projects/new/", views.project_create_view, name="project_create"),
    path("projects/<int:project_id>/", views.project_detail_view, name="project_detail"),
    path("projects/<int:project_id>/edit/", views.project_edit_view, name="project_edit"),
    path("articles/<int:article_id>/edit/", views.article_edit_view, name="article_edit"),
]

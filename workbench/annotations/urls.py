from __future__ import annotations

from django.urls import path

from workbench.annotations import entity_views, history_views, reader_views, views

app_name = "annotations"
urlpatterns = [
    path(
        "articles/<int:article_id>/annotations/new/",
        views.annotation_new_view,
        name="annotation_new",
    ),
    path(
        "articles/<int:article_id>/annotations/",
        views.annotation_create_view,
        name="annotation_create",
    ),
    path(
        "articles/<int:article_id>/entity-search/", views.entity_search_view, name="entity_search"
    ),
    path(
        "articles/<int:article_id>/entity-create/",
        views.entity_quick_create_view,
        name="entity_quick_create",
    ),
    path(
        "articles/<int:article_id>/source-search/", views.source_search_view, name="source_search"
    ),
    path(
        "annotations/<int:annotation_id>/", views.annotation_detail_view, name="annotation_detail"
    ),
    path(
        "annotations/<int:annotation_id>/edit/", views.annotation_edit_view, name="annotation_edit"
    ),
    path(
        "annotations/<int:annotation_id>/replace/",
        views.annotation_replace_view,
        name="annotation_replace",
    ),
    path(
        "annotations/<int:annotation_id>/delete/",
        views.annotation_delete_view,
        name="annotation_delete",
    ),
    path("annotations/<int:annotation_id>/evidence/", views.evidence_add_view, name="evidence_add"),
    path(
        "annotations/<int:annotation_id>/evidence/<int:evidence_id>/remove/",
        views.evidence_remove_view,
        name="evidence_remove",
    ),
    path("annotations/<int:annotation_id>/comments/", views.comment_add_view, name="comment_add"),
    path("entities/", entity_views.entity_list_view, name="entity_list"),
    path("entities/new/", entity_views.entity_create_view, name="entity_create"),
    path("entities/<int:entity_id>/", entity_views.entity_detail_view, name="entity_detail"),
    path("entities/<int:entity_id>/edit/", entity_views.entity_edit_view, name="entity_edit"),
    path("entities/<int:entity_id>/merge/", entity_views.entity_merge_view, name="entity_merge"),
    path(
        "entities/<int:entity_id>/merge/<int:other_id>/",
        entity_views.entity_merge_confirm_view,
        name="entity_merge_confirm",
    ),
    path(
        "annotations/<int:annotation_id>/history/",
        history_views.annotation_history_view,
        name="annotation_history",
    ),
    path(
        "entities/<int:entity_id>/history/",
        history_views.entity_history_view,
        name="entity_history",
    ),
]

# The reader keeps its articles: names and paths; workbench/urls.py puts it in that namespace.
reader_urlpatterns = [
    path("articles/<int:article_id>/", reader_views.article_detail_view, name="article_detail"),
    path(
        "articles/<int:article_id>/lines/move/",
        reader_views.article_move_line_view,
        name="article_move_line",
    ),
    path(
        "articles/<int:article_id>/revisions/",
        reader_views.article_revision_add_view,
        name="article_revision_add",
    ),
    path(
        "articles/<int:article_id>/lines/",
        reader_views.article_lines_view,
        name="article_lines",
    ),
    path(
        "articles/<int:article_id>/revisions/new/",
        reader_views.article_revision_form_view,
        name="article_revision_form",
    ),
    path(
        "articles/<int:article_id>/revisions/<int:number>/",
        reader_views.article_revision_detail_view,
        name="article_revision_detail",
    ),
    path(
        "articles/<int:article_id>/revisions/compare/",
        reader_views.article_revision_diff_view,
        name="article_revision_diff",
    ),
    path(
        "articles/<int:article_id>/refetch/",
        reader_views.article_refetch_view,
        name="article_refetch",
    ),
]

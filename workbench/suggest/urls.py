from __future__ import annotations

from django.urls import path

from workbench.suggest import views

app_name = "suggest"
urlpatterns = [
    path(
        "articles/<int:article_id>/suggestions/",
        views.suggestion_list_view,
        name="suggestion_list",
    ),
    path(
        "articles/<int:article_id>/sentences/",
        views.sentence_list_view,
        name="sentence_list",
    ),
    path(
        "articles/<int:article_id>/suggestions/accept/",
        views.suggestion_accept_view,
        name="suggestion_accept",
    ),
    path(
        "articles/<int:article_id>/suggestions/reject/",
        views.suggestion_reject_view,
        name="suggestion_reject",
    ),
    path(
        "articles/<int:article_id>/suggestions/accept-all/",
        views.suggestion_accept_all_view,
        name="suggestion_accept_all",
    ),
]

from __future__ import annotations

from django.urls import path

from workbench.review import dashboard_views, views

app_name = "review"
urlpatterns = [
    # Assigning, My queue, submitting and deciding, adjudication.
    path("review/queue/", views.queue_view, name="queue"),
    path("review/queue/next/", views.next_article_view, name="next_article"),
    path("review/heartbeat/", views.heartbeat_view, name="heartbeat"),
    path("projects/<int:project_id>/assign/", views.assign_view, name="assign"),
    path(
        "articles/<int:article_id>/assign/", views.assignment_create_view, name="assignment_create"
    ),
    path("articles/<int:article_id>/review/", views.article_review_view, name="article_review"),
    path(
        "assignments/<int:assignment_id>/remove/",
        views.assignment_remove_view,
        name="assignment_remove",
    ),
    path(
        "assignments/<int:assignment_id>/submit/",
        views.assignment_submit_view,
        name="assignment_submit",
    ),
    path(
        "assignments/<int:assignment_id>/approve/",
        views.assignment_approve_view,
        name="assignment_approve",
    ),
    path(
        "assignments/<int:assignment_id>/reject/",
        views.assignment_reject_view,
        name="assignment_reject",
    ),
    path("articles/<int:article_id>/adjudicate/", views.adjudicate_view, name="adjudicate"),
    path(
        "articles/<int:article_id>/adjudicate/accept/",
        views.adjudication_accept_view,
        name="adjudication_accept",
    ),
    path(
        "articles/<int:article_id>/adjudicate/merge/",
        views.adjudication_merge_view,
        name="adjudication_merge",
    ),
    path(
        "articles/<int:article_id>/adjudicate/finish/",
        views.adjudication_finish_view,
        name="adjudication_finish",
    ),
    path(
        "adjudications/<int:adjudication_id>/undo/",
        views.adjudication_undo_view,
        name="adjudication_undo",
    ),
    # The agreement page, the project dashboard and the lead's "needs your attention".
    path("projects/<int:project_id>/agreement/", dashboard_views.agreement_view, name="agreement"),
    path("projects/<int:project_id>/dashboard/", dashboard_views.dashboard_view, name="dashboard"),
    path("attention/", dashboard_views.attention_view, name="attention"),
]

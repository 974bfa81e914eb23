from __future__ import annotations

from django.urls import path

from workbench.accounts import password_reset, views

app_name = "accounts"
urlpatterns = [
    path("settings/tokens/", views.token_list, name="token_list"),
    path("settings/tokens/new/", views.token_create, name="token_create"),
    path("settings/tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("teams/switch/", views.team_switch, name="team_switch"),
    path("teams/<slug:team_slug>/members/", views.member_list, name="member_list"),
    path(
        "teams/<slug:team_slug>/invitations/",
        views.invitation_create_view,
        name="invitation_create",
    ),
    path(
        "teams/<slug:team_slug>/invitations/<int:invitation_id>/cancel/",
        views.invitation_cancel_view,
        name="invitation_cancel",
    ),
    path("invitations/", views.invitation_list, name="invitation_list"),
    path(
        "invitations/<int:invitation_id>/accept/",
        views.invitation_accept_view,
        name="invitation_accept",
    ),
    path(
        "invitations/<int:invitation_id>/decline/",
        views.invitation_decline_view,
        name="invitation_decline",
    ),
    path(
        "invitations/<int:invitation_id>/join/<str:token>/",
        views.invitation_join,
        name="invitation_join",
    ),
    path(
        "teams/<slug:team_slug>/members/<int:membership_id>/role/",
        views.member_role,
        name="member_role",
    ),
    path(
        "teams/<slug:team_slug>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
]

# Included by workbench/urls.py under accounts/, before Django's own auth URLs so that these
# replace its password reset views; not namespaced, since Django's auth views and templates
# reverse these names bare.
password_reset_urls = [
    path("password_reset/", password_reset.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password_reset/done/",
        password_reset.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        password_reset.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        password_reset.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

from __future__ import annotations

from django.urls import path

from workbench.accounts import views

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

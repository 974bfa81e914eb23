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
    path("teams/<slug:team_slug>/members/add/", views.member_add, name="member_add"),
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

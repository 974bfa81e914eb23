from __future__ import annotations

from django.urls import path

from workbench.accounts import views

app_name = "accounts"
urlpatterns = [
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

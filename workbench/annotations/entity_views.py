"""Registry pages: the team's speakers and claimants, their aliases, merges, and who said what."""

from __future__ import annotations

from django.urls import URLPattern

entity_urlpatterns: list[URLPattern] = []

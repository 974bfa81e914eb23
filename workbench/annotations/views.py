"""The annotation side panel on the article page: quotes, claims, sources, comments."""

from __future__ import annotations

from django.urls import URLPattern

annotation_urlpatterns: list[URLPattern] = []

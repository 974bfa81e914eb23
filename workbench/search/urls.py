from __future__ import annotations

from django.urls import path

from workbench.search.views import search_view

app_name = "search"
urlpatterns = [path("search/", search_view, name="search")]

"""The app's URLs plus one view that fails, for the 500 page's tests."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from workbench.urls import urlpatterns as app_urlpatterns


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", boom), *app_urlpatterns]

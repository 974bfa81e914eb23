"""Request type for views, as in django-htmx's example project, and the htmx cache rule."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


class VaryOnHtmxMiddleware:
    """Add `Vary: HX-Request` to every HTML response.

    One URL answers a whole page or, to htmx, only a fragment (search rows, a panel). Without
    this header the browser keeps whichever came last under that URL and Back shows a bare
    fragment. Every HTML response gets it, so a new view cannot forget it (django-htmx's advice
    is `patch_vary_headers(response, ("HX-Request",))` per view).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("HX-Request",))
        return response


class MethodNotAllowedPageMiddleware:
    """Give a page's 405 a body: the app's error page, its top bar and a way back.

    `require_POST` answers a GET with an empty 405, which a browser shows as its own blank
    error page (someone opened a form's address, or came Back to it). The API keeps DRF's JSON.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.content or request.path.startswith("/api/"):
            return response
        page = render(request, "405.html", {"allowed": response.get("Allow", "")}, status=405)
        page["Allow"] = response.get("Allow", "")
        return page

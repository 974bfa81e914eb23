"""Request size limits, enforced before a body is read.

Django checks DATA_UPLOAD_MAX_MEMORY_SIZE only when a view reads `request.body` or a form, and
not at all for file parts or for DRF's parsers, which read the stream themselves; and the CSRF
check parses a multipart body (every file in it) before any view can look at its size. So the
size is checked here, from Content-Length, first:

- a body over the limit for its kind (WORKBENCH_MAX_UPLOAD_BYTES for multipart uploads,
  DATA_UPLOAD_MAX_MEMORY_SIZE for anything else) is refused unread: JSON 413 under /api/, a
  short page (413) for a plain form post. An htmx upload goes on to its view, which says so
  in place: UploadLimitHandler hands it an empty form without reading the body;
- within an upload, a file past WORKBENCH_MAX_IMPORT_BYTES is not stored beyond the limit:
  UploadLimitHandler drops it and names it in `request.refused_uploads` for the view's report.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def content_length(request: HttpRequest) -> int:
    """Return the request's declared body size (0 when absent or not a number)."""
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def is_multipart(request: HttpRequest) -> bool:
    return request.META.get("CONTENT_TYPE", "").startswith("multipart/")


def body_limit(request: HttpRequest) -> int:
    """Return the most bytes a request of this kind may send."""
    if is_multipart(request):
        return settings.WORKBENCH_MAX_UPLOAD_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large_message(size: int, limit: int) -> str:
    return _(
        "The request is %(size)s bytes; the limit is %(limit)s bytes. Send less at a time "
        "(fewer or smaller files, a shorter batch)."
    ) % {"size": f"{size:,}", "limit": f"{limit:,}"}


def too_large_api_response(message: str) -> JsonResponse:
    """Return the API's answer to an oversize body: DRF's error shape, status 413."""
    return JsonResponse({"detail": message, "code": "too_large"}, status=413)


class RequestBodyLimitMiddleware:
    """Refuse a request whose declared body is over its limit, before anything reads it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        size, limit = content_length(request), body_limit(request)
        if size <= limit:
            return self.get_response(request)
        message = too_large_message(size, limit)
        if request.path.startswith(API_PREFIX):
            return too_large_api_response(message)
        if is_multipart(request) and request.headers.get("HX-Request") == "true":
            # The view answers in place; UploadLimitHandler keeps the body unread.
            return self.get_response(request)
        return render(request, "request_too_large.html", {"message": message}, status=413)


class UploadLimitHandler(FileUploadHandler):
    """First upload handler: refuse an oversize request unread, drop a file past the file limit."""

    def handle_raw_input(
        self,
        input_data: object,
        META: dict,  # noqa: N803 - Django's name
        content_length: int,
        boundary: bytes,
        encoding: str | None = None,
    ) -> tuple[QueryDict, MultiValueDict] | None:
        limit = settings.WORKBENCH_MAX_UPLOAD_BYTES
        if content_length > limit:
            self.request.upload_refusal = too_large_message(content_length, limit)
            return QueryDict(), MultiValueDict()
        return None

    def new_file(self, *args: object, **kwargs: object) -> None:
        super().new_file(*args, **kwargs)
        self.limit = settings.WORKBENCH_MAX_IMPORT_BYTES

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            refused = getattr(self.request, "refused_uploads", [])
            refused.append(self.file_name)
            self.request.refused_uploads = refused
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

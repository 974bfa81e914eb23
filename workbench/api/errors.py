"""API errors: service exceptions become HTTP answers with messages and codes.

- Django `ValidationError` from a service → 400, `{field: [{"message", "code"}]}` (the same
  shape as a serializer's errors, so a client handles one format);
- `PermissionDenied` → 403 with the service's reason (code "submitted" for locked work),
  `Http404` → 404, `{"detail", "code"}`;
- `RequestDataTooBig` (a body over DATA_UPLOAD_MAX_MEMORY_SIZE) → 413, `{"detail", "code"}`,
  as RequestBodyLimitMiddleware answers when Content-Length says so up front;
- `StaleEdit` → 409 with the annotation as it is now, so the client can show it or retry.
- `StaleRevision` → 409 with the article's current revision: the text changed under the client.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from workbench.annotations.selectors import annotation_list
from workbench.annotations.services import StaleEdit, StaleRevision
from workbench.api.serializers import AnnotationSerializer

ETAG = re.compile(r'^(?:W/)?"(\d+)"$')


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("If-Match does not match the current version.")
    default_code = "precondition_failed"

    def __init__(self, version: int) -> None:
        super().__init__(
            _("If-Match does not match the current version (%(version)s): reload and retry.")
            % {"version": version}
        )
        self.extra = {"version": version}


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = _(
        'Say which version you edited: an If-Match: "<version>" header or "version" in the body.'
    )
    default_code = "version_required"


def if_match(request: Request, *, version: int) -> int | None:
    """Return the version If-Match names (None without the header); 412 if it is not current.

    Annotations and assignments both carry a `version` and send it as their ETag.
    """
    header = request.headers.get("If-Match")
    if header is None:
        return None
    for tag in header.split(","):
        match = ETAG.match(tag.strip())
        if match and int(match.group(1)) == version:
            return version
    raise PreconditionFailed(version)


class RequestTooLarge(Response):
    def __init__(self) -> None:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        message = _("The request body is over the limit of %(limit)s bytes.") % {
            "limit": f"{limit:,}"
        }
        super().__init__(
            {"detail": message, "code": "too_large"},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """Turn service and DRF exceptions into JSON answers that carry a code."""
    if isinstance(exc, StaleEdit):
        return _stale(exc, context)
    if isinstance(exc, StaleRevision):
        data = {"detail": exc.messages[0], "code": "stale_revision", "revision": exc.current}
        return Response(data, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, RequestDataTooBig):
        return RequestTooLarge()
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_field_errors(exc))
    elif isinstance(exc, PermissionDenied) and exc.args:
        # DRF would answer its generic message: keep the service's reason and code.
        code = getattr(exc, "code", "permission_denied")
        exc = exceptions.PermissionDenied(str(exc), code=code)
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        details = exc.get_full_details()
        if isinstance(details, list):
            details = {api_settings.NON_FIELD_ERRORS_KEY: details}
        response.data = details
    else:
        response.data = {"detail": str(exc.detail), "code": exc.get_codes()}
        response.data.update(getattr(exc, "extra", {}))
    return response


def _field_errors(error: DjangoValidationError) -> dict:
    errors = as_serializer_error(error)
    if NON_FIELD_ERRORS in errors:
        errors[api_settings.NON_FIELD_ERRORS_KEY] = errors.pop(NON_FIELD_ERRORS)
    return errors


def _stale(exc: StaleEdit, context: dict) -> Response:
    request = context["request"]
    current = None
    if exc.current is not None:
        annotation = annotation_list(user=request.user).filter(pk=exc.current.pk).first()
        if annotation is not None:
            current = AnnotationSerializer(annotation, context={"request": request}).data
    data = {
        "detail": exc.messages[0],
        "code": "stale" if current else "deleted",
        "version": current["version"] if current else None,
        "current": current,
    }
    headers = {"ETag": f'"{current["version"]}"'} if current else {}
    return Response(data, status=status.HTTP_409_CONFLICT, headers=headers)

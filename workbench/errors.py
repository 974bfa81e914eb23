"""Validation errors that keep both their field and their code, for forms, the API and tests;
and the 400 page, which says what was wrong."""

from __future__ import annotations

from django.core.exceptions import BadRequest, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import defaults


def field_error(field: str, message: str, code: str) -> ValidationError:
    """Return a ValidationError on one field whose code survives (Django drops a dict's code)."""
    return ValidationError({field: ValidationError(message, code=code)})


def error_code(error: ValidationError) -> str:
    """Return the code of the first error inside a ValidationError, dict-shaped or not."""
    if hasattr(error, "error_dict"):
        errors = [e for field_errors in error.error_dict.values() for e in field_errors]
    else:
        errors = error.error_list
    return next((e.code for e in errors if e.code), "invalid")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Render the 400 page with the reason of a view's BadRequest (Django's page shows none).

    Other 400s (a disallowed host, a malformed body) may come before the middleware that the
    page's context needs, and their messages are for the log: Django's plain page answers them.
    """
    if type(exception) is not BadRequest:
        return defaults.bad_request(request, exception)
    return render(request, "400.html", {"exception": exception}, status=400)

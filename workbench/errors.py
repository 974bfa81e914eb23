"""Validation errors that keep both their field and their code, for forms, the API and tests."""

from __future__ import annotations

from django.core.exceptions import ValidationError


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

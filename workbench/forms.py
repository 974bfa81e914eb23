"""Ids from forms: a number within the database's 64-bit range, or a clean refusal.

A crafted id ("abc", "²", a 25-digit number) must never reach a query: SQLite cannot bind a
number past 2**63 - 1 (OverflowError) and Django refuses a non-number for an integer key
(ValueError), both 500s. Forms use IdField or ModelIdChoiceField; views that read an id from
POST themselves use id_or_bad_request.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """Return the value as an id (1 to 2**63 - 1) if it is one, else None."""
    if isinstance(value, str):
        value = value.strip()
        if not (value.isascii() and value.isdecimal() and len(value) <= 19):
            return None
        value = int(value)
    if type(value) is not int:
        return None
    return value if 1 <= value <= MAX_ID else None


def id_or_bad_request(value: object) -> int:
    """Return the value as an id, or raise BadRequest (400) naming what came instead."""
    pk = parse_id(value)
    if pk is None:
        raise BadRequest(_("“%(value)s” is not an id.") % {"value": str(value)[:40]})
    return pk


class IdField(forms.IntegerField):
    """An id: a whole number from 1 to 2**63 - 1."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


def _refuse_bad_id(value: object) -> None:
    if parse_id(value) is None:
        raise ValidationError(
            gettext_lazy("“%(value)s” is not an id."),
            code="invalid_id",
            params={"value": str(value)[:40]},
        )


class ModelIdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses a malformed id before looking it up."""

    def to_python(self, value: object) -> object:
        if value not in self.empty_values:
            _refuse_bad_id(value)
        return super().to_python(value)


class ModelIdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses a malformed id before looking them up."""

    def _check_values(self, value: object) -> object:
        for pk in value or ():
            _refuse_bad_id(pk)
        return super()._check_values(value)

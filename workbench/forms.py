"""Ids from forms, and the filter forms of lists (a value they cannot read is said, not hidden).

Ids: a number within the database's 64-bit range, or a clean refusal.

A crafted id ("abc", "²", a 25-digit number) must never reach a query: SQLite cannot bind a
number past 2**63 - 1 (OverflowError) and Django refuses a non-number for an integer key
(ValueError), both 500s. Forms use IdField or ModelIdChoiceField; views that read an id from
POST themselves use id_or_bad_request.
"""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.forms.utils import pretty_name
from django.utils.text import Truncator
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


class FilterForm(forms.Form):
    """The GET filters of a list or panel: a value it cannot read is set aside, and said so.

    A hand-edited or stale bookmarked address (`?status=bogus`) must not show the unfiltered
    list as if it were filtered: `filters()` keeps the values it can read (the others fall back
    to their defaults) and `notices()` names each value set aside and what is shown instead.
    """

    # What the list shows in place of each field's unreadable value ("articles of any status").
    instead: ClassVar[dict[str, str]] = {}

    def filters(self) -> dict[str, object]:
        """Return the values that could be read; a field left out takes its default."""
        self.is_valid()
        return dict(self.cleaned_data)

    def notices(self) -> list[str]:
        """Return one sentence per value set aside: which, why, and what is shown instead."""
        self.is_valid()
        notices = []
        for name, errors in self.errors.as_data().items():
            if name not in self.fields:
                notices += [message for error in errors for message in error.messages]
                continue
            field = self.fields[name]
            notices.append(
                _("%(label)s: “%(value)s” %(problem)s; showing %(instead)s.")
                % {
                    "label": field.label or pretty_name(name),
                    "value": Truncator(_raw_text(self[name].data)).chars(40),
                    "problem": _problem(field, errors[0]),
                    "instead": self.instead.get(name, _("the default")),
                }
            )
        return notices


def _raw_text(data: object) -> str:
    if isinstance(data, list | tuple):
        return ", ".join(str(item) for item in data)
    return str(data)


def _problem(field: forms.Field, error: ValidationError) -> str:
    """Say what is wrong with a filter's value in a few words."""
    limit = (error.params or {}).get("limit_value")
    if isinstance(field, IdField) or error.code == "invalid_id":
        return _("is not an id")
    if error.code == "invalid_choice":
        return _("is not one of the choices")
    if error.code == "max_length":
        return _("is longer than %(limit)s characters") % {"limit": limit}
    if error.code == "min_value":
        return _("is less than %(limit)s") % {"limit": limit}
    if error.code == "max_value":
        return _("is more than %(limit)s") % {"limit": limit}
    if isinstance(field, forms.IntegerField):
        return _("is not a whole number")
    if isinstance(field, forms.DateField):
        return _("is not a date (year-month-day)")
    return _("was not understood")

"""Forms for accepting and rejecting suggestions: they only validate and shape."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workbench.forms import FilterForm


class SuggestionForm(forms.Form):
    # The signed suggestion (selectors.suggestion_token); the service checks the signature.
    token = forms.CharField(max_length=100_000)


class AcceptAllForm(forms.Form):
    min_score = forms.FloatField(min_value=0.0, max_value=1.0, initial=0.9)


class SentenceFilterForm(FilterForm):
    """How to list an article's sentences by check-worthiness: order, and how many (the
    first choice of each is the default, so an unbound select shows it)."""

    prefix = "sentences"

    order = forms.ChoiceField(
        label=_("Order"),
        choices=[("score", "Most check-worthy first"), ("text", "In reading order")],
        required=False,
    )
    top = forms.TypedChoiceField(
        label=_("Show"),
        choices=[("10", "Top 10 %"), ("25", "Top 25 %"), ("100", "All sentences")],
        coerce=int,
        required=False,
        empty_value=10,
    )

    instead = {"order": _("the most check-worthy first"), "top": _("the top 10 %")}

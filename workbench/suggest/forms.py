"""Forms for accepting and rejecting suggestions: they only validate and shape."""

from __future__ import annotations

from django import forms


class SuggestionForm(forms.Form):
    # The signed suggestion (selectors.suggestion_token); the service checks the signature.
    token = forms.CharField(max_length=100_000)


class AcceptAllForm(forms.Form):
    min_score = forms.FloatField(min_value=0.0, max_value=1.0, initial=0.9)

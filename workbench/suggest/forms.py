"""Forms for accepting and rejecting suggestions: they only validate and shape."""

from __future__ import annotations

from django import forms

from workbench.suggest.models import SuggestionKind


class SuggestionForm(forms.Form):
    kind = forms.ChoiceField(choices=SuggestionKind.choices)
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)


class AcceptAllForm(forms.Form):
    min_score = forms.FloatField(min_value=0.0, max_value=1.0, initial=0.9)

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workbench.annotations.models import Stance
from workbench.forms import FilterForm


class FactCheckSearchForm(FilterForm):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    rating = forms.CharField(label=_("Rating"), max_length=200, required=False)

    instead = {"q": _("all fact-checks"), "rating": _("any rating")}


class FactCheckImportForm(forms.Form):
    """A ClaimReview file, or the address of a feed or a fact-checker's page: one of the two."""

    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(
        label=_("or a URL"), max_length=2000, required=False, assume_scheme="https"
    )
    # Files past WORKBENCH_JOB_THRESHOLD_BYTES run in the background whatever this says.
    background = forms.BooleanField(label=_("Import in the background"), required=False)

    def clean(self) -> dict:
        data = super().clean()
        if bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError(
                _("Give a file or a URL (one of the two)."), code="one_source"
            )
        return data


class MatchLinkForm(forms.Form):
    """Link a match (a fact-check, or an earlier claim's page) to a claim as a source."""

    factcheck = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    claim = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    stance = forms.ChoiceField(label=_("Stance"), choices=Stance.choices)

    def clean(self) -> dict:
        data = super().clean()
        if (data.get("factcheck") is None) == (data.get("claim") is None):
            raise forms.ValidationError(_("Pick one match to link."), code="one_match")
        return data


class SelectionMatchForm(forms.Form):
    text = forms.CharField(max_length=5000)

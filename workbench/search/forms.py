from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workbench.annotations.models import AnnotationStatus
from workbench.forms import IdField

KIND_CHOICES = [
    ("", _("Everything")),
    ("article", _("Articles")),
    ("quote", _("Quotes")),
    ("claim", _("Claims")),
]


class SearchForm(forms.Form):
    """The search box and its filters; ids are checked against the user's teams by selectors."""

    q = forms.CharField(max_length=200, required=False, strip=True)
    project = IdField(required=False)
    speaker = IdField(required=False)
    kind = forms.ChoiceField(choices=KIND_CHOICES, required=False)
    verdict = forms.CharField(max_length=100, required=False)
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *AnnotationStatus.choices], required=False
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=50)

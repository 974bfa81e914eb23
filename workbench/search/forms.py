from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workbench.annotations.models import AnnotationStatus
from workbench.forms import FilterForm, IdField

KIND_CHOICES = [
    ("", _("Everything")),
    ("article", _("Articles")),
    ("quote", _("Quotes")),
    ("claim", _("Claims")),
]


class SearchForm(FilterForm):
    """The search box and its filters; ids are checked against the user's teams by selectors."""

    q = forms.CharField(label=_("Words to find"), max_length=200, required=False, strip=True)
    project = IdField(label=_("Project"), required=False)
    speaker = IdField(label=_("Speaker or claimant"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=KIND_CHOICES, required=False)
    verdict = forms.CharField(label=_("Verdict"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *AnnotationStatus.choices],
        required=False,
    )
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=50)

    instead = {
        "q": _("no search"),
        "project": _("all projects"),
        "speaker": _("anyone's"),
        "kind": _("everything"),
        "verdict": _("any verdict"),
        "status": _("any status"),
        "page": _("page 1"),
    }

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workbench.exports import FORMATS


class ExportJobForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=[(name, name) for name in FORMATS])
    status = forms.ChoiceField(
        label=_("Annotations"),
        choices=[("", _("All")), ("approved", _("Approved only"))],
        required=False,
    )

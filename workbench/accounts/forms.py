from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workbench.accounts.models import Role
from workbench.forms import IdField


class MemberAddForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.REVIEWER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class TeamSwitchForm(forms.Form):
    team = IdField(widget=forms.HiddenInput)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “notebook on my laptop”."),
    )

"""Forms for the registry pages: they only validate and shape; the services decide."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from workbench.annotations.models import Entity, EntityKind
from workbench.forms import FilterForm

ALIAS_SEPARATORS = re.compile(r"[\n,]")


class EntitySearchForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *EntityKind.choices]
    )

    instead = {"q": _("every name"), "kind": _("every kind")}


class EntityForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=EntityKind.choices, initial=EntityKind.PERSON)
    aliases = forms.CharField(
        label=_("Aliases"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Other names the text uses (“Knights”, “the Pentagon”): one per line, or "
            "separated by commas."
        ),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    wikidata_id = forms.CharField(
        label=_("Wikidata id"),
        required=False,
        max_length=20,
        help_text=_("Optional, like Q42: the identifier in the address of its Wikidata page."),
    )

    @classmethod
    def initial_for(cls, entity: Entity) -> dict[str, object]:
        """Return the form's initial data for an existing entity, one alias per line."""
        return {
            "name": entity.name,
            "kind": entity.kind,
            "aliases": "\n".join(entity.aliases),
            "description": entity.description,
            "wikidata_id": entity.wikidata_id,
        }

    def clean_aliases(self) -> list[str]:
        # Blanks and duplicates are dropped by the service, which owns that rule.
        return ALIAS_SEPARATORS.split(self.cleaned_data["aliases"])


class EntityPickForm(FilterForm):
    """The search box on the merge page that lists the other entities of the team."""

    q = forms.CharField(
        label=_("Find the entity to merge into this one"), required=False, max_length=200
    )

    instead = {"q": _("the team's other entities")}

"""Forms of the annotation side panel: they validate and shape; the services decide."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from workbench.annotations.fields import CLAIM_FIELDS, QUOTE_FIELDS, SPAN_FIELDS
from workbench.annotations.models import (
    Annotation,
    AnnotationKind,
    Checkworthy,
    Entity,
    EntityKind,
    QuoteType,
    SourceKind,
    Stance,
    http_url,
)
from workbench.annotations.selectors import annotation_list, entity_list
from workbench.annotations.services import Span
from workbench.articles.models import Article
from workbench.forms import FilterForm, IdField


class SpanForm(forms.Form):
    """A selection in the body, as the browser measured it (code points)."""

    kind = forms.ChoiceField(choices=AnnotationKind.choices)
    start = forms.IntegerField()
    end = forms.IntegerField()
    # Kept exactly as sent: a stripped space would no longer match the body.
    exact = forms.CharField(strip=False, required=False)
    # The revision of the text the selection was made in (the reader page's): a newer one on
    # file is a conflict to explain, not a span that merely fails to match.
    revision = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def clean_exact(self) -> str:
        # Browsers may send a line break inside a form value as CRLF; bodies only hold "\n".
        return self.cleaned_data["exact"].replace("\r\n", "\n")

    def span(self) -> Span:
        data = self.cleaned_data
        return Span(data["start"], data["end"], data["exact"])


class _PanelForm(forms.Form):
    """Resolves entity and quote ids to objects of the article's team, reusing known ones."""

    def __init__(
        self,
        *args: object,
        article: Article,
        user: AbstractBaseUser,
        known: Iterable[Entity | Annotation | None] = (),
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.article, self.user = article, user
        # Objects already loaded (the current speaker, the enclosing quote): no query for them.
        self.known = {(type(o), o.pk): o for o in known if o is not None}

    def _entity(self, name: str) -> Entity | None:
        pk = self.cleaned_data.get(name)
        if pk is None:
            return None
        entity = self.known.get((Entity, pk))
        if entity is None:
            team = self.article.project.team
            entity = entity_list(user=self.user, team=team).filter(pk=pk).first()
        if entity is None:
            raise ValidationError({name: _("Unknown entity: pick one from the list.")})
        return entity

    def _span(self, name: str) -> Span | None:
        start, end = self.cleaned_data.get(f"{name}_start"), self.cleaned_data.get(f"{name}_end")
        if start is None and end is None:
            return None
        if start is None or end is None:
            raise ValidationError(_("Select the %(name)s again.") % {"name": name})
        exact = self.cleaned_data.get(f"{name}_exact", "").replace("\r\n", "\n")
        return Span(start, end, exact)


class QuoteForm(_PanelForm):
    speaker = IdField(required=False, widget=forms.HiddenInput)
    role = forms.CharField(
        label=_("Role as stated in this article"), max_length=300, required=False
    )
    quote_type = forms.ChoiceField(
        label=_("Quote type"), choices=[("", "—"), *QuoteType.choices], required=False
    )
    mention_start = forms.IntegerField(required=False, widget=forms.HiddenInput)
    mention_end = forms.IntegerField(required=False, widget=forms.HiddenInput)
    mention_exact = forms.CharField(strip=False, required=False, widget=forms.HiddenInput)
    cue_start = forms.IntegerField(required=False, widget=forms.HiddenInput)
    cue_end = forms.IntegerField(required=False, widget=forms.HiddenInput)
    cue_exact = forms.CharField(strip=False, required=False, widget=forms.HiddenInput)

    def clean(self) -> dict:
        data = super().clean()
        data["speaker"] = self._entity("speaker")
        for name in SPAN_FIELDS:
            data[name] = self._span(name)
        return data

    def service_fields(self) -> dict[str, object]:
        data = self.cleaned_data
        return {name: data[name] for name in QUOTE_FIELDS}


class ClaimForm(_PanelForm):
    claimant = IdField(required=False, widget=forms.HiddenInput)
    claimant_is_outlet = forms.BooleanField(required=False)
    quote = IdField(required=False)
    checkworthy = forms.ChoiceField(
        label=_("Check-worthy"), choices=[("", "—"), *Checkworthy.choices], required=False
    )
    # Free text here: the service checks it against the project's scale with a clear message.
    verdict = forms.CharField(label=_("Verdict"), max_length=100, required=False)
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea, required=False)

    def clean(self) -> dict:
        data = super().clean()
        data["quote"] = self._quote()
        quote = data["quote"]
        if quote is not None and Annotation.speaker.is_cached(quote):
            self.known[(Entity, quote.speaker_id)] = quote.speaker
        data["claimant"] = self._entity("claimant")
        return data

    def _quote(self) -> Annotation | None:
        pk = self.cleaned_data.get("quote")
        if pk is None:
            return None
        quote = self.known.get((Annotation, pk))
        if quote is None:
            quote = (
                annotation_list(user=self.user, article=self.article, kind=AnnotationKind.QUOTE)
                .prefetch_related(None)
                .filter(pk=pk)
                .first()
            )
        if quote is None:
            raise ValidationError({"quote": _("That is not a quote in this article.")})
        return quote

    def service_fields(self) -> dict[str, object]:
        data = self.cleaned_data
        return {name: data[name] for name in CLAIM_FIELDS}


def panel_form_class(kind: str) -> type[QuoteForm] | type[ClaimForm]:
    """Return the form for a quote or a claim."""
    return ClaimForm if kind == AnnotationKind.CLAIM else QuoteForm


class ReplaceForm(forms.Form):
    """The words an annotation is placed on again, selected in the current text."""

    span_start = forms.IntegerField(min_value=0)
    span_end = forms.IntegerField(min_value=0)
    span_exact = forms.CharField(strip=False)
    version = forms.IntegerField(min_value=1)
    revision = forms.IntegerField(min_value=1, required=False)


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=1)
    # The article revision the panel was opened on (absent from older pages: not checked).
    revision = forms.IntegerField(min_value=1, required=False)


class EntityQuickForm(forms.Form):
    q = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(choices=EntityKind.choices)
    field = forms.ChoiceField(choices=[("speaker", "speaker"), ("claimant", "claimant")])


class PickerSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200)
    field = forms.ChoiceField(
        choices=[("speaker", "speaker"), ("claimant", "claimant"), ("source", "source")],
        required=False,
    )


class EvidenceForm(forms.Form):
    """Pick a team source by id, or describe a new one; then say what it says about the claim."""

    source = IdField(required=False, widget=forms.HiddenInput)
    url = forms.CharField(label=_("URL"), max_length=2000, required=False)
    title = forms.CharField(label=_("Title"), max_length=500, required=False)
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    published = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    archived_url = forms.CharField(label=_("Archived URL"), max_length=2000, required=False)
    source_kind = forms.ChoiceField(
        label=_("Kind"), choices=SourceKind.choices, initial=SourceKind.OTHER, required=False
    )
    stance = forms.ChoiceField(label=_("Stance"), choices=Stance.choices, widget=forms.RadioSelect)
    excerpt = forms.CharField(label=_("Excerpt"), widget=forms.Textarea, required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea, required=False)

    def _clean_link(self, name: str) -> str:
        value = self.cleaned_data[name].strip()
        if value:
            try:
                http_url(value)
            except ValidationError:
                raise ValidationError(
                    _("Only http:// and https:// links can be sources (got “%(url)s”).")
                    % {"url": value[:80]},
                    code="bad_url",
                ) from None
        return value

    def clean_url(self) -> str:
        return self._clean_link("url")

    def clean_archived_url(self) -> str:
        return self._clean_link("archived_url")

    def clean(self) -> dict:
        data = super().clean()
        has_new = data.get("url") or data.get("title", "").strip()
        if data.get("source") is None and not has_new and not self.errors:
            raise ValidationError(_("Pick a source, or give the new one a URL or a title."))
        return data

    def new_source(self) -> dict[str, object]:
        data = self.cleaned_data
        return {
            "url": data["url"],
            "title": data["title"].strip() or data["url"],
            "publisher": data["publisher"],
            "published": data["published"],
            "archived_url": data["archived_url"],
            "kind": data["source_kind"] or SourceKind.OTHER,
        }


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))


class ListFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *AnnotationKind.choices], required=False
    )
    speaker = IdField(label=_("Speaker or claimant"), required=False)

    instead = {"kind": _("all kinds"), "speaker": _("anyone's")}

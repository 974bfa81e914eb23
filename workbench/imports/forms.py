"""The import page's forms: paste, upload, web address, JSON Lines."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from workbench.articles.forms import ArticleMetadataForm, HttpUrlField


class PasteForm(ArticleMetadataForm):
    field_order = ["text"]

    text = forms.CharField(
        label=_("Article text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": _("The text is empty: paste the article first.")},
        help_text=_(
            "Paste the article as you have it; menus, sponsor lines and paywall notices "
            "are set aside."
        ),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):  # noqa: ANN001, ANN201 - Django's signature
        single = super().clean
        if isinstance(data, list | tuple):
            if not data and self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        error_messages={"required": _("No file chosen: choose one or more files first.")},
        help_text=_(
            ".txt, .md, .html, or .jsonl with one "
            "{title, body, url, outlet, byline, published} per line."
        ),
        widget=MultipleFileInput(attrs={"accept": ".txt,.md,.html,.htm,.jsonl,.ndjson"}),
    )


class UrlForm(forms.Form):
    url = HttpUrlField(label=_("Web address"), max_length=2000, assume_scheme="https")


class JsonlForm(forms.Form):
    text = forms.CharField(
        label=_("JSON Lines"),
        error_messages={"required": _("The batch is empty: paste one article per line.")},
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        help_text=_(
            'One article per line: {"title": …, "body": …, "url": …, "outlet": …, '
            '"published": "2024-01-05"}'
        ),
    )


class UrlListForm(forms.Form):
    urls = forms.CharField(
        label=_("Web addresses"),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        error_messages={"required": _("The list is empty: give one web address per line.")},
        help_text=_("One http(s) address per line; fetched one after another in the background."),
    )

    def clean_urls(self) -> list[str]:
        field, urls, errors = HttpUrlField(assume_scheme="https"), [], []
        lines = [line.strip() for line in self.cleaned_data["urls"].splitlines()]
        for number, line in enumerate(lines, start=1):
            if not line:
                continue
            try:
                urls.append(field.clean(line))
            except forms.ValidationError as error:
                errors.append(
                    _("Line %(n)s: %(error)s") % {"n": number, "error": " ".join(error.messages)}
                )
        limit = settings.WORKBENCH_MAX_IMPORT_URLS
        if len(urls) > limit:
            errors.append(_("At most %(limit)s addresses at a time.") % {"limit": limit})
        if errors:
            raise forms.ValidationError(errors, code="bad_urls")
        return list(dict.fromkeys(urls))  # each address once

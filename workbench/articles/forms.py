from __future__ import annotations

from django import forms
from django.core.validators import URLValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from workbench.articles.models import DEFAULT_RATING_AXIS, DEFAULT_RATING_SCALE, ArticleStatus
from workbench.forms import FilterForm

http_url = URLValidator(schemes=["http", "https"])
AXIS_END = "---"


class HttpUrlField(forms.URLField):
    """A web address, http or https only, checked once (URLField's own check would repeat it)."""

    default_validators = [http_url]


def scale_text(scale: list[str], axis: int | None) -> str:
    """Return a rating scale as the form shows it: one per line, `---` where the axis ends."""
    lines = list(scale)
    if axis is not None and axis < len(lines):
        lines.insert(axis, AXIS_END)
    return "\n".join(lines)


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name"),
        max_length=100,
        required=False,
        help_text=_("Used on the command line (--project). Made from the name when left empty."),
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    rating_scale = forms.CharField(
        label=_("Rating scale"),
        widget=forms.Textarea(attrs={"rows": 9}),
        initial=scale_text(DEFAULT_RATING_SCALE, DEFAULT_RATING_AXIS),
        help_text=_(
            "One verdict per line, best first. Verdicts that do not say how true a claim is "
            "(such as Misleading or Unverifiable) go after a line of three dashes (---): a "
            "published ClaimReview gives them no numeric rating."
        ),
    )

    suggest_on_import = forms.BooleanField(
        label=_("Suggest on import"),
        required=False,
        help_text=_(
            "Find quote and claim suggestions for each imported article in the background, "
            "so they are ready when a reviewer opens it."
        ),
    )

    def clean_slug(self) -> str:
        return self.cleaned_data["slug"] or slugify(self.data.get("name", ""))[:100]

    def clean_rating_scale(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["rating_scale"].splitlines()]
        lines = [line for line in lines if line]
        if lines.count(AXIS_END) > 1:
            raise forms.ValidationError(_("Use one line of dashes (---) at most."), code="axis")
        self.cleaned_data["rating_axis"] = lines.index(AXIS_END) if AXIS_END in lines else None
        return [line for line in lines if line != AXIS_END]


class ArticleSearchForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *ArticleStatus.choices]
    )

    instead = {"q": _("all articles"), "status": _("articles of any status")}


class ArticleMetadataForm(forms.Form):
    """What a person may say about an article besides its text."""

    title = forms.CharField(label=_("Title"), max_length=500, required=False)
    outlet = forms.CharField(label=_("Outlet"), max_length=200, required=False)
    byline = forms.CharField(label=_("Byline"), max_length=300, required=False)
    url = HttpUrlField(label=_("URL"), max_length=2000, required=False, assume_scheme="https")
    published = forms.DateField(
        label=_("Published"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ArticleEditForm(ArticleMetadataForm):
    title = forms.CharField(label=_("Title"), max_length=500)


class MoveLineForm(forms.Form):
    line = forms.IntegerField(min_value=0)
    to = forms.ChoiceField(choices=[("body", _("body")), ("removed", _("removed"))])
    checksum = forms.CharField(max_length=64)


class RevisionForm(forms.Form):
    """A corrected text pasted in as the article's next revision."""

    text = forms.CharField(label=_("Corrected text"), widget=forms.Textarea, strip=False)
    # The revision the reviewer corrected: a newer one on file is a conflict, not a new text.
    revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    # Whose change it is: the publisher's (a stealth edit when no notice says so) or ours, a
    # fix of what the import's cleanup kept or cut (never a stealth edit).
    origin = forms.ChoiceField(
        label=_("What changed"),
        choices=[
            ("paste", _("The article changed (a correction, an update, a rewrite)")),
            (
                "cleanup",
                _("Our cleanup was wrong (ads, navigation, cut text); the article did not change"),
            ),
        ],
        initial="paste",
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_origin(self) -> str:
        return self.cleaned_data.get("origin") or "paste"


class RevisionDiffForm(FilterForm):
    """Which two revisions to compare; by default the one before the latest and the latest."""

    older = forms.IntegerField(label=_("From"), min_value=1, required=False)
    newer = forms.IntegerField(label=_("To"), min_value=1, required=False)

    instead = {"older": _("the revision before"), "newer": _("the latest revision")}

    def __init__(self, *args: object, latest: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.latest = latest

    def pair(self) -> tuple[int, int]:
        """Return (older, newer); a number that is unreadable takes its default."""
        chosen = self.filters()
        newer = min(chosen.get("newer") or self.latest, self.latest)
        older = chosen.get("older") or newer - 1
        return min(older, newer), newer

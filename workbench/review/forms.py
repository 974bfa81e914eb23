"""Forms of the review pages: they validate and shape; the services decide."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from workbench.accounts.models import Role, Team
from workbench.forms import FilterForm, IdField, ModelIdChoiceField, ModelIdMultipleChoiceField
from workbench.review.services import STRATEGIES

User = get_user_model()


def team_writers(team: Team) -> QuerySet:
    """Return the team's leads and reviewers: who can hold an assignment."""
    return User.objects.filter(
        memberships__team=team, memberships__role__in=(Role.LEAD, Role.REVIEWER)
    ).order_by("username")


class AssignForm(forms.Form):
    """Assign one article to one reviewer; any user id is accepted so that the service decides.

    A non-member is refused by the service (403), not hidden as an invalid choice.
    """

    reviewer = ModelIdChoiceField(queryset=User.objects.all())

    def __init__(self, *args: object, team: Team, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.choices = team_writers(team)


class DistributeForm(forms.Form):
    reviewers = ModelIdMultipleChoiceField(queryset=User.objects.all())
    k = forms.IntegerField(label=_("Reviewers per article"), min_value=1, max_value=10, initial=1)
    strategy = forms.ChoiceField(
        choices=[(s, s.replace("_", "-")) for s in STRATEGIES], initial="round_robin"
    )
    seed = forms.IntegerField(required=False, help_text=_("Same seed, same random draw."))
    cap = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=1_000_000,
        help_text=_("Skip reviewers with this many open assignments."),
    )
    articles = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())

    def __init__(self, *args: object, team: Team, article_ids: list[int], **kwargs: object):
        super().__init__(*args, **kwargs)
        self.choices = team_writers(team)
        self.fields["articles"].choices = [(pk, pk) for pk in article_ids]


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=1)


class RejectForm(VersionForm):
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), strip=True)


class HeartbeatForm(forms.Form):
    article = IdField(required=False)


class AnnotationPickForm(forms.Form):
    annotation = IdField()


class AgreementForm(forms.Form):
    """Which page of the agreement page's article table to show (1, the lowest, when absent)."""

    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)


class QueueForm(FilterForm):
    """Which page of the queue's done section to show (1, the latest, when absent or wrong)."""

    done = forms.IntegerField(
        label=_("Done work, page"), required=False, min_value=1, max_value=1_000_000
    )

    instead = {"done": _("the latest done work")}

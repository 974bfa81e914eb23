"""Team pages: members and roles, and the team switcher."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from workbench.accounts.forms import ApiTokenForm, MemberAddForm, RoleForm, TeamSwitchForm
from workbench.accounts.middleware import SESSION_KEY
from workbench.accounts.models import Membership
from workbench.accounts.selectors import api_token_list, membership_get, team_list, team_members
from workbench.accounts.services import (
    api_token_create,
    api_token_revoke,
    membership_add,
    membership_remove,
    membership_set_role,
)
from workbench.http import HtmxHttpRequest


def _member_page(request: HtmxHttpRequest, team_slug: str, form: MemberAddForm | None = None):
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    context = {
        "team": team,
        "members": team_members(user=request.user, team=team),
        "me": membership_get(user=request.user, team=team),
        "form": form or MemberAddForm(),
    }
    return render(request, "accounts/member_list.html", context, status=400 if form else 200)


@require_GET
def member_list(request: HtmxHttpRequest, team_slug: str) -> HttpResponse:
    return _member_page(request, team_slug)


@require_POST
def member_add(request: HtmxHttpRequest, team_slug: str) -> HttpResponse:
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    form = MemberAddForm(request.POST)
    if form.is_valid():
        try:
            membership_add(team=team, actor=request.user, **form.cleaned_data)
            return redirect("accounts:member_list", team_slug=team.slug)
        except ValidationError as error:
            form.add_error(None, error)
    return _member_page(request, team_slug, form)


@require_POST
def member_role(request: HtmxHttpRequest, team_slug: str, membership_id: int) -> HttpResponse:
    membership = _membership_in(request, team_slug, membership_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            membership_set_role(membership=membership, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("accounts:member_list", team_slug=team_slug)


@require_POST
def member_remove(request: HtmxHttpRequest, team_slug: str, membership_id: int) -> HttpResponse:
    membership = _membership_in(request, team_slug, membership_id)
    try:
        membership_remove(membership=membership, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    url = reverse("accounts:member_list", args=[team_slug])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_POST
def team_switch(request: HtmxHttpRequest) -> HttpResponse:
    form = TeamSwitchForm(request.POST)
    if not form.is_valid():
        raise BadRequest(_("Pick one of your teams."))
    team = get_object_or_404(team_list(user=request.user), pk=form.cleaned_data["team"])
    request.session[SESSION_KEY] = team.pk
    messages.info(request, _("You are now working in %(team)s.") % {"team": team.name})
    if request.htmx:
        return HttpResponseClientRedirect(reverse("articles:project_list"))
    return redirect("articles:project_list")


def _membership_in(request: HtmxHttpRequest, team_slug: str, membership_id: int) -> Membership:
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    return get_object_or_404(team_members(user=request.user, team=team), pk=membership_id)


# --- personal API tokens ----------------------------------------------------------------------

TOKENS = "accounts/token_list.html"


def _token_page(request: HtmxHttpRequest, form: ApiTokenForm, **extra: object) -> HttpResponse:
    context = {"tokens": api_token_list(user=request.user), "form": form, **extra}
    return render(request, TOKENS, context, status=400 if form.errors else 200)


@require_GET
def token_list(request: HtmxHttpRequest) -> HttpResponse:
    return _token_page(request, ApiTokenForm())


@never_cache
@require_POST
def token_create(request: HtmxHttpRequest) -> HttpResponse:
    # Rendered, not redirected: the secret must not travel through the session or a message.
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            token, secret = api_token_create(user=request.user, **form.cleaned_data)
            return _token_page(request, ApiTokenForm(), new_token=token, secret=secret)
        except ValidationError as error:
            form.add_error(None, error)
    return _token_page(request, form)


@require_POST
def token_revoke(request: HtmxHttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(api_token_list(user=request.user), pk=token_id)
    api_token_revoke(token=token, actor=request.user)
    messages.info(request, _("Revoked the token “%(name)s”.") % {"name": token.name})
    return redirect("accounts:token_list")

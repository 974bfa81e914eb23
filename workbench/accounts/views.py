"""Team pages: members and roles, invitations, the team switcher, and personal API tokens."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import BadRequest, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from workbench.accounts.forms import ApiTokenForm, InvitationForm, RoleForm, TeamSwitchForm
from workbench.accounts.middleware import SESSION_KEY
from workbench.accounts.models import Invitation, Membership, Team
from workbench.accounts.selectors import (
    api_token_list,
    membership_get,
    my_invitations,
    team_invitations,
    team_list,
    team_members,
)
from workbench.accounts.services import (
    api_token_create,
    api_token_revoke,
    invitation_accept,
    invitation_accept_with_password,
    invitation_cancel,
    invitation_create,
    invitation_decline,
    invitation_link_valid,
    invitation_notify,
    invitation_token,
    membership_remove,
    membership_set_role,
    require_lead,
)
from workbench.forms import parse_id
from workbench.http import HtmxHttpRequest

MEMBERS = "accounts/member_list.html"


def _member_page(
    request: HtmxHttpRequest, team: Team, form: InvitationForm | None = None, **extra: object
) -> HttpResponse:
    context = {
        "team": team,
        "members": team_members(user=request.user, team=team),
        "invitations": team_invitations(user=request.user, team=team),
        "me": membership_get(user=request.user, team=team),
        "form": form or InvitationForm(),
        **extra,
    }
    status = 400 if form and form.errors else 200
    if request.htmx and form is not None:
        # The invitation form, refused: only the form comes back, its errors in place.
        return render(request, f"{MEMBERS}#invite-form", context, status=status)
    return render(request, MEMBERS, context, status=status)


@require_GET
def member_list(request: HtmxHttpRequest, team_slug: str) -> HttpResponse:
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    invitation = _just_invited(request, team)
    if invitation is None:
        return _member_page(request, team)
    # The page right after an invitation shows its one-time link: never kept by a cache.
    response = _member_page(
        request,
        team,
        new_invitation=invitation,
        invite_url=_invitation_url(request, invitation),
        mailed=request.GET.get("mailed") == "1",
    )
    add_never_cache_headers(response)
    return response


def _just_invited(request: HtmxHttpRequest, team: Team) -> Invitation | None:
    """Return the pending invitation named by `?invited=`, for a lead of its team, else None.

    The link is not stored anywhere: it is made again from the invitation (Django's token of
    the unclaimed account), so only a lead of the team sees it, and only while it works.
    """
    invited = parse_id(request.GET.get("invited", ""))
    if invited is None:
        return None
    return team_invitations(user=request.user, team=team).filter(pk=invited).first()


@require_POST
def invitation_create_view(request: HtmxHttpRequest, team_slug: str) -> HttpResponse:
    # Redirected after success, so Back and reload do not post the form again; the Team page
    # then shows the one-time link (made again from the invitation, never stored).
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = invitation_create(team=team, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            mailed = invitation_notify(
                invitation=invitation, url=_invitation_url(request, invitation)
            )
            page = reverse("accounts:member_list", args=[team.slug])
            query = urlencode({"invited": invitation.pk, "mailed": int(mailed)})
            target = f"{page}?{query}#new-invitation"
            return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    return _member_page(request, team, form)


def _invitation_url(request: HtmxHttpRequest, invitation: Invitation) -> str:
    token = invitation_token(invitation=invitation)
    if token is None:
        return request.build_absolute_uri(reverse("accounts:invitation_list"))
    path = reverse("accounts:invitation_join", args=[invitation.pk, token])
    return request.build_absolute_uri(path)


@require_POST
def invitation_cancel_view(
    request: HtmxHttpRequest, team_slug: str, invitation_id: int
) -> HttpResponse:
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    invitation = get_object_or_404(Invitation, team=team, pk=invitation_id)
    invitation_cancel(invitation=invitation, actor=request.user)
    messages.info(request, _("Invitation withdrawn."))
    return redirect("accounts:member_list", team_slug=team.slug)


@require_GET
def invitation_list(request: HtmxHttpRequest) -> HttpResponse:
    return render(request, INVITATIONS, {"invitations": my_invitations(user=request.user)})


@require_POST
def invitation_accept_view(request: HtmxHttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(my_invitations(user=request.user), pk=invitation_id)
    invitation_accept(invitation=invitation, user=request.user)
    messages.success(request, _("You joined %(team)s.") % {"team": invitation.team.name})
    return redirect("accounts:invitation_list")


@require_POST
def invitation_decline_view(request: HtmxHttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(my_invitations(user=request.user), pk=invitation_id)
    invitation_decline(invitation=invitation, user=request.user)
    messages.info(request, _("Declined the invitation to %(team)s.") % {"team": invitation.team})
    return redirect("accounts:invitation_list")


@never_cache
@sensitive_post_parameters()
@login_not_required
@require_http_methods(["GET", "POST"])
def invitation_join(request: HtmxHttpRequest, invitation_id: int, token: str) -> HttpResponse:
    """A newcomer's one-time link: set a password, which accepts the invitation."""
    invitation = Invitation.objects.select_related("team", "user").filter(pk=invitation_id).first()
    valid = invitation is not None and invitation_link_valid(invitation=invitation, token=token)
    if not valid:
        return render(request, JOIN, {"valid": False}, status=404)
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_accept_with_password(
                invitation=invitation, token=token, password=form.cleaned_data["new_password1"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your password is set: log in to start."))
            return redirect("login")
    status = 400 if form.errors else 200
    return render(
        request, JOIN, {"valid": True, "invitation": invitation, "form": form}, status=status
    )


@require_POST
def member_role(request: HtmxHttpRequest, team_slug: str, membership_id: int) -> HttpResponse:
    membership = _membership_in(request, team_slug, membership_id)
    require_lead(user=request.user, team=membership.team)  # 403 before any form check
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
INVITATIONS = "accounts/invitation_list.html"
JOIN = "accounts/invitation_join.html"


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

"""Registry pages: the team's speakers and claimants, their aliases, merges, and who said what."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from workbench.accounts.models import Team
from workbench.accounts.selectors import membership_get
from workbench.accounts.services import require_lead, require_writer
from workbench.annotations.entity_forms import EntityForm, EntityPickForm, EntitySearchForm
from workbench.annotations.models import Entity
from workbench.annotations.selectors import (
    entity_list,
    entity_list_with_counts,
    entity_statements,
)
from workbench.annotations.services import entity_create, entity_merge, entity_update
from workbench.http import HtmxHttpRequest
from workbench.paging import page_notices

ENTITIES_PER_PAGE = 50
MERGE_CANDIDATES = 50


@require_GET
def entity_list_view(request: HtmxHttpRequest) -> HttpResponse:
    team = _current_team(request)
    search = EntitySearchForm(request.GET)
    filters = search.filters()
    entities = Entity.objects.none()
    if team is not None:
        query, kind = filters.get("q", ""), filters.get("kind", "")
        entities = entity_list_with_counts(user=request.user, team=team, query=query)
        entities = entities.filter(kind=kind) if kind else entities
    page = Paginator(entities, ENTITIES_PER_PAGE).get_page(request.GET.get("page"))
    template = "annotations/entity_list.html"
    if request.htmx and request.htmx.target == "entity-rows":
        template += "#entity-rows"
    notices = [*search.notices(), *page_notices(request.GET.get("page"), page)]
    context = {"team": team, "search": search, "page": page, "notices": notices}
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def entity_create_view(request: HtmxHttpRequest) -> HttpResponse:
    team = _current_team(request)
    if team is None:
        raise PermissionDenied(_("You are not in a team yet."))
    require_writer(user=request.user, team=team)
    form = EntityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entity = entity_create(team=team, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Added “%(name)s” to the registry.") % {"name": entity})
            return redirect(entity)
        except ValidationError as error:
            form.add_error(None, error)
    return _form_page(request, form, team=team)


@require_GET
def entity_detail_view(request: HtmxHttpRequest, entity_id: int) -> HttpResponse:
    entity = get_object_or_404(entity_list(user=request.user), pk=entity_id)
    context = {
        "entity": entity,
        "statements": entity_statements(user=request.user, entity=entity),
        "me": membership_get(user=request.user, team=entity.team),
    }
    return render(request, "annotations/entity_detail.html", context)


@require_http_methods(["GET", "POST"])
def entity_edit_view(request: HtmxHttpRequest, entity_id: int) -> HttpResponse:
    entity = get_object_or_404(entity_list(user=request.user), pk=entity_id)
    require_writer(user=request.user, team=entity.team)
    form = EntityForm(request.POST or None, initial=EntityForm.initial_for(entity))
    if request.method == "POST" and form.is_valid():
        try:
            entity = entity_update(entity=entity, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect(entity)
        except ValidationError as error:
            form.add_error(None, error)
            # The service may have set the refused values on the object before refusing them.
            entity.refresh_from_db()
    return _form_page(request, form, team=entity.team, entity=entity)


@require_GET
def entity_merge_view(request: HtmxHttpRequest, entity_id: int) -> HttpResponse:
    entity = get_object_or_404(entity_list(user=request.user), pk=entity_id)
    require_lead(user=request.user, team=entity.team)
    return _merge_page(request, entity)


@require_http_methods(["GET", "POST"])
def entity_merge_confirm_view(
    request: HtmxHttpRequest, entity_id: int, other_id: int
) -> HttpResponse:
    keep = get_object_or_404(entity_list(user=request.user), pk=entity_id)
    require_lead(user=request.user, team=keep.team)
    # Scoped to the kept entity's team: another team's entity is simply not found (404).
    candidates = entity_list_with_counts(user=request.user, team=keep.team)
    merge = get_object_or_404(candidates, pk=other_id)
    if request.method == "POST":
        return _merge_perform(request, keep, merge)
    if merge.pk == keep.pk:
        errors = [_("Pick two different entities to merge.")]
        return _merge_page(request, keep, errors=errors, status=400)
    return render(request, "annotations/entity_merge_confirm.html", {"keep": keep, "merge": merge})


def _current_team(request: HtmxHttpRequest) -> Team | None:
    membership = request.membership
    return membership.team if membership else None


def _form_page(
    request: HtmxHttpRequest, form: EntityForm, team: Team, entity: Entity | None = None
) -> HttpResponse:
    context = {"form": form, "team": team, "entity": entity}
    status = 400 if form.errors else 200
    return render(request, "annotations/entity_form.html", context, status=status)


def _merge_page(
    request: HtmxHttpRequest, entity: Entity, errors: list[str] | None = None, status: int = 200
) -> HttpResponse:
    search = EntityPickForm(request.GET)
    query = search.filters().get("q", "")
    candidates = entity_list_with_counts(user=request.user, team=entity.team, query=query)
    context = {
        "entity": entity,
        "search": search,
        "candidates": candidates.exclude(pk=entity.pk)[:MERGE_CANDIDATES],
        "errors": errors or [],
        "notices": search.notices(),
    }
    template = "annotations/entity_merge.html"
    if request.htmx and request.htmx.target == "merge-candidates":
        template += "#merge-candidates"
    return render(request, template, context, status=status)


def _merge_perform(request: HtmxHttpRequest, keep: Entity, merge: Entity) -> HttpResponse:
    try:
        keep = entity_merge(keep=keep, merge=merge, actor=request.user)
    except ValidationError as error:
        return _merge_page(request, keep, errors=error.messages, status=400)
    quotes = ngettext("%(n)s quote", "%(n)s quotes", merge.quote_count)
    claims = ngettext("%(n)s claim", "%(n)s claims", merge.claim_count)
    message = _("Merged “%(merged)s” into “%(kept)s”: %(quotes)s and %(claims)s re-pointed.") % {
        "merged": merge.name,
        "kept": keep.name,
        "quotes": quotes % {"n": merge.quote_count},
        "claims": claims % {"n": merge.claim_count},
    }
    messages.success(request, message)
    return redirect(keep)

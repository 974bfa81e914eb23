"""The search page: a box, filters, live results (htmx) and pages of them."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from workbench.annotations.models import Entity
from workbench.annotations.selectors import entity_list
from workbench.articles.models import Project
from workbench.articles.selectors import project_list
from workbench.http import HtmxHttpRequest
from workbench.search.forms import SearchForm
from workbench.search.selectors import SearchResults, search

PER_PAGE = 20
MAX_SPEAKER_OPTIONS = settings.WORKBENCH_SEARCH_MAX_SPEAKER_OPTIONS


@require_GET
def search_view(request: HtmxHttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    data = form.filters()
    projects = list(project_list(user=request.user).order_by("name", "pk"))
    scope = _scope(request, data, projects)
    page = data.get("page") or 1
    results = SearchResults()
    if scope is not None:
        results = search(user=request.user, limit=PER_PAGE, offset=(page - 1) * PER_PAGE, **scope)
    context = {"form": form, "data": data, "results": results, "page": page, "projects": projects}
    context["notices"] = form.notices()
    context["previous_url"] = _page_url(request, page - 1) if page > 1 else ""
    context["next_url"] = _page_url(request, page + 1) if results.has_more else ""
    template = "search/search.html"
    if request.htmx and request.htmx.target == "search-results":
        return render(request, f"{template}#results", context)
    context["speakers"] = entity_list(user=request.user).only("pk", "name")[:MAX_SPEAKER_OPTIONS]
    context["verdicts"] = sorted({v for p in projects for v in p.rating_scale}, key=str.casefold)
    return render(request, template, context)


def _page_url(request: HtmxHttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return f"{reverse('search:search')}?{params.urlencode()}"


def _scope(request: HtmxHttpRequest, data: dict, projects: list[Project]) -> dict | None:
    """The selector's arguments; None when a filter names something not in the user's teams."""
    project = speaker = None
    if data.get("project"):
        project = next((p for p in projects if p.pk == data["project"]), None)
        if project is None:
            return None
    if data.get("speaker"):
        speaker = entity_list(user=request.user).filter(pk=data["speaker"]).first()
        if not isinstance(speaker, Entity):
            return None
    return {
        "query": data.get("q", ""),
        "project": project,
        "speaker": speaker,
        "kind": data.get("kind", ""),
        "verdict": data.get("verdict", ""),
        "status": data.get("status", ""),
    }

"""Pages for projects and for correcting an article's details."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from workbench.accounts.selectors import membership_get
from workbench.accounts.services import require_lead, require_writer
from workbench.articles import forms
from workbench.articles.models import Article, Project
from workbench.articles.selectors import (
    article_add_body_lengths,
    article_list,
    article_status_counts,
    project_list,
)
from workbench.articles.services import (
    article_update,
    project_create,
    project_update,
    require_details_open,
)
from workbench.http import HtmxHttpRequest
from workbench.paging import LIST_COUNT_CAP, CappedPaginator, page_notices

ARTICLES_PER_PAGE = 50


@require_GET
def project_list_view(request: HtmxHttpRequest) -> HttpResponse:
    membership = request.membership
    team = membership.team if membership else None
    projects = (
        project_list(user=request.user, team=team, counts=True, count_cap=LIST_COUNT_CAP)
        if team
        else Project.objects.none()
    )
    return render(request, "articles/project_list.html", {"projects": projects, "team": team})


@require_http_methods(["GET", "POST"])
def project_create_view(request: HtmxHttpRequest) -> HttpResponse:
    membership = request.membership
    # A lazy object: `is None` is never true, its truth value is the membership's.
    if not membership:
        raise PermissionDenied(_("You are not in a team yet: ask a lead to add you to one."))
    require_lead(user=request.user, team=membership.team)
    form = forms.ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project = project_create(team=membership.team, actor=request.user, **form.cleaned_data)
            return redirect(project)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "articles/project_form.html", {"form": form, "team": membership.team})


@require_http_methods(["GET", "POST"])
def project_edit_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_lead(user=request.user, team=project.team)
    initial = {
        **vars(project),
        "rating_scale": forms.scale_text(project.rating_scale, project.axis_length),
    }
    form = forms.ProjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            project_update(project=project, actor=request.user, **form.cleaned_data)
            return redirect(project)
        except ValidationError as error:
            form.add_error(None, error)
    context = {"form": form, "team": project.team, "project": project}
    return render(request, "articles/project_form.html", context)


@require_GET
def project_detail_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    search = forms.ArticleSearchForm(request.GET)
    filters = search.filters()
    articles = article_list(
        user=request.user,
        project=project,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
    ).defer("body", "raw")
    page = CappedPaginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    article_add_body_lengths(articles=page.object_list)
    context = {
        "project": project,
        "search": search,
        "page": page,
        "notices": [*search.notices(), *page_notices(request.GET.get("page"), page)],
        "status_counts": article_status_counts(project=project),
        "me": membership_get(user=request.user, team=project.team),
    }
    template = "articles/project_detail.html"
    if request.htmx and request.htmx.target == "article-rows":
        template += "#article-rows"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def article_edit_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_writer(user=request.user, team=article.project.team)
    form = forms.ArticleEditForm(request.POST or None, initial=vars(article))
    if request.method == "POST" and form.is_valid():
        try:
            article_update(article=article, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect(article)
        except ValidationError as error:
            form.add_error(None, error)
    # A reviewed article's details are locked: say so before anyone types, and offer no form.
    context = {"article": article, "form": form, "locked": _details_locked(article)}
    status = 400 if request.method == "POST" else 200
    return render(request, "articles/article_edit.html", context, status=status)


def _details_locked(article: Article) -> str:
    """Return why the article's details cannot change, or "" when they can."""
    try:
        require_details_open(article=article)
    except ValidationError as error:
        return error.messages[0]
    return ""

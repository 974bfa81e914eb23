"""Pages for projects, importing and reading articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models.functions import Length
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from workbench.accounts.selectors import membership_get
from workbench.accounts.services import require_lead, require_writer
from workbench.annotations.forms import ListFilterForm
from workbench.annotations.highlights import body_paragraphs
from workbench.annotations.models import Annotation
from workbench.annotations.selectors import annotation_list
from workbench.annotations.services import AnnotationLocked, require_article_open
from workbench.articles import forms
from workbench.articles.models import Article, ArticleStatus, Project
from workbench.articles.selectors import article_list, article_status_counts, project_list
from workbench.articles.services import (
    ImportFailure,
    ImportReport,
    ImportResult,
    Overrides,
    article_import_text,
    article_import_url,
    article_move_line,
    article_text_locked,
    article_update,
    articles_import_jsonl,
    articles_import_upload,
    project_create,
    project_update,
    require_details_open,
)
from workbench.http import HtmxHttpRequest

ARTICLES_PER_PAGE = 50


@require_GET
def project_list_view(request: HtmxHttpRequest) -> HttpResponse:
    membership = request.membership
    team = membership.team if membership else None
    projects = project_list(user=request.user, team=team) if team else Project.objects.none()
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
    filters = search.cleaned_data if search.is_valid() else {}
    articles = (
        article_list(
            user=request.user,
            project=project,
            query=filters.get("q", ""),
            status=filters.get("status", ""),
        )
        .defer("body", "raw")
        .annotate(body_length=Length("body"))
    )
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "project": project,
        "search": search,
        "page": page,
        "status_counts": article_status_counts(project=project),
        "me": membership_get(user=request.user, team=project.team),
    }
    template = "articles/project_detail.html"
    if request.htmx and request.htmx.target == "article-rows":
        template += "#article-rows"
    return render(request, template, context)


@require_GET
def article_import_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_writer(user=request.user, team=project.team)
    return _import_page(request, project)


@require_POST
def import_paste_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_writer(user=request.user, team=project.team)  # a viewer: 403 before any form check
    form = forms.PasteForm(request.POST)
    if not form.is_valid():
        return _import_page(request, project, paste_form=form, status=400)
    data = form.cleaned_data
    text, overrides = data.pop("text"), Overrides(**data)
    return _import_one(
        request,
        project,
        lambda: article_import_text(
            project=project, actor=request.user, text=text, overrides=overrides
        ),
        paste_form=form,
    )


@require_POST
def import_url_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_writer(user=request.user, team=project.team)  # a viewer: 403 before any form check
    form = forms.UrlForm(request.POST)
    if not form.is_valid():
        return _import_page(request, project, url_form=form, status=400)
    url = form.cleaned_data["url"]
    return _import_one(
        request,
        project,
        lambda: article_import_url(project=project, actor=request.user, url=url),
        url_form=form,
    )


@require_POST
def import_upload_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_writer(user=request.user, team=project.team)  # a viewer: 403 before any form check
    form = forms.UploadForm(request.POST, request.FILES)
    report = upload_refusals(request)
    if report.failed and not request.FILES:
        return _import_page(request, project, report=report, status=400)
    if not form.is_valid():
        return _import_page(request, project, upload_form=form, status=400)
    for upload in form.cleaned_data["files"]:
        report.add(articles_import_upload(project=project, actor=request.user, upload=upload))
    return _import_page(request, project, report=report, status=_report_status(report))


@require_POST
def import_jsonl_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_writer(user=request.user, team=project.team)  # a viewer: 403 before any form check
    form = forms.JsonlForm(request.POST)
    if not form.is_valid():
        return _import_page(request, project, jsonl_form=form, status=400)
    report = articles_import_jsonl(
        project=project, actor=request.user, text=form.cleaned_data["text"]
    )
    return _import_page(request, project, report=report, status=_report_status(report))


ARTICLE_PARTIALS = {"annotated-body", "annotation-list", "article-text", "details-actions"}


@require_GET
def article_detail_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    template = "articles/article_detail.html"
    if request.htmx and request.htmx.target in ARTICLE_PARTIALS:
        # The annotation list and the highlights refresh themselves after each change.
        template += f"#{request.htmx.target}"
    return render(request, template, _article_context(request, article))


@require_POST
def article_move_line_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_writer(user=request.user, team=article.project.team)
    form = forms.MoveLineForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            article = article_move_line(article=article, actor=request.user, **form.cleaned_data)
            status = 200
        except ValidationError as error:
            form.add_error(None, error)
            status = 409 if error.code == "stale" else 400
    context = {**_article_context(request, article), "move_form": form}
    template = "articles/article_detail.html"
    if request.htmx:
        template += "#article-text"
    return render(request, template, context, status=status)


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


def _submitted(request: HtmxHttpRequest, article: Article, role: str) -> bool:
    """Whether the user submitted their work here, so that the page stops inviting annotation."""
    try:
        require_article_open(user=request.user, article=article, role=role)
    except AnnotationLocked:
        return True
    return False


def _article_context(request: HtmxHttpRequest, article: Article) -> dict:
    me = membership_get(user=request.user, team=article.project.team)
    removed_by_line = {r["line"]: r for r in article.removed}
    raw_lines = [
        {"number": i, "text": text, "removed": removed_by_line.get(i)}
        for i, text in enumerate(article.input_text.split("\n"))
        if text.strip()
    ]
    annotations = list(annotation_list(user=request.user, article=article))
    return {
        "article": article,
        "project": article.project,
        "raw_lines": raw_lines,
        "can_edit": bool(me and me.can_write),
        "can_edit_details": bool(me and me.can_write) and article.status != ArticleStatus.REVIEWED,
        "submitted": bool(me and me.can_write) and _submitted(request, article, me.role),
        # The visible annotations first (no query); the lock also counts hidden ones, which
        # exist only where the lock holds anyway (two or more reviewers assigned).
        "can_move_lines": bool(me and me.can_write)
        and not annotations
        and not article_text_locked(article),
        **_annotation_context(request, article, annotations),
    }


def _annotation_context(
    request: HtmxHttpRequest, article: Article, annotations: list[Annotation]
) -> dict:
    """Highlights, the jump index for the keyboard, and the filtered list beside the text."""
    search = ListFilterForm(request.GET)
    filters = search.cleaned_data if search.is_valid() else {}
    kind, speaker = filters.get("kind") or "", filters.get("speaker")
    entities = {e.pk: e for a in annotations for e in (a.speaker, a.claimant) if e is not None}
    return {
        "paragraphs": body_paragraphs(article.body, annotations),
        "annotations": annotations,
        "listed": [
            a
            for a in annotations
            if (not kind or a.kind == kind)
            and (speaker is None or speaker in (a.speaker_id, a.claimant_id))
        ],
        "filters": {"kind": kind, "speaker": speaker},
        "speakers": sorted(entities.values(), key=lambda e: e.name.casefold()),
        "annotation_index": [
            {
                "id": a.pk,
                "kind": a.kind,
                "start": a.start,
                "end": a.end,
                "url": reverse("annotations:annotation_detail", args=[a.pk]),
            }
            for a in annotations
        ],
    }


def _import_page(
    request: HtmxHttpRequest, project: Project, status: int = 200, **context
) -> HttpResponse:
    forms_ = {
        "paste_form": forms.PasteForm(),
        "upload_form": forms.UploadForm(),
        "url_form": forms.UrlForm(),
        "jsonl_form": forms.JsonlForm(),
    }
    context = {"project": project, **forms_, **context}
    template = "articles/article_import.html"
    if request.htmx:
        template += "#import-report"
        context.setdefault("report", _refused_form_report(context.values()))
    return render(request, template, context, status=status)


def _refused_form_report(forms_: Iterable[object]) -> ImportReport | None:
    """A refused form's errors as report lines: the htmx answer is the report alone."""
    failures = [
        ImportFailure(form.fields[name].label if name in form.fields else "", message)
        for form in forms_
        if isinstance(form, BaseForm) and form.is_bound
        for name, messages in form.errors.items()
        for message in messages
    ]
    return ImportReport(failures=failures) if failures else None


def _import_one(
    request: HtmxHttpRequest, project: Project, do_import: Callable[[], ImportResult], **forms_
) -> HttpResponse:
    try:
        result = do_import()
    except ValidationError as error:
        report = ImportReport(failures=[ImportFailure("", " ".join(error.messages))])
        return _import_page(request, project, report=report, status=400, **forms_)
    if not result.created:
        return _import_page(request, project, report=ImportReport(results=[result]), **forms_)
    messages.success(request, result.message)
    url = result.article.get_absolute_url()
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def upload_refusals(request: HtmxHttpRequest) -> ImportReport:
    """Return what the upload handler refused unread: the whole request, or files past the limit."""
    report = ImportReport()
    if refusal := getattr(request, "upload_refusal", ""):
        report.fail("", refusal)
    for name in getattr(request, "refused_uploads", []):
        limit = f"{settings.WORKBENCH_MAX_IMPORT_BYTES:,}"
        message = _("The file is too large (the limit is %(limit)s bytes): not read further.")
        report.fail(name, message % {"limit": limit})
    return report


def _report_status(report: ImportReport) -> int:
    return 400 if report.failed and not report.results else 200

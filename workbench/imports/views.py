"""The article import page: paste, upload, a web address or a JSON Lines batch, into a project."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from workbench.accounts.services import require_writer
from workbench.articles.models import Project
from workbench.articles.selectors import project_list
from workbench.articles.services import (
    ImportResult,
    Overrides,
    article_import_text,
    article_import_url,
)
from workbench.http import HtmxHttpRequest
from workbench.imports import forms
from workbench.imports.services import (
    ImportFailure,
    ImportReport,
    articles_import_jsonl,
    articles_import_upload,
)
from workbench.jobs.models import Job
from workbench.jobs.starts import (
    job_import_jsonl,
    job_import_upload,
    job_import_urls,
    suggest_after_import,
)


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
def import_url_list_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_writer(user=request.user, team=project.team)  # a viewer: 403 before any form check
    form = forms.UrlListForm(request.POST)
    if not form.is_valid():
        return _import_page(request, project, url_list_form=form, status=400)
    job = job_import_urls(project=project, actor=request.user, urls=form.cleaned_data["urls"])
    return _to_job(request, job)


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
    files = form.cleaned_data["files"]
    if sum(f.size or 0 for f in files) > settings.WORKBENCH_JOB_THRESHOLD_BYTES:
        job = job_import_upload(project=project, actor=request.user, uploads=files)
        for failure in report.failures:  # files the upload handler refused, unread
            messages.error(request, f"{failure.label}: {failure.message}")
        return _to_job(request, job)
    for upload in files:
        report.add(articles_import_upload(project=project, actor=request.user, upload=upload))
    _suggest(project, request, report.results)
    return _import_page(request, project, report=report, status=_report_status(report))


@require_POST
def import_jsonl_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_writer(user=request.user, team=project.team)  # a viewer: 403 before any form check
    form = forms.JsonlForm(request.POST)
    if not form.is_valid():
        return _import_page(request, project, jsonl_form=form, status=400)
    text = form.cleaned_data["text"]
    if len(text.encode()) > settings.WORKBENCH_JOB_THRESHOLD_BYTES:
        job = job_import_jsonl(project=project, actor=request.user, text=text)
        return _to_job(request, job)
    report = articles_import_jsonl(project=project, actor=request.user, text=text)
    _suggest(project, request, report.results)
    return _import_page(request, project, report=report, status=_report_status(report))


def _suggest(project: Project, request: HtmxHttpRequest, results: list[ImportResult]) -> None:
    """Queue suggestions for what was just imported, when the project's switch is on."""
    created = [result.article.pk for result in results if result.created]
    suggest_after_import(project=project, actor=request.user, article_ids=created)


def _to_job(request: HtmxHttpRequest, job: Job) -> HttpResponse:
    """Send the browser to the page of the job that now does the import."""
    url = job.get_absolute_url()
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _import_page(
    request: HtmxHttpRequest, project: Project, status: int = 200, **context
) -> HttpResponse:
    forms_ = {
        "paste_form": forms.PasteForm(),
        "upload_form": forms.UploadForm(),
        "url_form": forms.UrlForm(),
        "jsonl_form": forms.JsonlForm(),
        "url_list_form": forms.UrlListForm(),
    }
    context = {"project": project, **forms_, **context}
    template = "imports/article_import.html"
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
    _suggest(project, request, [result])
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

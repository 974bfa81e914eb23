"""A job's page (it polls itself while the job runs), the list of a team's jobs, and cancel."""

from __future__ import annotations

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from workbench.articles.selectors import project_list
from workbench.http import HtmxHttpRequest
from workbench.jobs.forms import ExportJobForm
from workbench.jobs.selectors import job_list
from workbench.jobs.services import can_cancel, job_cancel
from workbench.jobs.starts import job_export


@require_GET
def job_list_view(request: HtmxHttpRequest) -> HttpResponse:
    jobs = job_list(user=request.user)[:100]
    return render(request, "jobs/job_list.html", {"jobs": jobs})


@require_GET
def job_detail_view(request: HtmxHttpRequest, job_id: int) -> HttpResponse:
    job = get_object_or_404(job_list(user=request.user), pk=job_id)
    context = {"job": job, "can_cancel": can_cancel(job=job, user=request.user)}
    template = "jobs/job_detail.html#job-status" if request.htmx else "jobs/job_detail.html"
    return render(request, template, context)


@require_POST
def job_cancel_view(request: HtmxHttpRequest, job_id: int) -> HttpResponse:
    job = get_object_or_404(job_list(user=request.user), pk=job_id)
    job = job_cancel(job=job, actor=request.user)
    url = job.get_absolute_url()
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_GET
def job_download_view(request: HtmxHttpRequest, job_id: int) -> FileResponse:
    job = get_object_or_404(job_list(user=request.user), pk=job_id)
    if job.created_by_id != request.user.pk:
        raise PermissionDenied(_("Only whoever asked for this export may download it."))
    if not job.output:
        raise Http404(_("This job has no file."))
    return FileResponse(job.output.open("rb"), as_attachment=True, filename=job.output_name)


@require_POST
def export_start_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    form = ExportJobForm(request.POST)
    if not form.is_valid():
        raise BadRequest(" ".join(m for ms in form.errors.values() for m in ms))
    job = job_export(
        project=project,
        actor=request.user,
        fmt=form.cleaned_data["format"],
        status=form.cleaned_data["status"],
        base_url=request.build_absolute_uri("/"),
    )
    return redirect(job.get_absolute_url())

"""A job's page (it polls itself while the job runs), the list of a team's jobs, and cancel."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from workbench.http import HtmxHttpRequest
from workbench.jobs.selectors import job_list
from workbench.jobs.services import can_cancel, job_cancel


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

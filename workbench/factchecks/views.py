"""Known fact-checks pages, and "Checked before?" in the claim panel."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from workbench.accounts.selectors import membership_get, team_list
from workbench.accounts.services import require_writer
from workbench.annotations.models import Annotation, AnnotationKind
from workbench.annotations.selectors import annotation_list
from workbench.annotations.services import require_annotation_writer
from workbench.articles.selectors import article_list, project_list
from workbench.factchecks.forms import (
    FactCheckImportForm,
    FactCheckSearchForm,
    MatchLinkForm,
    SelectionMatchForm,
)
from workbench.factchecks.matching import STRONG, find_matches
from workbench.factchecks.selectors import checked_articles, factcheck_list, unchecked_claims
from workbench.factchecks.services import (
    claim_check_record,
    factchecks_import_text,
    factchecks_import_url,
    match_link,
)
from workbench.http import HtmxHttpRequest
from workbench.jobs.models import Job
from workbench.jobs.starts import embed_after_import, job_import_factchecks
from workbench.paging import page_notices

PER_PAGE = 50
LIST = "factchecks/factcheck_list.html"
MATCHES = "factchecks/_matches.html"


@require_GET
def factcheck_list_view(request: HtmxHttpRequest, team_slug: str) -> HttpResponse:
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    search = FactCheckSearchForm(request.GET)
    filters = search.filters()
    query, rating = filters.get("q", ""), filters.get("rating", "")
    checks = factcheck_list(user=request.user, team=team, query=query, rating=rating)
    page = Paginator(checks, PER_PAGE).get_page(request.GET.get("page"))
    context = {"team": team, "search": search, "page": page, "form": FactCheckImportForm()}
    context["notices"] = [*search.notices(), *page_notices(request.GET.get("page"), page)]
    context["membership"] = membership_get(user=request.user, team=team)
    return render(request, f"{LIST}#rows" if request.htmx else LIST, context)


@require_POST
def factcheck_import_view(request: HtmxHttpRequest, team_slug: str) -> HttpResponse:
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    require_writer(user=request.user, team=team)  # 403 before any form check
    form = FactCheckImportForm(request.POST, request.FILES)
    report, errors = None, _refused(request)
    if not errors and form.is_valid() and _as_job(form):
        job = _start_job(request, team, form)
        url = job.get_absolute_url()
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if not errors and form.is_valid():
        try:
            report = _import(request, team, form)
        except ValidationError as error:
            errors = error.messages
        else:  # the new fact-checks' sentence vectors, in the background
            embed_after_import(team=team, actor=request.user, report=report)
    elif not errors:
        errors = [m for messages in form.errors.values() for m in messages]
    context = {"team": team, "form": form, "report": report, "import_errors": errors}
    status = 400 if errors else 200
    if request.htmx:
        response = render(request, f"{LIST}#import", context, status=status)
        return trigger_client_event(response, "factchecks-changed") if report else response
    context.update(
        search=FactCheckSearchForm(), membership=membership_get(user=request.user, team=team)
    )
    context["page"] = Paginator(factcheck_list(user=request.user, team=team), PER_PAGE).get_page(1)
    return render(request, LIST, context, status=status)


def _as_job(form: FactCheckImportForm) -> bool:
    upload = form.cleaned_data.get("file")
    big = upload is not None and (upload.size or 0) > settings.WORKBENCH_JOB_THRESHOLD_BYTES
    return form.cleaned_data["background"] or big


def _start_job(request: HtmxHttpRequest, team: object, form: FactCheckImportForm) -> Job:
    if url := form.cleaned_data.get("url"):
        return job_import_factchecks(team=team, actor=request.user, url=url)
    upload = form.cleaned_data["file"]
    return job_import_factchecks(
        team=team, actor=request.user, name=upload.name or "", data=upload.read()
    )


def _refused(request: HtmxHttpRequest) -> list[str]:
    refusal = getattr(request, "upload_refusal", None)
    names = getattr(request, "refused_uploads", [])
    if refusal:
        return [refusal]
    return [_("%(name)s is over the size limit for a file. Split it.") % {"name": n} for n in names]


def _import(request: HtmxHttpRequest, team: object, form: FactCheckImportForm) -> object:
    if form.cleaned_data.get("url"):
        return factchecks_import_url(team=team, actor=request.user, url=form.cleaned_data["url"])
    try:
        text = form.cleaned_data["file"].read().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The file is not UTF-8 text."), code="not_utf8") from error
    return factchecks_import_text(team=team, actor=request.user, text=text)


@require_GET
def factcheck_detail_view(
    request: HtmxHttpRequest, team_slug: str, factcheck_id: int
) -> HttpResponse:
    team = get_object_or_404(team_list(user=request.user), slug=team_slug)
    check = get_object_or_404(
        factcheck_list(user=request.user, team=team).defer(None), pk=factcheck_id
    )
    return render(request, "factchecks/factcheck_detail.html", {"team": team, "check": check})


@require_GET
def claim_matches_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    claim = _claim(request, annotation_id)
    return _matches(request, claim)


@require_POST
def match_link_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    claim = _claim(request, annotation_id)
    require_annotation_writer(user=request.user, annotation=claim)
    form = MatchLinkForm(request.POST)
    errors: list[str] = []
    if form.is_valid():
        try:
            _link(request, claim, form.cleaned_data)
        except ValidationError as error:
            errors = error.messages
    else:
        errors = [m for messages in form.errors.values() for m in messages]
    if not request.htmx and not errors:
        return redirect("annotations:annotation_detail", annotation_id=claim.pk)
    response = _matches(
        request, claim, errors=errors, linked=not errors, status=400 if errors else 200
    )
    # The panel reloads on this event, and so shows the new source under "Sources and evidence".
    return response if errors else trigger_client_event(response, "review-changed")


def _link(request: HtmxHttpRequest, claim: Annotation, data: dict) -> None:
    team = claim.article.project.team
    factcheck = earlier = None
    if data.get("factcheck"):
        factcheck = (
            factcheck_list(user=request.user, team=team).filter(pk=data["factcheck"]).first()
        )
        if factcheck is None:
            raise ValidationError(_("Unknown fact-check."), code="unknown_factcheck")
    else:
        earlier = (
            annotation_list(user=request.user, kind=AnnotationKind.CLAIM)
            .filter(pk=data["claim"])
            .first()
        )
        if earlier is None:
            raise ValidationError(_("Unknown claim."), code="unknown_claim")
    match_link(
        claim=claim, actor=request.user, stance=data["stance"], factcheck=factcheck, earlier=earlier
    )


@require_GET
def selection_matches_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    form = SelectionMatchForm(request.GET)
    text = form.cleaned_data["text"] if form.is_valid() else ""
    team = article.project.team
    matches = find_matches(user=request.user, team=team, text=text) if text else []
    return render(request, MATCHES, {"matches": matches, "team": team, "selection": True})


def _claim(request: HtmxHttpRequest, annotation_id: int) -> Annotation:
    claims = annotation_list(user=request.user).prefetch_related(None)
    claim = get_object_or_404(claims, pk=annotation_id)
    if claim.kind != AnnotationKind.CLAIM:
        raise Http404("Only claims are matched.")
    return claim


def _matches(
    request: HtmxHttpRequest, claim: Annotation, *, status: int = 200, **extra: object
) -> HttpResponse:
    team = claim.article.project.team
    matches = find_matches(user=request.user, team=team, text=claim.exact, exclude=claim.pk)
    claim_check_record(claim=claim, matches=matches)
    try:
        require_annotation_writer(user=request.user, annotation=claim)
        can_link = True
    except PermissionDenied:
        can_link = False
    context = {"claim": claim, "matches": matches, "team": team, "can_link": can_link, **extra}
    return render(request, MATCHES, context, status=status)


MAX_MARKED = 100
# Claims matched per request for the marks: later requests (the next visit) do the rest.
MATCHED_PER_REQUEST = 10


@require_GET
def checked_marks_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    """The article list's "already checked" marks, as htmx out-of-band swaps into its rows."""
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    wanted = [int(i) for i in request.GET.get("ids", "").split(",")[:MAX_MARKED] if i.isdigit()]
    articles = article_list(user=request.user, project=project).filter(pk__in=wanted)
    ids = list(articles.order_by().values_list("pk", flat=True))
    for claim in unchecked_claims(user=request.user, article_ids=ids, limit=MATCHED_PER_REQUEST):
        matches = find_matches(
            user=request.user, team=project.team, text=claim.exact, exclude=claim.pk
        )
        claim_check_record(claim=claim, matches=matches)
    checked = checked_articles(user=request.user, article_ids=ids, strong=STRONG)
    return render(request, "factchecks/_checked_marks.html", {"ids": ids, "checked": checked})

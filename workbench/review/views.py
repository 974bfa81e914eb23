"""Review pages: My queue, assigning, the review panel of the article page, adjudication.

Every view fetches through a selector (an outsider gets 404) and writes through a service (a
viewer, or a reviewer deciding as a lead, gets 403). A decision against an older version of
the work answers 409 with the panel as it is now.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from workbench.accounts.selectors import membership_get
from workbench.accounts.services import require_lead, require_writer
from workbench.annotations.selectors import annotation_list
from workbench.articles.models import Article, Project
from workbench.articles.selectors import article_list, project_list
from workbench.forms import id_or_bad_request
from workbench.http import HtmxHttpRequest
from workbench.review import forms
from workbench.review.models import Adjudication, Assignment
from workbench.review.selectors import (
    adjudication_list,
    article_versions,
    assign_rows,
    assignment_list,
    next_assignment,
    queue_sections,
)
from workbench.review.services import (
    NOT_A_TEAM_REVIEWER,
    StaleDecision,
    adjudication_accept,
    adjudication_finish,
    adjudication_merge,
    adjudication_undo,
    article_approve,
    article_reject,
    article_submit,
    assignment_create,
    assignment_remove,
    assignments_distribute,
    session_touch,
)

PANEL = "review/article_review.html"
CHANGED = "annotations-changed"
REVIEWED = "review-changed"


# --- My queue ---------------------------------------------------------------------------------


@require_GET
def queue_view(request: HtmxHttpRequest) -> HttpResponse:
    membership = request.membership
    team = membership.team if membership else None
    # A lazy object: `is not None` is always true, its truth value is the membership's.
    if membership and membership.can_write:
        # Opening the queue starts (or continues) the reviewer's session.
        session_touch(user=request.user, team=team)
    form = forms.QueueForm(request.GET)
    page = form.filters().get("done") or 1
    queue = queue_sections(user=request.user, team=team, done_page=page)
    context = {"queue": queue, "team": team, "notices": form.notices()}
    return render(request, "review/queue.html", context)


@require_GET
def next_article_view(request: HtmxHttpRequest) -> HttpResponse:
    membership = request.membership
    assignment = next_assignment(user=request.user, team=membership.team if membership else None)
    if assignment is None:
        messages.info(request, _("Nothing left in your queue."))
        return redirect("review:queue")
    return redirect(assignment.article)


@require_POST
def heartbeat_view(request: HtmxHttpRequest) -> HttpResponse:
    """Activity from an open article page (review.js), while it is visible."""
    form = forms.HeartbeatForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["article"]:
        return HttpResponse(status=400)
    article = get_object_or_404(article_list(user=request.user), pk=form.cleaned_data["article"])
    team = article.project.team
    require_writer(user=request.user, team=team)
    session_touch(user=request.user, team=team, article=article)
    return HttpResponse(status=204)


# --- assigning --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def assign_view(request: HtmxHttpRequest, project_id: int) -> HttpResponse:
    project = get_object_or_404(project_list(user=request.user), pk=project_id)
    require_lead(user=request.user, team=project.team)
    rows = assign_rows(user=request.user, project=project)
    ids = [article.pk for article in rows]
    form = forms.DistributeForm(request.POST or None, team=project.team, article_ids=ids)
    status = 200
    if request.method == "POST":
        status = _distribute(request, project, form, ids)
        if status == 200:
            return redirect("review:assign", project.pk)
    context = {"project": project, "rows": rows, "form": form}
    return render(request, "review/assign.html", context, status=status)


def _distribute(
    request: HtmxHttpRequest, project: Project, form: forms.DistributeForm, ids: list[int]
) -> int:
    if not form.is_valid():
        return 400
    data = form.cleaned_data
    wanted = data["articles"] or ids
    articles = article_list(user=request.user, project=project).filter(pk__in=wanted)
    try:
        result = assignments_distribute(
            articles=articles.defer("body", "raw"),
            reviewers=list(data["reviewers"]),
            actor=request.user,
            k=data["k"],
            strategy=data["strategy"],
            seed=data["seed"],
            cap=data["cap"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return 400
    messages.success(request, _("%(n)s assignments made.") % {"n": len(result.created)})
    if result.short:
        messages.warning(
            request,
            _("%(n)s articles have fewer reviewers than asked (cap reached or too few).")
            % {"n": len(result.short)},
        )
    return 200


@require_POST
def assignment_create_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    form = forms.AssignForm(request.POST, team=article.project.team)
    if not form.is_valid():
        if form.has_error("reviewer", "invalid_id"):
            raise BadRequest(form.errors["reviewer"][0])
        require_lead(user=request.user, team=article.project.team)
        if request.POST.get("reviewer"):
            # An unknown id is refused exactly as a non-member is (by the service), so that a
            # lead cannot probe which ids exist.
            raise PermissionDenied(NOT_A_TEAM_REVIEWER)
        messages.error(request, _("Pick a reviewer."))
        return redirect("review:assign", article.project_id)
    try:
        assignment_create(
            article=article, reviewer=form.cleaned_data["reviewer"], actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(article if request.POST.get("next") == "article" else _assign_url(article))


def _assign_url(article: Article) -> str:
    return reverse("review:assign", args=[article.project_id]) + f"#article-{article.pk}"


@require_POST
def assignment_remove_view(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = get_object_or_404(assignment_list(user=request.user), pk=assignment_id)
    try:
        assignment_remove(assignment=assignment, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_assign_url(assignment.article))


# --- the review panel on the article page -----------------------------------------------------


@require_GET
def article_review_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    return _panel(request, article)


@require_POST
def assignment_submit_view(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = get_object_or_404(assignment_list(user=request.user), pk=assignment_id)
    version = forms.VersionForm(request.POST)
    given = version.cleaned_data["version"] if version.is_valid() else None
    done = _("Submitted: the lead will review your annotations.")
    return _decide(request, assignment, done, article_submit, version=given)


@require_POST
def assignment_approve_view(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = get_object_or_404(assignment_list(user=request.user), pk=assignment_id)
    require_lead(user=request.user, team=assignment.article.project.team)
    form = forms.VersionForm(request.POST)
    if not form.is_valid():
        return _panel(request, assignment.article, errors=[_("Reload the page.")], status=400)
    version = form.cleaned_data["version"]
    return _decide(request, assignment, _("Approved."), article_approve, version=version)


@require_POST
def assignment_reject_view(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = get_object_or_404(assignment_list(user=request.user), pk=assignment_id)
    require_lead(user=request.user, team=assignment.article.project.team)
    form = forms.RejectForm(request.POST)
    if not form.is_valid():
        errors = [_("A rejection needs a comment: say what needs to change.")]
        return _panel(request, assignment.article, errors=errors, status=400)
    done = _("Sent back to the reviewer.")
    return _decide(request, assignment, done, article_reject, **form.cleaned_data)


def _decide(
    request: HtmxHttpRequest,
    assignment: Assignment,
    done: str,
    service: Callable[..., Assignment],
    **fields: object,
) -> HttpResponse:
    """Run a submit, approve or reject service and answer with the review panel."""
    article = assignment.article
    try:
        service(assignment=assignment, actor=request.user, **fields)
    except StaleDecision as stale:
        article.refresh_from_db()
        # Someone else decided meanwhile: the rest of the page is as stale as this box was.
        response = _panel(request, article, errors=stale.messages, status=409)
        return trigger_client_event(trigger_client_event(response, CHANGED), REVIEWED)
    except ValidationError as error:
        return _panel(request, article, errors=error.messages, status=400)
    if not request.htmx:
        messages.success(request, done)
        return redirect(article)
    # The service moved the article on (e.g. to Submitted) through its own copy of the row.
    article.refresh_from_db()
    response = _panel(request, article, message=done)
    # The open annotation panel and the article's details listen for REVIEWED: what may still
    # be edited has just changed.
    return trigger_client_event(trigger_client_event(response, CHANGED), REVIEWED)


def _panel(
    request: HtmxHttpRequest, article: Article, *, status: int = 200, **extra: object
) -> HttpResponse:
    me = membership_get(user=request.user, team=article.project.team)
    assignments = list(assignment_list(user=request.user, article=article))
    context = {
        "article": article,
        "assignments": assignments,
        "mine": next((a for a in assignments if a.reviewer_id == request.user.pk), None),
        "is_lead": bool(me and me.is_lead),
        "can_write": bool(me and me.can_write),
        "double": len(assignments) >= 2,
        **extra,
    }
    name = f"{PANEL}#panel" if request.htmx else PANEL
    return render(request, name, context, status=status)


# --- adjudication -----------------------------------------------------------------------------


@require_GET
def adjudicate_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_lead(user=request.user, team=article.project.team)
    return _adjudicate_page(request, article)


def _adjudicate_page(
    request: HtmxHttpRequest, article: Article, *, status: int = 200, **extra: object
) -> HttpResponse:
    versions = article_versions(user=request.user, article=article)
    context = {"article": article, "project": article.project, "versions": versions, **extra}
    return render(request, "review/adjudicate.html", context, status=status)


@require_POST
def adjudication_accept_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_lead(user=request.user, team=article.project.team)
    form = forms.AnnotationPickForm(request.POST)
    pk = form.cleaned_data["annotation"] if form.is_valid() else None
    original = get_object_or_404(annotation_list(user=request.user, article=article), pk=pk)
    edit = request.POST.get("then") == "edit"
    adjudication = _adjudicate(
        request, lambda: adjudication_accept(original=original, actor=request.user, edit=edit)
    )
    if adjudication is not None and edit:
        return redirect("annotations:annotation_detail", adjudication.result_id)
    return redirect("review:adjudicate", article.pk)


@require_POST
def adjudication_merge_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_lead(user=request.user, team=article.project.team)
    visible = annotation_list(user=request.user, article=article).prefetch_related(None)
    ids = [id_or_bad_request(v) for v in request.POST.getlist("annotations")]
    originals = sorted(visible.filter(pk__in=ids), key=lambda a: ids.index(a.pk))
    if len(originals) < 2 or len(originals) != len(set(ids)):
        messages.error(request, _("Tick two or more annotations of this article to merge."))
        return redirect("review:adjudicate", article.pk)
    _adjudicate(request, lambda: adjudication_merge(originals=originals, actor=request.user))
    return redirect("review:adjudicate", article.pk)


def _adjudicate(request: HtmxHttpRequest, act: Callable[[], object]) -> Adjudication | None:
    try:
        return act()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None


@require_POST
def adjudication_undo_view(request: HtmxHttpRequest, adjudication_id: int) -> HttpResponse:
    adjudication = get_object_or_404(adjudication_list(user=request.user), pk=adjudication_id)
    _adjudicate(request, lambda: adjudication_undo(adjudication=adjudication, actor=request.user))
    return redirect("review:adjudicate", adjudication.article_id)


@require_POST
def adjudication_finish_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_lead(user=request.user, team=article.project.team)
    versions = {
        int(key[2:]): int(value)
        for key, value in request.POST.items()
        if key.startswith("v-") and key[2:].isdigit() and value.isdigit()
    }
    leave_out = request.POST.get("leave_out", "")
    try:
        adjudication_finish(
            article=article,
            actor=request.user,
            versions=versions,
            leave_out=int(leave_out) if leave_out.isdigit() and len(leave_out) < 9 else None,
        )
    except StaleDecision as stale:
        return _adjudicate_page(request, article, errors=stale.messages, status=409)
    except ValidationError as error:
        return _adjudicate_page(request, article, errors=error.messages, status=400)
    messages.success(request, _("Approved: the adjudicated version is the article's review."))
    return redirect(article)

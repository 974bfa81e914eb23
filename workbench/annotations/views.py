"""The annotation side panel on the article page: quotes, claims, sources, comments.

Every view fetches through a selector (an outsider gets 404) and writes through a service
(a viewer, or a reviewer touching someone else's annotation, gets 403). Over htmx each view
answers with the fragment it changed; without JavaScript, with the whole page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget, trigger_client_event

from workbench.accounts.services import require_writer
from workbench.annotations import forms
from workbench.annotations.fields import VALUE_COLUMNS
from workbench.annotations.models import Annotation, AnnotationKind, Entity
from workbench.annotations.selectors import (
    annotation_list,
    enclosing_quote,
    entity_list,
    entity_named,
    source_list,
)
from workbench.annotations.services import (
    AnnotationLocked,
    Span,
    StaleEdit,
    StaleRevision,
    annotation_create,
    annotation_delete,
    annotation_span,
    annotation_update,
    comment_add,
    entity_create,
    evidence_add,
    evidence_remove,
    require_annotation_writer,
    require_article_open,
    require_current_revision,
    source_get_or_create,
)
from workbench.articles.models import Article
from workbench.articles.selectors import article_list
from workbench.http import HtmxHttpRequest

DETAIL = "annotations/annotation_detail.html"
NEW = "annotations/annotation_new.html"
CHANGED = "annotations-changed"
PICKER_RESULTS = 12


# --- creating ---------------------------------------------------------------------------------


@require_POST
def annotation_new_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """The create form for a selection (POST: a long selection does not fit in a URL)."""
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_article_open(user=request.user, article=article)
    span_form = forms.SpanForm(request.POST)
    errors, span = _checked_span(article, span_form, request.user)
    context = _new_context(request, article, span_form, errors=errors, span_ok=not errors)
    if span is not None:
        # The form carries the span as it will be stored (a quote without its marks).
        context["span"] = {"start": span.start, "end": span.end, "exact": span.exact}
    return _render(request, NEW, "form", context, status=400 if errors else 200)


@require_POST
def annotation_create_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    span_form = forms.SpanForm(request.POST)
    form = forms.panel_form_class(request.POST.get("kind", ""))(
        request.POST, article=article, user=request.user
    )
    errors: list[str] = []
    status = 400
    if span_form.is_valid() and form.is_valid():
        fields = {**span_form.cleaned_data, **form.service_fields()}
        try:
            annotation = annotation_create(article=article, author=request.user, **fields)
            return _created(request, annotation)
        except ValidationError as error:
            errors = error.messages
            # The text changed under the panel: keep what the reviewer typed, save nothing.
            status = 409 if isinstance(error, StaleRevision) else 400
    # Checked here too so that a viewer gets 403, not a validation message (the service
    # checks on the way in when the form is valid).
    require_article_open(user=request.user, article=article)
    context = _new_context(request, article, span_form, form=form, errors=errors)
    return _render(request, NEW, "form", context, status=status)


def _checked_span(
    article: Article, span_form: forms.SpanForm, user: object
) -> tuple[list[str], Span | None]:
    if not span_form.is_valid():
        return _form_messages(span_form), None
    try:
        require_current_revision(
            current=article.revision, seen=span_form.cleaned_data.get("revision")
        )
        kind = span_form.cleaned_data.get("kind") or AnnotationKind.QUOTE
        span = annotation_span(article=article, annotator=user, kind=kind, span=span_form.span())
    except ValidationError as error:
        return error.messages, None
    return [], span


def _new_context(
    request: HtmxHttpRequest,
    article: Article,
    span_form: forms.SpanForm,
    *,
    form: forms.QuoteForm | forms.ClaimForm | None = None,
    errors: list[str],
    span_ok: bool = True,
) -> dict:
    data = span_form.cleaned_data if span_form.is_valid() else {}
    kind = data.get("kind") or AnnotationKind.QUOTE
    quote = None
    if kind == AnnotationKind.CLAIM and data and not errors:
        quote = enclosing_quote(
            article=article, start=data["start"], end=data["end"], user=request.user
        )
    if form is None:
        initial = {"quote": quote.pk, "claimant": quote.speaker_id} if quote else {}
        form = forms.panel_form_class(kind)(initial=initial, article=article, user=request.user)
    return {
        "article": article,
        "kind": kind,
        "span": span_form.data,
        # The revision the selection was made in, sent back with the save.
        "revision": data.get("revision") or article.revision,
        "form": form,
        "errors": errors,
        "span_ok": span_ok,
        # Only a member who may write on this open article reaches this form (the views check
        # first), so a refused span shows the annotator's help, not the viewer's notice.
        "can_edit": True,
        "quote_options": [quote] if quote else [],
        **_chosen(form, article),
    }


def _created(request: HtmxHttpRequest, annotation: Annotation) -> HttpResponse:
    if not request.htmx:
        return redirect("annotations:annotation_detail", annotation.pk)
    context = _panel_context(
        request, annotation, can_change=True, can_comment=True, evidence=[], comments=[]
    )
    context["message"] = _("Saved.")
    return _render(request, DETAIL, "panel", context, changed=True)


# --- reading, editing, deleting ---------------------------------------------------------------


@require_GET
def annotation_detail_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    annotation = get_object_or_404(annotation_list(user=request.user), pk=annotation_id)
    return _render(request, DETAIL, "panel", _panel_context(request, annotation))


@require_http_methods(["GET", "POST"])
def annotation_edit_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    # No evidence or comments here: only the annotation's own part of the panel is swapped.
    annotations = annotation_list(user=request.user).prefetch_related(None)
    annotation = get_object_or_404(annotations, pk=annotation_id)
    if request.method == "GET":
        require_annotation_writer(user=request.user, annotation=annotation)
        return _main(request, annotation, form=_edit_form(request, annotation))
    return _update(request, annotation)


def _update(request: HtmxHttpRequest, annotation: Annotation) -> HttpResponse:
    form = _edit_form(request, annotation, data=request.POST)
    version = forms.VersionForm(request.POST)
    errors: list[str] = []
    if form.is_valid() and version.is_valid():
        try:
            updated = annotation_update(
                annotation=annotation,
                actor=request.user,
                version=version.cleaned_data["version"],
                revision=version.cleaned_data["revision"],
                **form.service_fields(),
            )
            return _main(request, updated, can_change=True, changed=True, message=_("Saved."))
        except StaleRevision as stale:
            # The text changed under the panel: keep what the reviewer typed, save nothing.
            return _main(request, annotation, form=form, errors=stale.messages, status=409)
        except StaleEdit as stale:
            return _stale(request, stale)
        except ValidationError as error:
            errors = error.messages
    require_annotation_writer(user=request.user, annotation=annotation)
    errors += _form_messages(version)
    return _main(request, annotation, form=form, errors=errors, status=400)


@require_POST
def annotation_replace_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    """Place an annotation on words selected in the current text (how an orphan comes back)."""
    annotation = get_object_or_404(annotation_list(user=request.user), pk=annotation_id)
    form = forms.ReplaceForm(request.POST)
    if not form.is_valid():
        require_annotation_writer(user=request.user, annotation=annotation)
        return _main(request, annotation, errors=_form_messages(form), status=400)
    data = form.cleaned_data
    span = Span(data["span_start"], data["span_end"], data["span_exact"])
    try:
        updated = annotation_update(
            annotation=annotation,
            actor=request.user,
            version=data["version"],
            revision=data["revision"],
            span=span,
        )
    except StaleEdit as stale:
        return _stale(request, stale)
    except ValidationError as error:
        status = 409 if isinstance(error, StaleRevision) else 400
        return _main(request, annotation, errors=error.messages, status=status)
    return _main(request, updated, can_change=True, changed=True, message=_("Placed again."))


def _edit_form(
    request: HtmxHttpRequest, annotation: Annotation, data: object = None
) -> forms.QuoteForm | forms.ClaimForm:
    initial = {
        "speaker": annotation.speaker_id,
        "claimant": annotation.claimant_id,
        "quote": annotation.quote_id,
        **{name: getattr(annotation, name) for name in VALUE_COLUMNS},
    }
    # "Use this verdict" on a match (issue 17): offered in the form, saved only if the reviewer
    # saves it, and only a label of the project's scale (matched case aside).
    suggested = request.GET.get("verdict", "").strip().casefold()
    scale = {label.casefold(): label for label in annotation.article.project.rating_scale}
    if data is None and annotation.kind == "claim" and suggested in scale:
        initial["verdict"] = scale[suggested]
    return forms.panel_form_class(annotation.kind)(
        data,
        initial=initial,
        article=annotation.article,
        user=request.user,
        known=[annotation.speaker, annotation.claimant, annotation.quote],
    )


@require_POST
def annotation_delete_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    annotation = get_object_or_404(annotation_list(user=request.user), pk=annotation_id)
    version = forms.VersionForm(request.POST)
    if not version.is_valid():
        require_annotation_writer(user=request.user, annotation=annotation)
        return _main(request, annotation, errors=_form_messages(version), status=400)
    try:
        annotation_delete(
            annotation=annotation, actor=request.user, version=version.cleaned_data["version"]
        )
    except StaleEdit as stale:
        return _stale(request, stale)
    if not request.htmx:
        return redirect(annotation.article)
    # Only a writer deletes: the help under the message is the writer's.
    context = {"message": _("Deleted."), "can_edit": True}
    response = render(request, f"{DETAIL}#closed", context)
    return trigger_client_event(_to_panel(response), CHANGED)


def _stale(request: HtmxHttpRequest, stale: StaleEdit) -> HttpResponse:
    """Show what is on file now, never overwrite it (409)."""
    if stale.current is None:
        context = {"message": _("Someone deleted this annotation."), "can_edit": True}
        response = render(request, f"{DETAIL}#closed", context)
        response.status_code = 409
        return trigger_client_event(_to_panel(response), CHANGED)
    current = annotation_list(user=request.user).get(pk=stale.current.pk)
    return _main(request, current, errors=stale.messages, status=409, changed=True)


def _to_panel(response: HttpResponse) -> HttpResponse:
    """Send a response meant for part of the panel to the whole panel instead."""
    return reswap(retarget(response, "#panel"), "innerHTML")


def _main(
    request: HtmxHttpRequest,
    annotation: Annotation,
    *,
    status: int = 200,
    changed: bool = False,
    **extra: object,
) -> HttpResponse:
    """Render the annotation's own part of the panel (not its evidence and comments)."""
    if not request.htmx and request.method == "POST" and status == 200:
        return redirect("annotations:annotation_detail", annotation.pk)
    context = _panel_context(request, annotation, **extra)
    if extra.get("form") is not None and annotation.kind == AnnotationKind.CLAIM:
        quote = annotation.quote or enclosing_quote(
            article=annotation.article,
            start=annotation.start,
            end=annotation.end,
            user=request.user,
        )
        context["quote_options"] = [quote] if quote else []
        context.update(_chosen(extra["form"], annotation.article))
    elif extra.get("form") is not None:
        context.update(_chosen(extra["form"], annotation.article))
    return _render(request, DETAIL, "annotation-main", context, status=status, changed=changed)


# --- sources and evidence, comments -----------------------------------------------------------


@require_POST
def evidence_add_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    annotation = get_object_or_404(annotation_list(user=request.user), pk=annotation_id)
    require_annotation_writer(user=request.user, annotation=annotation)
    form = forms.EvidenceForm(request.POST)
    errors = (
        _form_messages(form) if not form.is_valid() else _add_evidence(request, annotation, form)
    )
    annotation = annotation_list(user=request.user).get(pk=annotation.pk)
    context = _panel_context(request, annotation, evidence_form=form if errors else None)
    context["evidence_errors"] = errors
    status = 400 if errors else 200
    return _render(request, DETAIL, "evidence", context, status=status, changed=not errors)


def _add_evidence(
    request: HtmxHttpRequest, annotation: Annotation, form: forms.EvidenceForm
) -> list[str]:
    team = annotation.article.project.team
    data = form.cleaned_data
    try:
        with transaction.atomic():
            if data["source"] is not None:
                source = source_list(user=request.user, team=team).filter(pk=data["source"]).first()
                if source is None:
                    raise ValidationError(_("Unknown source: pick one from the list."))
            else:
                source = source_get_or_create(team=team, actor=request.user, **form.new_source())
            evidence_add(
                claim=annotation,
                actor=request.user,
                source=source,
                stance=data["stance"],
                excerpt=data["excerpt"],
                note=data["note"],
            )
    except ValidationError as error:
        return error.messages
    return []


@require_POST
def evidence_remove_view(
    request: HtmxHttpRequest, annotation_id: int, evidence_id: int
) -> HttpResponse:
    annotation = get_object_or_404(annotation_list(user=request.user), pk=annotation_id)
    evidence = get_object_or_404(annotation.evidence.all(), pk=evidence_id)
    evidence_remove(evidence=evidence, actor=request.user)
    annotation = annotation_list(user=request.user).get(pk=annotation.pk)
    context = _panel_context(request, annotation)
    return _render(request, DETAIL, "evidence", context, changed=True)


@require_POST
def comment_add_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    annotation = get_object_or_404(annotation_list(user=request.user), pk=annotation_id)
    form = forms.CommentForm(request.POST)
    errors: list[str] = []
    try:
        comment_add(annotation=annotation, author=request.user, text=request.POST.get("text", ""))
        form = forms.CommentForm()
    except ValidationError as error:
        errors = error.messages
    annotation = annotation_list(user=request.user).get(pk=annotation.pk)
    context = {**_panel_context(request, annotation), "comment_form": form}
    context["comment_errors"] = errors
    status = 400 if errors else 200
    return _render(request, DETAIL, "comments", context, status=status, changed=not errors)


# --- pickers ----------------------------------------------------------------------------------


@require_GET
def entity_search_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """Search-as-you-type over the team's names and aliases, for the speaker/claimant picker."""
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    search = forms.PickerSearchForm(request.GET)
    data = search.cleaned_data if search.is_valid() else {}
    query = data.get("q", "").strip()
    team = article.project.team
    entities = list(entity_list(user=request.user, team=team, query=query)[:PICKER_RESULTS])
    # A name or alias typed in full is that entity, listed first; no "Create" is offered then.
    exact = entity_named(team=team, name=query)
    if exact is not None:
        entities = [exact, *(e for e in entities if e.pk != exact.pk)][:PICKER_RESULTS]
    context = {
        "article": article,
        "entities": entities,
        "q": query,
        "field": data.get("field") or "speaker",
        "can_create": bool(query) and exact is None,
    }
    return render(request, "annotations/_entity_results.html", context)


@require_POST
def entity_quick_create_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """Add a person or organisation to the registry from the picker, and pick it."""
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    team = article.project.team
    form = forms.EntityQuickForm(request.POST)
    field = request.POST.get("field") if request.POST.get("field") == "claimant" else "speaker"
    context = {"article": article, "field": field, "entity": None, "errors": []}
    status = 200
    try:
        if not form.is_valid():
            require_writer(user=request.user, team=team)
            raise ValidationError(_form_messages(form))
        data = form.cleaned_data
        # A name or alias already in the registry picks that entity instead of a twin.
        require_writer(user=request.user, team=team)
        context["entity"] = entity_named(team=team, name=data["q"]) or entity_create(
            team=team, actor=request.user, name=data["q"], kind=data["kind"]
        )
    except ValidationError as error:
        context["errors"], status = error.messages, 400
    return render(request, "annotations/_picker.html", context, status=status)


@require_GET
def source_search_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """Find the team's sources by URL or title, for the evidence form."""
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    query = request.GET.get("source_q", "").strip()[:200]
    team = article.project.team
    sources = list(source_list(user=request.user, team=team, query=query)[:PICKER_RESULTS])
    return render(request, "annotations/_source_results.html", {"sources": sources, "q": query})


# --- helpers ----------------------------------------------------------------------------------


def _panel_context(
    request: HtmxHttpRequest,
    annotation: Annotation,
    *,
    can_change: bool | None = None,
    can_comment: bool | None = None,
    evidence: list | None = None,
    comments: list | None = None,
    **extra: object,
) -> dict:
    """What the panel shows; pass what is already known to save the queries."""
    article = annotation.article
    locked = ""
    if can_change is None:
        try:
            require_annotation_writer(user=request.user, annotation=annotation)
            can_change = True
        except AnnotationLocked as error:
            # Its author sees why the edit controls are gone.
            can_change, locked = False, str(error)
        except PermissionDenied:
            can_change = False
    if can_comment is None:
        can_comment = can_change or _allowed(
            require_writer, user=request.user, team=article.project.team
        )
    return {
        "annotation": annotation,
        "article": article,
        "can_change": can_change,
        "can_comment": can_comment,
        "locked": locked,
        # Querysets stay lazy: a fragment that does not show them costs no query.
        "evidence": annotation.evidence.all() if evidence is None else evidence,
        "comments": annotation.comments.all() if comments is None else comments,
        "rating_scale": article.project.rating_scale,
        "evidence_form": forms.EvidenceForm(),
        "comment_form": forms.CommentForm(),
        **extra,
    }


def _allowed(check: object, **kwargs: object) -> bool:
    try:
        check(**kwargs)
    except PermissionDenied:
        return False
    return True


def _chosen(form: forms.QuoteForm | forms.ClaimForm, article: Article) -> dict:
    """The entity each picker shows as picked: from the submitted or the initial data."""
    cleaned = getattr(form, "cleaned_data", {})
    chosen = {}
    for name in ("speaker", "claimant"):
        value = cleaned.get(name)
        if value is None and not form.is_bound and form.initial.get(name):
            entities = entity_list(user=form.user, team=article.project.team)
            value = form.known.get((Entity, form.initial[name])) or (
                entities.filter(pk=form.initial[name]).first()
            )
        chosen[f"chosen_{name}"] = value if isinstance(value, Entity) else None
    return chosen


def _form_messages(form: object) -> list[str]:
    errors = form.errors
    return [message for field_errors in errors.values() for message in field_errors]


def _render(
    request: HtmxHttpRequest,
    template: str,
    partial: str,
    context: dict,
    *,
    status: int = 200,
    changed: bool = False,
) -> HttpResponse:
    name = f"{template}#{partial}" if request.htmx else template
    response = render(request, name, context, status=status)
    return trigger_client_event(response, CHANGED) if changed else response

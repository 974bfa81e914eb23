"""The change history of an annotation (a tab of the side panel) and of an entity.

Loaded on demand: the panel and the entity page cost nothing until someone opens the history.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from workbench.annotations.history import annotation_history, entity_history
from workbench.annotations.models import Annotation, Entity
from workbench.http import HtmxHttpRequest

TEMPLATE = "annotations/history.html"


@require_GET
def annotation_history_view(request: HtmxHttpRequest, annotation_id: int) -> HttpResponse:
    try:
        entries = annotation_history(user=request.user, annotation_id=annotation_id)
    except Annotation.DoesNotExist as error:
        raise Http404 from error
    return _render(request, entries, back=("annotations:annotation_detail", annotation_id))


@require_GET
def entity_history_view(request: HtmxHttpRequest, entity_id: int) -> HttpResponse:
    try:
        entries = entity_history(user=request.user, entity_id=entity_id)
    except Entity.DoesNotExist as error:
        raise Http404 from error
    return _render(request, entries, back=("annotations:entity_detail", entity_id))


def _render(request: HtmxHttpRequest, entries: list, back: tuple[str, int]) -> HttpResponse:
    template = f"{TEMPLATE}#history" if request.htmx else TEMPLATE
    # Newest first, as people read a history.
    context = {"entries": entries[::-1], "back_name": back[0], "back_id": back[1]}
    return render(request, template, context)

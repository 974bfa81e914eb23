"""The article page's suggestion list: show, accept (a), reject (x), accept all above a score."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from workbench.accounts.selectors import membership_get
from workbench.articles.models import Article
from workbench.articles.selectors import article_list
from workbench.http import HtmxHttpRequest
from workbench.suggest.forms import AcceptAllForm, SuggestionForm
from workbench.suggest.selectors import suggestion_list
from workbench.suggest.services import (
    suggestion_accept,
    suggestion_accept_all,
    suggestion_reject,
)

PARTIAL = "suggest/_suggestions.html"
CHANGED = "annotations-changed"


def _render(request: HtmxHttpRequest, article: Article, errors: list[str] = ()) -> HttpResponse:
    me = membership_get(user=request.user, team=article.project.team)
    context = {
        "article": article,
        "suggestions": suggestion_list(article=article),
        "can_write": bool(me and me.can_write),
        "is_lead": bool(me and me.is_lead),
        "accept_all_form": AcceptAllForm(),
        "errors": list(errors),
    }
    return render(request, PARTIAL, context)


def _article(request: HtmxHttpRequest, article_id: int) -> Article:
    return get_object_or_404(article_list(user=request.user), pk=article_id)


@require_GET
def suggestion_list_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    return _render(request, _article(request, article_id))


@require_POST
def suggestion_accept_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = _article(request, article_id)
    form = SuggestionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_text(), code="invalid")
        suggestion_accept(article=article, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _render(request, article, error.messages)
    return trigger_client_event(_render(request, article), CHANGED)


@require_POST
def suggestion_reject_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = _article(request, article_id)
    form = SuggestionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_text(), code="invalid")
        suggestion_reject(article=article, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _render(request, article, error.messages)
    return _render(request, article)


@require_POST
def suggestion_accept_all_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = _article(request, article_id)
    form = AcceptAllForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_text(), code="invalid")
        suggestion_accept_all(article=article, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _render(request, article, error.messages)
    return trigger_client_event(_render(request, article), CHANGED)

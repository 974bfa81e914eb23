"""The article page's suggestion list: show, accept (a), reject (x), accept all above a score;
and its sentences ranked by check-worthiness ("the top 10 %"), each with its reasons."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from workbench.accounts.selectors import membership_get
from workbench.articles.models import Article
from workbench.articles.selectors import article_list
from workbench.factchecks.matching import already_checked
from workbench.http import HtmxHttpRequest
from workbench.suggest.forms import AcceptAllForm, SentenceFilterForm, SuggestionForm
from workbench.suggest.models import RunState
from workbench.suggest.selectors import sentence_ranking, suggestion_list
from workbench.suggest.services import (
    suggestion_accept,
    suggestion_accept_all,
    suggestion_reject,
    suggestions_prepare,
)

PARTIAL = "suggest/_suggestions.html"
PAGE = "suggest/panel_page.html"
CHANGED = "annotations-changed"


def _render(request: HtmxHttpRequest, article: Article, errors: list[str] = ()) -> HttpResponse:
    me = membership_get(user=request.user, team=article.project.team)
    context = {
        "article": article,
        "can_write": bool(me and me.can_write),
        "is_lead": bool(me and me.is_lead),
        "accept_all_form": AcceptAllForm(),
        "errors": list(errors),
        **_listing(request, article),
    }
    items = [listed.item for listed in context["page"].object_list] if context["page"] else []
    context["checked"] = already_checked(user=request.user, article=article, sentences=items)
    return _panel(request, PARTIAL, context, _("Suggestions"))


def _panel(request: HtmxHttpRequest, partial: str, context: dict, title: str) -> HttpResponse:
    """The panel for the article page (htmx), or, opened on its own (its link without
    JavaScript, a bookmark, Back), a page around it with a title and the way back."""
    if request.htmx:
        return render(request, partial, context)
    return render(request, PAGE, {**context, "partial": partial, "panel_title": title})


def _listing(request: HtmxHttpRequest, article: Article) -> dict:
    """The page of suggestions to show, or why there are none (too long, over time, running)."""
    try:
        run = suggestions_prepare(article=article)
    except ValidationError as error:
        return {"unavailable": error.messages, "page": None}
    if run.state != RunState.DONE:
        return {"state": run.state, "budget": run.budget, "page": None}
    listed = suggestion_list(user=request.user, article=article)
    paginator = Paginator(listed, settings.WORKBENCH_SUGGEST_PAGE_SIZE)
    return {"page": paginator.get_page(request.GET.get("page") or request.POST.get("page"))}


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


@require_GET
def sentence_list_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = _article(request, article_id)
    form = SentenceFilterForm(request.GET)
    chosen = form.filters()
    context = {"article": article, "form": form, "sentences": None, "notices": form.notices()}
    try:
        context["sentences"] = sentence_ranking(
            article=article, order=chosen.get("order") or "score", top=chosen.get("top") or 10
        )
    except ValidationError as error:
        context["unavailable"] = error.messages
    context["checked"] = already_checked(
        user=request.user, article=article, sentences=context["sentences"] or []
    )
    return _panel(request, "suggest/_sentences.html", context, _("Check-worthy sentences"))

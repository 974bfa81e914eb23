"""The annotation reader: an article's text with its highlights and the annotation list beside it.

Its URLs keep the names and paths of the articles: namespace (see workbench/urls.py), so links
and bookmarks are as before.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from workbench.accounts.selectors import membership_get
from workbench.accounts.services import require_writer
from workbench.annotations.forms import ListFilterForm
from workbench.annotations.highlights import body_paragraphs
from workbench.annotations.models import AnchorState, Annotation
from workbench.annotations.reader_html import (
    annotation_items_html,
    body_html,
    detail_url,
    detail_url_pattern,
)
from workbench.annotations.revisions import revision_add, revision_texts
from workbench.annotations.selectors import reader_annotation_list
from workbench.annotations.services import (
    AnnotationLocked,
    StaleRevision,
    require_article_open,
)
from workbench.articles.anchoring import diff_pieces
from workbench.articles.forms import MoveLineForm, RevisionDiffForm, RevisionForm
from workbench.articles.models import Article, ArticleStatus
from workbench.articles.selectors import article_list
from workbench.articles.services import article_move_line, article_text_locked
from workbench.http import HtmxHttpRequest
from workbench.jobs.starts import job_refetch_article

ARTICLE_PARTIALS = {"annotated-body", "annotation-list", "article-text", "details-actions"}


@require_GET
def article_detail_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    template = "annotations/article_detail.html"
    if request.htmx and request.htmx.target in ARTICLE_PARTIALS:
        # The annotation list and the highlights refresh themselves after each change.
        template += f"#{request.htmx.target}"
    return render(request, template, _article_context(request, article))


@require_POST
def article_move_line_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_writer(user=request.user, team=article.project.team)
    form = MoveLineForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            article = article_move_line(article=article, actor=request.user, **form.cleaned_data)
            status = 200
        except ValidationError as error:
            form.add_error(None, error)
            status = 409 if error.code == "stale" else 400
    context = {**_article_context(request, article), "move_form": form}
    template = "annotations/article_detail.html"
    if request.htmx:
        template += "#article-text"
    return render(request, template, context, status=status)


@require_POST
def article_revision_add_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_writer(user=request.user, team=article.project.team)
    form = RevisionForm(request.POST)
    if not form.is_valid():
        return _revision_refused(request, article, form)
    try:
        revision_add(
            article=article,
            text=form.cleaned_data["text"],
            origin=form.cleaned_data["origin"],
            by=request.user,
            seen=form.cleaned_data["revision"],
        )
    except ValidationError as error:
        return _revision_refused(request, article, form, error)
    return _redirect(request, article.get_absolute_url())


@require_GET
def article_lines_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """Every line of the input, those set aside marked: loaded when their panel opens."""
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    if request.htmx:
        context = {"article": article, "raw_lines": _raw_lines(article), "can_move_lines": False}
        return render(request, "annotations/article_detail.html#raw-lines", context)
    # Without htmx: the reader, the lines in their panel.
    context = {**_article_context(request, article)}
    context["raw_lines"] = context["raw_lines"] or _raw_lines(article)
    return render(request, "annotations/article_detail.html", context)


@require_GET
def article_revision_form_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """The form for a corrected text, holding the current one: loaded when its panel opens."""
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_writer(user=request.user, team=article.project.team)
    form = RevisionForm(initial={"revision": article.revision, "text": article.body})
    if request.htmx:
        context = {"article": article, "revision_form": form}
        return render(request, "annotations/article_detail.html#revision-form", context)
    # Without htmx: the reader, the form in its panel.
    context = {**_article_context(request, article), "revision_form": form}
    return render(request, "annotations/article_detail.html", context)


@require_POST
def article_refetch_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    require_writer(user=request.user, team=article.project.team)
    try:
        if not article.url:  # said at once, on the article, rather than on a job's page
            raise ValidationError(_("This article has no URL to fetch again."), code="no_url")
        # A slow site must not hold the request: the fetch runs as a job with its own page.
        job = job_refetch_article(article=article, actor=request.user)
    except ValidationError as error:
        # A bound form, to carry the error: the current text, as the panel offers it.
        form = RevisionForm({"text": article.body, "revision": article.revision})
        form.is_valid()
        return _revision_refused(request, article, form, error)
    return _redirect(request, job.get_absolute_url())


@require_GET
def article_revision_diff_view(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    texts = revision_texts(article=article)
    form = RevisionDiffForm(request.GET, latest=article.revision)
    older, newer = form.pair()
    context = {
        "notices": form.notices(),
        "article": article,
        "revisions": texts,
        "older": older,
        "newer": newer,
        "pieces": diff_pieces(texts[older].text, texts[newer].text) if older in texts else [],
    }
    return render(request, "annotations/revision_diff.html", context)


@require_GET
def article_revision_detail_view(
    request: HtmxHttpRequest, article_id: int, number: int
) -> HttpResponse:
    article = get_object_or_404(article_list(user=request.user), pk=article_id)
    texts = revision_texts(article=article)
    if number not in texts:
        raise Http404(_("This article has no revision %(n)s.") % {"n": number})
    context = {"article": article, "revision": texts[number], "revisions": texts}
    return render(request, "annotations/revision_detail.html", context)


def _revision_refused(
    request: HtmxHttpRequest,
    article: Article,
    form: RevisionForm,
    error: ValidationError | None = None,
) -> HttpResponse:
    """Show the article with why its new revision was refused (409 if the text moved on)."""
    if error is not None:
        form.add_error(None, error)
    context = {**_article_context(request, article), "revision_form": form}
    status = 409 if isinstance(error, StaleRevision) else 400
    return render(request, "annotations/article_detail.html", context, status=status)


def _redirect(request: HtmxHttpRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _submitted(request: HtmxHttpRequest, article: Article, role: str) -> bool:
    """Whether the user submitted their work here, so that the page stops inviting annotation."""
    try:
        require_article_open(user=request.user, article=article, role=role)
    except AnnotationLocked:
        return True
    return False


def _article_context(request: HtmxHttpRequest, article: Article) -> dict:
    me = membership_get(user=request.user, team=article.project.team)
    annotations = list(reader_annotation_list(user=request.user, article=article))
    for annotation in annotations:
        # The page reads the article through its annotations (anchoring, provenance).
        annotation.article = article
    can_move_lines = (
        bool(me and me.can_write) and not annotations and not article_text_locked(article)
    )
    return {
        "article": article,
        "project": article.project,
        "can_edit": bool(me and me.can_write),
        "can_edit_details": bool(me and me.can_write) and article.status != ArticleStatus.REVIEWED,
        "submitted": bool(me and me.can_write) and _submitted(request, article, me.role),
        # The visible annotations first (no query); the lock also counts hidden ones, which
        # exist only where the lock holds anyway (two or more reviewers assigned).
        "can_move_lines": can_move_lines,
        # Read-only, the input's lines are the text once more: loaded when their panel opens.
        "raw_lines": _raw_lines(article) if can_move_lines else None,
        # The revision form holds the whole text again: loaded on demand (article_revision_form).
        "revision_form": None,
        **_annotation_context(request, article, annotations),
    }


def _raw_lines(article: Article) -> list[dict]:
    """Return the input's non-blank lines, numbered, with why each set-aside line was."""
    removed_by_line = {r["line"]: r for r in article.removed}
    return [
        {"number": i, "text": text, "removed": removed_by_line.get(i)}
        for i, text in enumerate(article.input_text.split("\n"))
        if text.strip()
    ]


def _annotation_context(
    request: HtmxHttpRequest, article: Article, annotations: list[Annotation]
) -> dict:
    """Highlights, the jump index for the keyboard, and the filtered list beside the text."""
    search = ListFilterForm(request.GET)
    filters = search.filters()
    kind, speaker = filters.get("kind") or "", filters.get("speaker")
    entities = {e.pk: e for a in annotations for e in (a.speaker, a.claimant) if e is not None}
    # An orphan's span indexes an older revision: it is listed apart, never highlighted.
    orphans = [a for a in annotations if a.anchor_state == AnchorState.ORPHANED]
    annotations = [a for a in annotations if a.anchor_state != AnchorState.ORPHANED]
    listed = [
        a
        for a in annotations
        if (not kind or a.kind == kind)
        and (speaker is None or speaker in (a.speaker_id, a.claimant_id))
    ]
    url_pattern = detail_url_pattern()
    return {
        "body_html": body_html(body_paragraphs(article.body, annotations)),
        "annotations": annotations,
        "orphans": orphans,
        "listed": listed,
        "listed_html": annotation_items_html(listed),
        "filters": {"kind": kind, "speaker": speaker},
        "notices": search.notices(),
        "speakers": sorted(entities.values(), key=lambda e: e.name.casefold()),
        "annotation_index": [
            {
                "id": a.pk,
                "kind": a.kind,
                "start": a.start,
                "end": a.end,
                "url": detail_url(url_pattern, a.pk),
            }
            for a in annotations
        ],
    }

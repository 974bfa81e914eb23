"""Writes for projects and articles. Every way of loading an article goes through article_import.

Batches (files, JSON Lines, spans) are imports.services', above this app and annotations.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from workbench.accounts.models import Team
from workbench.accounts.services import require_lead, require_writer
from workbench.articles.cleanup import Cleaned, RemovedLine, build_body
from workbench.articles.fetch import FetchError, fetch_url
from workbench.articles.models import Article, ArticleStatus, ImportSource, Project
from workbench.articles.pipeline import prepare
from workbench.db import insert_rows, row_values
from workbench.search.schema import bulk_indexing

MOVED_REASON = "moved by reviewer"


# --- projects ---------------------------------------------------------------------------------


@transaction.atomic
def project_create(
    *,
    team: Team,
    actor: AbstractBaseUser,
    name: str,
    slug: str,
    description: str = "",
    rating_scale: list[str] | None = None,
    rating_axis: int | None = None,
    suggest_on_import: bool = False,
) -> Project:
    """Create a project in the team (leads only); see Project.rating_values for the axis."""
    require_lead(user=actor, team=team)
    project = Project(team=team, name=name.strip(), slug=slug, description=description)
    project.rating_axis, project.suggest_on_import = rating_axis, suggest_on_import
    if rating_scale is not None:
        project.rating_scale = rating_scale
    project.created_by = actor
    project.full_clean()
    project.save()
    return project


@transaction.atomic
def project_update(
    *,
    project: Project,
    actor: AbstractBaseUser,
    name: str,
    slug: str,
    description: str,
    rating_scale: list[str],
    rating_axis: int | None = None,
    suggest_on_import: bool | None = None,
) -> Project:
    """Change a project's name, slug, description, rating scale or import switches (leads only).

    `suggest_on_import` None leaves the switch as it is (the API does not send it).
    """
    require_lead(user=actor, team=project.team)
    project.name, project.slug, project.description = name.strip(), slug, description
    project.rating_scale, project.rating_axis = rating_scale, rating_axis
    if suggest_on_import is not None:
        project.suggest_on_import = suggest_on_import
    project.full_clean()
    project.save()
    return project


# --- importing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    article: Article
    created: bool
    label: str = ""

    @property
    def message(self) -> str:
        if self.created:
            return _("Imported as article %(id)s.") % {"id": self.article.pk}
        return _("Already imported as article %(id)s.") % {"id": self.article.pk}


@dataclass(frozen=True)
class Overrides:
    """Metadata the user typed in; it wins over what the cleaner recovered."""

    title: str = ""
    outlet: str = ""
    byline: str = ""
    url: str = ""
    published: datetime.date | None = None


def body_checksum(body: str) -> str:
    """Return the checksum that identifies an article's body within a project."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def article_import(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    cleaned: Cleaned,
    source: str,
    overrides: Overrides = Overrides(),  # noqa: B008 - frozen, so a shared default is safe
) -> ImportResult:
    """Store a cleaned article in the project, or return the one already holding the same body.

    The single write path for paste, upload, URL and the command line; JSON Lines batches go
    through articles_store, which applies the same rules to many articles at once.
    """
    article = article_build(
        project=project, actor=actor, cleaned=cleaned, source=source, overrides=overrides
    )
    existing = project.articles.filter(checksum=article.checksum).first()
    if existing is not None:
        return ImportResult(article=existing, created=False)
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another request stored the same body between our check and our insert.
        return ImportResult(article=project.articles.get(checksum=article.checksum), created=False)
    return ImportResult(article=article, created=True)


def articles_store(*, project: Project, articles: list[Article]) -> list[ImportResult]:
    """Store validated new articles in one transaction, each body once per project.

    One query finds the bodies already there, one insert writes the rest: a batch of a
    thousand costs a few round trips instead of a few thousand.
    """
    checksums = {a.checksum for a in articles}
    known = {a.checksum: a for a in project.articles.filter(checksum__in=checksums)}
    results, fresh = [], []
    for article in articles:
        if article.checksum in known:
            results.append(ImportResult(article=known[article.checksum], created=False))
            continue
        known[article.checksum] = article
        fresh.append(article)
        results.append(ImportResult(article=article, created=True))
    try:
        with transaction.atomic(), bulk_indexing(connection, rows=len(fresh)) as index:
            _insert_articles(project, fresh)
            index.index_articles([article.pk for article in fresh])
    except IntegrityError:
        # A concurrent import stored some of these bodies: fall back to one at a time.
        return [_store_one(project, r.article) if r.created else r for r in results]
    return results


def _insert_articles(project: Project, articles: list[Article]) -> None:
    """Insert validated articles with one multi-row statement, then learn their ids.

    What bulk_create does, without compiling a 10,000-parameter statement per batch (100 ms
    for 500 articles, now 30); the ids come back by checksum, unique in a project.
    """
    now = timezone.now()
    for article in articles:
        article.created = article.updated = now
    values = row_values(Article)
    insert_rows(Article, [values(a) for a in articles])
    ids = dict(
        Article.objects.filter(
            project=project, checksum__in=[a.checksum for a in articles]
        ).values_list("checksum", "pk")
    )
    for article in articles:
        article.pk = ids[article.checksum]
        article._state.adding, article._state.db = False, connection.alias


def _store_one(project: Project, article: Article) -> ImportResult:
    article.pk = None
    existing = project.articles.filter(checksum=article.checksum).first()
    if existing is not None:
        return ImportResult(article=existing, created=False)
    article.save()
    return ImportResult(article=article, created=True)


def article_build(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    cleaned: Cleaned,
    source: str,
    overrides: Overrides,
) -> Article:
    """Return a validated, unsaved article from cleaned text and what the user typed.

    Public for the batch imports (imports.services), which store many with articles_store.
    """
    article = Article(
        project=project,
        title=(overrides.title or cleaned.title)[:500],
        title_is_provisional=not overrides.title and cleaned.title_is_provisional,
        outlet=(overrides.outlet or cleaned.outlet)[:200],
        byline=(overrides.byline or cleaned.byline)[:300],
        url=overrides.url,
        published=overrides.published or cleaned.published,
        language=cleaned.language[:16],
        body=cleaned.body,
        # The body again would double what an import writes: "" stands for it (input_text).
        raw="" if cleaned.raw == cleaned.body else cleaned.raw,
        removed=[_removed_json(r) for r in cleaned.removed],
        syndicated_by=cleaned.syndicated_by[:200],
        retrieved=cleaned.retrieved,
        is_truncated=cleaned.is_truncated,
        checksum=body_checksum(cleaned.body),
        source=source,
        created_by=actor,
    )
    # The project and the actor are real rows already: skip the per-row existence queries.
    article.full_clean(exclude=["checksum", "project", "created_by"], validate_constraints=False)
    return article


def article_import_text(
    *,
    project: Project,
    actor: AbstractBaseUser | None,
    text: str,
    source: str = ImportSource.PASTE,
    overrides: Overrides = Overrides(),  # noqa: B008
) -> ImportResult:
    """Clean pasted or uploaded text (or HTML) and import it."""
    if actor is not None:
        require_writer(user=actor, team=project.team)
    cleaned = prepare(text=text, url=overrides.url)
    return article_import(
        project=project, actor=actor, cleaned=cleaned, source=source, overrides=overrides
    )


def article_import_url(
    *, project: Project, actor: AbstractBaseUser | None, url: str, source: str = ImportSource.URL
) -> ImportResult:
    """Fetch a web page (SSRF-safe), extract its article and import it."""
    if actor is not None:
        require_writer(user=actor, team=project.team)
    try:
        page = fetch_url(url)
    except FetchError as error:
        raise ValidationError(str(error), code=error.code) from error
    return article_import(
        project=project,
        actor=actor,
        cleaned=prepare(text=page.text, url=page.url, content_type=page.content_type),
        source=source,
        overrides=Overrides(url=page.url[:2000]),
    )


# --- reading and correcting an article --------------------------------------------------------


@transaction.atomic
def article_update(
    *,
    article: Article,
    actor: AbstractBaseUser,
    title: str,
    outlet: str = "",
    byline: str = "",
    url: str = "",
    published: datetime.date | None = None,
) -> Article:
    """Correct an article's metadata; a title saved by a reviewer is no longer provisional."""
    require_writer(user=actor, team=article.project.team)
    # Read the status under a row lock: an approval cannot slip in between check and save.
    require_details_open(
        article=Article.objects.select_for_update().only("status").get(pk=article.pk)
    )
    article.title, article.outlet, article.byline = title.strip(), outlet.strip(), byline.strip()
    article.url, article.published = url, published
    article.title_is_provisional = False
    article.full_clean(exclude=["checksum"], validate_constraints=False)
    article.save()
    return article


def require_details_open(*, article: Article) -> None:
    """Refuse to change the details of a reviewed article: the approved review describes them.

    Like its text, an article's title, byline, URL and dates are part of what was reviewed;
    changing them afterwards would make the approved record say something nobody approved.
    """
    if article.status == ArticleStatus.REVIEWED:
        raise ValidationError(
            _(
                "This article is reviewed: its details (title, outlet, byline, URL, date) are "
                "locked, like its text."
            ),
            code="article_reviewed",
        )


@transaction.atomic
def article_move_line(
    *, article: Article, actor: AbstractBaseUser, line: int, to: str, checksum: str
) -> Article:
    """Move one input line between the body and the removed lines, before any annotation exists.

    `checksum` is the body the reviewer was looking at; a different one means someone else
    changed the text meanwhile, and the move is refused rather than applied to the wrong line.
    """
    require_writer(user=actor, team=article.project.team)
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.checksum != checksum:
        raise ValidationError(
            _("Someone changed this article's text meanwhile; reload and try again."),
            code="stale",
        )
    if article_text_locked(article):
        raise ValidationError(TEXT_LOCKED_MESSAGE, code="annotated")
    lines = article.input_text.split("\n")
    if not 0 <= line < len(lines) or not lines[line].strip():
        raise ValidationError(_("There is no such line."), code="no_such_line")
    removed = [RemovedLine(**r) for r in article.removed]
    is_removed = any(r.line == line for r in removed)
    if to == "removed" and not is_removed:
        removed.append(RemovedLine(line=line, text=lines[line], reason=MOVED_REASON))
    elif to == "body" and is_removed:
        removed = [r for r in removed if r.line != line]
    else:
        raise ValidationError(_("That line is already there."), code="no_change")
    removed.sort(key=lambda r: r.line)
    body = build_body(article.input_text, {r.line for r in removed})
    if not body.strip():
        raise ValidationError(_("The body cannot be empty."), code="empty_body")
    new_checksum = body_checksum(body)
    if article.project.articles.exclude(pk=article.pk).filter(checksum=new_checksum).exists():
        raise ValidationError(
            _("Another article in this project already has exactly this text."),
            code="duplicate_body",
        )
    article.body, article.checksum = body, new_checksum
    article.removed = [_removed_json(r) for r in removed]
    article.save(update_fields=["body", "checksum", "removed", "updated"])
    return article


def article_has_annotations(article: Article) -> bool:
    """Return whether any annotation anchors on the article's body (which then may not change)."""
    related = getattr(article, "annotations", None)
    return related is not None and related.exists()


# One message for every case, so that a refusal never tells a reviewer whether a blind
# co-reviewer has started (issue 20, item 13).
TEXT_LOCKED_MESSAGE = _lazy(
    "The text can no longer change: it has annotations, or two or more reviewers are "
    "assigned to annotate it blind."
)


def article_text_locked(article: Article) -> bool:
    """Return whether the article's text may no longer change (lines no longer move).

    Locked once it has annotations, and, whatever it holds, once two or more reviewers are
    assigned: their drafts are hidden from each other (the blind rule), and a text that locked
    only when they existed would reveal them.
    """
    assignments = getattr(article, "assignments", None)
    return article_has_annotations(article) or (
        assignments is not None and assignments.count() >= 2
    )


# --- helpers ----------------------------------------------------------------------------------


def _removed_json(line: RemovedLine) -> dict:
    return {"line": line.line, "text": line.text, "reason": line.reason}

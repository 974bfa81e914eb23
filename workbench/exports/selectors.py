"""Reads for the exports: one project's rows, a page of articles at a time, as plain tuples.

The caller has already found the project through a user-scoped selector (the API) or as the
operator (the command line); everything here is filtered by that project or by the ids of its
own articles, so another team's rows cannot come along. Annotations are read through
`visible_annotations(user)`, which applies the annotation list's blind rule in SQL: an export
never holds what the same user's annotation list hides (user None is the operator at the
command line, who sees everything). Rows are tuples from `values_list`
rather than model instances: an export touches every row once, and instances would cost more
than the serialising does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import itemgetter

from django.contrib.auth import get_user_model
from django.db import connections
from django.db.models import QuerySet

from workbench.annotations.fields import EXPORT_ROW_HEAD
from workbench.annotations.models import AnchorState, Annotation, Comment, Entity, Evidence
from workbench.annotations.selectors import blind_rule
from workbench.articles.models import Article, Project, Revision
from workbench.exports.common import Viewer

# Large enough that per-page queries are few (40 pages for 10,000 articles), small enough that
# a page of 4,000-character bodies with their annotations stays a few megabytes: at 500 the
# exporting process grew by 50 MB, at 250 by 27 MB, equally fast.
PAGE_SIZE = 250

# The order of annotations everywhere (see _text_order): the placed ones in text order, the
# longer of two spans starting together first, then creation; then the orphans (whose spans
# index older revisions) in the same order. Ordinals (the exported annotation ids) count in it.
# Where the head of every annotation row sits (see export_pages).
PK, ARTICLE, START, END, STATE = map(
    EXPORT_ROW_HEAD.index, ("pk", "article_id", "start", "end", "anchor_state")
)
ORPHANED = AnchorState.ORPHANED.value


@dataclass(frozen=True)
class Page:
    """A page of articles with their annotations, each article's list in text order."""

    articles: list[tuple]
    annotations: dict[int, list[tuple]]
    usernames: dict[int, str]
    # The page's article ids as a subquery: the database reads it once per query, where a list
    # of hundreds of parameters costs Django more to prepare than the database to run.
    ids: QuerySet


def export_article_count(*, project: Project) -> int:
    """Return how many articles an export of the project reads: all, whatever the filter."""
    return Article.objects.filter(project=project).count()


def visible_annotations(user: Viewer) -> QuerySet[Annotation]:
    """Return the annotations the user's annotation list could show, all for the operator (None).

    The team rule holds already (the project was found through the user's teams); this adds the
    blind rule, as EXISTS probes of an index that the database runs per row, so that an export
    stays one query per page. Orphaned annotations are in: an export never loses one silently;
    each format writes it against the older revision its span indexes.
    """
    if user is None:
        return Annotation.objects.all()
    return Annotation.objects.filter(blind_rule(user))


def export_annotation_count(*, project: Project, user: Viewer, status: str = "") -> int:
    """Return how many annotations of the project an export with this status filter writes."""
    annotations = visible_annotations(user).filter(article__project=project)
    if status:
        annotations = annotations.filter(status=status)
    return annotations.count()


def export_pages(
    *,
    project: Project,
    user: Viewer,
    article_fields: Sequence[str],
    annotation_fields: Sequence[str],
    size: int = PAGE_SIZE,
) -> Iterator[Page]:
    """Yield the project's articles in id order, `size` at a time, with all their annotations.

    Keyset paging (`pk > last`) keeps every page as cheap as the first, and two or three
    queries per page replace one per article. Each article row starts with its pk; each
    annotation row is (*EXPORT_ROW_HEAD, *annotation_fields), where the field
    "annotator_id" has its username in the page's `usernames` (shared by the pages: it holds
    every annotator named so far). Annotations come unfiltered by status: their ordinals must
    not depend on the filter, so callers filter while writing. They are the ones the user may
    see (`visible_annotations`): what is hidden is left out in SQL, so it takes no ordinal and
    leaves no gap.
    Boolean fields may come as 0/1: read them with bool().
    """
    fields = [*EXPORT_ROW_HEAD, *annotation_fields]
    annotator = fields.index("annotator_id") if "annotator_id" in fields else -1
    # Without converters the driver's values are what we need, except SQLite's dates and times
    # (text there): a query that reads them goes through the ORM.
    raw = not any(
        Annotation._meta.get_field(name).get_internal_type() in ("DateField", "DateTimeField")
        for name in annotation_fields
        if "__" not in name
    )
    # Built once: choosing the columns costs Django more than filtering a built query by page.
    in_project = Article.objects.filter(project=project).order_by("pk")
    article_rows = in_project.values_list("pk", *article_fields)
    article_ids = in_project.values("pk")
    annotation_rows = visible_annotations(user).values_list(*fields)
    last = 0
    usernames: dict[int, str] = {}
    while True:
        articles = list(article_rows.filter(pk__gt=last)[:size])
        if not articles:
            return
        ids = article_ids.filter(pk__gt=last)[:size]
        annotations = annotation_rows.filter(article_id__in=ids)
        rows = _raw_rows(annotations) if raw else list(annotations.order_by())
        if annotator >= 0 and rows:
            # One small query instead of a join on every row, and only for annotators that
            # earlier pages have not already named (a project has a handful of annotators).
            missing = {row[annotator] for row in rows}.difference(usernames)
            if missing:
                usernames.update(
                    get_user_model().objects.filter(pk__in=missing).values_list("pk", "username")
                )
        grouped: dict[int, list[tuple]] = {}
        for row in rows:
            group = grouped.get(row[ARTICLE])
            if group is None:
                grouped[row[ARTICLE]] = group = []
            group.append(row)
        for group in grouped.values():
            group.sort(key=_text_order)
        yield Page(articles, grouped, usernames, ids)
        if len(articles) < size:
            return
        last = articles[-1][0]


def _text_order(row: tuple) -> tuple[bool, int, int, int]:
    return row[STATE] == ORPHANED, row[START], -row[END], row[PK]


def _raw_rows(rows: QuerySet) -> list[tuple]:
    """Return a values_list query's rows as the database driver gives them.

    Unordered (the caller sorts each article's dozen annotations, which is cheaper than the
    database's sort of the whole page) and without Django's per-value converters, which cost
    a third of the export's time.
    """
    query = rows.order_by().query
    sql, params = query.get_compiler(using=rows.db).as_sql()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def export_has_revisions(*, project: Project) -> bool:
    """Return whether any article of the project was revised: if none, pages need not ask."""
    return Revision.objects.filter(article__project=project).exists()


def export_revisions(*, article_ids: QuerySet, text: bool = True) -> dict[int, list[dict]]:
    """Return the articles' revisions by article id, oldest first, as the exports write them.

    Each is {number, origin, stealth, created_by (username or None), created, text}; without
    `text`, the texts are not read (a format that only dates its selectors).
    """
    columns = ["article_id", "number", "origin", "stealth", "created_by__username", "created"]
    rows = Revision.objects.filter(article_id__in=article_ids).order_by("article_id", "number")
    grouped: dict[int, list[dict]] = {}
    for article_id, number, origin, stealth, by, created, *rest in rows.values_list(
        *columns, *(["text"] if text else [])
    ):
        item = {
            "number": number,
            "origin": origin,
            "stealth": bool(stealth),
            "created_by": by,
            "created": created,
        }
        if text:
            item["text"] = rest[0]
        grouped.setdefault(article_id, []).append(item)
    return grouped


def export_entities(*, ids: set[int]) -> dict[int, dict]:
    """Return speakers and claimants by id, as the nested objects the exports write."""
    if not ids:
        return {}
    rows = Entity.objects.filter(pk__in=ids).values_list(
        "pk", "name", "kind", "aliases", "description", "wikidata_id"
    )
    return {
        pk: {
            "name": name,
            "kind": kind,
            "aliases": aliases,
            "description": description,
            "wikidata_id": wikidata_id,
        }
        for pk, name, kind, aliases, description, wikidata_id in rows
    }


def page_entities_named(page: Page, *, columns: Sequence[str]) -> tuple[set[int], bool]:
    """Return the ids of the entities a page's annotation rows name, and whether any is a claim.

    `columns` names the columns of the format's annotation rows, which hold "kind",
    "speaker_id" and "claimant_id". Collected with map() so a page of 3,000 rows stays cheap.
    """
    speaker, claimant, kind = map(columns.index, ("speaker_id", "claimant_id", "kind"))
    rows = list(chain.from_iterable(page.annotations.values()))
    ids = set(map(itemgetter(speaker), rows))
    ids.update(map(itemgetter(claimant), rows))
    ids.discard(None)
    return ids, "claim" in set(map(itemgetter(kind), rows))


def export_has_rated_claims(*, project: Project, user: Viewer, status: str = "") -> bool:
    """Return whether the user may see a claim of the project with a verdict (and this status)."""
    claims = (
        visible_annotations(user).filter(article__project=project, kind="claim").exclude(verdict="")
    )
    if status:
        claims = claims.filter(status=status)
    return claims.exists()


def export_has_evidence(*, project: Project) -> bool:
    """Return whether any claim of the project has evidence: if none, pages need not ask."""
    return Evidence.objects.filter(claim__article__project=project).exists()


def export_has_comments(*, project: Project) -> bool:
    """Return whether any annotation of the project has comments: if none, pages need not ask."""
    return Comment.objects.filter(annotation__article__project=project).exists()


def export_evidence(*, article_ids: QuerySet) -> dict[int, list[dict]]:
    """Return the evidence of the articles' claims by claim id, oldest first, sources resolved."""
    rows = _evidence_rows().filter(claim__article_id__in=article_ids)
    sources: dict[int, dict] = {}
    grouped: dict[int, list[dict]] = {}
    for claim_id, stance, excerpt, note, source_id, *source in rows:
        if source_id not in sources:
            url, title, publisher, published, archived_url, kind = source
            sources[source_id] = {
                "url": url,
                "title": title,
                "publisher": publisher,
                "published": published,
                "archived_url": archived_url,
                "kind": kind,
            }
        item = {"source": sources[source_id], "stance": stance, "excerpt": excerpt, "note": note}
        grouped.setdefault(claim_id, []).append(item)
    return grouped


# The per-page queries' columns, chosen once per process: Django's cost of choosing them was a
# tenth of an export's time. Each call filters a clone; the base is never evaluated.
@cache
def _evidence_rows() -> QuerySet:
    return Evidence.objects.order_by("claim_id", "created", "id").values_list(
        "claim_id",
        "stance",
        "excerpt",
        "note",
        "source_id",
        "source__url",
        "source__title",
        "source__publisher",
        "source__published",
        "source__archived_url",
        "source__kind",
    )


@cache
def _comment_rows() -> QuerySet:
    return Comment.objects.order_by("annotation_id", "created", "id").values_list(
        "annotation_id", "author__username", "text", "created"
    )


def export_comments(*, article_ids: QuerySet) -> dict[int, list[dict]]:
    """Return the comment threads on the articles' annotations by annotation id, oldest first."""
    rows = _comment_rows().filter(annotation__article_id__in=article_ids)
    grouped: dict[int, list[dict]] = {}
    for annotation_id, author, text, created in rows:
        grouped.setdefault(annotation_id, []).append(
            {"author": author, "text": text, "created": created}
        )
    return grouped

"""Full-text search across the articles and annotations of the user's teams.

Scoping is the usual selectors' (`article_list`, `annotation_list`, which applies the blind
rule of double annotation), so search never shows what the article page would not; the
full-text engine only narrows and ranks (schema.py: FTS5 on SQLite, tsvector on PostgreSQL).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.utils.safestring import SafeString

from workbench.annotations.models import Annotation, Entity
from workbench.annotations.selectors import User, annotation_list
from workbench.articles.models import Article, Project
from workbench.articles.selectors import article_list
from workbench.search.query import Query, highlight, parse

SNIPPET_CHARS = 240
MAX_OFFSET = settings.WORKBENCH_SEARCH_MAX_OFFSET
ARTICLE = "article"
KINDS = (ARTICLE, "quote", "claim")


@dataclass(frozen=True)
class Hit:
    """A result: an article, or a quote or claim in one, with a link to that spot."""

    kind: str
    url: str
    article: Article
    title: SafeString
    snippet: SafeString
    annotation: Annotation | None = None
    speaker: SafeString | None = None
    rank: float = 0.0


@dataclass
class SearchResults:
    hits: list[Hit] = field(default_factory=list)
    has_more: bool = False


def search(
    *,
    user: User,
    query: str,
    project: Project | None = None,
    speaker: Entity | None = None,
    kind: str = "",
    verdict: str = "",
    status: str = "",
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Return the best matches among the user's teams' articles and annotations, best first.

    Filters on speaker, verdict or status concern annotations only, so they leave articles out;
    `kind` is "article", "quote" or "claim". Two queries, whatever the number of hits.
    """
    parsed = parse(query)
    if not parsed or not user.is_authenticated:
        return SearchResults()
    offset = max(0, min(offset, MAX_OFFSET))
    wanted = offset + limit + 1
    streams = []
    annotation_only = speaker is not None or verdict or status or kind in ("quote", "claim")
    if kind in ("", ARTICLE) and not annotation_only:
        streams.append(_article_hits(user, parsed, project, wanted))
    if kind != ARTICLE:
        filters = {"project": project, "speaker": speaker, "kind": kind}
        filters.update(verdict=verdict, status=status)
        streams.append(_annotation_hits(user, parsed, wanted, **filters))
    merged = list(heapq.merge(*streams, key=lambda hit: hit.rank))
    more = len(merged) > offset + limit
    return SearchResults(hits=merged[offset : offset + limit], has_more=more)


def _article_hits(user: User, query: Query, project: Project | None, wanted: int) -> list[Hit]:
    articles = article_list(user=user, project=project).defer("raw", "removed")
    return [
        Hit(
            kind=ARTICLE,
            url=article.get_absolute_url(),
            article=article,
            title=highlight(article.title, query),
            snippet=highlight(article.body, query, around=SNIPPET_CHARS),
            rank=rank,
        )
        for article, rank in _matching(articles, "article", query, wanted)
    ]


def _annotation_hits(
    user: User,
    query: Query,
    wanted: int,
    *,
    project: Project | None,
    speaker: Entity | None,
    kind: str,
    verdict: str,
    status: str,
) -> list[Hit]:
    annotations = annotation_list(user=user, kind=kind, speaker=speaker).prefetch_related(None)
    annotations = annotations.defer("article__body", "article__raw", "article__removed")
    if project is not None:
        annotations = annotations.filter(article__project=project)
    if verdict:
        annotations = annotations.filter(verdict=verdict)
    if status:
        annotations = annotations.filter(status=status)
    hits = []
    for annotation, rank in _matching(annotations, "annotation", query, wanted):
        who = annotation.speaker or annotation.claimant
        text = annotation.exact
        if annotation.rationale and "<mark>" not in highlight(text, query):
            text = annotation.rationale  # the words are in the rationale, not the quote
        hits.append(
            Hit(
                kind=annotation.kind,
                url=f"{annotation.article.get_absolute_url()}#annotation-{annotation.pk}",
                article=annotation.article,
                title=highlight(annotation.article.title, query),
                snippet=highlight(text, query, around=SNIPPET_CHARS),
                annotation=annotation,
                speaker=highlight(who.name, query) if who else None,
                rank=rank,
            )
        )
    return hits


# Per backend and table: the matching ids among a scope (a subquery), best first, with their
# rank, lower is better on both (bm25 is negative, ts_rank is negated). Constants: the query and
# the scope's values are parameters. The rank is computed in the same pass as the match: an FTS5
# rank in a correlated subquery re-runs the whole match for every row (7 s for 1,000 articles).
RANKED_SQL = {
    ("sqlite", "article"): (
        # Titles weigh more than body text.
        "SELECT rowid, bm25(search_article_fts, 5.0, 1.0) FROM search_article_fts "
        "WHERE search_article_fts MATCH %s AND rowid IN ({scope}) ORDER BY 2, 1 LIMIT %s"
    ),
    ("sqlite", "annotation"): (
        # Speakers weigh more than the quote's words, which weigh more than the rationale's.
        "SELECT rowid, bm25(search_annotation_fts, 1.0, 0.5, 2.0) FROM search_annotation_fts "
        "WHERE search_annotation_fts MATCH %s AND rowid IN ({scope}) ORDER BY 2, 1 LIMIT %s"
    ),
    # PostgreSQL ranks only the newest RANK_CANDIDATES matches: ts_rank reads each matching
    # document, and a common word matches nearly every article (4 s for 100,000 of them). The
    # candidates come from the GIN index when the word is rare, or from walking the primary key
    # backwards while the word is common (1,000 candidates: 20 ms). When more match, the best
    # among the newest are shown first, which is what a newsroom's search wants anyway.
    ("postgresql", "article"): (
        "SELECT article_id, -ts_rank(document, to_tsquery('simple'::regconfig, %s)) FROM ("
        "SELECT article_id, document FROM search_article_document "
        "WHERE document @@ to_tsquery('simple'::regconfig, %s) AND article_id IN ({scope}) "
        "ORDER BY article_id DESC LIMIT %s) candidates ORDER BY 2, 1 LIMIT %s"
    ),
    ("postgresql", "annotation"): (
        "SELECT annotation_id, -ts_rank(document, to_tsquery('simple'::regconfig, %s)) FROM ("
        "SELECT annotation_id, document FROM search_annotation_document "
        "WHERE document @@ to_tsquery('simple'::regconfig, %s) AND annotation_id IN ({scope}) "
        "ORDER BY annotation_id DESC LIMIT %s) candidates ORDER BY 2, 1 LIMIT %s"
    ),
}
RANK_CANDIDATES = settings.WORKBENCH_SEARCH_RANK_CANDIDATES


def _matching(rows: QuerySet, what: str, query: Query, limit: int) -> list[tuple[object, float]]:
    """Return the best `limit` rows (articles or annotations) matching, with their rank.

    Two queries: the ranked ids within the rows' scope, then those rows.
    """
    vendor = "postgresql" if connection.vendor == "postgresql" else "sqlite"
    scope, scope_params = rows.order_by().values("pk").query.sql_with_params()
    sql = RANKED_SQL[vendor, what].replace("{scope}", scope)
    if vendor == "postgresql":
        candidates = max(RANK_CANDIDATES, limit)
        params = [query.tsquery(), query.tsquery(), *scope_params, candidates, limit]
    else:
        params = [query.fts5(), *scope_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ranked = cursor.fetchall()
    found = rows.in_bulk([pk for pk, _rank in ranked]) if ranked else {}
    return [(found[pk], rank) for pk, rank in ranked if pk in found]

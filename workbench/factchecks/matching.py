""" "Already checked?": the team's imported fact-checks and earlier claims most like a text.

Two stages. The first asks the database for candidates with its own full-text engine:
- SQLite: FTS5 with BM25 (`factchecks_fts` for fact-checks; the search app's
  `search_annotation_fts` for claims), the text's content words OR-ed;
- PostgreSQL: full-text search (`simple` tsvectors, `ts_rank`) OR-ed the same way, ranked by
  `ts_rank` plus, for the best 80 fact-checks, the `pg_trgm` trigram similarity of the whole
  texts (which rewards spelling variants and shared word order). Trigrams rank, they do not
  select: a trigram search (`%`) over 100,000 claims with a sentence as the query took seconds.
The second, `order_candidates`, scores each candidate the same way on both databases with the
trained re-ranker (`factchecks.ranker`, weights from CLEF 2020 CheckThat! Task 2): each kind's
pool (the engine's best CANDIDATES) is re-ranked on its own, since the first stage's scores
are comparable within one index only, and a candidate's score is the re-ranker's calibrated
probability that it is a match (0–1). That probability is comparable between kinds, queries
and databases: ≥ STRONG is a "likely match", < SHOWN is not shown at all.

Scoping: fact-checks of the team (`factcheck_list`), claims of the team through
`claims_by_id`, which applies the same membership and blind rule as `annotation_list` (the
selector the lists and exports use), so the blind rule of double annotation holds here too.
Nothing crosses teams.
"""

# ruff: noqa: S608 - table names come from model metadata; every value is a parameter.
from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from django.db import connection

from workbench.accounts.models import Team
from workbench.annotations.models import Annotation
from workbench.annotations.selectors import User, claims_by_id
from workbench.articles.models import Article, Project
from workbench.factchecks.models import FactCheck
from workbench.factchecks.ranker import Candidate as RankerCandidate
from workbench.factchecks.ranker import matched_terms, rerank
from workbench.factchecks.ranker.features import prepare
from workbench.factchecks.selectors import factcheck_list
from workbench.factchecks.vectors import candidate_vectors, encode_ahead

FACTCHECK, CLAIM = "factcheck", "claim"
WORD = re.compile(r"[^\W_]+")
MAX_QUERY_TERMS = 24
# Each kind's pool for the re-ranker: CLEF dev MAP@5 0.817 at 20 against 0.819 at 50, for
# less than half the cost (about 0.3 ms a candidate).
CANDIDATES = 20
POSTINGS_BUDGET = 3000
# At most this many claims (of every team) holding a query word are ranked on PostgreSQL; the
# rare-word budget keeps the words' postings under POSTINGS_BUDGET / 2 anyway.
CLAIM_SCAN = 2 * POSTINGS_BUDGET
# The re-ranker's probability at which a match is "likely" and its claim "already checked"
# (on CLEF dev, a top match this sure is right 97 % of the time); below SHOWN, a candidate is
# noise (the second-ranked candidate's median is 0.10) and is not shown.
STRONG = 0.5
SHOWN = 0.02
CLAIM_INDEX = "search_annotation_document"
# PostgreSQL's word statistics are read again after this many seconds (see _word_statistics).
STATISTICS_TTL = 300.0
_STATISTICS: dict[tuple[str, str], tuple[float, tuple[dict[str, float], float, float] | None]] = {}
_VOCABULARY: dict[tuple[str, str], tuple[float, dict[str, int]]] = {}
_STOP_WORDS = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own said same says she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


class Sentence(Protocol):
    """A claim suggestion or a ranked sentence: what `already_checked` reads of it."""

    kind: str
    start: int
    text: str


@dataclass
class Candidate:
    """A first-stage hit: the row's id, its text, and the engine's rank (higher is better)."""

    kind: str
    id: int
    text: str
    first_stage: float
    score: float = 0.0
    position: int = 0  # in the re-ranker's order within its kind
    matched: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    kind: str
    url: str
    text: str
    rating: str
    by: str
    date: date | None
    score: float
    matched: list[str]
    factcheck: FactCheck | None = None
    annotation: Annotation | None = None
    article: Article | None = None

    @property
    def strong(self) -> bool:
        return self.score >= STRONG


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def query_terms(text: str) -> list[str]:
    """Return the words to ask the engine for: content words, longest (rarest, roughly) first."""
    terms = {fold(m.group()) for m in WORD.finditer(text)} - STOP_WORDS
    terms = {term for term in terms if len(term) > 1 or term.isdigit()}
    return sorted(terms, key=lambda t: (-len(t), t))[:MAX_QUERY_TERMS]


def order_candidates(
    query: str, candidates: list[Candidate], vectors: dict[tuple[str, int], bytes] | None = None
) -> list[Candidate]:
    """Score the candidates against the query with the re-ranker and return them best first.

    Each kind is one pool (its first-stage scores come from one index); the score is the
    re-ranker's probability of a match. `vectors` are the candidates' stored sentence vectors
    by (kind, id) (`vectors.candidate_vectors`); a candidate without one is encoded.
    """
    vectors = vectors or {}
    by_key = {(c.kind, c.id): c for c in candidates}
    for kind in (FACTCHECK, CLAIM):
        pool = [c for c in candidates if c.kind == kind]
        if not pool:
            continue
        ranked = rerank(
            query,
            [
                RankerCandidate(id=(c.kind, c.id), text=c.text, vector=vectors.get((c.kind, c.id)))
                for c in pool
            ],
            [c.first_stage for c in pool],
        )
        for position, result in enumerate(ranked):
            candidate = by_key[result.candidate.id]
            candidate.score = result.probability
            candidate.position = position
    return sorted(candidates, key=lambda c: (-c.score, c.position, c.kind, c.id))


def find_matches(
    *, user: User, team: Team, text: str, top: int = 5, exclude: int | None = None
) -> list[Match]:
    """Return the team's fact-checks and earlier claims most like `text`, best first.

    `exclude` is an annotation id left out (the claim being matched). At most `top` of each
    kind, so a team's many claims cannot crowd out the published fact-checks, or the reverse.
    """
    return find_matches_many(user=user, team=team, texts=[text], top=top, exclude=exclude)[0]


def find_matches_many(
    *,
    user: User,
    team: Team,
    texts: list[str],
    top: int = 5,
    exclude: int | None = None,
    exclude_article: int | None = None,
) -> list[list[Match]]:
    """Return `find_matches` for each text, in at most eight reads whatever their number.

    Per kind, one query for the words' document counts and one to the engine (each text's
    search a sub-select of one UNION ALL); then two to fetch the rows through the scoped
    selectors and, with embeddings, two for their stored vectors (candidates seen for the
    first time are encoded and their vectors written, in one transaction).
    `exclude_article` leaves out the claims of an article (its own sentences).
    """
    terms = [query_terms(text) for text in texts]
    asked = [i for i, words in enumerate(terms) if words]
    if not asked or not user.is_authenticated or top < 1:
        return [[] for _text in texts]
    # The texts' sentence vectors are computed in a thread while the database searches.
    encoding = encode_ahead([texts[i] for i in asked])
    wanted = sorted({word for i in asked for word in terms[i]})
    ranks: dict[str, dict[int, dict[int, float]]] = {}
    for kind in (FACTCHECK, CLAIM):
        frequencies = _document_frequencies(kind, wanted)
        searches = {i: _rare(kind, terms[i], frequencies) for i in asked}
        ranks[kind] = _first_stage(kind, team, searches, texts)
    # Unordered: an ordering made SQLite walk the team's index instead of fetching ids.
    check_ids = {pk for found in ranks[FACTCHECK].values() for pk in found}
    checks = factcheck_list(user=user, team=team).order_by().in_bulk(list(check_ids))
    claim_ids = {pk for found in ranks[CLAIM].values() for pk in found} - {exclude}
    claims = claims_by_id(
        user=user, team=team, ids=list(claim_ids), exclude_article=exclude_article
    )
    if encoding is not None:
        encoding.join()
    # The candidates' stored vectors, the missing ones computed (with the texts, in one batch).
    vectors = candidate_vectors(checks, claims, [texts[i] for i in asked])
    return [
        _best(
            texts[i],
            ranks[FACTCHECK].get(i, {}),
            ranks[CLAIM].get(i, {}),
            checks,
            claims,
            top,
            vectors,
        )
        for i in range(len(texts))
    ]


def _best(
    text: str,
    check_ranks: dict[int, float],
    claim_ranks: dict[int, float],
    checks: dict[int, FactCheck],
    claims: dict[int, Annotation],
    top: int,
    vectors: dict[tuple[str, int], bytes] | None = None,
) -> list[Match]:
    candidates = [
        Candidate(FACTCHECK, pk, checks[pk].claim_reviewed, rank)
        for pk, rank in check_ranks.items()
        if pk in checks
    ] + [
        Candidate(CLAIM, pk, claims[pk].exact, rank)
        for pk, rank in claim_ranks.items()
        if pk in claims
    ]
    ordered = order_candidates(text, candidates, vectors)
    best = [c for c in ordered if c.kind == FACTCHECK][:top]
    best += [c for c in ordered if c.kind == CLAIM][:top]
    best = sorted(
        (c for c in best if c.score >= SHOWN), key=lambda c: (-c.score, c.position, c.kind, c.id)
    )
    prepared = prepare(text)
    for candidate in best:  # the words a reader can check, for the matches shown only
        candidate.matched = matched_terms(prepared, candidate.text)
    return [
        _factcheck_match(c, checks[c.id]) if c.kind == FACTCHECK else _claim_match(c, claims[c.id])
        for c in best
    ]


def already_checked(*, user: User, article: Article, sentences: Iterable[Sentence]) -> set[int]:
    """Return the starts of the article's claim sentences that are likely checked already.

    Likely: a fact-check or an earlier claim of the team matches with a probability of at
    least STRONG. Claims on this article are left out, or a marked sentence would be
    "checked" by its own mark. Quotes are never matched.
    """
    claims = [sentence for sentence in sentences if sentence.kind == CLAIM]
    found = find_matches_many(
        user=user,
        team=article.project.team,
        texts=[sentence.text for sentence in claims],
        top=1,
        exclude_article=article.pk,
    )
    return {
        sentence.start
        for sentence, matches in zip(claims, found, strict=True)
        if any(match.strong for match in matches)
    }


def _factcheck_match(candidate: Candidate, check: FactCheck) -> Match:
    return Match(
        kind=FACTCHECK,
        url=check.url,
        text=check.claim_reviewed,
        rating=check.verdict,
        by=check.publisher,
        date=check.date_published,
        score=round(candidate.score, 4),
        matched=candidate.matched,
        factcheck=check,
    )


def _claim_match(candidate: Candidate, claim: Annotation) -> Match:
    return Match(
        kind=CLAIM,
        url=claim.get_absolute_url(),
        text=claim.exact,
        rating=claim.verdict,
        by=claim.annotator.get_username() if claim.annotator_id else "",
        date=claim.article.published or claim.created.date(),
        score=round(candidate.score, 4),
        matched=candidate.matched,
        annotation=claim,
        article=claim.article,
    )


def _rare(
    kind: str, terms: list[str], frequencies: dict[str, float] | None = None
) -> list[tuple[str, ...]]:
    """Return what to ask the engine for: groups of words (all of a group must appear), OR-ed.

    A common word adds little to BM25 or ts_rank but makes the engine score every row that
    holds it (with 100,000 fact-checks, a "percent" or "government" is thousands of rows). So
    words are taken rarest first, one group each, while their document counts add up to the
    budget (POSTINGS_BUDGET, less on PostgreSQL, whose ts_rank costs more a row); words found
    nowhere are dropped. When even the rarest word is over the budget, the two rarest must
    appear together. On PostgreSQL the counts come from ANALYZE's statistics
    (`pg_stats.most_common_elems`: a word not listed is rare).
    """
    if frequencies is None:
        frequencies = _document_frequencies(kind, terms)
    known = sorted((frequencies[t], t) for t in set(terms) if frequencies.get(t, 0) > 0)
    budget = POSTINGS_BUDGET / (2 if connection.vendor == "postgresql" else 1)
    if known and known[0][0] > budget:
        return [tuple(term for _f, term in known[:2])]
    chosen: list[tuple[str, ...]] = []
    spent = 0.0
    for frequency, term in known:
        if spent + frequency > budget:
            break
        chosen.append((term,))
        spent += frequency
    return chosen


def _document_frequencies(kind: str, terms: list[str]) -> dict[str, float]:
    if not terms:
        return {}
    if connection.vendor == "sqlite":
        return _vocabulary_counts(
            "factchecks_fts_vocab" if kind == FACTCHECK else "factchecks_claim_vocab", terms
        )
    statistics = _word_statistics(FactCheck._meta.db_table if kind == FACTCHECK else CLAIM_INDEX)
    if statistics is None:
        return dict.fromkeys(terms, 1.0)  # no statistics yet: every word, as rare
    common, floor, rows = statistics
    return {term: common.get(term, floor) * rows or 1.0 for term in terms}


def _vocabulary_counts(vocab: str, terms: list[str]) -> dict[str, int]:
    """Return SQLite's document count of each word (fts5vocab), 0 for a word found nowhere.

    fts5vocab counts a word's documents by walking its postings, so a common word (thousands
    of rows) costs milliseconds. Counts found are kept per process and database for
    STATISTICS_TTL seconds, like PostgreSQL's statistics, and dropped by `forget_word_counts`
    (the import calls it); a word found nowhere is not kept but asked again each time, so a
    word that a new claim or import brings in is searched at once. A count that is stale by a
    few rows only moves the rare-word budget, as ANALYZE's figures do on PostgreSQL.
    """
    key = (connection.settings_dict["NAME"], vocab)
    now = time.monotonic()
    stamp, known = _VOCABULARY.get(key, (now, {}))
    if now - stamp >= STATISTICS_TTL:
        stamp, known = now, {}
    missing = [term for term in dict.fromkeys(terms) if term not in known]
    if missing:
        marks = ", ".join(["%s"] * len(missing))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT term, doc FROM {vocab} WHERE term IN ({marks})", missing)
            known.update((term, doc) for term, doc in cursor.fetchall() if doc > 0)
    _VOCABULARY[key] = (stamp, known)
    return {term: known.get(term, 0) for term in terms}


def forget_word_counts() -> None:
    """Drop the kept word counts and statistics (after an import: the counts moved)."""
    _VOCABULARY.clear()
    _STATISTICS.clear()


def _word_statistics(table: str) -> tuple[dict[str, float], float, float] | None:
    """Return ANALYZE's word frequencies of a tsvector `document` column (PostgreSQL).

    ({word: share of rows}, the share assumed for a word not listed, the table's rows), or
    None before the first ANALYZE. Kept STATISTICS_TTL seconds per process and database:
    reading `pg_stats` cost about 2 ms of CPU a table, a tenth of a warm match, and the
    figures change only when (auto)ANALYZE runs.
    """
    key = (connection.settings_dict["NAME"], table)
    now = time.monotonic()
    cached = _STATISTICS.get(key)
    if cached is not None and now - cached[0] < STATISTICS_TTL:
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs, "
            "(SELECT reltuples FROM pg_class WHERE relname = %s) "
            "FROM pg_stats WHERE tablename = %s AND attname = 'document'",
            [table, table],
        )
        row = cursor.fetchone()
    statistics = None
    if row is not None and row[0] is not None:
        # A word ANALYZE did not list is rarer than the rarest it did.
        floor = min(row[1][: len(row[0])], default=0.0) / 2
        common = dict(zip(row[0], row[1], strict=False))
        statistics = (common, floor, max(float(row[2] or 0), 1.0))
    _STATISTICS[key] = (now, statistics)
    return statistics


def _first_stage(
    kind: str, team: Team, searches: dict[int, list[tuple[str, ...]]], texts: list[str]
) -> dict[int, dict[int, float]]:
    """Return, for each text asked, {id: rank} of the engine's best candidates of a kind.

    One statement: each text's search is a sub-select (with its own LIMIT) of a UNION ALL.
    """
    vendor = connection.vendor
    parts, params = [], []
    for i, terms in searches.items():
        if not terms:
            continue
        if vendor == "postgresql":
            sql, values = _postgresql(kind, team, terms, texts[i])
        elif vendor == "sqlite":
            sql, values = _sqlite(kind, team, terms)
        else:  # pragma: no cover - the workbench runs on SQLite or PostgreSQL
            continue
        parts.append(f"SELECT %s, found.* FROM ({sql}) found")
        params += [i, *values]
    found: dict[int, dict[int, float]] = {}
    if not parts:
        return found
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for i, pk, rank in cursor.fetchall():
            found.setdefault(int(i), {})[pk] = float(rank)
    return found


def _tables() -> tuple[str, str, str, str]:
    return (
        FactCheck._meta.db_table,
        Annotation._meta.db_table,
        Article._meta.db_table,
        Project._meta.db_table,
    )


def _sqlite(kind: str, team: Team, terms: list[tuple[str, ...]]) -> tuple[str, list]:
    # Each term a quoted FTS5 string: the words are letters and digits only, never syntax.
    checks, annotations, articles, projects = _tables()
    query = " OR ".join("(" + " AND ".join(f'"{t}"' for t in group) + ")" for group in terms)
    if kind == FACTCHECK:
        match = "{claim} : (" + query + ")"
        sql = (
            f"SELECT f.id, -bm25(factchecks_fts) FROM factchecks_fts "
            f"JOIN {checks} f ON f.id = factchecks_fts.rowid "
            "WHERE factchecks_fts MATCH %s AND f.team_id = %s ORDER BY 2 DESC LIMIT %s"
        )
        return sql, [match, team.pk, CANDIDATES]
    match = "{exact} : (" + query + ")"
    sql = (
        f"SELECT a.id, -bm25(search_annotation_fts) FROM search_annotation_fts "
        f"JOIN {annotations} a ON a.id = search_annotation_fts.rowid "
        f"JOIN {articles} ar ON ar.id = a.article_id JOIN {projects} p ON p.id = ar.project_id "
        "WHERE search_annotation_fts MATCH %s AND a.kind = %s AND p.team_id = %s "
        "ORDER BY 2 DESC LIMIT %s"
    )
    return sql, [match, CLAIM, team.pk, CANDIDATES]


def _postgresql(kind: str, team: Team, terms: list[tuple[str, ...]], text: str) -> tuple[str, list]:
    checks, annotations, articles, projects = _tables()
    tsquery = " | ".join("(" + " & ".join(group) + ")" for group in terms)
    if kind == FACTCHECK:
        # Trigram similarity re-ranks the engine's best 2×CANDIDATES only: on every row that
        # matched a word it cost more than the full-text search itself.
        sql = (
            "SELECT id, rank + similarity(claim_reviewed, %s) FROM ("
            "SELECT f.id, f.claim_reviewed, ts_rank(f.document, q) AS rank "
            f"FROM {checks} f, to_tsquery('simple', %s) q "
            "WHERE f.team_id = %s AND f.document @@ q ORDER BY 3 DESC LIMIT %s) best "
            "ORDER BY 2 DESC LIMIT %s"
        )
        return sql, [text, tsquery, team.pk, 2 * CANDIDATES, CANDIDATES]
    # The index search and its ranks first, on their own (a materialized CTE, bounded); then
    # each hit's claim and team looked up by primary key (LATERAL with LIMIT: a nested loop).
    # Joined and ranked in one plain statement, the planner chose a parallel scan of the whole
    # table ordered by rank over the GIN index, then hashed all 50,000 claims (140-190 ms).
    sql = (
        "WITH found AS MATERIALIZED (SELECT d.annotation_id, ts_rank(d.document, q) AS rank "
        "FROM search_annotation_document d, to_tsquery('simple', %s) q "
        "WHERE d.document @@ q LIMIT %s) "
        "SELECT found.annotation_id, found.rank FROM found, "
        f"LATERAL (SELECT a.article_id FROM {annotations} a "
        "WHERE a.id = found.annotation_id AND a.kind = %s LIMIT 1) claim, "
        f"LATERAL (SELECT 1 FROM {articles} ar JOIN {projects} p ON p.id = ar.project_id "
        "WHERE ar.id = claim.article_id AND p.team_id = %s LIMIT 1) mine "
        "ORDER BY 2 DESC, 1 LIMIT %s"
    )
    return sql, [tsquery, CLAIM_SCAN, CLAIM, team.pk, CANDIDATES]

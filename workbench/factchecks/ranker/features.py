"""Features between a query (a claim, a tweet) and one candidate (a checked claim and its title).

Every feature is a float, most in [0, 1], named so the shipped weights can say what they
weigh. Term weights are inverse document frequencies over the candidate pool itself: the
re-ranker sees only what the first stage returned, so a word shared by every candidate tells
nothing about which one matches, while a rare shared word (a name, a place) tells a lot.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .text import clean, entities, numbers, split_tweet, tokens


@dataclass(frozen=True)
class Prepared:
    """A text turned into the sets the features compare."""

    stems: tuple[str, ...]
    terms: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    entities: frozenset[str]
    trigrams: frozenset[str]
    author: frozenset[str] = field(default_factory=frozenset)
    year: str = ""


def _trigrams(text: str) -> frozenset[str]:
    squashed = " " + re.sub(r"[^\w]+", " ", clean(text).lower()).strip() + " "
    return frozenset(squashed[i : i + 3] for i in range(len(squashed) - 2))


@lru_cache(maxsize=16384)
def prepare(text: str) -> Prepared:
    """Prepare a query or a candidate field; a pasted tweet's signature becomes author and year.

    Cached: the same checked claims come back from the first stage for query after query.
    """
    parts = split_tweet(text)
    stems = tuple(tokens(parts.body))
    return Prepared(
        stems=stems,
        terms=frozenset(stems),
        bigrams=frozenset(zip(stems, stems[1:], strict=False)),
        numbers=frozenset(numbers(parts.body)),
        entities=frozenset(entities(parts.body)),
        trigrams=_trigrams(parts.body),
        author=frozenset(tokens(parts.author)),
        year=parts.year,
    )


def pool_idf(pool: Iterable[frozenset[str]]) -> dict[str, float]:
    """Return a BM25-style idf of each term over the candidate pool (term sets)."""
    sets = list(pool)
    df = Counter(term for terms in sets for term in terms)
    n = len(sets)
    return {term: math.log(1 + (n - d + 0.5) / (d + 0.5)) for term, d in df.items()}


def _weight(terms: Iterable[str], idf: dict[str, float], unseen: float) -> float:
    return sum(idf.get(term, unseen) for term in terms)


def _coverage(
    part: frozenset[str], whole: frozenset[str], idf: dict[str, float], unseen: float
) -> float:
    """Return the idf-weighted share of `whole`'s terms that are also in `part`."""
    total = _weight(whole, idf, unseen)
    return _weight(whole & part, idf, unseen) / total if total else 0.0


def _longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest run of stems the two texts share in the same order."""
    best, previous = 0, [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _share(found: int, total: int) -> float:
    return found / total if total else 0.0


def features(
    query: Prepared, claim: Prepared, title: Prepared, idf: dict[str, float]
) -> dict[str, float]:
    """Return the lexical features of one candidate (claim and title) against the query.

    First-stage features (score, rank) are added by `rerank`, which sees the whole pool.
    """
    unseen = max(idf.values(), default=1.0)
    both = claim.terms | title.terms
    bigrams = claim.bigrams | title.bigrams
    cand_numbers = claim.numbers | title.numbers
    cand_entities = claim.entities | title.entities
    cand_trigrams = claim.trigrams | title.trigrams
    run = _longest_run(query.stems, claim.stems)
    run_title = _longest_run(query.stems, title.stems)
    return {
        "query_covered": _coverage(both, query.terms, idf, unseen),
        "query_covered_by_claim": _coverage(claim.terms, query.terms, idf, unseen),
        "query_covered_by_title": _coverage(title.terms, query.terms, idf, unseen),
        "claim_covered": _coverage(query.terms, claim.terms, idf, unseen),
        "title_covered": _coverage(query.terms, title.terms, idf, unseen),
        "shared_terms": math.log1p(len(query.terms & both)),
        "shared_weight": math.log1p(_weight(query.terms & both, idf, unseen)),
        "bigrams_shared": math.log1p(len(query.bigrams & bigrams)),
        "bigrams_covered": _share(len(query.bigrams & bigrams), len(query.bigrams)),
        "longest_run": min(max(run, run_title), 6) / 6,
        "numbers_shared": min(len(query.numbers & cand_numbers), 3) / 3,
        "numbers_missing": _share(len(cand_numbers - query.numbers), len(cand_numbers)),
        "entities_shared": _share(len(query.entities & cand_entities), len(query.entities)),
        "entities_missing": _share(len(cand_entities - query.terms), len(cand_entities)),
        "author_named": 1.0 if query.author & both else 0.0,
        "year_named": 1.0 if query.year and query.year in cand_numbers else 0.0,
        "trigrams_covered": _share(len(query.trigrams & cand_trigrams), len(cand_trigrams)),
        "trigrams_jaccard": _share(
            len(query.trigrams & cand_trigrams), len(query.trigrams | cand_trigrams)
        ),
        "length_ratio": math.log((1 + len(claim.stems)) / (1 + len(query.stems))),
    }

"""Re-rank a first stage's candidates with the weights trained by bench/train_ranker.py."""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .features import Prepared, features, pool_idf, prepare
from .text import STOPWORDS, clean, numbers, stem

WEIGHTS = Path(__file__).with_name("weights.json")
# The same model with sentence-embedding features (`emb_*`), used when the encoder is installed.
WEIGHTS_EMBED = Path(__file__).with_name("weights-embed.json")


@dataclass(frozen=True)
class Candidate:
    """One checked claim the first stage found: its id, its text and its title (may be empty)."""

    id: Hashable
    text: str
    title: str = ""
    # the text's stored sentence vector (embed.to_bytes), if it has one; else it is encoded
    vector: bytes | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Ranked:
    """A candidate with the re-ranker's score (higher is better) and the first stage's."""

    candidate: Candidate
    score: float
    probability: float
    first_stage: float
    features: dict[str, float] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Model:
    """A linear scorer: bias plus weight times feature; `a*b` names multiply two features."""

    weights: dict[str, float]
    bias: float = 0.0
    calibration: tuple[float, float] = (1.0, 0.0)
    provenance: dict[str, Any] = field(default_factory=dict, compare=False)

    def score(self, values: dict[str, float]) -> float:
        """Return the linear score of one candidate's feature values."""
        total = self.bias
        for name, weight in self.weights.items():
            if "*" in name:
                left, right = name.split("*", 1)
                total += weight * values[left] * values[right]
            else:
                total += weight * values[name]
        return total

    @property
    def semantic(self) -> bool:
        """Whether the weights use sentence-embedding features (and so need the encoder)."""
        return any(part.startswith("emb_") for name in self.weights for part in name.split("*"))

    def probability(self, score: float) -> float:
        """Return the calibrated chance that a candidate with this score is a match."""
        slope, intercept = self.calibration
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, slope * score + intercept))))


@lru_cache(maxsize=4)
def load_model(path: Path = WEIGHTS) -> Model:
    """Load the shipped weights (or another weights file written by bench/train_ranker.py)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Model(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data.get("bias", 0.0)),
        calibration=tuple(data.get("calibration", (1.0, 0.0))),
        provenance=data.get("provenance", {}),
    )


def default_model() -> Model:
    """Return the embedding model's weights when the encoder is installed, else the lexical ones."""
    from .embed import text_vectors

    if WEIGHTS_EMBED.exists() and text_vectors() is not None:
        return load_model(WEIGHTS_EMBED)
    return load_model()


def first_stage_features(scores: Sequence[float]) -> list[dict[str, float]]:
    """Return scale-free first-stage features: share of the best score, z-score and rank.

    Dividing by the pool's best score makes SQLite's BM25 and PostgreSQL's ts_rank comparable.
    """
    top = max(scores, default=0.0)
    spread = statistics.pstdev(scores) if len(scores) > 1 else 0.0
    mean = statistics.fmean(scores) if scores else 0.0
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    rank = {index: position for position, index in enumerate(order)}
    return [
        {
            "first_stage": score / top if top > 0 else 0.0,
            "first_stage_z": (score - mean) / spread if spread > 0 else 0.0,
            "first_stage_rank": 1 / (1 + rank[i]),
        }
        for i, score in enumerate(scores)
    ]


def pool_features(
    query: str,
    candidates: Sequence[Candidate],
    first_stage: Sequence[float],
    *,
    semantic: bool = False,
) -> list[dict[str, float]]:
    """Return every feature of each candidate against the query (what the weights weigh).

    With `semantic`, the sentence-embedding similarities too (`embed.similarity_features`).
    """
    if len(candidates) != len(first_stage):
        raise ValueError("rerank needs one first-stage score per candidate")
    prepared_query = prepare(query)
    fields = [(prepare(c.text), prepare(c.title)) for c in candidates]
    idf = pool_idf(claim.terms | title.terms for claim, title in fields)
    rows = [
        stage | features(prepared_query, claim, title, idf)
        for (claim, title), stage in zip(fields, first_stage_features(first_stage), strict=True)
    ]
    if semantic:
        from .embed import similarity_features

        for row, extra in zip(rows, similarity_features(query, candidates), strict=True):
            row.update(extra)
    return rows


def rerank(
    query: str,
    candidates: Sequence[Candidate],
    first_stage: Sequence[float],
    *,
    model: Model | None = None,
) -> list[Ranked]:
    """Return the candidates best first, scored by the trained weights.

    `first_stage` holds one score per candidate, higher is better (BM25 as a positive number,
    or PostgreSQL's ts_rank); only its shape within this pool is used, not its scale.
    """
    model = model or default_model()
    values_list = pool_features(query, candidates, first_stage, semantic=model.semantic)
    ranked = [
        Ranked(candidate, score, model.probability(score), base, values)
        for candidate, base, values in zip(candidates, first_stage, values_list, strict=True)
        for score in (model.score(values),)
    ]
    ranked.sort(key=lambda r: (-r.score, -r.first_stage))
    return ranked


# Numbers first, so that "3.1" is one number rather than the words "3" and "1".
_SURFACE = re.compile(r"\d+(?:[.,]\d+)*(?![^\W_])|[^\W_]+(?:'[^\W_]+)*")


def matched_terms(query: str | Prepared, text: str) -> list[str]:
    """Return the words and numbers of `text` that the query also has, in text order, once each.

    Words match by stem ("vaccines" matches "vaccinated"); numbers by value ("1,000" and
    "1000"). Meant for showing why a match was found.
    """
    prepared = query if isinstance(query, Prepared) else prepare(query)
    wanted_numbers = prepared.numbers
    seen, shown = set(), []
    for word in _SURFACE.findall(clean(text)):
        lower = word.lower()
        key = lower.replace(",", "")
        if lower in STOPWORDS or key in seen:
            continue
        is_number = bool(numbers(word)) and word[0].isdigit()
        if (is_number and numbers(word) & wanted_numbers) or (
            not is_number and stem(lower) in prepared.terms
        ):
            seen.add(key)
            shown.append(word)
    return shown

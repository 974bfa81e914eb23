"""Fit a team's own check-worthiness ranker on top of the shipped one; pure Python, no Django.

    delta = fit_delta(rows, base=load_weights())      # rows: (feature names, 0 or 1)
    weights = with_delta(load_weights(), delta)       # what score_lines takes

A team's signals are few (tens to hundreds of marked sentences), far fewer than the debates
the shipped weights were trained on, so the team's model is the shipped one plus a *delta*
learnt by logistic regression (AdaGrad) with an L2 penalty pulling the delta to zero: where
the team says nothing, the shipped weights stand; the delta is small enough to store per
project. `average_precision` is the measure the command keeps or drops a delta by.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence

Row = tuple[list[str], int]

# Chosen by bench/checkworthy_team.py (CLEF 2019 training debates: a base model on 10, the other
# 9 as a team's articles, every fourth held out): mean held-out MAP 0.280 → 0.284 here, while
# rate 0.1 gave 0.206 and rate 0.02 0.272 (a delta learnt fast forgets the shipped cues).
TEAM_PARAMS: dict[str, float] = {
    "epochs": 4,
    "rate": 0.005,
    "l2": 1e-3,
    "min_count": 2,
    "prune": 1e-3,
    "seed": 21,
    "balance": 0,
}


def fit_delta(
    rows: Sequence[Row], *, base: dict[str, float], params: dict[str, float] | None = None
) -> dict[str, float]:
    """Return the change to `base` weights that fits `rows` (features seen fewer than
    `min_count` times are left alone; changes under `prune` are dropped)."""
    params = {**TEAM_PARAMS, **(params or {})}
    counts = Counter(f for feats, _ in rows for f in set(feats))
    keep = {f for f, c in counts.items() if c >= params["min_count"]}
    data = [([f for f in feats if f in keep], label) for feats, label in rows]
    positives = sum(label for _, label in data)
    if not data or positives in (0, len(data)):
        return {}
    # Optionally weigh the rare positives up to balance the classes.
    pos_weight = (len(data) - positives) / positives if params["balance"] else 1.0
    rng = random.Random(int(params["seed"]))  # noqa: S311 - a reproducible order, not a secret
    delta: dict[str, float] = {}
    squares: dict[str, float] = {}
    rate, l2 = params["rate"], params["l2"]
    for _ in range(int(params["epochs"])):
        rng.shuffle(data)
        for feats, label in data:
            x = sum(base.get(f, 0.0) + delta.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(min(x, 30.0), -30.0)))
            g = (p - label) * (pos_weight if label else 1.0)
            for f in feats:
                d = delta.get(f, 0.0)
                grad = g + l2 * d
                s = squares.get(f, 1e-8) + grad * grad
                squares[f] = s
                delta[f] = d - rate * grad / math.sqrt(s)
    return {f: round(d, 4) for f, d in sorted(delta.items()) if abs(d) >= params["prune"]}


def with_delta(base: dict[str, float], delta: dict[str, float]) -> dict[str, float]:
    """Return the weights `score_lines` takes: `base` with a team's delta added."""
    if not delta:
        return base
    merged = dict(base)
    for f, d in delta.items():
        merged[f] = merged.get(f, 0.0) + d
    return merged


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Return the AP of one document ranked by score (ties keep the text's order); 0 when
    nothing in it is relevant."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0

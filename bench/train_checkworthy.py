"""Train the check-worthiness weights shipped in workbench/suggest/finder/data/checkworthy.json.

    git clone https://github.com/apepa/clef2019-factchecking-task1 /tmp/clef2019
    uv run python bench/train_checkworthy.py /tmp/clef2019 [--write]

Reads the 19 training debates of CLEF 2019 CheckThat! Task 1 (research-use data; kept out of
this repository), reports MAP cross-validated by debate (each debate scored by a model trained
on the 18 others), then trains on all 19 and, with --write, writes the weights with their
provenance (data, date, command, cross-validated figures). The test debates are never read.
Pure Python: logistic regression by AdaGrad with L2, rare features dropped.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.suggest.finder.checkworthy import WEIGHTS, Line, features  # noqa: E402

# Chosen by cross-validation on the training debates only.
PARAMS = {
    "epochs": 10,
    "rate": 0.015,
    "l2": 1e-4,
    "positive_weight": 1.0,
    "min_count": 3,
    "prune": 0.05,
    "seed": 2019,
    # 0 leaves a kind of feature out (to measure what it adds): words, word pairs.
    "words": 1,
    "bigrams": 1,
    # Models trained in different orders, averaged: less luck from one shuffle.
    "bags": 1,
}

Debate = tuple[str, list[tuple[list[str], int]]]


def load(root: Path, folder: str = "training") -> list[tuple[str, list[Line], list[int]]]:
    """Return (name, lines, labels) for each debate of a CLEF 2019 Task 1 folder."""
    debates = []
    for path in sorted((root / "data" / folder).glob("*.tsv")):
        lines, labels = [], []
        for row in path.read_text(encoding="utf-8").splitlines():
            parts = row.split("\t")
            if len(parts) >= 4 and parts[3].strip() in {"0", "1"}:
                lines.append(Line(parts[2], parts[1].strip() or None))
                labels.append(int(parts[3]))
        debates.append((path.stem, lines, labels))
    return debates


def featurize(debates: list[tuple[str, list[Line], list[int]]]) -> list[Debate]:
    return [
        (name, list(zip(features(lines), labels, strict=True))) for name, lines, labels in debates
    ]


def train(debates: list[Debate], params: dict = PARAMS) -> dict[str, float]:
    """Fit the weights on the given featurized debates (the mean of `bags` shuffled fits)."""
    bags = max(1, int(params["bags"]))
    total: Counter[str] = Counter()
    for bag in range(bags):
        total.update(_fit(debates, {**params, "seed": params["seed"] + bag}))
    # Tiny weights change no ranking worth having and would make the shipped file large.
    return {f: round(w / bags, 4) for f, w in total.items() if abs(w / bags) >= params["prune"]}


def _fit(debates: list[Debate], params: dict) -> dict[str, float]:
    counts = Counter(f for _, rows in debates for feats, _ in rows for f in set(feats))
    left_out = tuple(p for p, on in (("w:", params["words"]), ("b:", params["bigrams"])) if not on)
    keep = {f for f, c in counts.items() if c >= params["min_count"] and not f.startswith(left_out)}
    rows = [([f for f in feats if f in keep], label) for _, d in debates for feats, label in d]
    rng = random.Random(params["seed"])  # noqa: S311 - a reproducible order, not a secret
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    rate, l2, pos = params["rate"], params["l2"], params["positive_weight"]
    for _ in range(params["epochs"]):
        rng.shuffle(rows)
        for feats, label in rows:
            x = sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(min(x, 30.0), -30.0)))
            g = (p - label) * (pos if label else 1.0)
            for f in feats:
                w = weights.get(f, 0.0)
                grad = g + l2 * w
                s = squares.get(f, 1e-8) + grad * grad
                squares[f] = s
                weights[f] = w - rate * grad / math.sqrt(s)
    return weights


def score(weights: dict[str, float], rows: list[tuple[list[str], int]]) -> list[float]:
    return [sum(weights.get(f, 0.0) for f in feats) for feats, _ in rows]


def measures(scores: list[float], labels: list[int]) -> dict[str, float]:
    """AP, RR and P@k of one debate ranked by score (ties keep the transcript's order)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    ranked = [labels[i] for i in order]
    relevant = sum(ranked)
    hits, precisions, rr = 0, [], 0.0
    for rank, label in enumerate(ranked, 1):
        if label:
            hits += 1
            precisions.append(hits / rank)
            rr = rr or 1 / rank
    result = {"AP": sum(precisions) / relevant if relevant else 0.0, "RR": rr}
    for k in (1, 5, 10, 20):
        result[f"P@{k}"] = sum(ranked[:k]) / k
    return result


def cross_validate(debates: list[Debate], params: dict = PARAMS) -> list[tuple[str, dict]]:
    """Score each debate with a model trained on all the others."""
    result = []
    for i, (name, rows) in enumerate(debates):
        weights = train(debates[:i] + debates[i + 1 :], params)
        result.append((name, measures(score(weights, rows), [label for _, label in rows])))
    return result


def mean(per_debate: list[tuple[str, dict]]) -> dict[str, float]:
    keys = per_debate[0][1]
    return {key: statistics.fmean(m[key] for _, m in per_debate) for key in keys}


def show(label: str, m: dict[str, float]) -> str:
    return f"{label:<28} " + "  ".join(f"{k} {v:.3f}" for k, v in m.items())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("clef", type=Path, help="a checkout of apepa/clef2019-factchecking-task1")
    parser.add_argument("--write", action="store_true", help="write the shipped weights")
    parser.add_argument("--set", action="append", default=[], help="override a param: name=value")
    args = parser.parse_args()
    params = dict(PARAMS)
    for item in args.set:
        name, value = item.split("=", 1)
        params[name] = type(PARAMS[name])(float(value))
    debates = featurize(load(args.clef))
    if not debates:
        print(f"no debates under {args.clef / 'data' / 'training'}", file=sys.stderr)
        return 2
    cv = cross_validate(debates, params)
    for name, m in cv:
        print(show(name, m))
    overall = mean(cv)
    print(show("training, cross-validated", overall))
    if args.write:
        weights = train(debates, params)
        kept = dict(sorted(weights.items()))
        provenance = {
            "data": "CLEF 2019 CheckThat! Task 1 training debates "
            "(github.com/apepa/clef2019-factchecking-task1, data/training, 19 files)",
            "date": time.strftime("%Y-%m-%d"),
            "command": "uv run python bench/train_checkworthy.py CLEF --write "
            + " ".join(f"--set {s}" for s in args.set),
            "params": params,
            "cross_validated_by_debate": {k: round(v, 4) for k, v in overall.items()},
        }
        WEIGHTS.write_text(
            json.dumps({"provenance": provenance, "weights": kept}, indent=0, sort_keys=True)
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {len(kept)} weights to {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

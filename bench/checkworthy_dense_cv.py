"""Does a static distillation of all-MiniLM-L6-v2 help the check-worthiness ranking? (issue 21)

    uv run python bench/distill_checkworthy_vectors.py /tmp/raw.npz --texts LINES.txt
    DIMS=64 L2=10,100 uv run python bench/checkworthy_dense_cv.py /tmp/clef2019 /tmp/raw.npz

Cross-validated by debate on the 19 CLEF 2019 training debates only (the test is not read):
each debate is scored by the shipped recipe's sparse logistic regression (train_checkworthy)
and by a dense logistic regression (Newton, L2) over the line's static sentence vector (the
SIF-weighted mean of its WordPiece rows, PCA to DIMS) and those of the lines before and after,
both trained on the 18 other debates; the two logits are added, the dense one times alpha
(alpha 100 = the dense model alone). An experiment: nothing here is shipped.
"""

# An experiment script, kept as it was run (short names, pickled cache of the sparse folds).
# ruff: noqa: E402, E501, E741, S108, S301, B007, B905, SIM115

from __future__ import annotations

import os
import pickle
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import numpy as np

from bench.train_checkworthy import featurize, load, mean, measures, score, train
from workbench.factchecks.ranker.embed import load_encoder

root = Path(sys.argv[1])
raw = load(root)
cache = os.environ.get("SPARSE_CACHE", "/tmp/checkworthy_sparse_cv.pkl")
if os.path.exists(cache):
    sparse = pickle.load(open(cache, "rb"))
else:
    deb = featurize(raw)
    sparse = []
    for i, (name, rows) in enumerate(deb):
        w = train(deb[:i] + deb[i + 1 :])
        sparse.append(np.array(score(w, rows)))
        print("sparse fold", i, flush=True)
    pickle.dump(sparse, open(cache, "wb"))

z = np.load(sys.argv[2])
toks, V = list(z["tokens"]), z["vectors"].astype(np.float64)
index = {t: i for i, t in enumerate(toks)}
dims = int(os.environ.get("DIMS", 64))
mu = V.mean(0)
U, S, Wt = np.linalg.svd(V - mu, full_matrices=False)
P = (V - mu) @ Wt[:dims].T
P /= np.linalg.norm(P, axis=1, keepdims=True) + 1e-9 if os.environ.get("NORM") else 1
enc = load_encoder()
# token frequencies in training (for SIF weights)
allids = []
docs = []
from collections import Counter

cnt = Counter()
for name, lines, labels in raw:
    encs = enc.tokenizer.encode_batch([l.text for l in lines])
    ids = [[index[t] for t in e.tokens if t in index] for e in encs]
    docs.append(ids)
    for r in ids:
        cnt.update(r)
tot = sum(cnt.values())
a = float(os.environ.get("SIF", 1e-3))
wt = np.array([a / (a + cnt[i] / tot) for i in range(len(toks))])
if os.environ.get("NOSIF"):
    wt[:] = 1


def sentvec(ids):
    if not ids:
        return np.zeros(dims)
    w = wt[ids]
    return (P[ids] * w[:, None]).sum(0) / (w.sum() + 1e-9)


X = []
for ids in docs:
    M = np.array([sentvec(r) for r in ids])
    prev = np.vstack([np.zeros(dims), M[:-1]])
    nxt = np.vstack([M[1:], np.zeros(dims)])
    parts = [M]
    if os.environ.get("CTX", "1") == "1":
        parts += [prev, nxt]
    X.append(np.hstack(parts))
Y = [np.array(l) for _, _, l in raw]


def fit(Xs, ys, l2, iters=300):
    Xa = np.vstack(Xs)
    ya = np.concatenate(ys)
    m, sd = Xa.mean(0), Xa.std(0) + 1e-6
    Xa = (Xa - m) / sd
    Xa = np.hstack([Xa, np.ones((len(Xa), 1))])
    w = np.zeros(Xa.shape[1])
    for _ in range(30):  # Newton (IRLS)
        p = 1 / (1 + np.exp(-Xa @ w))
        g = Xa.T @ (p - ya) + l2 * np.r_[w[:-1], 0]
        H = (Xa * (p * (1 - p))[:, None]).T @ Xa + l2 * np.eye(len(w))
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return lambda Xn: np.hstack([(Xn - m) / sd, np.ones((len(Xn), 1))]) @ w


for l2 in [float(x) for x in os.environ.get("L2", "10,100").split(",")]:
    dense = []
    for i in range(len(X)):
        f = fit(X[:i] + X[i + 1 :], Y[:i] + Y[i + 1 :], l2)
        dense.append(f(X[i]))
    for alpha in (0, 0.25, 0.5, 0.75, 1.0, 1.5, 100):
        per = [
            (n, measures(list(s + alpha * d if alpha < 100 else d), list(y)))
            for (n, _, _), s, d, y in zip(raw, sparse, dense, Y)
        ]
        m = mean(per)
        multi = statistics.fmean(p["AP"] for (n, p) in per if "gop" in n or "dem" in n)
        print(
            f"dims {dims} l2 {l2} alpha {alpha}: MAP {m['AP']:.3f} P@10 {m['P@10']:.3f} (primaries {multi:.3f})",
            flush=True,
        )

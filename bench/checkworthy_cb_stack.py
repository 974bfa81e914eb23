"""Measure ClaimBuster as a separate text model whose score is a feature of the 2019 model.

    uv run python bench/checkworthy_cb_stack.py /tmp/clef2019 --extra /tmp/extra/clef2021 \
        --cb /tmp/extra/cb_neg [--buckets 5]

A logistic regression is trained on the ClaimBuster pseudo-debates alone (their lines featurized
each on its own; the leakage guard of `train_checkworthy` applied as for any --extra folder).
Every 2019 and --extra line then gets one more feature, `cb:K`: the bucket of that model's
probability for the line's text. The 2019 model is cross-validated by debate as usual (the
--extra debates in every fold's training part). Training data only; nothing is written.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.train_checkworthy import (  # noqa: E402
    PARAMS,
    cross_validate,
    featurize,
    folder,
    guarded_extra,
    load,
    mean,
    show,
    train,
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("clef", type=Path)
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument("--cb", type=Path, required=True, help="claimbuster_to_tsv.py's folder")
    parser.add_argument("--buckets", type=int, default=5)
    args = parser.parse_args()
    training = load(args.clef)
    kept, _ = guarded_extra(args.clef, [*args.extra, args.cb], training)
    cb = [d for d in kept if folder(d[0]) == args.cb.name]
    others = [d for d in kept if folder(d[0]) != args.cb.name]
    cb_weights = train([], PARAMS, featurize(cb, frozenset({args.cb.name})))
    print(f"ClaimBuster model: {len(cb_weights)} weights from {sum(len(d[2]) for d in cb)} lines")

    def stacked(debates: list) -> list:
        alone = featurize(debates, frozenset({folder(d[0]) for d in debates}))
        result = []
        for (name, rows), (_, context_rows) in zip(alone, featurize(debates), strict=True):
            new_rows = []
            for (own, _), (feats, label) in zip(rows, context_rows, strict=True):
                x = sum(cb_weights.get(f, 0.0) for f in own)
                p = 1 / (1 + math.exp(-max(min(x, 30), -30)))
                new_rows.append(
                    (feats + [f"cb:{min(int(p * args.buckets), args.buckets - 1)}"], label)
                )
            result.append((name, new_rows))
        return result

    cv = cross_validate(stacked(training), PARAMS, stacked(others))
    for name, m in cv:
        print(show(name, m))
    print(show("training, cross-validated (mean)", mean(cv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Does learning from a team help? `train_checkworthy`'s method, simulated on CLEF 2019 training.

    uv run python bench/checkworthy_team.py /tmp/clef2019

A stand-in for the shipped model is trained on the first 10 training debates; the other 9 play a
team's articles, each line labelled as the fact-checkers did (a team's marked claims). As
`manage.py train_checkworthy` does (services.project_ranker_train), every fourth article is held
out, a delta is learnt on the rest (finder.learn.fit_delta) and both models are scored on the
held-out articles by MAP; the four rotations of the held-out quarter are reported, and their
mean. Only training debates are read.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.train_checkworthy import featurize, load, train  # noqa: E402
from workbench.suggest.finder.learn import average_precision, fit_delta, with_delta  # noqa: E402


def mean_ap(weights: dict[str, float], debates: list) -> float:
    return statistics.fmean(
        average_precision(
            [sum(weights.get(f, 0.0) for f in feats) for feats, _ in rows],
            [label for _, label in rows],
        )
        for _, rows in debates
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("clef", type=Path, help="a checkout of apepa/clef2019-factchecking-task1")
    parser.add_argument("--set", action="append", default=[], help="a fit_delta param: name=value")
    args = parser.parse_args()
    params = {name: float(value) for name, value in (s.split("=", 1) for s in args.set)}
    debates = featurize(load(args.clef))
    if len(debates) < 14:
        print(f"need the 19 training debates under {args.clef}", file=sys.stderr)
        return 2
    base = train(debates[:10])
    team = debates[10:]
    gains = []
    for k in range(4):
        held = [d for i, d in enumerate(team) if i % 4 == k]
        rows = [row for i, (_, d) in enumerate(team) if i % 4 != k for row in d]
        delta = fit_delta(rows, base=base, params=params)
        before, after = mean_ap(base, held), mean_ap(with_delta(base, delta), held)
        gains.append((before, after))
        names = ", ".join(name for name, _ in held)
        print(f"held out {names}: MAP {before:.3f} → {after:.3f} ({len(delta)} weights changed)")
    before = statistics.fmean(b for b, _ in gains)
    after = statistics.fmean(a for _, a in gains)
    print(f"mean of 4 rotations: MAP {before:.3f} (base) → {after:.3f} (base + team delta)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

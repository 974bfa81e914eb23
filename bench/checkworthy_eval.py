"""Measure the check-worthiness ranking on CLEF 2019 CheckThat! Task 1, per debate and overall.

    uv run python bench/checkworthy_eval.py /tmp/clef2019            # training, cross-validated
    uv run python bench/checkworthy_eval.py /tmp/clef2019 --test     # the test debates: report only
    uv run python bench/checkworthy_eval.py /tmp/clef2019 --extra /tmp/clef2020   # as trained

Training: each of the 19 debates is ranked by a model trained (bench/train_checkworthy.py, same
parameters) on the 18 others, plus the --extra debates that pass the leakage guard (as
`bench/train_checkworthy.py --extra` trains). Test (only with --test; never tune on it): the 7
test debates are ranked by the shipped weights through `score_lines`, exactly as the workbench
scores a transcript. Prints AP (MAP overall, the task's measure), RR and P@1/5/10/20 per
debate, then the time to score a 1,500-line transcript (median of 5).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.train_checkworthy import (  # noqa: E402
    add_folder_options,
    cross_validate,
    featurize,
    guarded_extra,
    load,
    mean,
    measures,
    parse_params,
    show,
)
from workbench.suggest.finder.checkworthy import score_lines  # noqa: E402


def timing(lines: list) -> float:
    """Median seconds to score the first 1,500 lines (repeated to reach 1,500 when short)."""
    lines = (lines * (1500 // len(lines) + 1))[:1500]
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        score_lines(lines)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("clef", type=Path, help="a checkout of apepa/clef2019-factchecking-task1")
    parser.add_argument("--test", action="store_true", help="report on the test debates")
    parser.add_argument("--extra", type=Path, action="append", default=[], help="as in training")
    parser.add_argument("--set", action="append", default=[], help="as in training: name=value")
    add_folder_options(parser)
    args = parser.parse_args()
    params = parse_params(args)
    training = load(args.clef)
    if not training:
        print(f"no debates under {args.clef / 'data' / 'training'}", file=sys.stderr)
        return 2
    if args.test:
        per_debate = []
        for name, lines, labels in load(args.clef, "test_annotated"):
            scores = [s.score for s in score_lines(lines)]
            per_debate.append((name, measures(scores, labels)))
        title = "test, shipped weights"
    else:
        extra, _ = guarded_extra(args.clef, args.extra, training)
        per_debate = cross_validate(
            featurize(training), params, featurize(extra, frozenset(params["alone"]))
        )
        title = "training, cross-validated"
    for name, m in per_debate:
        print(show(name, m))
    print(show(f"{title} (mean)", mean(per_debate)))
    longest = max((lines for _, lines, _ in training), key=len)
    print(f"1,500-line transcript: {timing(longest):.3f} s (median of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

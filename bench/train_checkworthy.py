"""Train the check-worthiness weights shipped in workbench/suggest/finder/data/checkworthy.json.

    git clone https://github.com/apepa/clef2019-factchecking-task1 /tmp/clef2019
    uv run python bench/train_checkworthy.py /tmp/clef2019 [--write] [--extra DIR ...]

Reads the 19 training debates of CLEF 2019 CheckThat! Task 1 (research-use data; kept out of
this repository), reports MAP cross-validated by debate (each debate scored by a model trained
on the 18 others), then trains on all 19 and, with --write, writes the weights with their
provenance (data, date, command, cross-validated figures). The test debates are read only by
the leakage guard (their line texts, never their labels).

--extra DIR (repeatable) adds the debates of a later edition (every *.tsv under DIR in the same
line format: line number, speaker, text, label; e.g. CheckThat! 2020 Task 5; a file DIR/SOURCE,
if any, is copied into the provenance). Before use, the leakage guard drops every extra debate
sharing more than 5 % of its lines with a 2019 test debate (it would leak the test) or with a
2019 training debate (it is already in, and would leak across the cross-validation's folds),
and repeats among the extra debates (the same rule; the first folder given wins); in a debate
kept, it removes the lines whose text is in a 2019 test debate, or (4 words or more) in a 2019
training debate. --folder-weight NAME=W weighs one folder's lines; --alone NAME featurizes them
each on its own (ClaimBuster's sampled sentences: bench/claimbuster_to_tsv.py). Extra
debates are in the training part of every fold, so the cross-validated figure stays a measure
on the 2019 training debates alone. Pure Python: logistic regression by AdaGrad with L2, rare
features dropped.

Ranking objective (measured, not shipped unless the README says so): --set pairwise=L makes a
share L of the loss pairwise (RankNet: each check-worthy line against --set pairs=N other lines
of its debate per epoch), the rest pointwise; the bias is then refit alone so scores stay
probabilities. --set bags=N --set bootstrap=1 averages N fits on bootstrap samples of the
debates. Either way the result is one linear model, the shipped scorer's form. With pairwise,
--set lambda=1 weighs each pair by |delta AP| of swapping its lines under the current scores
(LambdaRank), --set hard=K draws the other line from the debate's K highest-scored lines that
are not check-worthy (--set hard_share=S: for a share S of the pairs), both from epoch 2 on.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
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
    # Weight of each line of an --extra debate in the loss (a 2019 line weighs 1).
    "extra_weight": 1.0,
    # Ranking objective (issue 21, branch h-cw): the share of the loss that is pairwise
    # (RankNet: log(1 + exp(-(s_pos - s_neg))) over a check-worthy line and another line of the
    # same debate), the rest pointwise log loss; 0 is the pointwise model alone.
    "pairwise": 0.0,
    # Pairs per check-worthy line per epoch (the other line drawn afresh from its debate).
    "pairs": 10,
    # 1: each bag trains on a bootstrap sample of the debates (drawn with replacement), not on
    # all of them in another order; the bags' weights are averaged (one linear model).
    "bootstrap": 0,
    # Top-weighted pairs (issue 21, branch h-cw2; with pairwise > 0, from the second epoch on,
    # under the scores of the weights so far, recomputed each epoch). lambda 1: each pair's loss
    # is weighted by |delta AP|, how much swapping its two lines would change the debate's AP
    # (LambdaRank), scaled so a debate's pairs still weigh one each on average. hard K > 0: the
    # other line is drawn from the debate's K highest-scored lines that are not check-worthy
    # (hard negatives near the top), for a share hard_share of the pairs (the rest uniform).
    "lambda": 0,
    "hard": 0,
    "hard_share": 1.0,
}

# An extra debate sharing more than this share of its lines with a 2019 debate is dropped.
# Only lines of MIN_WORDS words or more count: "Thank you.", "Yes." or "(APPLAUSE)" recur in
# every transcript and would make unrelated speeches look like copies (with them, 48 of the 70
# CheckThat! 2020 debates pass 5 %; without, a real repeat shares 44-100 %, any other <= 3.4 %).
OVERLAP = 0.05
MIN_WORDS = 4

Debate = tuple[str, list[tuple[list[str], int]]]


def read_debate(path: Path) -> tuple[list[Line], list[int]]:
    """Lines and labels (1 = check-worthy) of one tab-separated debate file."""
    lines, labels = [], []
    for row in path.read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) >= 4 and parts[3].strip() in {"0", "1"}:
            lines.append(Line(parts[2], parts[1].strip() or None))
            labels.append(int(parts[3]))
    return lines, labels


def load(root: Path, folder: str = "training") -> list[tuple[str, list[Line], list[int]]]:
    """Return (name, lines, labels) for each debate of a CLEF 2019 Task 1 folder."""
    return [(p.stem, *read_debate(p)) for p in sorted((root / "data" / folder).glob("*.tsv"))]


def load_extra(root: Path) -> list[tuple[str, list[Line], list[int]]]:
    """Every *.tsv under root (any depth) as a debate named by its path under root.

    A later CheckThat! edition's folder (2020 Task 5: v2.0/training, test-gold) has the 2019
    line format. Files with no labelled line (an unlabelled test input) are left out.
    """
    debates = []
    for path in sorted(root.rglob("*.tsv")):
        lines, labels = read_debate(path)
        if lines:
            name = f"{root.name}/{path.relative_to(root).with_suffix('').as_posix()}"
            debates.append((name, lines, labels))
    return debates


def normalise(text: str) -> str:
    """A line's words, lower case, punctuation and spacing dropped (for the leakage guard)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def leakage_guard(
    extra: list[tuple[str, list[Line], list[int]]],
    training: list[tuple[str, list[Line], list[int]]],
    test: list[tuple[str, list[Line], list[int]]],
    overlap: float = OVERLAP,
    min_words: int = MIN_WORDS,
) -> tuple[list[tuple[str, list[Line], list[int]]], list[tuple[str, str]]]:
    """Split the extra debates into those kept and those dropped, with the reason.

    Dropped: an extra debate more than `overlap` of whose lines of `min_words` words or more
    (normalised) occur in one 2019 test debate (a leak of the test) or in one 2019 training
    debate (already in, and a leak across the folds), checked in that order, or in an extra
    debate kept before it (a later edition's copy, perhaps relabelled: the first folder given
    wins). In the debates kept, a line whose text occurs in a 2019 test debate is removed as
    well, and so is one of `min_words` words or more whose text occurs in a 2019 training
    debate (a debate under the threshold may still repeat a few of its lines: those would leak
    across the folds). Only texts are compared, never labels.
    """

    def long_texts(lines: list[Line]) -> list[str]:
        return [t for t in (normalise(line.text) for line in lines) if len(t.split()) >= min_words]

    sets = [
        (kind, name, set(long_texts(lines)))
        for kind, debates in (("2019 test", test), ("2019 training", training))
        for name, lines, _ in debates
    ]
    test_texts = set().union(*(texts for kind, _, texts in sets if kind == "2019 test"))
    training_texts = set().union(*(texts for kind, _, texts in sets if kind == "2019 training"))
    kept, dropped = [], []
    for name, lines, labels in extra:
        texts = long_texts(lines)
        reason = ""
        for kind, other, other_texts in sets:
            share = sum(t in other_texts for t in texts) / max(len(texts), 1)
            if share > overlap:
                reason = f"{share:.0%} of its lines in {kind} debate {other}"
                break
        if reason:
            dropped.append((name, reason))
            continue
        # Later extra debates are checked against this one: the first of two copies is kept.
        sets.append(("extra", name, set(texts)))
        rows = [(ln, lb) for ln, lb in zip(lines, labels, strict=True)]
        rows = [
            (ln, lb)
            for ln, lb in rows
            if normalise(ln.text) not in test_texts and normalise(ln.text) not in training_texts
        ]
        kept.append((name, [ln for ln, _ in rows], [lb for _, lb in rows]))
    return kept, dropped


def folder(name: str) -> str:
    """The --extra folder an extra debate came from (its name's first part)."""
    return name.split("/", 1)[0]


def featurize(
    debates: list[tuple[str, list[Line], list[int]]], alone: frozenset[str] = frozenset()
) -> list[Debate]:
    """Each line's features with its label. The lines of a debate from a folder in `alone` are
    featurized each on its own (no speaker, no neighbours): for sets whose lines are not a
    transcript (ClaimBuster's sampled sentences), so only the text features learn from them."""

    def feats(name: str, lines: list[Line]) -> list[list[str]]:
        if folder(name) in alone:
            return [features([Line(line.text, None)])[0] for line in lines]
        return features(lines)

    return [
        (name, list(zip(feats(name, lines), labels, strict=True)))
        for name, lines, labels in debates
    ]


def train(
    debates: list[Debate], params: dict = PARAMS, extra: list[Debate] = ()
) -> dict[str, float]:
    """Fit the weights on the given featurized debates (the mean of `bags` shuffled fits).

    `extra` debates are trained on too, each line weighing params["extra_weight"].
    """
    bags = max(1, int(params["bags"]))
    total: Counter[str] = Counter()
    for bag in range(bags):
        seed = params["seed"] + bag
        sample, sample_extra = debates, extra
        if params.get("bootstrap"):
            rng = random.Random(seed * 7919)  # noqa: S311 - a reproducible sample, not a secret
            sample = [rng.choice(debates) for _ in debates] if debates else debates
            sample_extra = [rng.choice(extra) for _ in extra] if extra else extra
        total.update(_fit(sample, {**params, "seed": seed}, sample_extra))
    # Tiny weights change no ranking worth having and would make the shipped file large.
    return {f: round(w / bags, 4) for f, w in total.items() if abs(w / bags) >= params["prune"]}


def _fit(debates: list[Debate], params: dict, extra: list[Debate] = ()) -> dict[str, float]:
    # An extra debate weighs extra_weight, times its folder's weight if one was given.
    share = params.get("folder_weight", {})
    weighted = [(d, 1.0) for d in debates] + [
        (d, params["extra_weight"] * share.get(folder(d[0]), 1.0)) for d in extra
    ]
    counts = Counter(f for (_, rows), _ in weighted for feats, _ in rows for f in set(feats))
    left_out = tuple(p for p, on in (("w:", params["words"]), ("b:", params["bigrams"])) if not on)
    keep = {f for f, c in counts.items() if c >= params["min_count"] and not f.startswith(left_out)}
    debate_rows = [
        ([([f for f in feats if f in keep], label) for feats, label in d], weight)
        for (_, d), weight in weighted
    ]
    rows = [(feats, label, weight) for d, weight in debate_rows for feats, label in d]
    rng = random.Random(params["seed"])  # noqa: S311 - a reproducible order, not a secret
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    rate, l2, pos = params["rate"], params["l2"], params["positive_weight"]
    share = float(params.get("pairwise", 0.0))

    def step(feats: list[str] | Counter, g: float) -> None:
        # One AdaGrad step; `feats` a list (each counts once per time listed) or a Counter of
        # net counts (a pair: the check-worthy line's features +1, the other line's -1).
        items = feats.items() if isinstance(feats, Counter) else ((f, 1) for f in feats)
        for f, n in items:
            if not n:
                continue
            w = weights.get(f, 0.0)
            grad = g * n + l2 * w
            s = squares.get(f, 1e-8) + grad * grad
            squares[f] = s
            weights[f] = w - rate * grad / math.sqrt(s)

    for _ in range(params["epochs"]):
        # Pointwise rows (weighing 1 - share) and, with share > 0, pairs (weighing share) drawn
        # afresh each epoch, shuffled together.
        # (share 0: the rows shuffled in place, epoch after epoch, as the shipped model was.)
        items: list[tuple] = rows
        if share > 0.0:
            items = [(feats, label, weight * (1.0 - share)) for feats, label, weight in rows]
            top = {}
            if weights and (params.get("lambda") or params.get("hard")):
                top = {
                    "scores": [
                        [sum(weights.get(f, 0.0) for f in x) for x, _ in d] for d, _ in debate_rows
                    ],
                    "lambda_": bool(params.get("lambda")),
                    "hard": int(params.get("hard", 0)),
                    "hard_share": float(params.get("hard_share", 1.0)),
                }
            items = [item for item in items if item[2] > 0.0] + [
                (diff, None, weight * share)
                for diff, weight in _pairs(debate_rows, int(params["pairs"]), rng, **top)
            ]
        rng.shuffle(items)
        for feats, label, weight in items:
            if label is None:  # a pair: d(log(1 + exp(-d)))/d(d) = -sigmoid(-d)
                d = sum(weights.get(f, 0.0) * n for f, n in feats.items())
                step(feats, -weight / (1.0 + math.exp(max(min(d, 30.0), -30.0))))
                continue
            x = sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(min(x, 30.0), -30.0)))
            step(feats, (p - label) * (pos if label else 1.0) * weight)
    if share > 0.0 and any(label for _, label, _ in rows):
        # The pairwise loss leaves the bias where it is (every line has it): refit it alone
        # by the pointwise log loss so the scores stay probabilities. The ranking is unchanged.
        weights["bias"] = _refit_bias(weights, rows)
    return weights


def _pairs(
    debate_rows: list[tuple[list[tuple[list[str], int]], float]],
    per_positive: int,
    rng,
    scores: list[list[float]] | None = None,
    lambda_: bool = False,
    hard: int = 0,
    hard_share: float = 1.0,
) -> list[tuple[Counter, float]]:
    """`per_positive` pairs for each check-worthy line: its features minus those of another line
    of the same debate, not check-worthy, drawn at random; with the debate's weight.

    With `scores` (each debate's lines scored by the weights so far): `hard` > 0 draws the other
    line from the debate's `hard` highest-scored lines that are not check-worthy (a share
    `hard_share` of the draws; the rest from all of them), and `lambda` weighs each pair by
    |delta AP| of swapping its two lines in the debate's ranking, scaled so the debate's pairs
    average its weight (LambdaRank's weighting of RankNet pairs)."""
    result = []
    for n, (d, weight) in enumerate(debate_rows):
        negatives = [i for i, (_, label) in enumerate(d) if not label]
        if not negatives:
            continue
        positives = [i for i, (_, label) in enumerate(d) if label]
        pool = negatives
        if scores is not None and hard > 0:
            pool = sorted(negatives, key=lambda i: (-scores[n][i], i))[:hard]
        delta = _delta_ap(scores[n], [label for _, label in d]) if scores and lambda_ else None
        drawn = []
        for p in positives:
            for _ in range(per_positive):
                if pool is negatives or (hard_share < 1.0 and rng.random() >= hard_share):
                    drawn.append((p, rng.choice(negatives)))
                else:
                    drawn.append((p, rng.choice(pool)))
        factors = [1.0] * len(drawn)
        if delta is not None:
            factors = [delta(p, q) for p, q in drawn]
            average = sum(factors) / len(factors)
            factors = [f / average for f in factors] if average > 0 else [1.0] * len(drawn)
        for (p, q), factor in zip(drawn, factors, strict=True):
            diff = Counter(d[p][0])
            diff.subtract(d[q][0])
            result.append((diff, weight * factor))
    return result


def _delta_ap(scores: list[float], labels: list[int]):
    """A function (positive line, other line) -> |change of the debate's AP| if the two lines
    swapped places in the ranking by `scores` (ties in the transcript's order, as `measures`)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    rank = [0] * len(scores)
    for r, i in enumerate(order, 1):
        rank[i] = r
    hits = [0] * (len(order) + 1)  # hits[k]: check-worthy lines in ranks 1..k
    inverse = [0.0] * (len(order) + 1)  # inverse[k]: sum of 1/rank over those
    for r, i in enumerate(order, 1):
        hits[r] = hits[r - 1] + (1 if labels[i] else 0)
        inverse[r] = inverse[r - 1] + (1.0 / r if labels[i] else 0.0)
    relevant = hits[-1] or 1

    def delta(p: int, q: int) -> float:
        a, b = rank[p], rank[q]
        if a < b:  # the check-worthy line moves down to b; those between lose a hit above them
            change = hits[b] / b - hits[a] / a - (inverse[b - 1] - inverse[a])
        else:  # it moves up to b; those between gain one
            change = (hits[b - 1] + 1) / b - hits[a] / a + (inverse[a - 1] - inverse[b])
        return abs(change) / relevant

    return delta


def _refit_bias(weights: dict[str, float], rows: list[tuple[list[str], int, float]]) -> float:
    """The bias minimising the weighted log loss with the other weights fixed (Newton)."""
    rest = [
        (sum(weights.get(f, 0.0) for f in feats if f != "bias"), label, w)
        for feats, label, w in rows
        if w > 0
    ]
    bias = weights.get("bias", 0.0)
    for _ in range(25):
        grad = hess = 0.0
        for x, label, w in rest:
            p = 1.0 / (1.0 + math.exp(-max(min(x + bias, 30.0), -30.0)))
            grad += w * (p - label)
            hess += w * p * (1.0 - p)
        if hess <= 0.0:
            break
        bias -= grad / hess
        if abs(grad / hess) < 1e-6:
            break
    return bias


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


def cross_validate(
    debates: list[Debate], params: dict = PARAMS, extra: list[Debate] = ()
) -> list[tuple[str, dict]]:
    """Score each debate with a model trained on all the others (and all the extra debates)."""
    result = []
    for i, (name, rows) in enumerate(debates):
        weights = train(debates[:i] + debates[i + 1 :], params, extra)
        result.append((name, measures(score(weights, rows), [label for _, label in rows])))
    return result


def mean(per_debate: list[tuple[str, dict]]) -> dict[str, float]:
    keys = per_debate[0][1]
    return {key: statistics.fmean(m[key] for _, m in per_debate) for key in keys}


def show(label: str, m: dict[str, float]) -> str:
    return f"{label:<28} " + "  ".join(f"{k} {v:.3f}" for k, v in m.items())


def guarded_extra(
    clef: Path, dirs: list[Path], training: list[tuple[str, list[Line], list[int]]]
) -> tuple[list[tuple[str, list[Line], list[int]]], list[tuple[str, str]]]:
    """The --extra debates that pass the leakage guard, and those dropped (printed)."""
    extra = [debate for root in dirs for debate in load_extra(root)]
    if not extra:
        return [], []
    test = load(clef, "test_annotated") or load(clef, "test")
    if not test:
        raise SystemExit(f"the leakage guard needs the 2019 test debates under {clef / 'data'}")
    kept, dropped = leakage_guard(extra, training, test)
    for name, reason in dropped:
        print(f"dropped {name}: {reason}")
    lines = sum(len(labels) for _, _, labels in kept)
    positives = sum(sum(labels) for _, _, labels in kept)
    removed = sum(len(e[2]) for e in extra if e[0] in {k[0] for k in kept}) - lines
    print(
        f"extra: {len(kept)} of {len(extra)} debates kept, {lines} lines, {positives} check-worthy"
        f" ({removed} lines removed: their text is in a 2019 test debate or a training one)"
    )
    return kept, dropped


def add_folder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--folder-weight",
        action="append",
        default=[],
        help="NAME=W: each line of the --extra folder NAME weighs W (times extra_weight)",
    )
    parser.add_argument(
        "--alone",
        action="append",
        default=[],
        help="NAME: the lines of the --extra folder NAME are featurized without context",
    )


def parse_params(args: argparse.Namespace) -> dict:
    """PARAMS with --set, --folder-weight and --alone applied."""
    params = dict(PARAMS)
    for item in args.set:
        name, value = item.split("=", 1)
        params[name] = type(PARAMS[name])(float(value))
    if args.folder_weight:
        params["folder_weight"] = {
            name: float(w) for name, w in (item.split("=", 1) for item in args.folder_weight)
        }
    params["alone"] = sorted(args.alone)
    return params


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("clef", type=Path, help="a checkout of apepa/clef2019-factchecking-task1")
    parser.add_argument("--write", action="store_true", help="write the shipped weights")
    parser.add_argument(
        "--out", type=Path, default=WEIGHTS, help="where --write writes (default: shipped file)"
    )
    parser.add_argument("--set", action="append", default=[], help="override a param: name=value")
    parser.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=[],
        help="a folder of a later edition's debates (*.tsv, any depth); repeatable",
    )
    add_folder_options(parser)
    args = parser.parse_args()
    params = parse_params(args)
    training = load(args.clef)
    if not training:
        print(f"no debates under {args.clef / 'data' / 'training'}", file=sys.stderr)
        return 2
    kept, dropped = guarded_extra(args.clef, args.extra, training)
    debates = featurize(training)
    extra = featurize(kept, frozenset(params["alone"]))
    cv = cross_validate(debates, params, extra)
    for name, m in cv:
        print(show(name, m))
    overall = mean(cv)
    print(show("training, cross-validated", overall))
    if args.write:
        weights = train(debates, params, extra)
        kept_weights = dict(sorted(weights.items()))
        provenance = {
            "data": "CLEF 2019 CheckThat! Task 1 training debates "
            "(github.com/apepa/clef2019-factchecking-task1, data/training, 19 files)",
            "date": time.strftime("%Y-%m-%d"),
            "command": "uv run python bench/train_checkworthy.py CLEF --write "
            + " ".join(f"--set {s}" for s in args.set)
            + " ".join(f" --extra {d}" for d in args.extra)
            + " ".join(f" --folder-weight {w}" for w in args.folder_weight)
            + " ".join(f" --alone {a}" for a in args.alone),
            "params": params,
            "cross_validated_by_debate": {k: round(v, 4) for k, v in overall.items()},
        }
        if args.extra:
            provenance["data"] += "; plus the --extra debates kept by the leakage guard"
            provenance["extra"] = {
                "folders": [str(d) for d in args.extra],
                # A folder's SOURCE file, if any, says where its files came from.
                "sources": [
                    (d / "SOURCE").read_text(encoding="utf-8").strip()
                    for d in args.extra
                    if (d / "SOURCE").is_file()
                ],
                "debates": [
                    {"name": name, "lines": len(labels), "check_worthy": sum(labels)}
                    for name, _, labels in kept
                ],
                "lines": sum(len(labels) for _, _, labels in kept),
                "dropped_by_leakage_guard": [
                    {"name": name, "reason": reason} for name, reason in dropped
                ],
            }
        shipped = {"provenance": provenance, "weights": kept_weights}
        args.out.write_text(json.dumps(shipped, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {len(kept_weights)} weights to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

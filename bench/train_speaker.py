"""Train the learnt speaker choice (bench/speaker_model.py; issue 15; tried, not shipped).

    uv run python bench/train_speaker.py /tmp/PolNeAR --out /tmp/speaker_model.json
    uv run python bench/train_speaker.py /tmp/PolNeAR            # figures only
    uv run python bench/train_speaker.py --measure /tmp/speaker_model.json -- \
        --devset bench/holdout4/gold.jsonl                       # suggest_eval.py, model on

Training data: PolNeAR train (remarks with a Source) and the hand-labelled sets bench/devset,
bench/holdout, bench/holdout2 and bench/holdout3 (quotes with a named gold speaker). Never PolNeAR
dev or test, nor bench/holdout4 (held out) or bench/holdout5 (blind). For each found quote the
finder runs with the model off, and each candidate speaker_candidates gives is labelled right
when it matches the gold speaker the way bench/suggest_eval.py scores it (PolNeAR: the Source
span or its head word; the labelled sets: the canonical name). A logistic regression
(learn.fit_delta from zero weights) scores candidates; the margin by which the best must beat
the rules' choice is the one with the largest net gain (quotes made right minus quotes made
wrong) over five folds of the training articles. Leave-one-set-out figures over the labelled
sets are printed too. The weights file records the data, the commit and this command.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "devset"))

import scoring  # noqa: E402
import speaker_model  # noqa: E402
import suggest_eval  # noqa: E402

from workbench.suggest.finder import engine  # noqa: E402
from workbench.suggest.finder.direct import Article  # noqa: E402
from workbench.suggest.finder.engine import REPORTS_ALL, Suggestion, suggest  # noqa: E402
from workbench.suggest.finder.learn import fit_delta  # noqa: E402

LABELLED = ("devset", "holdout", "holdout2", "holdout3")
PARAMS = {"epochs": 8, "rate": 0.1, "l2": 1e-4, "min_count": 3, "prune": 1e-3, "seed": 7}
MARGINS = tuple(x / 4 for x in range(-16, 9))
FOLDS = 5

# One found quote: its candidates, each with 1 when it is the gold speaker.
Group = list[tuple[speaker_model.Candidate, int]]


def _recording(text: str, reports: str) -> tuple[list[Suggestion], dict[int, list]]:
    """Run the finder with the model off; return its quotes and each one's candidates."""
    seen: dict[int, list] = {}

    rules = engine.resolve_speakers

    def record(text, registry, suggestions) -> None:  # noqa: ANN001
        rules(text, registry, suggestions)
        article = Article(text)
        mentions = speaker_model._mentions(registry)
        for i, s in enumerate(suggestions):
            if s.kind == "quote":
                seen[id(s)] = speaker_model.speaker_candidates(
                    article, registry, suggestions, i, mentions
                )

    with mock.patch.object(engine, "resolve_speakers", record):
        found = [s for s in suggest(text, claims=0, reports=reports) if s.kind == "quote"]
    return found, seen


def _group(cands: list, right: Callable[[speaker_model.Candidate], bool]) -> Group:
    return [(c, int(right(c))) for c in cands]


def polnear_groups(root: Path, split: str) -> list[tuple[str, Group]]:
    """(article, group) for each finder quote that matches a PolNeAR attribution with a Source."""
    groups = []
    for name, text, golds in suggest_eval.load_split(root, split):
        found, seen = _recording(text, REPORTS_ALL)
        for i, j in suggest_eval.match(found, golds):
            gold = golds[j]
            if not gold.source or id(found[i]) not in seen:
                continue

            def right(c: speaker_model.Candidate, gold=gold, text=text) -> bool:  # noqa: ANN001
                probe = Suggestion(
                    "quote", 0, 0, "", 0.0, speaker=c.name, speaker_start=c.start, speaker_end=c.end
                )
                return suggest_eval.speaker_right(text, probe, gold)

            groups.append((f"polnear:{name}", _group(seen[id(found[i])], right)))
    return groups


def labelled_groups(name: str) -> list[tuple[str, Group]]:
    """(article, group) for each found quote of a hand-labelled set whose gold names a speaker."""
    groups = []
    for article in scoring.load_gold(ROOT / "bench" / name / "gold.jsonl"):
        found, seen = _recording(article.body, engine.REPORTS_CLAUSES)
        for j, i in sorted(scoring.covering(found, article.quotes).items()):
            gold = article.quotes[j]
            if not gold.speaker or id(found[i]) not in seen:
                continue
            groups.append(
                (
                    f"{name}:{article.id}",
                    _group(seen[id(found[i])], lambda c, g=gold: scoring.speaker_right(c.name, g)),
                )
            )
    return groups


def pairs(group: Group) -> list[tuple[list[str], int]]:
    """One row per alternative of a quote: its swap for the rules' choice, labelled 1 when the
    swap makes the speaker right (the rules' choice wrong, the alternative right)."""
    ruled = next((c for c, _ in group if c.ruled), None)
    ruled_right = _ruled_right(group)
    return [
        (speaker_model.pair_features(ruled, c), int(label and not ruled_right))
        for c, label in group
        if not c.ruled
    ]


def _ruled_right(group: Group) -> int:
    return next((label for c, label in group if c.ruled), 0)


def fit(groups: Sequence[tuple[str, Group]]) -> dict[str, float]:
    """Fit the swap scorer: logistic regression over every alternative of every quote."""
    rows = [row for _, group in groups for row in pairs(group)]
    return fit_delta(rows, base={}, params=PARAMS)


def outcome(group: Group, weights: dict[str, float], margin: float) -> tuple[int, int]:
    """(rules right, model right) for one quote at this margin."""
    ruled = _ruled_right(group)
    chosen = speaker_model.override([c for c, _ in group], weights, margin)
    if chosen is None:
        return ruled, ruled
    return ruled, next(label for c, label in group if c is chosen)


def tally(groups: Sequence[tuple[str, Group]], weights: dict[str, float], margin: float) -> dict:
    """Quotes right under the rules and under the model, and how many it gained and lost."""
    rules = model = gained = lost = 0
    for _, group in groups:
        r, m = outcome(group, weights, margin)
        rules, model = rules + r, model + m
        gained, lost = gained + (m > r), lost + (r > m)
    return {"quotes": len(groups), "rules": rules, "model": model, "gained": gained, "lost": lost}


def folds(groups: Sequence[tuple[str, Group]], k: int) -> list[list[int]]:
    """Indices of the groups in k folds, by article (an article's quotes stay together)."""
    articles = sorted({a for a, _ in groups})
    fold_of = {a: n % k for n, a in enumerate(articles)}
    return [[i for i, (a, _) in enumerate(groups) if fold_of[a] == f] for f in range(k)]


def choose_margin(groups: Sequence[tuple[str, Group]]) -> tuple[float, dict[float, dict]]:
    """The margin with the largest net gain over the folds (the larger of equals)."""
    per_margin = {m: {"gained": 0, "lost": 0} for m in MARGINS}
    for held in folds(groups, FOLDS):
        held_set = set(held)
        weights = fit([g for i, g in enumerate(groups) if i not in held_set])
        for m in MARGINS:
            t = tally([groups[i] for i in held], weights, m)
            per_margin[m]["gained"] += t["gained"]
            per_margin[m]["lost"] += t["lost"]
    best = max(MARGINS, key=lambda m: (per_margin[m]["gained"] - per_margin[m]["lost"], m))
    return best, per_margin


def git_commit() -> str:
    """The commit the weights were trained at, marked when the finder's code had changed since."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,  # noqa: S607
        ).stdout.strip()

    changed = git(
        "status",
        "--porcelain",
        "--",
        "workbench/suggest/finder",
        "bench/speaker_model.py",
        "bench/train_speaker.py",
    )
    return git("rev-parse", "HEAD") + (" with uncommitted changes" if changed else "")


def measure(weights: Path, argv: list[str]) -> int:
    """Score the finder with the model on: bench/suggest_eval.py's own run, given `argv`."""
    model = speaker_model.load_model(weights)
    with (
        speaker_model.switched_on(model),
        mock.patch.object(sys, "argv", ["suggest_eval.py", *argv]),
    ):
        return suggest_eval.main()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "polnear", type=Path, nargs="?", help="a checkout of networkdynamics/PolNeAR"
    )
    parser.add_argument(
        "--out", type=Path, help="write the weights here (JSON); without it, figures only"
    )
    parser.add_argument(
        "--measure",
        type=Path,
        metavar="WEIGHTS",
        help="run bench/suggest_eval.py with these weights switched on (its arguments after --)",
    )
    # What follows "--" is bench/suggest_eval.py's, for --measure.
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])
    if args.measure:
        return measure(args.measure, argv[cut + 1 :])
    if args.polnear is None:
        parser.error("the PolNeAR checkout is required to train")
    sets = {"polnear-train": polnear_groups(args.polnear, "train")}
    for name in LABELLED:
        sets[name] = labelled_groups(name)
    for name, groups in sets.items():
        print(f"{name}: {len(groups)} quotes, {sum(len(g) for _, g in groups)} candidates")
    every = [g for groups in sets.values() for g in groups]
    margin, per_margin = choose_margin(every)
    print(
        "five-fold net gain by margin: "
        + ", ".join(f"{m}: +{v['gained']}-{v['lost']}" for m, v in per_margin.items())
    )
    print(f"margin chosen: {margin}")
    for name in LABELLED:
        weights = fit([g for n, gs in sets.items() if n != name for g in gs])
        print(f"leave {name} out: {tally(sets[name], weights, margin)}")
    weights = fit(every)
    if args.out is None:
        return 0
    model = {
        "margin": margin,
        "provenance": {
            "data": "PolNeAR train (remarks with a Source) and bench/"
            + ", bench/".join(LABELLED)
            + " (quotes with a named gold speaker)",
            "commit": git_commit(),
            "command": "uv run python bench/train_speaker.py /path/to/PolNeAR",
            "params": PARAMS,
            "quotes": {name: len(groups) for name, groups in sets.items()},
        },
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

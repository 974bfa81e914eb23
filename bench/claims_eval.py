"""Score the check-worthiness ranking against CLEF-2019 CheckThat! Task 1 (debates, speeches).

    uv run python bench/claims_eval.py /path/to/clef2019-factchecking-task1 [--split training|test]

The dataset (github.com/apepa/clef2019-factchecking-task1, "free for general research use") is
not in this repository: clone it anywhere and pass the path. Each file is one debate or speech,
one sentence per line (`line <TAB> speaker <TAB> text <TAB> label`), label 1 when factcheck.org
checked the sentence. Every line of a file is scored with `checkworthiness()` alone (no
training on this data), ranked (ties keep the transcript's order), and scored the way the task
was: average precision per file, then the mean over files (MAP, the task's main measure),
R-precision and precision at 1, 5, 10 and 20. A random ranking (mean of 50 shuffles) is the
floor. The training split was used to look at errors; the test split only to report.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.suggest.finder.claims import checkworthiness  # noqa: E402

CUTOFFS = (1, 5, 10, 20)
SPLITS = {"training": "training", "test": "test_annotated"}


def load(root: Path, split: str) -> list[tuple[str, list[tuple[str, int]]]]:
    """Return (file name, [(sentence, label)]) for each transcript of a split."""
    files = []
    for path in sorted((root / "data" / SPLITS[split]).glob("*.tsv")):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4 and parts[3].strip() in {"0", "1"}:
                rows.append((parts[2], int(parts[3])))
        files.append((path.stem, rows))
    return files


def measures(labels_in_rank_order: list[int]) -> dict[str, float]:
    """Average precision, R-precision and P@k of one ranked list of 0/1 labels."""
    relevant = sum(labels_in_rank_order)
    hits, precisions = 0, []
    for rank, label in enumerate(labels_in_rank_order, 1):
        if label:
            hits += 1
            precisions.append(hits / rank)
    result = {
        "AP": sum(precisions) / relevant if relevant else 0.0,
        "R-P": sum(labels_in_rank_order[:relevant]) / relevant if relevant else 0.0,
    }
    for k in CUTOFFS:
        result[f"P@{k}"] = sum(labels_in_rank_order[:k]) / k
    return result


def mean_measures(per_file: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.fmean(m[key] for m in per_file) for key in per_file[0]}


def ranked(rows: list[tuple[str, int]]) -> list[int]:
    scores = [checkworthiness(text) for text, _ in rows]
    order = sorted(range(len(rows)), key=lambda i: (-scores[i], i))
    return [rows[i][1] for i in order]


def shuffled(rows: list[tuple[str, int]], rng: random.Random) -> list[int]:
    labels = [label for _, label in rows]
    rng.shuffle(labels)
    return labels


def line(label: str, m: dict[str, float]) -> str:
    return f"{label:<10} " + "  ".join(f"{key} {value:.3f}" for key, value in m.items())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("clef", type=Path, help="a checkout of apepa/clef2019-factchecking-task1")
    parser.add_argument("--split", choices=list(SPLITS), action="append")
    args = parser.parse_args()
    for split in args.split or list(SPLITS):
        files = load(args.clef, split)
        if not files:
            print(f"{split}: no transcripts under {args.clef / 'data'}", file=sys.stderr)
            return 2
        sentences = sum(len(rows) for _, rows in files)
        positives = sum(label for _, rows in files for _, label in rows)
        print(f"== {split}: {len(files)} transcripts, {sentences} sentences, {positives} checked")
        print(line("ranker", mean_measures([measures(ranked(rows)) for _, rows in files])))
        rng = random.Random(2019)  # noqa: S311 - a reproducible shuffle, not a secret
        runs = [
            mean_measures([measures(shuffled(rows, rng)) for _, rows in files]) for _ in range(50)
        ]
        print(line("random", {key: statistics.fmean(r[key] for r in runs) for key in runs[0]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

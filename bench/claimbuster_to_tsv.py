"""Turn ClaimBuster's labelled debate sentences into pseudo-debates for `train_checkworthy --extra`.

    uv run python bench/claimbuster_to_tsv.py SRC OUT [--ufs neg|drop|pos] [--only-3xncs]

ClaimBuster (Arslan, Hassan, Li, Tremayne, ICWSM 2020; Zenodo, CC BY 4.0): sentences of the US
presidential general-election debates 1960-2016, labelled CFS (check-worthy factual), UFS
(unimportant factual) or NFS (non-factual). No full `groundtruth.csv` is stored where this
machine can read it; the labelled sets found (github utaresearch/claimbuster-spotter) are, in
SRC (JSON lists of {sentence_id, label, text}):

- `kfold_30ncs.json`: the Zenodo `3xNCS.json` (11,056 sentences: 2,764 CFS, 8,292 NCS = NFS or
  UFS, "stricter criteria"); its labels win where the sets disagree (2 sentences);
- `data_small.json`, `disjoint_2000.json` (optional): older three-class subsets (-1 NFS, 0 UFS,
  1 CFS), which add the sentences 3xNCS lacks and tell UFS from NFS.

They carry no debate or speaker, but ClaimBuster's sentence ids run in transcript order, so each
block of 1,000 ids becomes one pseudo-debate (about one debate's worth; a block may straddle
two debates), its sentences in id order, speaker empty. The leakage guard of
`train_checkworthy` then judges every block like a debate: one holding the 2016 debates (in the
2019 training data) shares far more than 5 % of its lines with a 2019 debate and is dropped.

Output: OUT/claimbuster/ids_NNNNN.tsv in the 2019 line format (id, speaker, text, label) and
OUT/SOURCE (copied into the weights' provenance by --write).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BLOCK = 1000


def read_sets(src: Path, only_3xncs: bool) -> dict[int, tuple[str, str]]:
    """sentence id -> (class, text); class is CFS, UFS, NFS or NCS (NFS or UFS, not told)."""
    classes: dict[int, tuple[str, str]] = {}
    if not only_3xncs:
        for name in ("data_small.json", "disjoint_2000.json"):
            path = src / name
            if path.is_file():
                for row in json.loads(path.read_text(encoding="utf-8")):
                    label = {-1: "NFS", 0: "UFS", 1: "CFS"}[int(row["label"])]
                    classes[int(row["sentence_id"])] = (label, row["text"])
    for row in json.loads((src / "kfold_30ncs.json").read_text(encoding="utf-8")):
        sid = int(row["sentence_id"])
        label = "CFS" if int(row["label"]) == 1 else "NCS"
        if label == "NCS" and classes.get(sid, ("",))[0] in {"UFS", "NFS"}:
            label = classes[sid][0]  # the three-class sets tell which kind of NCS it is
        classes[sid] = (label, row["text"])
    return classes


def label_of(kind: str, ufs: str) -> int | None:
    if kind == "CFS":
        return 1
    if kind == "UFS":
        return {"neg": 0, "pos": 1, "drop": None}[ufs]
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "src", type=Path, help="folder with kfold_30ncs.json (and the 3-class sets)"
    )
    parser.add_argument("out", type=Path, help="folder to write (pass it to --extra)")
    parser.add_argument("--ufs", choices=("neg", "drop", "pos"), default="neg")
    parser.add_argument("--only-3xncs", action="store_true", help="the 3xNCS set alone")
    parser.add_argument("--source", default="", help="provenance line for OUT/SOURCE")
    args = parser.parse_args()
    classes = read_sets(args.src, args.only_3xncs)
    blocks: dict[int, list[str]] = {}
    counts: dict[str, int] = {}
    for sid in sorted(classes):
        kind, text = classes[sid]
        label = label_of(kind, args.ufs)
        if label is None:
            continue
        counts[kind] = counts.get(kind, 0) + 1
        text = " ".join(text.split())
        blocks.setdefault(sid // BLOCK, []).append(f"{sid}\t\t{text}\t{label}")
    folder = args.out / "claimbuster"
    folder.mkdir(parents=True, exist_ok=True)
    for block, rows in blocks.items():
        (folder / f"ids_{block * BLOCK:05d}.tsv").write_text("\n".join(rows) + "\n", "utf-8")
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    source = (
        f"{args.source} ClaimBuster sentences ({summary}; UFS {args.ufs}"
        f"{', 3xNCS only' if args.only_3xncs else ''}) as {len(blocks)} pseudo-debates of"
        f" {BLOCK} sentence ids, by bench/claimbuster_to_tsv.py"
    ).strip()
    (args.out / "SOURCE").write_text(source + "\n", encoding="utf-8")
    print(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())

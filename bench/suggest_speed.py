"""Time the suggestion engine: one 1,000-word article, and 1,000 articles, on one core.

    uv run python bench/suggest_speed.py [--articles 1000] [--runs 5] [--corpus /path/to/PolNeAR]

The articles come from the shared workload generator (../shared/bench/gen_workload.py, about
4,000 characters each, with quotes and claims); the 1,000-word article is the first ones joined
into paragraphs until it has 1,000 words. With --corpus, real PolNeAR train articles are timed
too (their text stays outside the repository). Pure Python, single process, nothing downloaded.
Targets (issue 7): ≤ 50 ms for a 1,000-word article, ≤ 60 s for 1,000 articles.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"

from workbench.suggest.finder.engine import suggest  # noqa: E402


def workload(n: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "workload.jsonl"
        subprocess.run([sys.executable, str(GENERATOR), str(n), str(out)], check=True)
        return [json.loads(line)["text"] for line in out.read_text().splitlines()]


def thousand_words(texts: list[str]) -> str:
    words: list[str] = []
    paragraphs = []
    for text in texts:
        for paragraph in text.split("\n\n"):
            paragraphs.append(paragraph)
            words.extend(paragraph.split())
            if len(words) >= 1000:
                return "\n\n".join(paragraphs)
    return "\n\n".join(paragraphs)


def timed(texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        suggest(text)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="a PolNeAR checkout (train split)")
    args = parser.parse_args()
    texts = workload(args.articles)
    article = thousand_words(texts)
    suggest(article)  # warm up regex caches
    singles = [timed([article]) * 1000 for _ in range(max(args.runs * 20, 50))]
    print(
        f"1,000-word article ({len(article):,} chars): median {statistics.median(singles):.1f} ms, "
        f"max {max(singles):.1f} ms over {len(singles)} runs"
    )
    batches = [timed(texts) for _ in range(args.runs)]
    print(
        f"{len(texts):,} workload articles: median {statistics.median(batches):.2f} s "
        f"({statistics.median(batches) / len(texts) * 1000:.2f} ms/article) over {args.runs} runs"
    )
    if args.corpus:
        paths = sorted((args.corpus / "data" / "train" / "text").glob("*.txt"))
        corpus = [p.read_text(encoding="utf-8") for p in paths]
        words = sum(len(t.split()) for t in corpus)
        runs = [timed(corpus) for _ in range(args.runs)]
        median = statistics.median(runs)
        print(
            f"PolNeAR train, {len(corpus)} articles ({words / len(corpus):.0f} words on average): "
            f"median {median:.2f} s ({median / len(corpus) * 1000:.2f} ms/article, "
            f"{median / words * 1e6:.1f} ms per 1,000 words)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

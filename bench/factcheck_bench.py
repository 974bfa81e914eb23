"""Fact-check benchmark (issue 17): import 100,000 ClaimReview records, then match claims.

Usage: uv run python bench/factcheck_bench.py [--factchecks 100000] [--claims 50000]
       [--queries 200] [--database-url postgres://postgres@127.0.0.1:5432/workbench_fc_bench]
       [--reuse]  (PostgreSQL: time matching again on the database a full run left)
       [--import-only --runs 3]  (the import alone, 3 times, each into an emptied table)

Into a fresh database (a temporary SQLite file, or the named PostgreSQL database after
dropdb/createdb), migrated:
1. generates N ClaimReview records as JSON Lines (seeded; claims of 8–20 words drawn with a
   Zipf law from a 30,000-word vocabulary, a number in a third of them, publishers, ratings,
   claimants, appearances) and times `factchecks_import_text` on the whole text: parsing,
   checking and upserting, as `manage.py import_factchecks FILE` does once the file is read;
   then times importing the same text again (every row unchanged, so none is rewritten);
2. bulk-loads M earlier claims (10 per article, approved, in one team with the fact-checks)
   and, on PostgreSQL, runs ANALYZE (autovacuum would soon after a real import);
3. times `find_matches(top=5)` for Q query texts: half are fact-checks' claims reworded (a
   third of the words dropped, two words added), half new text; 10 warm-ups first. Prints the
   median and the p95 (nearest rank), in ms, of the wall clock and of the CPU time spent (this
   process plus, on PostgreSQL, its backend: less sensitive to other jobs on shared cores).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "ti",
    "vo",
    "ze",
    "ba",
    "de",
    "fi",
    "go",
    "hu",
    "ja",
    "ke",
    "li",
    "mo",
    "nu",
    "pa",
    "re",
    "si",
    "to",
    "vu",
    "wa",
    "yo",
]
RATINGS = ["False", "Mostly False", "Half True", "Mostly True", "True", "Misleading"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    picked = rng.choices(words, cum_weights=weights, k=rng.randint(8, 20))
    if rng.random() < 0.33:
        picked.insert(rng.randrange(len(picked)), str(rng.randint(1, 2030)))
    return " ".join(picked).capitalize()


def records(rng: random.Random, n: int, words: list[str], weights: list[float]) -> list[dict]:
    out = []
    for i in range(n):
        value = rng.randint(1, 6)
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"https://checker{i % 40}.example/review/{i}",
                "claimReviewed": sentence(rng, words, weights),
                "datePublished": f"20{rng.randint(15, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",  # noqa: E501
                "author": {"@type": "Organization", "name": f"Checker {i % 40}"},
                "reviewRating": {
                    "ratingValue": value,
                    "bestRating": 6,
                    "worstRating": 1,
                    "alternateName": RATINGS[value - 1],
                },
                "itemReviewed": {
                    "@type": "Claim",
                    "author": {"@type": "Person", "name": f"Speaker {i % 500}"},
                    "appearance": [{"url": f"https://news.example/{i}"}],
                },
            }
        )
    return out


def reword(rng: random.Random, text: str, words: list[str]) -> str:
    kept = [w for w in text.split() if rng.random() > 0.33]
    kept += rng.sample(words, 2)
    rng.shuffle(kept)
    return " ".join(kept)


def setup_database(url: str, folder: str, *, reuse: bool = False) -> None:
    if url.startswith("postgres") and not reuse:
        name = url.rsplit("/", 1)[1]
        env = dict(os.environ, PGHOST="127.0.0.1", PGUSER="postgres")
        subprocess.run(["dropdb", "--if-exists", name], check=True, env=env)
        subprocess.run(["createdb", name], check=True, env=env)
    os.environ["DATABASE_URL"] = url or f"sqlite:///{folder}/factchecks.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
    os.environ.update(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="bench-only")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load_claims(team, lead, texts: list[str]) -> None:  # noqa: ANN001
    import hashlib

    from django.db import transaction

    from workbench.annotations.models import Annotation
    from workbench.articles.models import Article, Project

    project = Project.objects.create(team=team, name="Bench", slug="bench", created_by=lead)
    for start in range(0, len(texts), 10_000):
        chunk = texts[start : start + 10_000]
        with transaction.atomic():
            bodies = ["\n\n".join(chunk[i : i + 10]) for i in range(0, len(chunk), 10)]
            articles = Article.objects.bulk_create(
                Article(
                    project=project,
                    title=f"Article {start + i}",
                    body=body,
                    raw=body,
                    checksum=hashlib.sha256(body.encode()).hexdigest(),
                    created_by=lead,
                )
                for i, body in enumerate(bodies)
            )
            rows = []
            for article in articles:
                at = 0
                for paragraph in article.body.split("\n\n"):
                    rows.append(
                        Annotation(
                            article=article,
                            kind="claim",
                            start=at,
                            end=at + len(paragraph),
                            exact=paragraph,
                            annotator=lead,
                            status="approved",
                            verdict="False",
                        )
                    )
                    at += len(paragraph) + 2
            Annotation.objects.bulk_create(rows, batch_size=2000)


def backend_cpu(connection) -> float:  # noqa: ANN001
    """Return the CPU seconds the database has spent on this connection (0 on SQLite).

    PostgreSQL runs on this machine: its backend's user and system time, from /proc. With the
    cores shared by other jobs, CPU time says what a query costs better than the wall clock.
    """
    if connection.vendor != "postgresql":
        return 0.0
    if not hasattr(connection, "_bench_pid"):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            connection._bench_pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{connection._bench_pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu(connection) -> float:  # noqa: ANN001
    return time.process_time() + backend_cpu(connection)


def nearest(values: list[float], rank: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(rank * len(ordered)) - 1)]


def import_runs(args: argparse.Namespace, text: str, connection) -> None:  # noqa: ANN001
    """Time the import `args.runs` times into an emptied table, and the parsing alone.

    Prints one JSON line per run (wall and CPU of the import, of its re-import, and of
    `read_document` over the same text) and a summary with the medians and the load average.
    """
    from django.contrib.auth import get_user_model

    from workbench.accounts.models import Membership, Team
    from workbench.factchecks.claimreview import read_document
    from workbench.factchecks.models import FactCheck
    from workbench.factchecks.services import factchecks_import_text

    team = Team.objects.create(name="Bench", slug="bench")
    lead = get_user_model().objects.create_user(username="bench")
    Membership.objects.create(user=lead, team=team, role="lead")
    runs = []
    for run in range(args.runs):
        FactCheck.objects.filter(team=team).delete()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE factchecks_factcheck")
        row = {"run": run + 1}
        began, began_cpu = time.perf_counter(), time.process_time()
        parsed = sum(1 for _ in read_document(text))
        row["parse_s"] = time.perf_counter() - began
        row["parse_cpu_s"] = time.process_time() - began_cpu
        for name in ("import", "reimport"):
            began, began_cpu = time.perf_counter(), time.process_time()
            began_backend = backend_cpu(connection)
            report = factchecks_import_text(team=team, actor=None, text=text)
            row[f"{name}_s"] = time.perf_counter() - began
            row[f"{name}_cpu_s"] = time.process_time() - began_cpu
            # PostgreSQL's backend, apart from this process's CPU above (0 on SQLite).
            row[f"{name}_backend_cpu_s"] = backend_cpu(connection) - began_backend
        assert parsed == args.factchecks and report.unchanged == args.factchecks
        row["load_average"] = os.getloadavg()
        runs.append(row)
        print(json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()}))
    keys = [k for k in runs[0] if k.endswith("_s")]
    summary = {
        "database": connection.vendor,
        "factchecks": args.factchecks,
        "runs": len(runs),
        **{f"median_{k}": round(statistics.median(r[k] for r in runs), 2) for k in keys},
        **{f"max_{k}": round(max(r[k] for r in runs), 2) for k in keys},
        "load_average": os.getloadavg(),
    }
    print(json.dumps(summary))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factchecks", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time matching only, on the PostgreSQL database an earlier run left (no import)",
    )
    parser.add_argument(
        "--import-only",
        action="store_true",
        help="time the import only (no claims, no matching); with --runs, several times over, "
        "each into an emptied table, and the parsing alone apart",
    )
    parser.add_argument("--runs", type=int, default=1, help="imports to time (--import-only)")
    parser.add_argument(
        "--embed",
        action="store_true",
        help="time each query twice with the embedding re-ranker: cold (its candidates have no "
        "stored vector, so they are encoded and stored) then warm (stored vectors read); the "
        "process's text cache is emptied before each, so the query is encoded every time",
    )
    args = parser.parse_args()
    rng = random.Random(17)  # noqa: S311 (a reproducible bench workload)
    words = vocabulary(rng, 30_000)
    weights = list(__import__("itertools").accumulate(1 / (rank + 1) for rank in range(len(words))))
    reviews = records(rng, args.factchecks, words, weights)
    text = "".join(json.dumps(r) + "\n" for r in reviews)
    with tempfile.TemporaryDirectory() as folder:
        setup_database(args.database_url, folder, reuse=args.reuse)
        from django.contrib.auth import get_user_model
        from django.db import connection

        from workbench.accounts.models import Membership, Team
        from workbench.factchecks.matching import find_matches
        from workbench.factchecks.services import factchecks_import_text

        if args.import_only:
            import_runs(args, text, connection)
            return
        # Drawn in both modes, so that a reused database is asked the same queries.
        claim_texts = [sentence(rng, words, weights) for _ in range(args.claims)]
        if args.reuse:
            team, lead = (
                Team.objects.get(slug="bench"),
                get_user_model().objects.get(username="bench"),
            )
            import_s = reimport_s = import_cpu = reimport_cpu = float("nan")
        else:
            team = Team.objects.create(name="Bench", slug="bench")
            lead = get_user_model().objects.create_user(username="bench")
            Membership.objects.create(user=lead, team=team, role="lead")
            began, began_cpu = time.perf_counter(), cpu(connection)
            report = factchecks_import_text(team=team, actor=None, text=text)
            import_s, import_cpu = time.perf_counter() - began, cpu(connection) - began_cpu
            began, began_cpu = time.perf_counter(), cpu(connection)
            again = factchecks_import_text(team=team, actor=None, text=text)
            reimport_s, reimport_cpu = time.perf_counter() - began, cpu(connection) - began_cpu
            print(f"import {import_s:.1f} s, re-import {reimport_s:.1f} s", file=sys.stderr)
            # Unchanged rows are left alone, not rewritten.
            assert report.created == args.factchecks and again.unchanged == args.factchecks
            load_claims(team, lead, claim_texts)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        queries = [
            reword(rng, r["claimReviewed"], words) if i % 2 else sentence(rng, words, weights)
            for i, r in enumerate(rng.sample(reviews, args.queries + 10))
        ]
        latencies, cpu_ms, cold, cold_cpu = [], [], [], []
        cache = None
        if args.embed:
            from workbench.factchecks.ranker.embed import text_vectors
            from workbench.factchecks.ranker.model import default_model

            cache = text_vectors()
            assert cache is not None and default_model().semantic, "model package not installed"
        for i, query in enumerate(queries):
            if cache is not None:  # cold: nothing of this query's candidates stored or cached
                cache.cache.clear()
                began, began_cpu = time.perf_counter(), cpu(connection)
                find_matches(user=lead, team=team, text=query, top=5)
                if i >= 10:
                    cold.append((time.perf_counter() - began) * 1000)
                    cold_cpu.append((cpu(connection) - began_cpu) * 1000)
                cache.cache.clear()
            began, began_cpu = time.perf_counter(), cpu(connection)
            find_matches(user=lead, team=team, text=query, top=5)
            if i >= 10:
                latencies.append((time.perf_counter() - began) * 1000)
                cpu_ms.append((cpu(connection) - began_cpu) * 1000)
        latencies.sort()
        cpu_ms.sort()
        p95 = latencies[max(0, math.ceil(0.95 * len(latencies)) - 1)]
        cpu_p95 = cpu_ms[max(0, math.ceil(0.95 * len(cpu_ms)) - 1)]
        print(
            json.dumps(
                {
                    "database": connection.vendor,
                    "factchecks": args.factchecks,
                    "claims": args.claims,
                    "import_s": round(import_s, 2),
                    "reimport_s": round(reimport_s, 2),
                    "match_median_ms": round(statistics.median(latencies), 1),
                    "match_p95_ms": round(p95, 1),
                    "import_cpu_s": round(import_cpu, 2),
                    "reimport_cpu_s": round(reimport_cpu, 2),
                    "match_cpu_median_ms": round(statistics.median(cpu_ms), 1),
                    "match_cpu_p95_ms": round(cpu_p95, 1),
                    "queries": len(latencies),
                    "embed": args.embed,
                }
                | (
                    {
                        "cold_match_median_ms": round(statistics.median(cold), 1),
                        "cold_match_p95_ms": round(nearest(cold, 0.95), 1),
                        "cold_match_cpu_median_ms": round(statistics.median(cold_cpu), 1),
                        "load_average": os.getloadavg(),
                    }
                    if cold
                    else {"load_average": os.getloadavg()}
                )
            )
        )


if __name__ == "__main__":
    main()

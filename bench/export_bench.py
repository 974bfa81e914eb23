"""Export benchmark: time export_stream for each format on N workload articles × 12 spans.

Usage: uv run python bench/export_bench.py [N] [--runs 3] [--database-url URL]
Generates the shared workload (../shared/bench/gen_workload.py), bulk-loads it into a fresh
database (SQLite in a temporary folder unless --database-url names a PostgreSQL database,
which is then dropped and re-created), then, in a separate process per format so that the
loading does not count, runs the export `--runs` times into a byte counter and prints one JSON
line per format: median seconds, time to first chunk, bytes, and the peak RSS growth of the
exporting process. This measures the export itself, without HTTP; the API benchmark measures
the same through gunicorn.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"
FORMATS = ("jsonl", "csv", "w3c", "claimreview")

SETUP = """
import os, sys
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
import django
django.setup()
"""

LOAD = """
import hashlib, json
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from workbench.accounts.models import Membership, Role, Team
from workbench.annotations.models import Annotation
from workbench.articles.models import Article, Project

call_command("migrate", verbosity=0, skip_checks=True)
team = Team.objects.create(name="Bench", slug="bench")
user = get_user_model().objects.create_user(username="bench", password=None)
Membership.objects.create(user=user, team=team, role=Role.LEAD)
project = Project.objects.create(team=team, name="Bench", slug="bench")

def store(batch):
    with transaction.atomic():
        articles = Article.objects.bulk_create(
            Article(project=project, title=r["title"], body=r["text"], raw=r["text"],
                    checksum=hashlib.sha256(r["text"].encode()).hexdigest(), source="dataset")
            for r in batch
        )
        rows = []
        for article, r in zip(articles, batch):
            body = r["text"]
            for n, s in enumerate(r["spans"]):
                a, b = s["start"], s["end"]
                claim = s["label"] == "Claim"
                rows.append(Annotation(
                    article=article, kind="claim" if claim else "quote", start=a, end=b,
                    exact=body[a:b], prefix=body[max(0, a - 32):a], suffix=body[b:b + 32],
                    annotator=user, status="approved" if n % 2 else "submitted",
                    verdict="Mostly true" if claim else "", checkworthy="yes" if claim else "",
                ))
        Annotation.objects.bulk_create(rows, batch_size=2000)

batch = []
with open({workload!r}, encoding="utf-8") as lines:
    for line in lines:
        batch.append(json.loads(line))
        if len(batch) == 1000:
            store(batch)
            batch = []
if batch:
    store(batch)
"""

EXPORT = """
import json, resource, statistics, time
from workbench.articles.models import Project
from workbench.exports import export_stream

project = Project.objects.select_related("team").get(slug="bench")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
seconds, first, size = [], [], 0
for _ in range({runs}):
    started = time.perf_counter()
    stream = export_stream(project=project, user=None, fmt={fmt!r})
    size = len(next(stream))
    first.append(time.perf_counter() - started)
    for chunk in stream:
        size += len(chunk)
    seconds.append(time.perf_counter() - started)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{
    "format": {fmt!r}, "n": {n}, "runs": [round(s, 3) for s in seconds],
    "median_s": round(statistics.median(seconds), 3),
    "first_chunk_ms": round(1000 * statistics.median(first), 2),
    "bytes": size, "peak_rss_growth_mb": round((after - before) / 1024, 1),
}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workload = Path(folder) / "workload.jsonl"
        subprocess.run(
            [sys.executable, str(GENERATOR), str(args.n), str(workload)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env = dict(os.environ, DJANGO_DEBUG="false", DJANGO_SECRET_KEY="bench-only")
        env["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        if args.database_url:
            _recreate_postgres(args.database_url)
        setup = SETUP.format(root=str(ROOT))
        run = [sys.executable, "-c"]
        subprocess.run([*run, setup + LOAD.format(workload=str(workload))], check=True, env=env)
        for fmt in FORMATS:
            code = setup + EXPORT.format(runs=args.runs, fmt=fmt, n=args.n)
            subprocess.run([*run, code], check=True, env=env)


def _recreate_postgres(url: str) -> None:
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    host = ["-h", parts.hostname or "127.0.0.1", "-U", parts.username or "postgres"]
    subprocess.run(["dropdb", *host, "--if-exists", name], check=True)
    subprocess.run(["createdb", *host, name], check=True)


if __name__ == "__main__":
    main()

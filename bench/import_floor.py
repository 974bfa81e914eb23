"""What storing the import workload costs the database alone, layer by layer.

Usage: uv run python bench/import_floor.py [N] [--runs 3] [--database-url URL]

The API import of N workload articles (bench/http_bench.py) parses and checks every line, then
writes the articles, their 12 annotations each, a first history entry per annotation and the
full-text index. This script times the writes alone, with every row prepared in memory before
the clock starts, through the same statements the import uses (`insert_rows`: executemany on
SQLite, COPY on PostgreSQL; `bulk_indexing`; the history insert of `imports.spans`), in
transactions of 500 articles as the API batches are, on a freshly migrated database per run:

1. rows: the articles (and the query that learns their ids) and the annotations;
2. + index: the full-text index of both;
3. + history: the annotations' first history entries;
4. service: `articles_import_jsonl` on the same lines (parsing, checks and all), no HTTP.

The difference between 3 and 4 is the Python work of the import; between 4 and the HTTP
figure, the request itself. Prints one JSON line per layer (median of the runs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"
BATCH = 500
LAYERS = ["rows", "rows + index", "rows + index + history", "service"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    try:
        workload = Path(folder) / "workload.jsonl"
        subprocess.run(
            [sys.executable, str(GENERATOR), str(args.n), str(workload)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        url = args.database_url or f"sqlite:///{folder}/floor.sqlite3"
        os.environ.update(
            DATABASE_URL=url,
            DJANGO_SETTINGS_MODULE="workbench.settings",
            DJANGO_SECRET_KEY="bench-only",
            DJANGO_DEBUG="false",
        )
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        lines = workload.read_text(encoding="utf-8").splitlines()
        for layer, name in enumerate(LAYERS, start=1):
            seconds = []
            for _ in range(args.runs):
                _fresh_database(url)
                seconds.append(_run(layer, lines))
            print(
                json.dumps(
                    {
                        "layer": name,
                        "n": args.n,
                        "database": "postgresql" if args.database_url else "sqlite",
                        "runs": [round(s, 2) for s in seconds],
                        "median_s": round(statistics.median(seconds), 2),
                    }
                ),
                flush=True,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _fresh_database(url: str) -> None:
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        name = url.rsplit("/", 1)[1]
        subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", name])
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    call_command("migrate", verbosity=0)


def _run(layer: int, lines: list[str]) -> float:
    """Store the lines at one layer into a new project; return the seconds the writes took."""
    from django.contrib.auth import get_user_model

    from workbench.accounts.models import Membership, Role, Team
    from workbench.articles.models import Project
    from workbench.imports.services import articles_import_jsonl

    team = Team.objects.create(name="Bench", slug="bench")
    lead = get_user_model().objects.create_user(username="bench", password=None)
    Membership.objects.create(user=lead, team=team, role=Role.LEAD)
    project = Project.objects.create(team=team, name="Bench", slug="bench", created_by=lead)
    if layer == len(LAYERS):
        start = time.perf_counter()
        for i in range(0, len(lines), BATCH):
            report = articles_import_jsonl(
                project=project, actor=lead, text="\n".join(lines[i : i + BATCH])
            )
            assert not report.failures, report.failures[:3]
        return time.perf_counter() - start
    batches = [_prepared(project, lead, lines[i : i + BATCH]) for i in range(0, len(lines), BATCH)]
    start = time.perf_counter()
    for articles, spans in batches:
        _store(layer, project, lead, articles, spans)
    return time.perf_counter() - start


def _prepared(project, lead, lines: list[str]) -> tuple[list[dict], list[list[dict]]]:  # noqa: ANN001
    """Database-ready article rows and, per article, its annotation rows without article_id."""
    from django.db import connection
    from django.utils import timezone

    from workbench.annotations.models import Annotation
    from workbench.annotations.services import span_context
    from workbench.articles.models import Article
    from workbench.articles.services import body_checksum
    from workbench.db import row_values

    now = timezone.now()
    values = row_values(Article)
    created = Annotation._meta.get_field("created").get_db_prep_save(now, connection)
    articles, spans = [], []
    for line in lines:
        record = json.loads(line)
        body = record["text"]
        article = Article(
            project=project,
            title=record["title"],
            title_is_provisional=True,
            body=body,
            checksum=body_checksum(body),
            source="jsonl",
            created_by=lead,
            created=now,
            updated=now,
        )
        articles.append(values(article))
        rows = []
        for span in record["spans"]:
            prefix, suffix = span_context(body, span["start"], span["end"])
            rows.append(
                {
                    "kind": span["label"].lower(),
                    "start": span["start"],
                    "end": span["end"],
                    "exact": span["text"],
                    "prefix": prefix,
                    "suffix": suffix,
                    "annotator_id": lead.pk,
                    "speaker_id": None,
                    "created": created,
                    "updated": created,
                }
            )
        spans.append(rows)
    return articles, spans


def _store(layer: int, project, lead, articles: list[dict], spans: list[list[dict]]) -> None:  # noqa: ANN001
    from django.db import connection, transaction

    from workbench.annotations.models import Annotation
    from workbench.articles.models import Article
    from workbench.db import insert_rows
    from workbench.imports.spans import _record_history
    from workbench.search.schema import bulk_indexing

    with transaction.atomic(), bulk_indexing(connection, rows=len(articles)) as index:
        insert_rows(Article, articles)
        ids = dict(
            Article.objects.filter(
                project=project, checksum__in=[a["checksum"] for a in articles]
            ).values_list("checksum", "pk")
        )
        article_ids = [ids[a["checksum"]] for a in articles]
        rows = [
            {**row, "article_id": pk}
            for pk, group in zip(article_ids, spans, strict=True)
            for row in group
        ]
        insert_rows(Annotation, rows)
        if layer >= 2:
            index.index_articles(article_ids)
            index.index_annotations_of(article_ids)
        if layer >= 3:
            _record_history(rows, lead, rows[0]["created"], article_ids)


if __name__ == "__main__":
    main()

"""A million articles (issue 18 part 3): load N workload articles into PostgreSQL, time the pages.

Usage:
    uv run python bench/scale.py N [--database-url URL] [--keep] [--measure-only]
        [--requests 20] [--only page,page] [--no-export]

N workload articles (../shared/bench/gen_workload.py, generated in memory) with their 12 spans
each are loaded with COPY into the named PostgreSQL database (default
postgres://postgres@127.0.0.1:5432/workbench_scale), which is dropped and re-created unless
--measure-only reuses what an earlier run left (--keep says nothing more than "do not drop it at
the end"; the database is always kept after a run so that --measure-only can reuse it).

Beside the workload the loader writes what the measured pages need:
- two reviewers, each assigned the first 1,000 articles, with their own 12 annotations on them
  (the agreement page compares them; the reviewer's queue lists the assignments);
- one long article made of 25 workload articles, with their 300 spans (the reader page);
- the full-text index, built after the COPY with one INSERT … SELECT per table, then ANALYZE.

Then, in-process through Django's test client (DEBUG off, a logged-in user, no network), each
page is requested --requests times after 2 warm-ups: p50 and p95 (nearest rank). One more request
per page runs under CaptureQueriesContext, and every SELECT it ran is EXPLAINed: a sequential
scan of a table with more than 10,000 rows is reported as a whole-table scan. Finally the JSON
Lines export of the whole project is streamed and timed (MB/s), with the process's RSS sampled
every 20 ms from /proc (growth over the value before the export).

Prints one JSON object per measurement, then a table against the issue's targets.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.util
import json
import math
import os
import random
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/workbench_scale"
CONTEXT = 32
PAIRED = 1000  # articles assigned to both reviewers, annotated by each
LONG_PARTS = 25  # workload articles joined into the 300-annotation article
BIG_TABLE_ROWS = 10_000
TARGETS_MS = {
    "project list": 200,
    "article list": 50,
    "article list (deep page)": 50,
    "annotation list (API)": 50,
    "annotation list (API, article)": 50,
    "reader (300 annotations)": 50,
    "search": 300,
    "dashboard": 200,
    "agreement": 200,
    "queue": 200,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--keep", action="store_true", help="keep the database (always kept)")
    parser.add_argument("--measure-only", action="store_true", help="reuse the loaded database")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--only", default="", help="comma-separated page names to measure")
    parser.add_argument("--no-export", action="store_true")
    parser.add_argument(
        "--no-gc-freeze",
        action="store_true",
        help="leave the start-up heap in the collector (workbench/wsgi.py freezes it)",
    )
    args = parser.parse_args()
    if not urlparse(args.database_url).scheme.startswith("postgres"):
        sys.exit("scale.py measures PostgreSQL: give a postgres:// --database-url")
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "workbench.settings"
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", "scale-bench-" + "x" * 40)
    sys.path.insert(0, str(ROOT))
    if not args.measure_only:
        _recreate(args.database_url)
        import django

        django.setup()
        from django.core.management import call_command

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        emit({"step": "migrate", "seconds": round(time.perf_counter() - started, 1)})
        load(args.n)
    else:
        import django

        django.setup()
    measure(args)


def _recreate(url: str) -> None:
    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    host = ["-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 5432)]
    host += ["-U", parsed.username or "postgres"]
    subprocess.run(["dropdb", *host, "--if-exists", name], check=True, timeout=300)
    subprocess.run(["createdb", *host, name], check=True, timeout=120)


# --- loading -----------------------------------------------------------------------------


def _generator():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("gen_workload", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _columns(model, values: dict) -> tuple[list[str], list]:  # noqa: ANN001
    """Return the model's columns and each one's value: given, or the field's default."""
    names, row = [], []
    for field in model._meta.concrete_fields:
        names.append(field.column)
        value = values[field.attname] if field.attname in values else field.get_default()
        if field.get_internal_type() == "JSONField" and value is not None:
            value = json.dumps(value)
        row.append(value)
    return names, row


class Copier:
    """Rows for one table, streamed to PostgreSQL with COPY in chunks."""

    def __init__(self, cursor, model, chunk: int = 20_000) -> None:  # noqa: ANN001
        self.cursor, self.model, self.chunk = cursor, model, chunk
        self.rows: list[list] = []
        self.names: list[str] | None = None
        self.count = 0

    def add(self, values: dict) -> None:
        names, row = _columns(self.model, values)
        self.names = self.names or names
        self.rows.append(row)
        if len(self.rows) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        table = self.model._meta.db_table
        columns = ", ".join(f'"{name}"' for name in self.names)
        with self.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # noqa: S608
            for row in self.rows:
                copy.write_row(row)
        self.count += len(self.rows)
        self.rows = []


def load(n: int) -> None:
    """Load the workload and what the pages need; print the time of each step."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from workbench.accounts.models import Membership, Role, Team
    from workbench.annotations.models import Annotation
    from workbench.articles.models import Article, Project
    from workbench.review.models import Assignment

    user_model = get_user_model()
    with transaction.atomic():
        team = Team.objects.create(name="Bench", slug="bench")
        lead = user_model.objects.create_user(username="bench", password=None)
        reviewers = [user_model.objects.create_user(username=f"rev{i}") for i in (1, 2)]
        Membership.objects.create(user=lead, team=team, role=Role.LEAD)
        for reviewer in reviewers:
            Membership.objects.create(user=reviewer, team=team, role=Role.REVIEWER)
        project = Project.objects.create(team=team, name="Bench", slug="bench", created_by=lead)

    gen = _generator()
    rng = random.Random(20261124)  # noqa: S311 - verdicts for a benchmark
    now = datetime.now(UTC)
    started = time.perf_counter()
    article_id = annotation_id = assignment_id = 0
    with connection.cursor() as wrapper, transaction.atomic():
        cursor = wrapper.cursor
        # The insert triggers stand aside: the index is built in one statement per table below.
        cursor.execute("SET LOCAL workbench.search_bulk = 'on'")
        articles = Copier(cursor, Article)
        annotations = Copier(cursor, Annotation)
        assignments = Copier(cursor, Assignment)

        def add_article(title: str, body: str, spans: list[dict], created: datetime) -> int:
            nonlocal article_id
            article_id += 1
            articles.add(
                {
                    "id": article_id,
                    "project_id": project.pk,
                    "title": title,
                    "body": body,
                    "checksum": hashlib.sha256(body.encode()).hexdigest(),
                    "source": "dataset",
                    "created_by_id": lead.pk,
                    "created": created,
                    "updated": created,
                    "language": "en",
                }
            )
            return article_id

        def add_spans(article: int, body: str, spans: list[dict], annotator: int, status: str):  # noqa: ANN202
            nonlocal annotation_id
            for span in spans:
                start, end = span["start"], span["end"]
                annotation_id += 1
                annotations.add(
                    {
                        "id": annotation_id,
                        "article_id": article,
                        "kind": span["label"].lower(),
                        "start": start,
                        "end": end,
                        "exact": body[start:end],
                        "prefix": body[max(0, start - CONTEXT) : start],
                        "suffix": body[end : end + CONTEXT],
                        "annotator_id": annotator,
                        "status": status,
                        "created": now,
                        "updated": now,
                        "verdict": rng.choice(["", "", "True", "False", "Misleading"])
                        if span["label"] == "Claim"
                        else "",
                    }
                )

        long_parts: list[dict] = []
        for index, record in enumerate(gen.generate(n), start=1):
            body = record["text"]
            created = now - timedelta(seconds=n - index)
            article = add_article(record["title"], body, record["spans"], created)
            add_spans(article, body, record["spans"], lead.pk, "approved")
            if index <= PAIRED:
                for reviewer in reviewers:
                    add_spans(article, body, record["spans"], reviewer.pk, "submitted")
                    assignment_id += 1
                    assignments.add(
                        {
                            "id": assignment_id,
                            "article_id": article,
                            "reviewer_id": reviewer.pk,
                            "assigned_by_id": lead.pk,
                            "state": "submitted" if index % 3 == 0 else "assigned",
                            "created": created,
                        }
                    )
            if len(long_parts) < LONG_PARTS:
                long_parts.append(record)
            if index % 50_000 == 0:
                emit({"step": "copy", "articles": index, "seconds": _since(started)})
        # The long article: 25 workload articles end to end, their 300 spans moved along.
        body, spans = "", []
        for part in long_parts:
            offset = len(body) + 2 if body else 0
            body = f"{body}\n\n{part['text']}" if body else part["text"]
            spans += [
                {**s, "start": s["start"] + offset, "end": s["end"] + offset} for s in part["spans"]
            ]
        long_id = add_article("The long article", body, spans, now)
        add_spans(long_id, body, spans, lead.pk, "approved")
        for copier in (articles, annotations, assignments):
            copier.flush()
        for model in (Article, Annotation, Assignment):
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT max(id) FROM {table}))"
            )
        emit(
            {
                "step": "copy",
                "articles": articles.count,
                "annotations": annotations.count,
                "seconds": _since(started),
            }
        )
    started = time.perf_counter()
    _index_in_parallel(article_id, annotation_id)
    emit({"step": "full-text index", "seconds": _since(started)})
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    emit({"step": "vacuum analyze", "seconds": _since(started)})


def _index_in_parallel(articles: int, annotations: int) -> None:
    """Build the full-text index with two connections at once (the machine has two cores)."""
    from django.db import connection

    from workbench.search.schema import PG_ANNOTATION_DOCUMENT, PG_ARTICLE_DOCUMENT

    article_sql = (
        "INSERT INTO search_article_document (article_id, document) "  # noqa: S608
        f"SELECT a.id, {PG_ARTICLE_DOCUMENT.format(row='a')} FROM articles_article a "
        "WHERE a.id BETWEEN %s AND %s"
    )
    annotation_sql = (
        "INSERT INTO search_annotation_document (annotation_id, document) SELECT a.id, "  # noqa: S608
        f"{PG_ANNOTATION_DOCUMENT.format(row='a', speaker='%s')} FROM annotations_annotation a "
        "WHERE a.id BETWEEN %s AND %s"
    )
    import psycopg

    settings = connection.settings_dict
    dsn = (
        f"host={settings['HOST']} port={settings['PORT'] or 5432} "
        f"user={settings['USER']} dbname={settings['NAME']}"
    )
    half_articles, half_annotations = articles // 2, annotations // 2
    jobs = [
        [(article_sql, (1, half_articles)), (annotation_sql, ("", 1, half_annotations))],
        [
            (article_sql, (half_articles + 1, articles)),
            (annotation_sql, ("", half_annotations + 1, annotations)),
        ],
    ]

    def run(statements: list) -> None:  # noqa: ANN001
        with psycopg.connect(dsn, autocommit=True) as own:
            for sql, params in statements:
                own.execute(sql, params)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 1)


# --- measuring ---------------------------------------------------------------------------


def pages() -> dict[str, tuple[str, str]]:
    """Return each measured page's name, with the user who opens it and its URL."""
    from django.urls import reverse

    from workbench.annotations.models import Annotation
    from workbench.articles.models import Article, Project

    project = Project.objects.get(slug="bench")
    long_article = Article.objects.filter(project=project, title="The long article").get()
    some_article = Annotation.objects.filter(annotator__username="rev1").values("article")[:1]
    article_id = some_article[0]["article"]
    return {
        "project list": ("bench", reverse("articles:project_list")),
        "article list": ("bench", reverse("articles:project_detail", args=[project.pk])),
        "article list (deep page)": (
            "bench",
            reverse("articles:project_detail", args=[project.pk]) + "?page=1000",
        ),
        "annotation list (API)": ("bench", reverse("api:annotation-list") + "?page_size=100"),
        "annotation list (API, article)": (
            "bench",
            reverse("api:annotation-list") + f"?page_size=100&article={article_id}",
        ),
        "reader (300 annotations)": (
            "bench",
            reverse("articles:article_detail", args=[long_article.pk]),
        ),
        "search": ("bench", reverse("search:search") + "?q={word}"),
        "dashboard": ("bench", reverse("review:dashboard", args=[project.pk])),
        "agreement": ("bench", reverse("review:agreement", args=[project.pk])),
        "queue": ("rev1", reverse("review:queue")),
    }


SEARCH_WORDS = ["minister", "unemployment", "hospital", "budget report", "crisis", "taxpayers"]


def measure(args: argparse.Namespace) -> None:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    # No collectstatic here: static URLs are not what is measured.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["bench", "rev1"])}
    if not args.no_gc_freeze:
        # As an app server's worker does once it has loaded the app (workbench/wsgi.py).
        gc.collect()
        gc.freeze()
    emit({"gc_frozen": gc.get_freeze_count()})
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    # Figures from a shared machine are only comparable with the load they ran under.
    emit({"load_average": os.getloadavg(), "cpus": os.cpu_count()})
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    results: dict[str, dict] = {}
    for name, (username, url) in pages().items():
        if only and name not in only:
            continue
        client = clients[username]
        urls = [url.format(word=w) for w in SEARCH_WORDS] if "{word}" in url else [url]
        for warm in range(2):
            _get(client, urls[warm % len(urls)])
        times, cpu = [], []
        backend = _backend_cpu_ms()
        for index in range(args.requests):
            started, started_cpu = time.perf_counter(), time.process_time()
            _get(client, urls[index % len(urls)])
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        backend = (_backend_cpu_ms() - backend) / args.requests
        scans, queries, sql_ms = explain(client, urls[0])
        results[name] = {
            "p50_ms": round(_rank(times, 0.5), 1),
            "p95_ms": round(_rank(times, 0.95), 1),
            # This process's CPU (Python: views, templates, the driver) per request, median,
            # and the PostgreSQL backend's, the mean over the requests (its clock counts 10 ms
            # ticks). On a loaded machine these move much less than the wall times.
            "cpu_ms_p50": round(_rank(cpu, 0.5), 1),
            "pg_cpu_ms_mean": round(backend, 1),
            "queries": queries,
            "sql_ms": sql_ms,
            "whole_table_scans": scans,
        }
        emit({"page": name, **results[name]})
    if not args.no_export and (not only or "export" in only):
        results["export"] = measure_export(clients["bench"])
        emit({"page": "export jsonl", **results["export"]})
    emit({"load_average": os.getloadavg()})
    summary(results)
    print(f"\nload average at the end: {os.getloadavg()}")


def _get(client, url: str):  # noqa: ANN001, ANN202
    response = client.get(url, secure=True)
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    if response.streaming:
        for _ in response.streaming_content:
            pass
    return response


def _backend_cpu_ms() -> float:
    """Return the CPU time the connection's PostgreSQL backend has used (same machine: /proc)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    # utime and stime, fields 14 and 15 of stat(5), counted from the state field (3).
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _rank(values: list[float], q: float) -> float:
    """Return the nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * q) - 1)]


def explain(client, url: str) -> tuple[list[str], int, float]:  # noqa: ANN001
    """Run the page once more, EXPLAIN its SELECTs; return the whole-table scans found.

    Also the number of queries and their total time in that request (ms): on a loaded machine
    the page's time wanders with the CPU it gets, the database's share much less.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        _get(client, url)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > %s",
            [BIG_TABLE_ROWS],
        )
        big = {row[0] for row in cursor.fetchall()}
        scans = []
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            for line in plan.splitlines():
                if "Seq Scan on " in line:
                    table = line.split("Seq Scan on ")[1].split()[0]
                    if table in big:
                        scans.append(f"{table}: {sql[:160]}")
    sql_ms = sum(float(query["time"]) for query in captured.captured_queries) * 1000
    return scans, len(captured.captured_queries), round(sql_ms, 1)


def measure_export(client) -> dict:  # noqa: ANN001
    from django.urls import reverse

    from workbench.articles.models import Project

    project = Project.objects.get(slug="bench")
    url = reverse("api:project-export", args=[project.pk]) + "?format=jsonl"
    gc.collect()
    sampler = RssSampler()
    sampler.start()
    started = time.perf_counter()
    response = client.get(url, secure=True)
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    seconds = time.perf_counter() - started
    sampler.stop()
    return {
        "megabytes": round(size / 1e6, 1),
        "seconds": round(seconds, 2),
        "mb_per_s": round(size / 1e6 / seconds, 1),
        "rss_growth_mb": round(sampler.growth / 1024, 1),
    }


class RssSampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.base = self.peak = _rss_kb()
        self.running = True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, _rss_kb())
            time.sleep(0.02)

    def stop(self) -> None:
        self.running = False
        self.join()
        self.peak = max(self.peak, _rss_kb())

    @property
    def growth(self) -> int:
        return self.peak - self.base


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def emit(line: dict) -> None:
    print(json.dumps(line), flush=True)


def summary(results: dict) -> None:
    print(
        "\n| page | p50 ms | p95 ms | CPU ms p50 | PG CPU ms | target p95 | met | queries "
        "| SQL ms | whole-table scans |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, result in results.items():
        if name == "export":
            continue
        target = TARGETS_MS[name]
        met = "yes" if result["p95_ms"] <= target else "no"
        print(
            f"| {name} | {result['p50_ms']} | {result['p95_ms']} | {result['cpu_ms_p50']} | "
            f"{result['pg_cpu_ms_mean']} | ≤ {target} | {met} | "
            f"{result['queries']} | {result['sql_ms']} | {len(result['whole_table_scans'])} |"
        )
    if "export" in results:
        export = results["export"]
        print(
            f"\nexport jsonl: {export['megabytes']} MB in {export['seconds']} s = "
            f"{export['mb_per_s']} MB/s (target ≥ 50), RSS +{export['rss_growth_mb']} MB "
            "(target ≤ 50)"
        )


if __name__ == "__main__":
    main()

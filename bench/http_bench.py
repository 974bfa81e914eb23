"""HTTP benchmark (issue 5): the app under gunicorn, measured over real HTTP on 127.0.0.1.

Usage:
    uv run python bench/http_bench.py [N] [--database-url URL] [--port P] [--runs 3]
        [--batch 500] [--skip-import] [--only exports|list|import] [--concurrency 1]
        [--store-threads 2] [--job [--worker jobs_worker]]

For N workload articles × 12 spans (../shared/bench/gen_workload.py), in a fresh database
(SQLite in a temporary folder unless --database-url names a PostgreSQL database, which is then
dropped and re-created with dropdb/createdb): migrate, bulk-load with bench/workload.py (then
ANALYZE on PostgreSQL, as autovacuum would soon after a real import), create an API token
for the "bench" lead, start `gunicorn workbench.wsgi --workers 2` and measure

1. each export format (`GET /api/v1/projects/{id}/export/?format=…`): total time, time to
   first body byte, bytes; median of --runs; and the peak RSS growth of the gunicorn workers
   (VmRSS from /proc sampled every 20 ms, summed over the workers, over the baseline taken just
   before the exports; the largest single-worker growth is reported too);
2. the API list page of 100 annotations (plain and `?article=<id>`): 20 requests after 3
   warm-ups, median and p95 (nearest rank);
3. the import of the same workload through `POST /api/v1/articles/batch/` into a second
   project created through the API, in batches of --batch lines: total time;
4. with --job, the same import as background jobs (`?async=1`, 202, then
   `GET /api/v1/jobs/{id}/` polled until each job ends) into a third project, with the task
   worker (`manage.py jobs_worker`) started beside gunicorn: from the first post to the last job
   done.

Prints one JSON object per measurement, then a summary table with the issues' targets (they
are for N = 10,000) and Label Studio's and doccano's figures on the same workload
(../shared/README.md), with the ratios.
gunicorn is always stopped; every request has a timeout.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from procstat import CpuSampler, backends_of, children  # noqa: E402 - a sibling module

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"
HOST = "127.0.0.1"
FORMATS = ("jsonl", "csv", "w3c", "claimreview")
TIMEOUT = 300  # seconds, per request
LIST_WARMUP, LIST_REQUESTS = 3, 20

# Targets at N = 10,000 (issue 5; the import's, issue 18: ≤ 0.6 × Label Studio's time in the
# same side-by-side run, 11.6 s there) and the peers' figures on the same workload from
# ../shared/README.md: Label Studio 1.23.2 and doccano 1.8.4, both on SQLite. At 10,000 the
# second side-by-side run (2026-12-04) is used where it measured the row, the first elsewhere.
TARGETS = {
    "export jsonl": ("s", 1.2),
    "export csv": ("s", 1.5),
    "first byte (max of formats)": ("ms", 200),
    "export RSS growth (max)": ("MB", 50),
    "list median": ("ms", 15),
    "list p95": ("ms", 40),
    "API import": ("s", round(0.6 * 11.6, 2)),
    "API import as a job": ("s", round(0.6 * 11.6, 2)),
}
LABEL_STUDIO = {
    1000: {"export jsonl": 1.18, "export csv": 1.65, "list median": 87, "API import": 0.88},
    10000: {
        "export jsonl": 15.7,
        "export csv": 18.5,
        "export RSS growth (max)": 355,
        "list median": 112,
        "list p95": 266,
        "API import": 11.6,
    },
}
DOCCANO = {
    1000: {"export jsonl": 2.2, "list median": 182, "API import": 2.0},
    10000: {
        "export jsonl": 16.1,
        "export RSS growth (max)": 1100,
        "list median": 179,
        "API import": 20.8,
    },
}
# A job's import is the same work as the API import: compared with the same peers' figures.
for _peer in (LABEL_STUDIO, DOCCANO):
    for _figures in _peer.values():
        if "API import" in _figures:
            _figures["API import as a job"] = _figures["API import"]

SETUP = """
import json, os, sys
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
import django
django.setup()
from pathlib import Path
from django.core.management import call_command
call_command("migrate", verbosity=0)
sys.path.insert(0, {bench!r})
from workload import load_workload
from workbench.accounts.services import api_token_create
from workbench.annotations.models import Annotation
from workbench.articles.models import Article
from django.contrib.auth import get_user_model
ids = load_workload(Path({workload!r}))
from django.db import connection
if connection.vendor == "postgresql":
    # What autovacuum does within a minute of a real bulk import; without it the planner
    # keeps the empty tables' statistics and joins all 12 × N annotations for a page of 100.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
lead = get_user_model().objects.get(pk=ids["lead"])
token, secret = api_token_create(user=lead, name="http bench")
articles = Article.objects.filter(project_id=ids["project"]).order_by("pk")
pks = list(articles.values_list("pk", flat=True))
article = pks[len(pks) // 2]
ids.update(token=secret, article=article, annotations=Annotation.objects.count())
print(json.dumps(ids))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=500, help="lines per import request")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument(
        "--only",
        action="append",
        choices=["exports", "list", "import"],
        help="measure only this part (repeatable); default: all",
    )
    parser.add_argument(
        "--store-threads",
        type=int,
        default=None,
        help="WORKBENCH_IMPORT_STORE_THREADS for the server (default: the setting's, 2)",
    )
    parser.add_argument(
        "--job",
        action="store_true",
        help="also import the workload as background jobs (POST …/batch/?async=1, then poll "
        "GET /api/v1/jobs/{id}/ until done), into a third project",
    )
    parser.add_argument(
        "--import-runs",
        type=int,
        default=1,
        help="imports of the workload (each into a new project); the median is reported",
    )
    parser.add_argument(
        "--worker",
        default="jobs_worker",
        help="manage.py command (and options) of the task worker started for --job",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=1,
        help="import requests in flight at once (one connection each); default 1",
    )
    parser.add_argument(
        "--labelstudio-import",
        type=float,
        default=0.0,
        help="Label Studio's import time in seconds measured in the same run "
        "(bench/peer_labelstudio.py): the import's target and ratio use it instead of "
        "../shared/README.md's figure from another machine",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = run(args, Path(folder))
    summary(args, results)


def run(args: argparse.Namespace, folder: Path) -> dict:
    workload = folder / "workload.jsonl"
    subprocess.run(
        [sys.executable, str(GENERATOR), str(args.n), str(workload)],
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=600,
    )
    database_url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    env = dict(
        os.environ,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench",
        DJANGO_ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url,
        DJANGO_STATIC_MANIFEST="false",
        WORKBENCH_API_TOKEN_RATE="1000000/hour",
        DJANGO_SETTINGS_MODULE="workbench.settings",
        # Plain http on the loopback: production settings would redirect every request to https.
        DJANGO_SSL_REDIRECT="false",
        # Each request is the import, as with the peers: a batch over the job threshold
        # (1 MB by default) would be answered 202 and run by the worker. --job measures that.
        WORKBENCH_JOB_THRESHOLD_BYTES=str(1 << 40),
    )
    if args.store_threads is not None:
        env["WORKBENCH_IMPORT_STORE_THREADS"] = str(args.store_threads)
    if args.database_url:
        _recreate_postgres(args.database_url)
    started = time.perf_counter()
    code = SETUP.format(root=str(ROOT), bench=str(ROOT / "bench"), workload=str(workload))
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    ids = json.loads(out.stdout.strip().splitlines()[-1])
    emit(
        {
            "step": "setup",
            "n": args.n,
            "database": "postgresql" if args.database_url else "sqlite",
            "annotations": ids["annotations"],
            "load_s": round(time.perf_counter() - started, 1),
        }
    )
    port = args.port or _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "workbench.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            "2",
            "--timeout",
            str(TIMEOUT),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "gunicorn.log", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    # The task worker that runs the jobs of --job, as the README's production run starts it.
    worker = (
        subprocess.Popen(
            [sys.executable, "manage.py", *args.worker.split()],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(folder / "worker.log", "w"),  # noqa: SIM115
            start_new_session=True,
        )
        if args.job
        else None
    )
    try:
        client = Client(port, ids["token"])
        _wait_ready(client, server)
        return measure(args, client, server, ids, workload)
    finally:
        _stop(server)
        if worker is not None:
            _stop(worker)


def measure(args, client, server, ids, workload) -> dict:  # noqa: ANN001
    results: dict = {}
    parts = set(args.only or ["exports", "list", "import"])
    if args.skip_import:
        parts.discard("import")
    # Warm both workers (imports, first queries) before the RSS baseline: requests from two
    # connections at once, so that each sync worker serves some; one that served none would
    # load the whole app during the first export and count it as export memory.
    warmers = [Client(client.port, ids["token"]) for _ in range(2)]

    def warm(own: Client) -> None:
        for _ in range(8):
            own.get("/api/v1/annotations/?page_size=100")
            own.get(f"/api/v1/projects/{ids['project']}/")

    threads = [threading.Thread(target=warm, args=(w,)) for w in warmers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for warmer in warmers:
        warmer.close()
    if "exports" in parts:
        measure_exports(args, client, server, ids, results)
    if "list" in parts:
        measure_lists(client, ids, args, results)
    if "import" in parts:
        # Each run into a project of its own (bodies are unique per project, not across).
        times = [
            import_batches(args, client, server.pid, ids, workload, run)
            for run in range(args.import_runs)
        ]
        results["API import"] = round(statistics.median(times), 2)
    if args.job:
        times = [
            import_as_jobs(args, client, ids, workload, run) for run in range(args.import_runs)
        ]
        results["API import as a job"] = round(statistics.median(times), 2)
    return results


def measure_exports(args, client, server, ids, results) -> None:  # noqa: ANN001
    workers = children(server.pid)
    sampler = RssSampler(workers)
    sampler.start()
    try:
        time.sleep(0.2)
        for fmt in FORMATS:
            sampler.mark()
            runs = [
                client.download(f"/api/v1/projects/{ids['project']}/export/?format={fmt}")
                for _ in range(args.runs)
            ]
            total_growth, worker_growth = sampler.growth()
            line = {
                "step": "export",
                "format": fmt,
                "n": args.n,
                "runs_s": [round(r[0], 3) for r in runs],
                "median_s": round(statistics.median(r[0] for r in runs), 3),
                "first_byte_ms": round(1000 * statistics.median(r[1] for r in runs), 1),
                "bytes": runs[-1][2],
                "rss_growth_mb": round(total_growth / 1024, 1),
                "rss_growth_one_worker_mb": round(worker_growth / 1024, 1),
            }
            emit(line)
            results[f"export {fmt}"] = line["median_s"]
            results[f"first byte {fmt}"] = line["first_byte_ms"]
            results[f"RSS growth {fmt}"] = line["rss_growth_mb"]
        total_growth, worker_growth = sampler.growth(since_start=True)
    finally:
        sampler.stop()
    results["first byte (max of formats)"] = max(results[f"first byte {f}"] for f in FORMATS)
    results["export RSS growth (max)"] = round(total_growth / 1024, 1)
    emit(
        {
            "step": "export_rss",
            "n": args.n,
            "workers": workers,
            "baseline_mb": round(sampler.baseline_total / 1024, 1),
            "peak_growth_mb": results["export RSS growth (max)"],
            "peak_growth_one_worker_mb": round(worker_growth / 1024, 1),
        }
    )


def measure_lists(client, ids, args, results) -> None:  # noqa: ANN001
    for name, path in (
        ("list", "/api/v1/annotations/?page_size=100"),
        ("list article", f"/api/v1/annotations/?page_size=100&article={ids['article']}"),
    ):
        for _ in range(LIST_WARMUP):
            client.get(path)
        times = sorted(client.get(path)[0] for _ in range(LIST_REQUESTS))
        median = 1000 * statistics.median(times)
        p95 = 1000 * times[math.ceil(0.95 * len(times)) - 1]
        count = len(json.loads(client.get(path)[1])["results"])
        emit(
            {
                "step": name,
                "n": args.n,
                "path": path,
                "results": count,
                "median_ms": round(median, 1),
                "p95_ms": round(p95, 1),
                "min_ms": round(1000 * times[0], 1),
            }
        )
        results[f"{name} median"] = round(median, 1)
        results[f"{name} p95"] = round(p95, 1)


def import_batches(args, client, server_pid, ids, workload, run: int = 0) -> float:  # noqa: ANN001
    status, body = client.post(
        "/api/v1/projects/",
        {"team": ids["team"], "name": f"Bench import {run}", "slug": f"bench-import-{run}"},
    )
    if status != 201:
        raise RuntimeError(f"project create: {status} {body[:300]!r}")
    project = json.loads(body)["id"]
    lines = workload.read_text(encoding="utf-8").splitlines()
    starts = list(range(0, len(lines), args.batch))
    clients = [client] + [Client(client.port, ids["token"]) for _ in range(args.concurrency - 1)]
    lock = threading.Lock()
    totals = {"created": 0, "annotations": 0, "requests": 0, "slowest": 0.0}

    def send(own: Client) -> None:
        while True:
            with lock:
                if not starts:
                    return
                start = starts.pop(0)
            chunk = "\n".join(lines[start : start + args.batch]) + "\n"
            before = time.perf_counter()
            status, body = own.post("/api/v1/articles/batch/", {"project": project, "jsonl": chunk})
            took = time.perf_counter() - before
            if status != 200:
                raise RuntimeError(f"batch at line {start + 1}: {status} {body[:300]!r}")
            report = json.loads(body)
            if report["failures"]:
                raise RuntimeError(f"batch at line {start + 1}: {report['failures'][:3]}")
            with lock:
                totals["created"] += report["created"]
                totals["annotations"] += report["annotations"]
                totals["requests"] += 1
                totals["slowest"] = max(totals["slowest"], took)

    database = urlparse(args.database_url).path.lstrip("/") if args.database_url else ""
    app_cpu = CpuSampler(lambda: children(server_pid))
    db_cpu = CpuSampler(lambda: backends_of(database) if database else [], reaper=True)
    started = time.perf_counter()
    errors: list[BaseException] = []

    def guarded(own: Client) -> None:
        try:
            send(own)
        except BaseException as error:  # noqa: BLE001 - reported after the join
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    elapsed = time.perf_counter() - started
    app_seconds, db_seconds = app_cpu.stop(), db_cpu.stop()
    created, annotations = totals["created"], totals["annotations"]
    requests, slowest = totals["requests"], totals["slowest"]
    emit(
        {
            "step": "api_import",
            "run": run,
            "n": args.n,
            "batch_lines": args.batch,
            "concurrency": args.concurrency,
            "requests": requests,
            "created": created,
            "annotations": annotations,
            "total_s": round(elapsed, 2),
            "slowest_request_s": round(slowest, 2),
            # CPU seconds over the import: the app's workers (parsing, checks, the storing
            # threads' Python) and, on PostgreSQL, the database's backends (on SQLite the
            # database works inside the app's processes).
            "app_cpu_s": round(app_seconds, 2),
            "database_cpu_s": round(db_seconds, 2),
        }
    )
    return round(elapsed, 2)


# A job's states that end it (the jobs API, issue 18 part 1), and those counted as success.
JOB_ENDED = {
    "done",
    "succeeded",
    "successful",
    "finished",
    "complete",
    "completed",
    "failed",
    "cancelled",
    "canceled",
    "error",
}
JOB_SUCCEEDED = {"done", "succeeded", "successful", "finished", "complete", "completed"}


def import_as_jobs(args, client, ids, workload, run: int = 0) -> float:  # noqa: ANN001
    """The same import as background jobs: every batch posted with ?async=1 (202 and a job),
    then each job polled at GET /api/v1/jobs/{id}/ until it ends; timed from the first post
    to the last job done (the worker started beside gunicorn does the work)."""
    status, body = client.post(
        "/api/v1/projects/",
        {"team": ids["team"], "name": f"Bench job import {run}", "slug": f"bench-job-{run}"},
    )
    if status != 201:
        raise RuntimeError(f"project create: {status} {body[:300]!r}")
    project = json.loads(body)["id"]
    lines = workload.read_text(encoding="utf-8").splitlines()
    started = time.perf_counter()
    jobs = []
    for start in range(0, len(lines), args.batch):
        chunk = "\n".join(lines[start : start + args.batch]) + "\n"
        status, body = client.post(
            "/api/v1/articles/batch/?async=1", {"project": project, "jsonl": chunk}
        )
        if status != 202:
            raise RuntimeError(f"async batch at line {start + 1}: {status} {body[:300]!r}")
        jobs.append(_job_id(json.loads(body)))
    posted = time.perf_counter() - started
    created = annotations = 0
    while jobs:
        _, body = client.get(f"/api/v1/jobs/{jobs[0]}/")
        job = json.loads(body)
        state = str(job.get("state") or job.get("status") or "").lower()
        if state not in JOB_ENDED:
            time.sleep(0.05)
            continue
        if state not in JOB_SUCCEEDED or job.get("errors"):
            raise RuntimeError(f"job {jobs[0]}: {state} {str(job.get('errors'))[:300]}")
        result = job.get("result") or {}
        created += int(result.get("created", 0)) if isinstance(result, dict) else 0
        annotations += int(result.get("annotations", 0)) if isinstance(result, dict) else 0
        jobs.pop(0)
    elapsed = time.perf_counter() - started
    emit(
        {
            "step": "api_import_job",
            "run": run,
            "n": args.n,
            "batch_lines": args.batch,
            "posted_s": round(posted, 2),
            "created": created,
            "annotations": annotations,
            "total_s": round(elapsed, 2),
        }
    )
    return round(elapsed, 2)


def _job_id(answer: dict) -> str:
    job = answer.get("job", answer)
    if isinstance(job, dict):
        job = job.get("id")
    if job is None:
        raise RuntimeError(f"202 without a job id: {str(answer)[:300]}")
    return str(job)


class Client:
    """One keep-alive HTTP/1.1 connection to the local gunicorn, with the bearer token."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.headers = {"Authorization": f"Bearer {token}", "Host": HOST}
        self.conn: http.client.HTTPConnection | None = None

    def _request(self, method: str, path: str, body: bytes | None = None, headers=None):  # noqa: ANN001
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT)
            try:
                started = time.perf_counter()
                self.conn.request(
                    method, path, body=body, headers={**self.headers, **(headers or {})}
                )
                return started, self.conn.getresponse()
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
                # gunicorn's sync workers close idle keep-alive connections: reconnect once.
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def get(self, path: str) -> tuple[float, bytes]:
        started, response = self._request("GET", path)
        body = response.read()
        elapsed = time.perf_counter() - started
        self._check(response, path, body)
        return elapsed, body

    def post(self, path: str, payload: dict) -> tuple[int, bytes]:
        data = json.dumps(payload).encode()
        _, response = self._request(
            "POST", path, body=data, headers={"Content-Type": "application/json"}
        )
        body = response.read()
        if response.will_close:
            self.close()
        return response.status, body

    def download(self, path: str) -> tuple[float, float, int]:
        """Stream a response; return (total seconds, seconds to first body byte, bytes)."""
        started, response = self._request("GET", path)
        if response.status != 200:
            self._check(response, path, response.read())
        first = response.read1(65536)
        first_byte = time.perf_counter() - started
        size = len(first)
        while chunk := response.read1(1 << 20):
            size += len(chunk)
        elapsed = time.perf_counter() - started
        if response.will_close:
            self.close()
        return elapsed, first_byte, size

    def _check(self, response: http.client.HTTPResponse, path: str, body: bytes) -> None:
        if response.will_close:
            self.close()
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status} {body[:300]!r}")


class RssSampler(threading.Thread):
    """Sample the VmRSS (kB) of the given processes every 20 ms; keep the peaks."""

    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.pids = pids
        self.lock = threading.Lock()
        self.running = True
        self.baseline = {pid: _rss_kb(pid) for pid in pids}
        self.baseline_total = sum(self.baseline.values())
        self._reset()
        self.peak_total_all = 0
        self.peak_each_all = dict(self.baseline)

    def _reset(self) -> None:
        self.peak_total = self.baseline_total
        self.peak_each = dict(self.baseline)

    def mark(self) -> None:
        with self.lock:
            self._reset()

    def run(self) -> None:
        while self.running:
            sample = {pid: _rss_kb(pid) for pid in self.pids}
            total = sum(sample.values())
            with self.lock:
                self.peak_total = max(self.peak_total, total)
                self.peak_total_all = max(self.peak_total_all, total)
                for pid, rss in sample.items():
                    self.peak_each[pid] = max(self.peak_each[pid], rss)
                    self.peak_each_all[pid] = max(self.peak_each_all[pid], rss)
            time.sleep(0.02)

    def growth(self, since_start: bool = False) -> tuple[int, int]:
        """(peak growth of the workers' summed RSS, largest growth of one worker), in kB."""
        with self.lock:
            total = self.peak_total_all if since_start else self.peak_total
            each = self.peak_each_all if since_start else self.peak_each
            one = max(each[pid] - self.baseline[pid] for pid in self.pids)
            return max(0, total - self.baseline_total), max(0, one)

    def stop(self) -> None:
        self.running = False
        self.join(timeout=2)


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _wait_ready(client: Client, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            client.get("/api/v1/teams/")
            if len(children(server.pid)) >= 2:
                return
        except (OSError, http.client.HTTPException):
            client.close()
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _recreate_postgres(url: str) -> None:
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    host = ["-h", parts.hostname or HOST, "-U", parts.username or "postgres"]
    subprocess.run(["dropdb", *host, "--if-exists", name], check=True, timeout=120)
    subprocess.run(["createdb", *host, name], check=True, timeout=120)


def emit(line: dict) -> None:
    print(json.dumps(line), flush=True)


def peer_import(args: argparse.Namespace) -> tuple[dict, dict]:
    """Label Studio's figures and the targets, with its import time from the same run when
    given (--labelstudio-import): the import's target is 0.6 × that time (issue 18)."""
    label_studio, targets = dict(LABEL_STUDIO.get(args.n, {})), dict(TARGETS)
    if args.labelstudio_import:
        for name in ("API import", "API import as a job"):
            label_studio[name] = args.labelstudio_import
            targets[name] = ("s", round(0.6 * args.labelstudio_import, 2))
    return label_studio, targets


def summary(args: argparse.Namespace, results: dict) -> None:
    (label_studio, targets), doccano = peer_import(args), DOCCANO.get(args.n, {})
    database = "PostgreSQL" if args.database_url else "SQLite"
    print(f"\nN = {args.n:,} on {database} (targets are for N = 10,000)")
    print(
        "Label Studio, doccano: ../shared/README.md, same workload, on SQLite; ratio = ours/theirs"
    )
    if args.labelstudio_import:
        print(f"Label Studio's import: {args.labelstudio_import:g} s, measured in this run")
    header = (
        f"{'measure':<28} {'measured':>10} {'target':>9} {'met':>4} "
        f"{'Label Studio':>13} {'ratio':>7} {'doccano':>10} {'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    rows = [
        *(f"export {f}" for f in FORMATS),
        *(f"first byte {f}" for f in FORMATS),
        "first byte (max of formats)",
        "export RSS growth (max)",
        "list median",
        "list p95",
        "list article median",
        "list article p95",
        "API import",
        "API import as a job",
    ]
    units = {"export": "s", "first": "ms", "RSS": "MB", "list": "ms", "API": "s"}
    for name in rows:
        if name not in results:
            continue
        value = results[name]
        unit = targets[name][0] if name in targets else units[name.split()[0]]
        target = met = ""
        if name in targets:
            target = f"{targets[name][1]:g} {unit}"
            met = "yes" if value <= targets[name][1] else "no"
        peers = []
        for reference in (label_studio, doccano):
            theirs = ratio = ""
            if reference.get(name):
                theirs = f"{reference[name]:g} {unit}"
                ratio = f"{value / reference[name]:.2f}×"
            peers.append((theirs, ratio))
        (ls, ls_ratio), (dc, dc_ratio) = peers
        print(
            f"{name:<28} {value:>7g} {unit:<2} {target:>9} {met:>4} {ls:>13} {ls_ratio:>7} "
            f"{dc:>10} {dc_ratio:>7}"
        )


if __name__ == "__main__":
    main()

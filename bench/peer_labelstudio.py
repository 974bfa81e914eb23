"""Label Studio's import of the shared workload, timed over its REST API (issue 18, part 2).

Usage:
    python bench/peer_labelstudio.py [N] --url http://127.0.0.1:8090 --token TOKEN
        [--workload FILE] [--runs 3] [--batch 500] [--server-pid PID] [--database NAME]

Talks HTTP to a Label Studio that is already running (how to install and start one is in
bench/README.md, issue 18 part 2); it installs and starts nothing. Uses only the standard
library, so any Python runs it.

For N workload articles × 12 spans (../shared/bench/gen_workload.py, or --workload), each run
creates a project (`POST /api/projects/` with a labelling config for the workload's labels,
Quote and Claim, on the article's text), then posts the articles as tasks to
`POST /api/projects/{id}/import` in requests of --batch tasks (500, as bench/http_bench.py
posts ours): each task carries its article's text and title, and one annotation whose result
holds the article's 12 spans as labelled regions (the closest to our import, which stores the
spans as annotations; Label Studio counts one annotation a task, ours counts one a span). The
open-source edition imports a JSON body synchronously (its `sync_import`: the tasks, their
annotations and the project's counters are stored before it answers 201), so a run is timed
from the first post to the last answer; the project's task and annotation counts are then
checked through `GET /api/projects/{id}/`. --runs runs, each into a new project; the median
is reported.

With --server-pid (the `label-studio start` process: its development server serves every
request in that one process) the server's CPU seconds over each run are reported; with
--database (its PostgreSQL database on this machine) the CPU of that database's backends too.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from procstat import CpuSampler, backends_of  # noqa: E402 - a sibling module

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"
TIMEOUT = 600  # seconds, per request
LABELS = ("Quote", "Claim")
# The text is the article's body (the spans' offsets are into it); the title is kept as data.
LABEL_CONFIG = (
    "<View>\n"
    '  <Labels name="label" toName="text">\n'
    + "".join(f'    <Label value="{label}"/>\n' for label in LABELS)
    + "  </Labels>\n"
    '  <Text name="text" value="$text"/>\n'
    "</View>\n"
)


def task_from_record(record: dict) -> dict:
    """Return the Label Studio task for one workload article: its data and one annotation
    whose result holds every span as a labelled region of the text."""
    results = [
        {
            "id": f"a{record['id']}s{number}",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": span["start"],
                "end": span["end"],
                "text": span["text"],
                "labels": [span["label"]],
            },
        }
        for number, span in enumerate(record["spans"])
    ]
    return {
        "data": {"text": record["text"], "title": record["title"], "article": record["id"]},
        "annotations": [{"result": results}],
    }


def batches(lines: Iterable[str], size: int) -> Iterator[list[dict]]:
    """Yield the tasks of the workload's lines, `size` at a time (blank lines skipped)."""
    batch: list[dict] = []
    for line in lines:
        if not line.strip():
            continue
        batch.append(task_from_record(json.loads(line)))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Client:
    """One keep-alive HTTP/1.1 connection to Label Studio, with its API token."""

    def __init__(self, url: str, token: str) -> None:
        parts = urlparse(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            try:
                self.conn.request(method, path, body=body, headers=self.headers)
                response = self.conn.getresponse()
                data = response.read()
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
                # The development server may close a keep-alive connection: reconnect once.
                self.close()
                if attempt == 2:
                    raise
                continue
            if response.will_close:
                self.close()
            return response.status, data
        raise AssertionError

    def json(self, method: str, path: str, payload: object = None, expect: int = 200) -> object:
        body = None if payload is None else json.dumps(payload).encode()
        status, data = self.request(method, path, body)
        if status != expect:
            raise RuntimeError(f"{method} {path}: {status} {data[:300]!r}")
        return json.loads(data)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def import_run(
    client: Client, workload: Path, batch: int, run: int, server_pid: int, database: str
) -> dict:
    """Create a project and import the workload into it; return the run's figures."""
    project = client.json(
        "POST",
        "/api/projects/",
        {"title": f"Bench import {run} {time.time():.0f}", "label_config": LABEL_CONFIG},
        expect=201,
    )["id"]
    # Parsed and encoded before the clock starts, as http_bench.py reads ours beforehand.
    with workload.open(encoding="utf-8") as lines:
        payloads = [(len(tasks), json.dumps(tasks).encode()) for tasks in batches(lines, batch)]
    app_cpu = CpuSampler(lambda: [server_pid]) if server_pid else None
    db_cpu = CpuSampler(lambda: backends_of(database), reaper=True) if database else None
    tasks = annotations = 0
    slowest = 0.0
    started = time.perf_counter()
    for _, body in payloads:
        before = time.perf_counter()
        status, data = client.request("POST", f"/api/projects/{project}/import", body)
        slowest = max(slowest, time.perf_counter() - before)
        if status != 201:
            raise RuntimeError(f"import into project {project}: {status} {data[:300]!r}")
        answer = json.loads(data)
        tasks += answer["task_count"]
        annotations += answer["annotation_count"]
    elapsed = time.perf_counter() - started
    app_seconds = app_cpu.stop() if app_cpu else None
    db_seconds = db_cpu.stop() if db_cpu else None
    stored = client.json("GET", f"/api/projects/{project}/")
    expected = sum(count for count, _ in payloads)
    if stored["task_number"] != expected or stored["total_annotations_number"] != expected:
        raise RuntimeError(
            f"project {project}: {stored['task_number']} tasks, "
            f"{stored['total_annotations_number']} annotations, expected {expected}"
        )
    return {
        "step": "labelstudio_import",
        "run": run,
        "project": project,
        "requests": len(payloads),
        "tasks": tasks,
        "annotations": annotations,
        "total_s": round(elapsed, 2),
        "slowest_request_s": round(slowest, 2),
        "server_cpu_s": None if app_seconds is None else round(app_seconds, 2),
        "database_cpu_s": None if db_seconds is None else round(db_seconds, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("--url", default="http://127.0.0.1:8090")
    parser.add_argument("--token", required=True, help="a Label Studio (legacy) API token")
    parser.add_argument("--workload", type=Path, help="a workload file (default: generate N)")
    parser.add_argument("--runs", type=int, default=3, help="imports, each into a new project")
    parser.add_argument("--batch", type=int, default=500, help="tasks per import request")
    parser.add_argument("--server-pid", type=int, default=0, help="for the server's CPU")
    parser.add_argument("--database", default="", help="its PostgreSQL database, for its CPU")
    args = parser.parse_args()
    client = Client(args.url, args.token)
    with tempfile.TemporaryDirectory() as folder:
        workload = args.workload
        if workload is None:
            workload = Path(folder) / "workload.jsonl"
            subprocess.run(
                [sys.executable, str(GENERATOR), str(args.n), str(workload)],
                check=True,
                stdout=subprocess.DEVNULL,
                timeout=600,
            )
        times = []
        for run in range(args.runs):
            line = import_run(client, workload, args.batch, run, args.server_pid, args.database)
            print(json.dumps(line), flush=True)
            times.append(line["total_s"])
    client.close()
    print(
        json.dumps(
            {
                "step": "labelstudio_import_median",
                "runs_s": times,
                "median_s": round(statistics.median(times), 2),
            }
        )
    )


if __name__ == "__main__":
    main()

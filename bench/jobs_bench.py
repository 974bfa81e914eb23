"""Background job benchmark: a JSON Lines import of N workload articles run by a real worker.

Usage: uv run python bench/jobs_bench.py [N] [--runs 3] [--database-url URL]
Each run queues the import as a job on a fresh database (SQLite in a temporary folder unless
--database-url), then times `manage.py jobs_worker --batch` running it: the worker's wall time
(process start included) and the job's own time (started → finished, from its row). The same
file imported inside one call of the import service (what a request does) is the comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"

SETUP = """
import django, sys
django.setup()
from django.core.management import call_command
call_command('migrate', verbosity=0)
from django.contrib.auth import get_user_model
from workbench.accounts.models import Membership, Team
from workbench.articles.models import Project
team = Team.objects.create(name='Bench', slug='bench')
lead = get_user_model().objects.create_user(username='bench')
Membership.objects.create(user=lead, team=team, role='lead')
project = Project.objects.create(team=team, name='Bench', slug='bench')
text = open(sys.argv[1], encoding='utf-8').read()
if sys.argv[2] == 'job':
    from workbench.jobs.starts import job_import_jsonl
    print(job_import_jsonl(project=project, actor=lead, text=text).pk)
else:
    import time
    from workbench.imports.services import articles_import_jsonl
    start = time.perf_counter()
    report = articles_import_jsonl(project=project, actor=lead, text=text)
    assert not report.failures, report.failures[:3]
    print(time.perf_counter() - start)
"""

RESULT = """
import django, json, sys
django.setup()
from workbench.jobs.models import Job
job = Job.objects.get(pk=int(sys.argv[1]))
print(json.dumps({"state": job.state, "result": job.result,
                  "seconds": (job.finished - job.started).total_seconds()}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    walls, jobs, inline = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        workload = Path(folder) / "workload.jsonl"
        subprocess.run(
            [sys.executable, str(GENERATOR), str(args.n), str(workload)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        for i in range(args.runs):
            env = _env(folder, f"job-{i}", args.database_url)
            job_id = _python(SETUP, env, str(workload), "job")
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "manage.py", "jobs_worker", "--batch", "--no-startup-delay"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
            walls.append(time.perf_counter() - start)
            row = json.loads(_python(RESULT, env, job_id))
            assert row["state"] == "done" and row["result"]["created"] == args.n, row
            jobs.append(row["seconds"])
            env = _env(folder, f"inline-{i}", args.database_url)
            inline.append(float(_python(SETUP, env, str(workload), "inline")))
    print(
        json.dumps(
            {
                "n": args.n,
                "database": "postgresql" if args.database_url else "sqlite",
                "job_s": [round(s, 2) for s in jobs],
                "job_median_s": round(statistics.median(jobs), 2),
                "worker_wall_median_s": round(statistics.median(walls), 2),
                "in_request_median_s": round(statistics.median(inline), 2),
            }
        )
    )


def _env(folder: str, name: str, database_url: str) -> dict[str, str]:
    env = dict(os.environ, DJANGO_DEBUG="false", DJANGO_SECRET_KEY="bench-only")
    env |= {"WORKBENCH_TASKS": "database", "DJANGO_SETTINGS_MODULE": "workbench.settings"}
    env["WORKBENCH_MAX_IMPORT_LINES"] = str(1 << 30)
    if database_url:
        db = database_url.rsplit("/", 1)[1]
        subprocess.run(
            ["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", db], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", db], check=True)
        env["DATABASE_URL"] = database_url
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder}/{name}.sqlite3"
    return env


def _python(code: str, env: dict[str, str], *argv: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=ROOT, env=env, check=True, capture_output=True,
        text=True,
    )  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


if __name__ == "__main__":
    main()

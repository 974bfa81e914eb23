"""Import benchmark: N articles of the shared workload through the import service.

Usage: uv run python bench/import_bench.py [N] [--runs 3] [--database-url URL] [--spans]
Each run imports into a fresh database (SQLite in a temporary folder unless --database-url
names a PostgreSQL database, which is then dropped and re-created), exactly as
`manage.py import_articles FILE.jsonl` does. By default the workload's spans are left out, so
every article goes through the cleaner; with --spans the lines keep them and are imported as
pre-annotated articles (stored verbatim, 12 draft annotations each, attributed to the team
member "bench" the workload names). Prints the median and the ratio to Label Studio's figure on
the same workload (../shared/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"
LABEL_STUDIO_IMPORT = {1000: 0.88, 10000: 9.0}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--spans", action="store_true", help="import the spans too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workload = Path(folder) / "workload.jsonl"
        subprocess.run(
            [sys.executable, str(GENERATOR), str(args.n), str(workload)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # The workload's "text" is the article; the importer reads "text" or "body".
        if not args.spans:
            lines = workload.read_text(encoding="utf-8").splitlines()
            records = [json.loads(line) for line in lines]
            workload.write_text(
                "".join(
                    json.dumps({k: v for k, v in r.items() if k != "spans"}) + "\n" for r in records
                ),
                encoding="utf-8",
            )
        seconds = [run_once(workload, folder, i, args.database_url) for i in range(args.runs)]
    median = statistics.median(seconds)
    line = {"n": args.n, "spans": args.spans, "runs": [round(s, 3) for s in seconds]}
    line["median_s"] = round(median, 3)
    if args.n in LABEL_STUDIO_IMPORT:
        line["label_studio_s"] = LABEL_STUDIO_IMPORT[args.n]
        line["ratio_to_label_studio"] = round(median / LABEL_STUDIO_IMPORT[args.n], 2)
    print(json.dumps(line))


def run_once(workload: Path, folder: str, index: int, database_url: str) -> float:
    env = dict(os.environ, DJANGO_DEBUG="false", DJANGO_SECRET_KEY="bench-only")
    env["WORKBENCH_MAX_IMPORT_BYTES"] = str(1 << 34)
    env["WORKBENCH_MAX_IMPORT_LINES"] = str(1 << 30)
    env["DATABASE_URL"] = database_url or f"sqlite:///{folder}/bench-{index}.sqlite3"
    code = (
        "import time, django, sys\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "from workbench.accounts.models import Team\n"
        "from workbench.articles.models import Project\n"
        "from workbench.imports.services import articles_import_jsonl\n"
        "team = Team.objects.create(name='Bench', slug='bench')\n"
        "from django.contrib.auth import get_user_model\n"
        "from workbench.accounts.models import Membership\n"
        "bench = get_user_model().objects.create_user(username='bench')\n"
        "Membership.objects.create(user=bench, team=team, role='lead')\n"
        "project = Project.objects.create(team=team, name='Bench', slug='bench')\n"
        f"text = open({str(workload)!r}, encoding='utf-8').read()\n"
        "start = time.perf_counter()\n"
        "report = articles_import_jsonl(project=project, actor=None, text=text)\n"
        "elapsed = time.perf_counter() - start\n"
        "assert not report.failures, report.failures[:3]\n"
        "print(elapsed)\n"
    )
    if database_url:
        name = database_url.rsplit("/", 1)[1]
        subprocess.run(
            ["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    env["DJANGO_SETTINGS_MODULE"] = "workbench.settings"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()

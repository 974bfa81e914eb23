"""bench/scale.py at a small N: it loads with COPY, every page answers, the export streams.

PostgreSQL only (the benchmark measures it): skipped when none answers at 127.0.0.1:5432, and
failed instead when the suite runs on PostgreSQL (WORKBENCH_EXPECT_DB=postgresql).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import need

ROOT = Path(__file__).resolve().parents[1]
URL = "postgres://postgres@127.0.0.1:5432/workbench_scale_smoke"


def _postgres_answers() -> bool:
    import psycopg

    try:
        psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=3)
    except psycopg.OperationalError:
        return False
    return True


@pytest.mark.skipif(sys.platform != "linux", reason="the export's memory is read from /proc")
def test_scale_bench_loads_and_measures_every_page():
    answers = _postgres_answers()
    if os.environ.get("WORKBENCH_EXPECT_DB") != "postgresql" and not answers:
        pytest.skip("no PostgreSQL at 127.0.0.1:5432")
    need(answers, "PostgreSQL does not answer at 127.0.0.1:5432")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    run = subprocess.run(  # noqa: S603
        [sys.executable, "bench/scale.py", "30", "--database-url", URL, "--requests", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    steps = {line["step"]: line for line in lines if "step" in line}
    # 30 articles and the long one; 12 spans each, 24 more on each paired article, and 300.
    assert steps["copy"]["articles"] == 31
    assert steps["copy"]["annotations"] == 30 * 36 + 300
    pages = {line["page"]: line for line in lines if "page" in line}
    assert set(pages) == {
        "project list",
        "article list",
        "article list (deep page)",
        "annotation list (API)",
        "annotation list (API, article)",
        "reader (300 annotations)",
        "search",
        "dashboard",
        "agreement",
        "queue",
        "export jsonl",
    }
    assert all(page["p95_ms"] > 0 for name, page in pages.items() if name != "export jsonl")
    assert pages["export jsonl"]["megabytes"] > 0.1
    assert "| reader (300 annotations) |" in run.stdout

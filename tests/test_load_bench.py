"""bench/load.py runs end to end: a few reviewers for seconds, nothing lost, no server error."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("locust") is None,
    reason="locust is in the bench group: uv sync --group bench",
)


def test_load_bench_smoke(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WORKBENCH_"))}
    env.pop("DATABASE_URL", None)  # its own SQLite file: never the suite's database
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [
            sys.executable,
            "bench/load.py",
            "--users",
            "4",
            "--time",
            "12",
            "--articles",
            "60",
            "--pause",
            "0.1",
            "0.5",
            "--keep",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    steps = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    paced = next(step for step in steps if step["step"] == "paced")
    assert paced["requests"] > 0 and paced["server_errors"] == 0
    assert paced["lost_updates"] == 0
    # Edits were made and checked against the rows (reviewers edit what they create).
    assert paced["edits_checked"] > 0
    assert "reader" in paced["p95_ms"]
    assert all(value >= 0 for value in paced["cpu_ms_per_request"].values())
    assert paced["cpu_ms_per_request"]["app"] > 0

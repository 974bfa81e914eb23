"""`manage.py demo` runs a job worker beside the server, and stops it with the server."""

from __future__ import annotations

import time
from pathlib import Path

from tests.demo.test_command import _free_port, demo_server


def _children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def test_demo_serves_with_a_job_worker_and_stops_it(tmp_path):
    with demo_server(tmp_path, _free_port()) as server:
        workers = [pid for pid in _children(server.pid) if "jobs_worker" in _cmdline(pid)]
        assert len(workers) == 1
    deadline = time.monotonic() + 60
    while Path(f"/proc/{workers[0]}").exists() and "jobs_worker" in _cmdline(workers[0]):
        assert time.monotonic() < deadline, "the worker outlived the demo"
        time.sleep(0.2)

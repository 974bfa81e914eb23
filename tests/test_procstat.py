"""bench/procstat.py: the benches' CPU accounting counts processes that end during a step."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _procstat():
    spec = importlib.util.spec_from_file_location("procstat", ROOT / "bench" / "procstat.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BURN = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\n"


def test_cpu_sampler_keeps_the_cpu_of_a_process_gone_before_the_end():
    """A worker that ends mid-step took its CPU with it (negative figures)."""
    procstat = _procstat()
    burner = subprocess.Popen([sys.executable, "-c", BURN + "time.sleep(0.3)"])  # noqa: S603
    sampler = procstat.CpuSampler(lambda: [burner.pid] if burner.poll() is None else [])
    burner.wait(timeout=30)
    assert sampler.stop() >= 0.2  # seen while it ran, kept after it ended


def test_cpu_sampler_counts_a_reaped_child_it_never_saw():
    """A backend that lives less than a sample (a storing thread's connection) still counts."""
    procstat = _procstat()
    # A parent with a sleeping child (there at the start), then a burner it starts and reaps.
    script = (
        "import subprocess, sys, time\n"
        "sleeper = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(1.5)'])\n"
        "time.sleep(0.5)\n"
        f"subprocess.run([sys.executable, '-c', {BURN!r}])\n"
        "sleeper.wait()\n"
        "time.sleep(2)\n"  # the reaper stays (as the postmaster does)
    )
    parent = subprocess.Popen([sys.executable, "-c", script])  # noqa: S603
    for _ in range(100):
        if procstat.children(parent.pid):
            break
        time.sleep(0.01)
    sampler = procstat.CpuSampler(lambda: procstat.children(parent.pid), reaper=True)
    sampler.SAMPLE = 60  # no sample after the first: only the reaper can see the burner
    for _ in range(500):  # until both children are gone
        if not procstat.children(parent.pid):
            break
        time.sleep(0.01)
    seconds = sampler.stop()
    parent.wait(timeout=30)
    assert seconds >= 0.3

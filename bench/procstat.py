"""CPU time of the processes a benchmark drives (its app server's workers, its database's backends).

Read from /proc, so Linux only; the benches that use it run the server on this machine.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """The child processes of `pid` (an app server's workers), of every one of its threads."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
    return sorted(found)


def backends_of(database: str) -> list[int]:
    """PostgreSQL backends serving `database` (their titles name it), when on this machine."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if title.startswith("postgres: ") and f" {database} " in title:
            found.append(int(entry.name))
    return found


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def cpu_ticks(pid: int) -> int | None:
    fields = _stat(pid)
    return None if fields is None else int(fields[11]) + int(fields[12])  # utime, stime


def reaped_ticks(pid: int) -> int:
    """The CPU of `pid`'s children that have ended and been waited for (cutime, cstime)."""
    fields = _stat(pid)
    return 0 if fields is None else int(fields[13]) + int(fields[14])


def parent(pid: int) -> int | None:
    fields = _stat(pid)
    return None if fields is None else int(fields[1])


class CpuSampler:
    """The CPU seconds a changing set of processes spends between start and `stop`.

    Sampled every SAMPLE seconds in a thread, per process: a process that ends during the
    step (a recycled worker) keeps the CPU it was last seen with, and one that starts counts
    from zero. Summing the set's totals at the two ends instead lost the CPU of every process
    gone in between (negative figures).

    With `reaper` (a PostgreSQL backend's parent, the postmaster), the processes that ended
    are counted exactly instead: the reaper's children's CPU (cutime + cstime) grows by the
    whole CPU of each one it waited for, which also catches a backend that lived less than a
    sample (a storing thread's connection); what such a backend had spent before the start
    is taken off. It counts every child the reaper waited for, so other databases' backends
    and autovacuum workers that end meanwhile are in too: run on an otherwise quiet server.
    """

    SAMPLE = 0.05

    def __init__(self, pids: Callable[[], list[int]], *, reaper: bool = False) -> None:
        self._pids = pids
        self._first: dict[int, int] = {}
        self._last: dict[int, int] = {}
        self._sample(first=True)
        self._reaper = None
        if reaper and self._first:
            self._reaper = parent(next(iter(self._first)))
        self._reaped = reaped_ticks(self._reaper) if self._reaper else 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self, *, first: bool = False) -> set[int]:
        alive = set()
        for pid in self._pids():
            ticks = cpu_ticks(pid)
            if ticks is None:
                continue
            alive.add(pid)
            if first:
                self._first[pid] = ticks
            self._last[pid] = ticks
        return alive

    def _run(self) -> None:
        while not self._done.wait(self.SAMPLE):
            self._sample()

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        alive = self._sample()
        if self._reaper is None:
            ticks = sum(last - self._first.get(pid, 0) for pid, last in self._last.items())
        else:
            gone_before = sum(ticks for pid, ticks in self._first.items() if pid not in alive)
            ticks = sum(self._last[pid] - self._first.get(pid, 0) for pid in alive)
            ticks += reaped_ticks(self._reaper) - self._reaped - gone_before
        return ticks / TICKS

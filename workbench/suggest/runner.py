"""Run the finder under a time budget: in a child process, stopped when it runs over.

The finder is pure Python and cannot be interrupted from outside its thread, so a request
that must not hold a server worker for a minute runs it in a child process and waits at most
the budget. The finder's rules are untouched; this only bounds the call.

The child is forked from a fork server (one small single-threaded process per server
process, started on first use with the finder already imported), not from the server itself.
A fork of a threaded server copies locks other threads held at that instant (an import in
progress, a logging handler) and the child can wait on them until the budget runs out: a
suggestion run "timed out" on a two-line article, now and then, under load.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection

from workbench.suggest.finder.engine import Suggestion, suggest

FINDER_MODULES = ["workbench.suggest.finder.engine"]


class FinderTimeout(Exception):
    """The finder did not finish within its budget (the child was stopped)."""


def _child(send: Connection, finder: Callable, text: str, claims: int) -> None:
    try:
        send.send(("ok", [item.as_dict() for item in finder(text, claims=claims)]))
    except Exception as error:  # noqa: BLE001 - reported to the parent, which raises it
        send.send(("error", repr(error)))
    finally:
        send.close()


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FINDER_MODULES)
    return context


def suggest_within(
    text: str, *, claims: int, budget: float, finder: Callable = suggest
) -> list[Suggestion]:
    """Return the finder's suggestions for `text`, or raise FinderTimeout after `budget` seconds.

    `finder` must be a module-level function (the child imports it by name).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        # Without fork (Windows) there is no cheap child: run in process, unbounded.
        return finder(text, claims=claims)
    context = _context()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, finder, text, claims), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(budget):
            raise FinderTimeout
        status, payload = receive.recv()
    except EOFError as error:
        raise RuntimeError("the suggestion finder stopped without an answer") from error
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if status != "ok":
        raise RuntimeError(f"the suggestion finder failed: {payload}")
    return [Suggestion(**item) for item in payload]

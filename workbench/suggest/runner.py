"""Run the finder under a time budget: in a child process, stopped when it runs over.

The finder is pure Python and cannot be interrupted from outside its thread, so a request
that must not hold a server worker for a minute runs it in a forked child and waits at most
the budget. The finder's rules are untouched; this only bounds the call.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection

from workbench.suggest.finder.engine import Suggestion, suggest


class FinderTimeout(Exception):
    """The finder did not finish within its budget (the child was stopped)."""


def _child(send: Connection, text: str, claims: int) -> None:
    try:
        send.send(("ok", [item.as_dict() for item in suggest(text, claims=claims)]))
    except Exception as error:  # noqa: BLE001 - reported to the parent, which raises it
        send.send(("error", repr(error)))
    finally:
        send.close()


def suggest_within(text: str, *, claims: int, budget: float) -> list[Suggestion]:
    """Return the finder's suggestions for `text`, or raise FinderTimeout after `budget` seconds."""
    if "fork" not in multiprocessing.get_all_start_methods():
        # Without fork (Windows) there is no cheap child: run in process, unbounded.
        return suggest(text, claims=claims)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, text, claims), daemon=True)
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

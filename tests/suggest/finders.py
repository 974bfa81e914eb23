"""Finders for the runner's tests, in a module without Django: the runner's child process
imports them by name, and Django is not set up there."""

from __future__ import annotations

import threading
from types import ModuleType


def explode(text: str, **kwargs) -> list:
    """A finder that breaks."""
    raise ValueError("boom")


def shared_lock(module: ModuleType) -> threading.Lock:
    """A lock kept on the finder's module, as a lazily imported module's import lock would be."""
    if not hasattr(module, "_test_lock"):
        module._test_lock = threading.Lock()
    return module._test_lock


def locked_finder(text: str, **kwargs) -> list:
    """The finder, behind the lock `shared_lock` gives (taken in the child)."""
    from workbench.suggest.finder import engine

    with shared_lock(engine):
        return engine.suggest(text, **kwargs)

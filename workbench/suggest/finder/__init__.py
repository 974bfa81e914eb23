"""The quote and claim finder: pure Python, no Django, usable as a library.

    from workbench.suggest.finder import suggest
    for s in suggest(text): print(s.kind, s.text, s.speaker, s.rule)

The Django app around it (`workbench.suggest`) keeps the models, services, selectors, views and
the `suggest` command; nothing here imports Django or another app.
"""

from __future__ import annotations

from .engine import Suggestion, suggest

__all__ = ["Suggestion", "suggest"]

"""Named rules and vetoes: how the finder's decisions are written down.

A decision that used to be a cascade of `if`s is an ordered table. Each entry is a small
function with its name (and, where the decision makes a suggestion, its score) beside it, as
`articles/cleanup.py`'s `_BOILERPLATE` table does for boilerplate lines:

    _SPEAKER_RULES = (
        Rule("according-to", _according_to),         # "According to X, “…”"
        Rule("verb-then-name", _verb_then_name, 0.95),
    )
    fired = first(_SPEAKER_RULES, context)            # (rule, value) or None

    _VERB_VETOES = (
        Veto("determiner-before", lambda c: c.before in DETERMINERS),  # "the report"
    )
    if vetoed(_VERB_VETOES, context): ...

Rules are tried in order and the first that returns something other than None wins; vetoes
refuse a reading and say which one did; `decide` walks a table that mixes both in cascade
order (a refusal met before any rule decided ends the search). The winning rule's name travels
with what it made
(`Cue.rule`, `Mention.rule`, `Suggestion.rule`), so `manage.py suggest --json`, the UI's
"why" and `bench/suggest_eval.py` (precision and recall per rule) can say which rule spoke.
Adding a rule is adding a row where it belongs in its table, with a test case tagged by its name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

C = TypeVar("C")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Rule(Generic[C, R]):
    """One way to reach a decision: `apply(context)` returns a result, or None to pass."""

    name: str
    apply: Callable[[C], R | None]
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Veto(Generic[C]):
    """One reason to refuse a reading: `applies(context)` is true when it does."""

    name: str
    applies: Callable[[C], bool]


def first(rules: Iterable[Rule[C, R]], context: C) -> tuple[Rule[C, R], R] | None:
    """Return the first rule that decides, with its result, or None when none does."""
    for rule in rules:
        result = rule.apply(context)
        if result is not None:
            return rule, result
    return None


def vetoed(vetoes: Iterable[Veto[C]], context: C) -> str | None:
    """Return the name of the first veto that applies, or None."""
    for veto in vetoes:
        if veto.applies(context):
            return veto.name
    return None


def decide(table: Sequence[Rule[C, R] | Veto[C]], context: C) -> tuple[str, R | None] | None:
    """Walk an ordered table of rules and vetoes: the first rule that decides wins, and a veto
    met before any rule decided refuses (the result is None). Return (name, result) of the
    entry that spoke, or None when none did.

    A cascade's refusals sit between its readings (a parenthesis that names no one ends the
    search before the comma rules are tried), so the tables mix both in cascade order, where
    `first` and `vetoed` each take one kind."""
    for entry in table:
        if isinstance(entry, Veto):
            if entry.applies(context):
                return entry.name, None
        else:
            result = entry.apply(context)
            if result is not None:
                return entry.name, result
    return None

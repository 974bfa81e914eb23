"""Reported speech the finder missed or over-offered in the third holdout's news (issue 15,
bench/holdout3): a time phrase and a comma after the verb, "according to" in the middle of a
clause or at its end, and objects that are no clause. One invented sentence for each shape."""

from __future__ import annotations

import pytest

from workbench.suggest.finder.engine import suggest


def _indirect(text: str) -> list[tuple[str, str | None]]:
    return [
        (s.text, s.speaker)
        for s in suggest(text, claims=0)
        if s.kind == "quote" and s.quote_type in {"indirect", "mixed"}
    ]


# (shape, sentence, the reported words): offered as indirect speech, exactly so.
FOUND = [
    (
        "time-then-comma",
        "The harbour master noted on Friday, the repairs were nearly complete.",
        "the repairs were nearly complete",
    ),
    (
        "time-then-comma-month",
        "The Ostia Herald reported in early 2021, nine branches had shut within a year.",
        "nine branches had shut within a year",
    ),
]


@pytest.mark.parametrize(("shape", "text", "words"), FOUND, ids=[f[0] for f in FOUND])
def test_reported_speech_is_found(shape: str, text: str, words: str) -> None:
    assert words in [found for found, _ in _indirect(text)], shape

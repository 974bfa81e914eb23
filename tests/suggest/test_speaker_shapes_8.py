"""Shapes of who said it, eighth pass (issue 15, "Who said it, on the world's news"):
sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from workbench.suggest.finder import suggest
from workbench.suggest.finder.engine import Suggestion


def quotes(text: str) -> list[Suggestion]:
    return [s for s in suggest(text, claims=0) if s.kind == "quote"]


def found(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quote type, quotation, speaker) of every quote suggested for the text."""
    return [(s.quote_type, s.text, s.speaker) for s in quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday Obama said the talks would resume.",
        "Wednesday Obama told reporters the talks would resume.",
        "Friday Ann Lie said the talks would resume.",
        "Tonight Ann Lie said the talks would resume.",
    ],
)
def test_time_word_glued_before_a_name_stays_out_of_it(text: str):
    speaker = "Obama" if "Obama" in text else "Ann Lie"
    assert {s.speaker for s in quotes(text)} == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Monday Okpebholo said the talks would resume.", "Monday Okpebholo"),
        ("Sunday Dare said the talks would resume.", "Sunday Dare"),
        ("April Ryan said the talks would resume.", "April Ryan"),
    ],
)
def test_weekday_people_are_named_opens_the_name(text: str, speaker: str):
    assert {s.speaker for s in quotes(text)} == {speaker}


def test_quoted_fragment_after_called_is_mixed_and_direct():
    text = "The union called the plan “a betrayal of workers”."
    assert {(kind, speaker) for kind, _, speaker in found(text)} == {
        ("mixed", "The union"),
        ("direct", "The union"),
    }
    direct = [quote for kind, quote, _ in found(text) if kind == "direct"]
    assert direct == ["“a betrayal of workers”"]

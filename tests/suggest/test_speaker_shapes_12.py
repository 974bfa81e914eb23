"""Shapes of who said it, twelfth pass (issue 15, wrong speakers on found quotes): sentences
written for these tests, names invented."""

from __future__ import annotations

import pytest

from workbench.suggest.finder import suggest
from workbench.suggest.finder.engine import Suggestion


def quotes(text: str) -> list[Suggestion]:
    return [s for s in suggest(text, claims=0) if s.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Trade expert Ann Lie from the Norland Institute told VOA the tariffs would fall.",
            "Ann Lie",
        ),
        ('Tom Berg from Ostia Ports said "the cranes are old and slow."', "Tom Berg"),
    ],
)
def test_a_person_from_a_body_is_the_speaker(text: str, speaker: str) -> None:
    """ "Ann Lie from the Norland Institute told …" ties the person to her body as "of" does:
    she speaks, not the institute."""
    found = quotes(text)
    assert found and found[0].speaker == speaker

"""Shapes of who said it, eleventh pass (issue 15, the second holdout's wrong speakers):
sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from workbench.suggest.finder import suggest
from workbench.suggest.finder.engine import Suggestion


def quotes(text: str) -> list[Suggestion]:
    return [s for s in suggest(text, claims=0) if s.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Seventeen-year-old Ann, on the upper deck, said "the door flew open."', "Ann"),
        ("Twelve-year-old Tom Berg said the water came in through the floor.", "Tom Berg"),
        ('34-year-old Maria Lund, who was driving, said "I did not see the truck."', "Maria Lund"),
    ],
)
def test_an_age_before_a_name_is_not_part_of_it(text: str, speaker: str) -> None:
    """An age written before a name ("Fourteen-year-old Ann") describes the person: the
    canonical name leaves it out."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Some economists have argued that the new tax will not raise any money.", "economists"),
        ("Many farmers said the rain came too late for the wheat.", "farmers"),
        (
            'A number of senators condemned the order, calling it "a plain abuse of power".',
            "senators",
        ),
    ],
)
def test_a_quantifier_before_a_group_is_not_part_of_it(text: str, speaker: str) -> None:
    """A group an unresolved speaker names is written without the quantifier that opens it
    ("Some economists" is economists), as it is without its article."""
    found = quotes(text)
    assert found and found[0].speaker == speaker

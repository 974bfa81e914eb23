"""Shapes the day's passes left (issue 15, h-finder16): a plural noun that is also a
reporting verb ("orders") standing after a sentence's first word is no cue. One invented
sentence for each shape."""

from __future__ import annotations

import pytest

from workbench.suggest.finder.engine import suggest


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in suggest(text, claims=0) if s.kind == "quote"]


def test_plural_orders_after_an_opening_adjective_is_no_cue() -> None:
    found = _quotes("Half-filled orders will not keep the yard busy for long, Ann Lie said.")
    assert found == [("Half-filled orders will not keep the yard busy for long", "Ann Lie")]


def test_orders_that_is_still_a_cue() -> None:
    found = _quotes("The mayor orders that the pier be closed at once.")
    assert ("the pier be closed at once", "The mayor") in found


def test_content_then_cue_then_a_joined_clause_offers_both_clauses() -> None:
    found = _quotes(
        "Half-built roads will not open for some months, Ann Lie said, and the bridge seems safe."
    )
    assert found == [
        ("Half-built roads will not open for some months", "Ann Lie"),
        ("the bridge seems safe", "Ann Lie"),
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Yet just 3 percent of anglers said the river is clean.", "just 3 percent of anglers"),
        ("But only a third of anglers said the river is clean.", "only a third of anglers"),
        ("But most anglers said the river is clean.", "most anglers"),
        (
            "In fact, a median of 80 percent of anglers said the river is clean.",
            "a median of 80 percent of anglers",
        ),
        ("In 2019, most anglers said the river is clean.", "most anglers"),
    ],
)
def test_a_share_after_an_opening_conjunction_or_adverbial_is_the_subject(
    text: str, speaker: str
) -> None:
    assert _quotes(text) == [("the river is clean", speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lie of the University of Norland in Ostia said the river is clean.",
        "Ann Lie of the University of Norland in West Ostia also said the river is clean.",
    ],
)
def test_a_place_after_a_person_of_a_body_is_not_the_speaker(text: str) -> None:
    assert _quotes(text) == [("the river is clean", "Ann Lie")]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lie, said the river is clean.",
        "The harbour chair Ann Lie, said the river is clean.",
    ],
)
def test_a_stray_comma_between_the_subject_and_its_verb_keeps_the_speaker(text: str) -> None:
    assert _quotes(text) == [("the river is clean", "Ann Lie")]


def test_a_comma_before_an_inverted_cue_is_no_stray_comma() -> None:
    found = _quotes("“The pier will hold” for Ann Lie, said Tom Berg.")
    assert found == [("“The pier will hold”", "Tom Berg")]

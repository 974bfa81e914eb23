"""An office and what it is of, with no name (issue 15): "The Prime Minister of Ostia said"
gave the speaker "Ostia" with the role "Prime", and "The Foreign Minister of Ostia told
reporters" gave "of Ostia". It is a description of the office's holder, resolved to the
person the article names in that office when it does. Sentences written for these tests,
names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quote_holding, speaker_of


def _said(text: str, words: str) -> tuple[str, bool]:
    found = quote_holding(text, words)
    return found.speaker or "", found.speaker_resolved


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("The Prime Minister of Ostia said trade would grow.", "trade", "prime minister of ostia"),
        (
            "The Foreign Minister of Ostia told reporters that trade would grow.",
            "trade",
            "foreign minister of ostia",
        ),
        ("The President of Norland said the grid was stable.", "grid", "president of norland"),
    ],
)
def test_an_office_of_a_place_with_no_name_is_a_description(text, words, speaker):
    said, resolved = _said(text, words)
    assert said.lower().removeprefix("the ") == speaker
    assert not resolved


def test_the_office_of_a_place_is_the_person_named_in_it():
    text = (
        "Prime Minister of Norland Bo Berg met Prime Minister of Ostia Eva Moe in Bergen. "
        "The Prime Minister of Ostia stressed that trade would grow."
    )
    assert speaker_of(text, "trade would grow") == "Eva Moe"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A name after the office: the name speaks.
        ("Prime Minister of Ostia Eva Moe said trade would grow.", "trade", "Eva Moe"),
        (
            "Head of the Office of the President of Norland Ivo Lindqvist noted that the talks "
            "were over. Ivo Lindqvist said the army would stay.",
            "talks were over",
            "Ivo Lindqvist",
        ),
    ],
)
def test_an_office_before_a_name_leaves_the_name(text, words, speaker):
    assert speaker_of(text, words) == speaker

"""Speakers of the quotes the eighteenth and nineteenth passes found together (issue 15): "the
latter" and "the former" name one of the pair just before, and a time word between "with X"
and its participle of saying is not the source's. Sentences written for these tests, names
invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Inquiries were opened by the Norland Aviation Authority and the Ostia Safety Board, "
            "with the latter yesterday confirming on Twitter they were “not sending staff to "
            "the site at this time.”",
            "not sending staff",
            "Ostia Safety Board",
        ),
        (
            "Inquiries were opened by the Norland Aviation Authority and the Ostia Safety Board, "
            "with the former saying the pilots had been cleared.",
            "the pilots had been cleared",
            "Norland Aviation Authority",
        ),
        (
            "The mayor Ann Lie and the fire chief Bo Berg spoke on Monday, with the former "
            "saying that the road would reopen.",
            "the road would reopen",
            "Ann Lie",
        ),
        (
            "Ann Lie and Bo Berg met in Oslo on Friday. The latter said the talks went well.",
            "the talks went well",
            "Bo Berg",
        ),
    ],
)
def test_the_latter_or_the_former_is_one_of_the_pair_named_before(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # No pair joined by "and" before: the description stays.
        ("Ann Lie met Bo Berg in Oslo. The latter said the talks went well.", "talks", "latter"),
        # "the former president" is a role, not one of a pair.
        (
            "Ann Lie and Bo Berg met in Oslo. The former president said the talks went well.",
            "talks",
            "former president",
        ),
    ],
)
def test_a_latter_with_no_pair_or_a_former_office_stays_a_description(text, words, speaker):
    assert (speaker_of(text, words) or "").lower().removeprefix("the ") == speaker


def test_a_time_word_before_the_participle_is_not_the_source():
    text = "The dam held, with the ministry today saying the water had begun to fall."
    assert speaker_of(text, "the water had begun") == "the ministry"

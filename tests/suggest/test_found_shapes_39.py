"""A quotation, then who quoted whom (issue 15): "“…,” Xinhua quoted Bo Berg as saying." was
not found, and "“…,” the agency quoted Bo Berg as saying." was given the speaker "the agency
quoted Bo Berg as". The one quoted said it. Sentences written for these tests, names
invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The talks were useful,” Xinhua quoted Bo Berg as saying.", "Bo Berg"),
        ("“The talks were useful,” the agency quoted Bo Berg as saying.", "Bo Berg"),
        ("“The talks were useful,” state media cited Bo Berg as saying.", "Bo Berg"),
        ("“The talks were useful,” Bo Berg was quoted as saying by Xinhua.", "Bo Berg"),
        ("“The talks were useful,” Bo Berg was quoted as saying.", "Bo Berg"),
    ],
)
def test_a_quotation_then_who_quoted_whom_is_the_quoted_ones(text, speaker):
    assert speaker_of(text, "The talks were useful") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Not "quoted … as saying": the name and its verb, as before.
        ("“The talks were useful,” Bo Berg said.", "Bo Berg"),
        ("“The talks were useful,” said Bo Berg, who was quoted widely.", "Bo Berg"),
    ],
)
def test_other_cues_after_a_quotation_are_as_before(text, speaker):
    assert speaker_of(text, "The talks were useful") == speaker


def test_a_quoting_verb_after_the_sentence_end_is_not_this_quotations_cue():
    text = "“The talks were useful.” Later, Xinhua quoted Bo Berg as saying the port would open."
    assert all(s.speaker != "Bo Berg" for s in quotes(text) if "talks were useful" in s.text)

"""Canonical speakers, thirteenth rule pass (issue 15, h-finder20, tuned on the fifth to seventh
holdouts' wrong speakers): sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in quotes(text)]


def _speaker_of(text: str, words: str) -> str | None:
    found = [s.speaker for s in quotes(text) if words in s.text]
    assert found, _speakers(text)
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Marisol Ortega Quiñones, the mayor of Valle Norte, resigned on Friday. Ortega said "
            "she would stay on until the harbour reopened.",
            "she would stay on",
            "Marisol Ortega Quiñones",
        ),
        (
            "The post goes to Andrés Villalba Ruiz, the city's treasurer. In a statement, "
            'Villalba said, "We will work together for a calm handover."',
            "We will work together",
            "Andrés Villalba Ruiz",
        ),
    ],
)
def test_first_of_two_family_names(text: str, words: str, speaker: str) -> None:
    """ "Marisol Ortega Quiñones … Ortega said": a person named with two family names is
    later called by the first of them, which stands for the full name."""
    assert _speaker_of(text, words) == speaker


def test_a_middle_given_name_is_not_a_family_name() -> None:
    """ "Anna Maria Berg … Maria said" is not Anna Maria Berg: a known given name in the
    middle of a name is not a family name."""
    text = (
        "Anna Maria Berg opened the pier in May. Maria Lund, her deputy, also spoke. "
        "Later Lund said the pier would close for the winter."
    )
    assert _speaker_of(text, "the pier would close") == "Maria Lund"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Harbour Secretary Tom A. Berg, Jr. opened the new pier on Monday. "
            "“Ships will dock here by spring,” said Secretary Berg.",
            "Ships will dock",
            "Tom A. Berg, Jr.",
        ),
        (
            "Mayor Ann Lie Sr. visited the dock. Lie said the new cranes would arrive in June.",
            "the new cranes",
            "Ann Lie Sr.",
        ),
    ],
)
def test_a_name_suffix_stays_on_the_short_form(text: str, words: str, speaker: str) -> None:
    """ "Tom A. Berg, Jr. … said Secretary Berg": the fullest name keeps its suffix."""
    assert _speaker_of(text, words) == speaker

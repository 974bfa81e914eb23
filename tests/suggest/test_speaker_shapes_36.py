"""The name a person is "known as" (issue 15): "Joko Widodo, known as Jokowi, …" then
"Jokowi said" is Joko Widodo; "Mohammed bin Salman, widely known as MBS" then "MBS said" is
him. Sentences written for these tests, names invented or common."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "President Bima Santoso, known as Bimo, opened the dam. Bimo said it would water "
            "10,000 hectares.",
            "water 10,000",
            "Bima Santoso",
        ),
        (
            "Crown Prince Khalid bin Faisal, widely known as KBF, met the envoy. “We want "
            "peace,” KBF said.",
            "We want peace",
            "Khalid bin Faisal",
        ),
        (
            "The singer Ann Lie, better known as “Lady Norland”, met fans. Lady Norland said "
            "the tour would go on.",
            "tour would go on",
            "Ann Lie",
        ),
    ],
)
def test_the_name_a_person_is_known_as_is_that_person(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A thing known as something names no person.
        (
            "A storm known as Hurricane Ida hit the coast. Ann Lie said the roof had gone.",
            "roof",
            "Ann Lie",
        ),
        # The name used before it is given is not taken for the alias.
        (
            "Bimo said the dam would open. President Bima Santoso, known as Bimo, spoke later.",
            "dam",
            "Bimo",
        ),
    ],
)
def test_an_alias_of_no_person_or_used_before_it_is_given_is_left(text, words, speaker):
    assert speaker_of(text, words) == speaker

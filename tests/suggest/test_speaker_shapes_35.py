"""Later short forms of names in several words (issue 15): "López Obrador" after "Andrés Manuel
López Obrador", "Suu Kyi" after "Aung San Suu Kyi" (the last words of a longer name, the first
of them no given name), and "Al-Sudani" after "Prime Minister Mohammed Shia al-Sudani" (a
surname joined to its particle after a title). Sentences written for these tests, names
invented or common."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "President Andrés Manuel Ríos Obrera spoke at his morning press conference. "
            "Ríos Obrera said the army would stay.",
            "army would stay",
            "Andrés Manuel Ríos Obrera",
        ),
        (
            "The opposition leader Aung Min Soe Kyaw visited the camp. Soe Kyaw said the "
            "count was fair.",
            "count was fair",
            "Aung Min Soe Kyaw",
        ),
        (
            "Norlandic Prime Minister Mohammed Karim al-Nadhir met the envoy. Al-Nadhir said "
            "the talks were useful.",
            "talks were useful",
            "Mohammed Karim al-Nadhir",
        ),
    ],
)
def test_the_last_words_of_a_longer_name_are_that_person(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # Two longer names end in the same words: neither is chosen.
        (
            "Ana María Ríos Obrera and Luis Ríos Obrera ran the firm. Ríos Obrera said the "
            "deal was off.",
            "deal was off",
            "Ríos Obrera",
        ),
        # The short form opens with a given name: another person, not the longer name.
        (
            "Maria Ann Lie arrived first. Ann Lie said the road was closed.",
            "road was closed",
            "Ann Lie",
        ),
        # A group's name with a joined particle is no one's.
        (
            "A group known as Ansar al-Qadim claimed the attack, officials said.",
            "claimed the attack",
            "officials",
        ),
    ],
)
def test_no_one_longer_name_or_a_given_name_first_leaves_the_name(text, words, speaker):
    assert speaker_of(text, words) == speaker

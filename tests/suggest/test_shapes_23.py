"""Shapes of quotes found and who said them, sixteenth rule pass (issue 15, h-finder23, the
ninth holdout's errors): sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in quotes(text)]


def _speaker_of(text: str, content: str) -> str | None:
    found = [who for said, who in _speakers(text) if content in said]
    assert found, f"no quote holding {content!r}"
    return found[0]


# An office of a body, the body's name and the person's name run together with no comma:
# "Leader of the Norland Rowing Federation Maria Tollen said …" (a press release's shape).
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Leader of the Norland Rowing Federation Maria Tollen said that her club was glad "
            "to join the race.",
            "her club",
            "Maria Tollen",
        ),
        (
            "Member of the National Chess Union of Norland Petra Vasko said that the year had "
            "been full of tournaments.",
            "the year",
            "Petra Vasko",
        ),
        (
            "Head of the Association of Vale Farmers Tomas Berg said the harvest was late.",
            "the harvest",
            "Tomas Berg",
        ),
        (
            "Chair of the Ostia Harbour Authority Anna Lind told reporters that the pier would "
            "reopen in May.",
            "the pier",
            "Anna Lind",
        ),
    ],
)
def test_a_body_run_into_the_person_s_name(text: str, content: str, speaker: str) -> None:
    assert _speaker_of(text, content) == speaker


def test_the_person_after_a_body_is_there_for_a_later_pronoun() -> None:
    text = (
        "Leader of the Norland Rowing Federation Maria Tollen said that her club was glad to "
        'join the race. "We wish everyone a calm sea on the day," she said.'
    )
    assert _speaker_of(text, "calm sea") == "Maria Tollen"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A body alone keeps its name, however it ends.
        ("The Norland Rowing Federation said the race would go ahead.", "the race", None),
        ("Morgan Stanley said the bank would cut jobs.", "the bank", "Morgan Stanley"),
        # A name with a first name inside it is no body then a person: "Mary Ann Lie".
        ("Mary Ann Lie said the race would go ahead.", "the race", "Mary Ann Lie"),
    ],
)
def test_a_body_or_a_name_alone_is_left_as_it_was(
    text: str, content: str, speaker: str | None
) -> None:
    found = _speaker_of(text, content)
    assert found == speaker or (speaker is None and found == "Norland Rowing Federation")


# An occupation before a name ("Actress Ann Morrow", "singer Tom Berg") is a role, and "the
# actress" later is that person.
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            'Actor Denzel Morrow paid tribute. "He was a kind man," Actor Denzel Morrow wrote.',
            "kind man",
            "Denzel Morrow",
        ),
        (
            "Actress Ann Morrow is set to appear in the final season. The actress recalled "
            'her first role, when she was "a nobody on the set."',
            "her first role",
            "Ann Morrow",
        ),
        (
            "Singer Tom Berg opened the show on Friday. The singer said the crowd had been "
            "wonderful.",
            "the crowd",
            "Tom Berg",
        ),
        (
            'The novelist Petra Vasko signed books all day. "I write at night," the novelist said.',
            "I write at night",
            "Petra Vasko",
        ),
    ],
)
def test_an_occupation_before_a_name_is_a_role(text: str, content: str, speaker: str) -> None:
    assert _speaker_of(text, content) == speaker


def test_the_occupation_of_two_people_takes_the_nearest() -> None:
    text = (
        "Actress Ann Morrow spoke first. Later, actress Lena Vasko took the stage. The actress "
        "said the play had changed her life."
    )
    assert _speaker_of(text, "the play") == "Lena Vasko"


# "First Lady" is an office ("First Lady Olga Vasko"), and "the First Lady" is its holder.
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "First Lady Olga Vasko met the pupils on Monday. The First Lady said that the "
            "school was a model for the region.",
            "the school",
            "Olga Vasko",
        ),
        (
            'First Lady Olga Vasko opened the fair. "The fair brings us together," the First '
            "Lady said.",
            "The fair brings",
            "Olga Vasko",
        ),
        ("First Lady Olga Vasko said the fair would open on time.", "the fair", "Olga Vasko"),
    ],
)
def test_the_first_lady(text: str, content: str, speaker: str) -> None:
    assert _speaker_of(text, content) == speaker


def test_a_unit_before_a_name_is_no_body_run_into_it() -> None:
    """ "Navy SEAL Tom Vale": a rank or unit before the name does not make him a person the
    surname "Vale" could mean in place of the speaker named first."""
    text = (
        "Dora Vale, whose husband, Navy SEAL Tom Vale, was killed in 2012, spoke on Thursday. "
        "Vale said she does not blame the army for the raid."
    )
    assert _speaker_of(text, "she does not blame") == "Dora Vale"

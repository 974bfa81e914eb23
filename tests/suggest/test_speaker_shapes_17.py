"""Shapes of who said it, tenth rule pass (issue 15, h-finder17, the fourth holdout's wrong
speakers): sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, reported


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The smoke was heavy, and local officials said the bridge might fall.",
            "local officials",
        ),
        ("The ferry sank on Monday, harbour officials stated.", "harbour officials"),
        ("Prices fell again, senior officials said.", "senior officials"),
    ],
)
def test_lowercase_modifiers_of_a_plural_source_noun_stay(text: str, speaker: str) -> None:
    """A plural source noun with no determiner keeps the lowercase words before it when they
    open its clause ("…, and local officials said"): the description as written."""
    assert [s for _, s in reported(text)] == [speaker]


def test_a_verb_before_a_bare_source_noun_does_not_join_it() -> None:
    found = reported("Ann Lie told reporters officials knew the bridge would fall.")
    assert all(s is None or "told" not in s for _, s in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lie of Norland Fire and Rescue said late on Monday no boats would be sent out.",
        "Nils-Ove Berg of Ostia Water and Power said the pumps would run all night.",
    ],
)
def test_a_person_of_a_body_with_lowercase_joins_is_the_person(text: str) -> None:
    """ "Ann Lie of Norland Fire and Rescue": the body after "of" is no part of the name, even
    with "and" between its capitalised words."""
    name = text.split(" of ")[0]
    assert [s for _, s in reported(text)] == [name]


def test_a_body_named_with_of_and_and_stays_whole() -> None:
    found = quotes("The Department of Roads and Bridges said the tunnel would open in May.")
    assert found and found[0].speaker == "Department of Roads and Bridges"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Speaking to reporters, Ann Lie, Chief of Staff (CoS), North Ostia Hills said, "The '
            'ferry left at noon and nobody was hurt."',
            "Ann Lie",
        ),
        (
            "Tom Berg, General Secretary, Norland Farmers Union told the Courier, "
            '"We want the minister to resign over the flood."',
            "Tom Berg",
        ),
        (
            "Tom Berg, the mayor of Vale, North Ostia, announced schools would be closed.",
            "Tom Berg",
        ),
    ],
)
def test_name_role_place_said_is_the_name(text: str, speaker: str) -> None:
    """ "Name, role, Place said": the place or body the role is of stands before the verb,
    but the name speaks."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


def test_a_name_after_a_preposition_is_not_the_speaker_of_name_role_place() -> None:
    found = quotes(
        "In his speech, a tribute to Tom Berg, the nominee that year, Ann Lie praised the "
        '"makers of the harbour."'
    )
    assert all(s.speaker != "Tom Berg" for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "In Ostia, city police Detective Constable Tom Berg said that the closure drove up prices.",
        "Vale County Sheriff Tom Berg said that the closure drove up prices.",
        "Corporal Tom Berg said that the closure drove up prices.",
    ],
)
def test_police_and_military_ranks_are_titles(text: str) -> None:
    """A rank before a name ("Detective Constable", "Sheriff") is a title, kept as the role."""
    found = quotes(text)
    assert found and found[0].speaker == "Tom Berg"

"""Shapes of who said it, eleventh pass (issue 15, the second holdout's wrong speakers):
sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes


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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The league fined Norland United Football Club in May. Norland United has said "
            'it is "shocked" by the decision.',
            "Norland United Football Club",
        ),
        (
            "Kesta Holdings Corporation runs the port. Kesta Holdings said the port was closed.",
            "Kesta Holdings Corporation",
        ),
    ],
)
def test_a_body_is_named_by_the_fullest_name_the_article_gives(text: str, speaker: str) -> None:
    """A body the article names in full once ("Norland United Football Club") and then by
    the short name ("Norland United") is given its full name."""
    found = quotes(text)
    assert found and all(s.speaker == speaker for s in found)


def test_a_full_name_stops_at_the_end_of_its_sentence() -> None:
    """The words after a body's name in one sentence do not run on into the next: "run by
    Kesta Holdings Group. Kesta Holdings said" does not make one name of both sentences."""
    text = "The mine is run by Kesta Holdings Group. Kesta Holdings said the mine would reopen."
    found = quotes(text)
    assert found and all(". " not in (s.speaker or "") for s in found)
    assert all(s.speaker in {"Kesta Holdings", "Kesta Holdings Group"} for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton runs the Hillary Clinton Foundation. Hillary Clinton said the fund grew.",
        "The club sued Norland City Council and Norland City Football Club. Norland City said "
        "the ground was sold.",
    ],
)
def test_a_name_is_not_made_a_body_it_heads(text: str) -> None:
    """A person's name is not lengthened into a body named after them, nor a name the article
    lengthens into two bodies."""
    found = quotes(text)
    assert found and all(s.speaker in {"Hillary Clinton", "Norland City"} for s in found)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tarek Al Sayed said that the club had done nothing wrong.", "Tarek Al Sayed"),
        ("Yusuf Bin Rashid told reporters that the port was closed.", "Yusuf Bin Rashid"),
    ],
)
def test_a_name_particle_is_not_a_first_name(text: str, speaker: str) -> None:
    """A particle inside a name that is also a first name ("Al", "Ben") does not cut off
    the given name before it: "Tarek Al Sayed" is not Al Sayed."""
    found = quotes(text)
    assert found and found[0].speaker == speaker

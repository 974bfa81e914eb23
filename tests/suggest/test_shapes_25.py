"""Shapes of quotes found and who said them, eighteenth rule pass (issue 15, h-finder25, the
tenth holdout's errors): sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, speaker_of


# A body described by what it is, then named by its initials in apposition: the initials speak
# ("said the UN food agency, FAO."), and a later "the UN agency" is the body that spoke last,
# not "UN agency for …" spelled out from the description.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Rain failed again.\n\nEvery day, farmers have been “paying for a drought they did "
            "not cause”, said the UN food agency, FAO.",
            "paying for a drought",
            "FAO",
        ),
        (
            "Rain failed again.\n\nThe camps are full, said the UN refugee agency, UNHCR.",
            "The camps are full",
            "UNHCR",
        ),
        (
            "The camps were hit.\n\nAccording to the UN agency for Palestine refugees, UNRWA, a "
            "teacher was killed on Tuesday.",
            "a teacher was killed",
            "UNRWA",
        ),
        (
            "The camps were hit.\n\nAccording to the UN agency for Palestine refugees, UNRWA, a "
            "teacher was killed on Tuesday.\n\nThe UN agency said the school was razed.",
            "the school was razed",
            "UNRWA",
        ),
        (
            "The camps were hit.\n\nAccording to the UN agency for Palestine refugees, UNRWA, a "
            "teacher was killed.\n\nIn an alert, the UN aid coordination office, OCHA, said that "
            "the outbreak is the worst in years.\n\nEarly action will save lives, the UN agency "
            "noted.",
            "Early action",
            "OCHA",
        ),
    ],
)
def test_a_described_body_named_by_its_initials(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


# Near misses: a bare "the ministry" before a list, and initials the clause goes on after.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Aid arrived.\n\nAccording to the ministry, UNICEF, a charity and others were there.",
            "UNICEF",
            "the ministry",
        ),
        (
            "Aid arrived.\n\nThe camps are full, said the UN refugee agency, UNHCR and others.",
            "The camps are full",
            "UN",
        ),
    ],
)
def test_initials_that_are_not_the_body_described(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


# "chief" ending a role is its head: "the UN rights chief" is the person the article names
# "UN rights chief Anna Berg"; a sentence opened by a preposition has no bare subject.
def test_a_chief_described_again() -> None:
    text = (
        "Relief teams reached the town.\n\nUN rights chief Anna Berg has condemned the "
        "shelling of homes.\n\nIn her statement, the UN rights chief stressed that such attacks "
        "are prohibited."
    )
    assert speaker_of(text, "such attacks") == "Anna Berg"


def test_a_chief_of_another_body_is_not_her() -> None:
    text = (
        "Relief teams reached the town.\n\nUN rights chief Anna Berg has condemned the "
        "shelling.\n\nThe police chief said that the road is shut."
    )
    assert speaker_of(text, "the road is shut") != "Anna Berg"


@pytest.mark.parametrize("opening", ["Amid", "In", "Despite"])
def test_a_preposition_opens_no_subject(opening: str) -> None:
    text = (
        f"{opening} reported heavy strikes on Thursday, UN rights chief Anna Berg has condemned "
        "the “continual bombardment” the people are facing."
    )
    assert [s.speaker for s in quotes(text)] == ["Anna Berg"]


# A short name the article brackets after the full one, and a country's initials where the
# article writes the country in full: the full name.
def test_a_bracketed_short_name() -> None:
    text = (
        "The Ostia Department of Forests and Fire Safety (OstiaFire) said several acres burned. "
        "OstiaFire indicated the injuries were minor."
    )
    assert (
        speaker_of(text, "the injuries were minor") == "Ostia Department of Forests and Fire Safety"
    )


def test_a_country_by_its_initials() -> None:
    text = (
        "The United States has left the pact.\n\nLast July, the U.S. withdrew from the forum, "
        "saying its membership was “not in the national interest”."
    )
    assert speaker_of(text, "its membership") == "United States"


def test_initials_of_a_country_the_article_never_writes_in_full() -> None:
    text = "The pact was signed.\n\nThe U.S. said that it will not pay."
    assert speaker_of(text, "it will not pay") == "U.S."


# Two lowercase role words between a body's name and a person's: the person speaks.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            'According to Ostia University political scholar Kelly Marsh, "Women hold fewer seats."',
            "Women",
        ),
        (
            "The seats are few, said Ostia University political scholar Kelly Marsh.",
            "seats are few",
        ),
        ("The seats are few, said Brookings senior fellow Kelly Marsh.", "seats are few"),
    ],
)
def test_two_role_words_before_a_name(text: str, words: str) -> None:
    assert speaker_of("The vote was close.\n\n" + text, words) == "Kelly Marsh"


# "A Republican Assemblywoman, Jill Moss, said": a title alone before the appositive name.
def test_an_indefinite_title_then_the_name() -> None:
    text = (
        "The vote was close.\n\nA Republican Assemblywoman, Jill Moss, also commented on the "
        'gap: "There are just not as many of us."'
    )
    assert speaker_of(text, "not as many") == "Jill Moss"


def test_a_definite_title_then_the_name_still_resolves() -> None:
    text = "The vote was close.\n\nThe Senator, Ann Lie, said that the bill fails."
    assert speaker_of(text, "the bill fails") == "Ann Lie"


# "Name of the <described body> told": the person, not the body.
def test_a_person_of_a_described_office() -> None:
    text = (
        "The herd arrived.\n\n“We feel that the herd is going to heal us,” Crystal Bear of "
        "the Ostia tribal historic office told those gathered."
    )
    assert speaker_of(text, "heal us") == "Crystal Bear"


def test_members_of_a_described_body_are_no_person() -> None:
    text = "The road was shut.\n\nMembers of the local council said that the road will reopen."
    assert speaker_of(text, "the road will reopen") != "Members"


# "a court clerk": the clerk, a description the article ties to no name, not the court.
def test_a_clerk_of_a_court() -> None:
    text = (
        "The case goes on.\n\nAccording to a court clerk, arguments would be heard in October. "
        "The Ostia Court of Appeals ruled on Monday."
    )
    assert speaker_of(text, "arguments would be heard") in {"court clerk", "a court clerk"}


def test_the_court_itself_still_resolves() -> None:
    text = "The Ostia Court of Appeals ruled on Monday.\n\nThe court said the case is closed."
    assert speaker_of(text, "the case is closed") == "Ostia Court of Appeals"


# A company's name in capitals joined by "&" is one word.
def test_a_name_with_an_ampersand() -> None:
    text = (
        "The crash is under review.\n\nIn a letter to The Ostia News, published on Monday, "
        'PG&E President and CEO Andy Vane said the firm was working to install "100 miles of '
        'stronger poles."'
    )
    assert speaker_of(text, "the firm was working") == "Andy Vane"
    assert speaker_of(text, "100 miles") == "Andy Vane"


def test_a_bracketed_name_with_an_ampersand() -> None:
    text = (
        "Ostia Gas and Power Company (OG&P) began cutting power.\n\nOG&P said it planned the cuts."
    )
    assert speaker_of(text, "it planned the cuts") == "Ostia Gas and Power Company"


# Near misses: a surname that is also a preposition, and "At least" opening a subject.
def test_a_surname_that_is_a_preposition() -> None:
    text = "The years were hard.\n\nFrom agreed that inequality was not the flashpoint then."
    assert speaker_of(text, "inequality was not") == "From"


def test_at_least_opens_a_subject() -> None:
    text = "The vote was close.\n\nAt least four senators said that the bill goes too far."
    assert speaker_of(text, "the bill goes too far") is not None

"""Shapes of who said it, tenth pass (issue 15, the holdout's wrong speakers): sentences
written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "Ann Lie of the army's Western Command said the rebels are the suspected attackers.",
            "Ann Lie",
            "of the army's Western Command",
        ),
        (
            "Tom Berg of the Norland Health Agency told the press the port was closed.",
            "Tom Berg",
            "of the Norland Health Agency",
        ),
        (
            "Maria dela Cruz of the Norland Coast Command said the boats were found.",
            "Maria dela Cruz",
            "of the Norland Coast Command",
        ),
        (
            "Director Tom Berg of the Norland Institute of Ports told reporters the port was shut.",
            "Tom Berg",
            None,
        ),
    ],
)
def test_person_of_a_body_is_the_speaker_not_the_body(text: str, speaker: str, role: str | None):
    (quote,) = quotes(text)
    assert quote.speaker == speaker
    if role is not None:
        assert quote.role == role


@pytest.mark.parametrize(
    "text",
    [
        "Tom Berg, an expert in shipping at Norland University (NU), said the strike was legal.",
        "Director Tom Berg of the Norland Institute of Ports and Harbours (NIPH), announced the "
        "port was closed.",
        "Tom Berg of the Norland Health Agency (NHA) told the press the port was closed.",
        "On Monday morning, Director Tom Berg of the Norland Institute of Ports (NIP), announced "
        "the port was closed.",
    ],
)
def test_acronym_after_a_body_leaves_the_person_the_speaker(text: str):
    assert [s.speaker for s in quotes(text)] == ["Tom Berg"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Bank of Norland said the rates would rise.", "Bank of Norland"),
        ("Secretary of State Ann Lie said the talks would resume.", "Ann Lie"),
        ("Why? Part of it is that Norland Republicans think the rates are too low.", None),
    ],
)
def test_body_with_of_in_its_name_stays_whole(text: str, speaker: str | None):
    assert speaker is None or [s.speaker for s in quotes(text)] == [speaker]
    assert "Part" not in {s.speaker for s in quotes(text)}


@pytest.mark.parametrize(
    "opening",
    [
        "From Norland Tales to her own work",
        "With Norland Tales and her own work",
        "About Norland Tales",
    ],
)
def test_name_after_an_opening_preposition_is_not_the_pronouns_antecedent(opening: str):
    text = (
        "Ann Lie writes books for children. She uses old books. "
        f"{opening}, she said she stays close to the themes she likes."
    )
    assert [s.speaker for s in quotes(text)] == ["Ann Lie"]


def test_name_after_an_opening_for_stays_the_pronouns_antecedent():
    text = (
        "Bo Berg sees the piece as a return to old ideas. For Tom Lund, the author exposes a "
        "perverse logic. “The market has not failed them,” he mocks."
    )
    assert [s.speaker for s in quotes(text)] == ["Tom Lund"]


@pytest.mark.parametrize("lead", ["One reason", "Another answer", "Each promise"])
def test_quantifier_before_a_bare_verb_form_opens_a_noun_not_a_subject(lead: str):
    text = (
        "Tom Berg paid the bill. The insurer did not answer.\n\n"
        f"{lead} “I went to the clinic and not the hospital is the cost,” he said."
    )
    assert {s.speaker for s in quotes(text)} == {"Tom Berg"}


def test_quantifier_before_a_verb_in_past_form_is_the_subject():
    text = "Fans wrote to her. One said the stories were good."
    assert [s.speaker for s in quotes(text)] == ["One"]


def test_surname_after_a_clause_opening_conjunction_is_the_pronouns_antecedent():
    text = (
        "Tieqiao Lin went to the clinic twice. Tom Berg, the clinic's spokesman, said the signs were "
        "clear. He said the notices were posted in the halls at the time of Lin's visits.\n\n"
        "When Lin visited the clinic in 2021, he was charged only $30, he said."
    )
    assert [s.speaker for s in quotes(text)][-1] == "Tieqiao Lin"


def test_given_name_alone_is_the_person_named_fully_before():
    text = (
        "Ivan Wiranto, the head of the audit agency, spoke in Jakarta on Monday. "
        "Ivan told lawmakers the agency had found the transfers."
    )
    assert [s.speaker for s in quotes(text)] == ["Ivan Wiranto"]


def test_given_name_shared_by_two_people_stays_as_written():
    text = (
        "Ivan Wiranto and Ivan Santoso spoke in Jakarta on Monday. "
        "Ivan told lawmakers the agency had found the transfers."
    )
    assert [s.speaker for s in quotes(text)] == ["Ivan"]


def test_word_that_is_not_a_given_name_is_not_expanded():
    text = "Peabody Energy sold the mines. Peabody said the sale was final."
    assert [s.speaker for s in quotes(text)] == ["Peabody"]


def test_name_after_the_verb_ends_before_of_and_a_body():
    text = (
        "Rajan Kumar Berg led the survey. “Plants need water to thrive,” said Berg of Centre for "
        "Oceans, Rivers and Land Sciences at Norland University."
    )
    assert [s.speaker for s in quotes(text)] == ["Rajan Kumar Berg"]


def test_body_with_of_after_the_verb_stays_whole():
    assert [s.speaker for s in quotes("“Rates will rise,” said Bank of Norland.")] == [
        "Bank of Norland"
    ]


def test_office_of_a_body_before_the_name_after_the_verb_stays_a_role():
    text = "“We will end the outbreak,” said U.S. Secretary of Health and Human Services Ann Lie."
    assert [s.speaker for s in quotes(text)] == ["Ann Lie"]

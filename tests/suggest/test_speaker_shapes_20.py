"""Canonical speakers, thirteenth rule pass (issue 15, h-finder20, tuned on the fifth to seventh
holdouts' wrong speakers): sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, speaker_of


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
    assert speaker_of(text, words) == speaker


def test_a_middle_given_name_is_not_a_family_name() -> None:
    """ "Anna Maria Berg … Maria said" is not Anna Maria Berg: a known given name in the
    middle of a name is not a family name."""
    text = (
        "Anna Maria Berg opened the pier in May. Maria Lund, her deputy, also spoke. "
        "Later Lund said the pier would close for the winter."
    )
    assert speaker_of(text, "the pier would close") == "Maria Lund"


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
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "“The ice is far thicker than we thought,” said University of Norland’s Tom Berg, "
            "who led the survey.",
            "The ice is far thicker",
            "Tom Berg",
        ),
        (
            '"We saw no cracks at all," said Vale Institute\'s Ann Lie.',
            "We saw no cracks",
            "Ann Lie",
        ),
    ],
)
def test_a_body_owning_the_person_after_the_verb(text: str, words: str, speaker: str) -> None:
    """ "said University of Norland’s Tom Berg": the person, not the body and the person."""
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The bridge was closed to traffic, according to the Norland Department of Roads "
            "and Bridges.",
            "The bridge was closed",
            "Norland Department of Roads and Bridges",
        ),
        (
            "The runway was clear, according to the Directorate General of Harbour Aviation.",
            "The runway was clear",
            "Directorate General of Harbour Aviation",
        ),
        (
            "The Norland Department of Roads closed the coast road. In a statement, the Norland "
            "Department of Harbours justified the closure as "
            '"prudent": "The harbour has taken steps to protect the boats."',
            "The harbour has taken steps",
            "Norland Department of Harbours",
        ),
        (
            "In a statement, the Norland Ministry of Fisheries described the catch as "
            '"healthy": "Stocks have recovered across the bay."',
            "Stocks have recovered",
            "Norland Ministry of Fisheries",
        ),
    ],
)
def test_a_body_named_with_of_keeps_its_whole_name(text: str, words: str, speaker: str) -> None:
    """ "the Norland Department of Roads and Bridges": the body's name runs on over "of"
    and the capitalised words after it."""
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "NORSA launched its probe to the comet in 2019. NORSA said the probe was healthy. "
            "The space agency said the probe would reach the comet next year.",
            "the probe would reach",
        ),
        (
            "NORSA said its probe had woken up after a long sleep. Engineers cheered. "
            "The agency said it would send new commands on Monday.",
            "it would send new commands",
        ),
    ],
)
def test_the_agency_is_the_acronym_body_that_spoke(text: str, words: str) -> None:
    """ "NORSA said … The space agency said": "the (space) agency" stands for the body named
    by its acronym that spoke last before it."""
    assert speaker_of(text, words) == "NORSA"


def test_the_agency_is_the_one_acronym_body_named_before() -> None:
    """ "NORSA has found ice on the comet. The space agency said …": no body spoke before,
    but one body is named by its acronym before the description."""
    text = (
        "NORSA has found ice on the comet.\n\nThe space agency said the ice came from "
        "observations made by its probe."
    )
    assert speaker_of(text, "the ice came from") == "NORSA"


def test_the_agency_after_two_acronyms_stays_a_description() -> None:
    """Two bodies named by acronyms, neither a speaker: "the agency" is not resolved."""
    text = "NORSA and VESTA launched the probe.\n\nThe agency said it was healthy."
    assert speaker_of(text, "it was healthy") not in {"NORSA", "VESTA"}


def test_the_agency_after_a_person_only_stays_a_description() -> None:
    """No body that spoke before: "the agency" is left as written."""
    text = "Tom Berg said the probe was healthy. The agency said it would land in May."
    assert speaker_of(text, "it would land") != "Tom Berg"


def test_a_named_person_of_a_described_body() -> None:
    """ "Tom Berg of the town's water board said …": the person, the body a description."""
    text = "Tom Berg of the town's water board said the pipes would be fixed by May."
    assert speaker_of(text, "the pipes would be fixed") == "Tom Berg"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "East Norland Fire and Rescue Service crews reached the mill at noon. "
            "The fire service said an inquiry into the cause had begun.",
            "an inquiry into the cause",
            "East Norland Fire and Rescue Service",
        ),
        (
            "Officers of the Vale Coast Guard towed the boat to port. The coast guard said "
            "the crew of four was safe.",
            "the crew of four was safe",
            "Vale Coast Guard",
        ),
    ],
)
def test_the_institution_is_the_body_named_before(text: str, words: str, speaker: str) -> None:
    """ "East Norland Fire and Rescue Service … The fire service said": the institution's
    common noun stands for the body of that kind the article named."""
    assert speaker_of(text, words) == speaker


def test_an_institution_never_named_stays_as_written() -> None:
    """ "The fire service said" with no named service stays "fire service"."""
    text = "Crews reached the mill at noon. The fire service said an inquiry had begun."
    assert speaker_of(text, "an inquiry had begun") == "fire service"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Twelve boats sank in the storm, according to Norlandic military.",
            "Twelve boats sank",
            "Norlandic military",
        ),
        (
            "The road was closed, according to Vale police.",
            "The road was closed",
            "Vale police",
        ),
    ],
)
def test_an_institution_after_its_adjective(text: str, words: str, speaker: str) -> None:
    """ "according to Norlandic military": the institution with its adjective, not the
    adjective alone."""
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The old treaty is no longer fit for purpose, said Norland Under Secretary of State "
        "for Harbours and Coastal Security, Tom Berg.",
        "The old treaty is no longer fit for purpose, said U.S. Under Secretary of State for "
        "Harbours and Coastal Security, Tom Berg:\n\n“The treaty was signed in 1990.”",
    ],
)
def test_a_long_office_then_a_comma_then_the_name(text: str) -> None:
    """ "said Norland Under Secretary of State for Harbours and Coastal Security, Tom Berg":
    the name after the office, not the office's first or last words."""
    assert speaker_of(text, "The old treaty") == "Tom Berg"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Tom Berg died on Saturday. According to his wife, Anna, Berg had been ill for a year.",
            "had been ill",
            "Anna",
        ),
        (
            "The boat left at dawn, according to her brother, Piet Lund, who saw it go.",
            "The boat left at dawn",
            "Piet Lund",
        ),
    ],
)
def test_a_relative_named_in_apposition(text: str, words: str, speaker: str) -> None:
    """ "according to his wife, Anna,": the name in apposition, not the description."""
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The Vale 52 Project announced on Sunday that the wreck was the lost ferry.",
            "the wreck was the lost ferry",
            "Vale 52 Project",
        ),
        (
            "On May 5 Norland Group said that the mill would close.",
            "the mill would close",
            "Norland Group",
        ),
        (
            "In 2019 Harbour Trust said that the pier was unsafe.",
            "the pier was unsafe",
            "Harbour Trust",
        ),
    ],
)
def test_a_number_inside_a_body_name(text: str, words: str, speaker: str) -> None:
    """ "The Vale 52 Project announced": a number between the capitalised words of a body's
    name is part of it; a date or a year before the name is not."""
    assert speaker_of(text, words) == speaker


def test_the_agency_with_a_capitalised_adjective() -> None:
    """ "The Norlandic space agency said" after "NORSA has found …": the acronym body."""
    text = (
        "NORSA has found ice on the comet.\n\nThe Norlandic space agency said the ice came "
        "from observations made by its probe."
    )
    assert speaker_of(text, "the ice came from") == "NORSA"


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lie talked of being cast in a pilot while a guest on the show. Faced with losing "
        'the character of Mara Quell, the producers made her a regular. "It was a good day," '
        "she recalls.",
        "Ann Lie grew up watching the cartoon. Years later she voiced Princess Mara Quell in "
        'the remake. "I was speechless," she told the audience.',
    ],
)
def test_a_character_is_not_the_speaker(text: str) -> None:
    """ "the character of Mara Quell", "she voiced Princess Mara Quell": a character an actor
    plays is no person a later "she" stands for."""
    assert [s.speaker for s in quotes(text)] == ["Ann Lie"]

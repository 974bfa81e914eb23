"""Shapes of quotes found and who said them, eleventh rule pass (issue 15, h-finder18, the fifth
and sixth holdouts' missed quotes and wrong speakers): sentences written for these tests, names
invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes


@pytest.mark.parametrize(
    "text",
    [
        'Tom Berg told reporters the bridge was old. "[...] Worse, the valves were rusted '
        'through."',
        '"The pumps failed twice in June," said Dr. Berg. "[...] Worse, the valves were rusted '
        'through. We need new ones."',
        '"The pumps failed twice in June," said Dr. Berg. "[…] Worse, the valves were rusted '
        'through."',
    ],
)
def test_a_quotation_opening_with_an_elision_starts_a_sentence(text: str) -> None:
    """ "“[...] Worse, …”": an elided start does not glue the quotation to the sentence
    before it, so it is found as a direct quote of the speaker."""
    found = [s for s in quotes(text) if s.quote_type == "direct" and "Worse" in s.text]
    assert [s.speaker for s in found] == ["Tom Berg" if "Tom" in text else "Berg"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            'Ann Lie said the storm had "a lot of wind, a lot of rain. It was hard to see."',
            '"a lot of wind, a lot of rain. It was hard to see."',
        ),
        (
            'Ann Lie said the storm had "a lot of wind. [...] [The pilot] could not see." Then '
            "she left.",
            '"a lot of wind. [...] [The pilot] could not see."',
        ),
        (
            'Nils Ek said that the ferry "will not sail again. We are done." The council met '
            "again in May.",
            '"will not sail again. We are done."',
        ),
    ],
)
def test_a_quoted_fragment_over_two_sentences_stays_in_its_reported_clause(
    text: str, fragment: str
) -> None:
    """ "Lie said the storm had “A. B.”": the reported clause runs to the fragment's closing
    mark, and the fragment is the mixed quote's direct part, with the same speaker."""
    found = quotes(text)
    mixed = [s for s in found if s.quote_type == "mixed"]
    direct = [s for s in found if s.quote_type == "direct"]
    assert len(mixed) == 1 and mixed[0].text.endswith(fragment)
    assert [s.text for s in direct] == [fragment]
    assert direct[0].speaker == mixed[0].speaker == text.split(" said")[0]


def test_a_quotation_opening_its_sentence_still_splits_at_its_sentence_ends() -> None:
    found = quotes('Ann Lie spoke first. "The storm was bad. It was hard to see," she said.')
    assert [s.quote_type for s in found] == ["direct"]
    assert found[0].speaker == "Ann Lie"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            '"The ferry will sail in May," said Hon. Ann Lie, Acting Director of the Port.',
            "Ann Lie",
            None,
        ),
        ("The Hon. Ann Lie said the ferry would sail in May.", "Ann Lie", None),
        ('"The pumps are old," said DWP General Counsel Tom Berg.', "Tom Berg", "Counsel"),
        (
            'Co-author Nils-Ove Berg said, "Our work shows the ice is thin."',
            "Nils-Ove Berg",
            "Co-author",
        ),
    ],
)
def test_an_honorific_with_a_dot_and_more_office_titles_are_not_names(
    text: str, speaker: str, role: str | None
) -> None:
    """ "Hon." is an abbreviation, not the speaker; "Counsel" and "Co-author" are offices
    before a name, kept out of the canonical name."""
    found = quotes(text)
    assert [s.speaker for s in found] == [speaker]
    if role is not None:
        assert role in (found[0].role or "")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            'The ruling comes after Norland Water said it had carried out the "first full audit '
            'of the harbour."',
            "Norland Water",
            'it had carried out the "first full audit of the harbour."',
        ),
        (
            "Prices rose after Ann Lie said the bank would cut its rates.",
            "Ann Lie",
            "the bank would cut its rates",
        ),
    ],
)
def test_a_named_speaker_after_after_reports_a_clause(
    text: str, speaker: str, content: str
) -> None:
    """ "…, after Norland Water said …": a clause of time whose named subject speaks."""
    found = [s for s in quotes(text) if s.quote_type in {"indirect", "mixed"}]
    assert [(s.text, s.speaker) for s in found] == [(content, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "The vote came after Ann Lie concluded, and the board said the dam was safe.",
        "The talks began after he said the dam was unsafe.",
    ],
)
def test_what_after_does_not_report(text: str) -> None:
    """A clause of time that ends at a comma reports nothing; a pronoun after "after" is left
    to the rules that already handle it."""
    found = [s for s in quotes(text) if s.quote_type in {"indirect", "mixed"}]
    assert all(s.text.startswith("the dam") for s in found)


def test_a_quotation_split_at_a_semicolon_is_one_remark() -> None:
    """ "“A;” read the statement; “b.”": the second part, opening lowercase after the cue's
    semicolon, goes on with the first and has its speaker."""
    found = quotes(
        '"Nobody was hurt. We thank the crews;" said Ann Lie; "we will rebuild the pier."'
    )
    assert [s.speaker for s in found] == ["Ann Lie", "Ann Lie"]
    assert found[1].text == '"we will rebuild the pier."'


@pytest.mark.parametrize("first", ["Stéphane", "Tom"])
def test_a_bodys_acronym_before_a_title_is_not_a_first_name(first: str) -> None:
    """ "UN Spokesperson Tom Lie": "UN" is no woman's name "Un", so a later "Mr. Lie" is the
    same man."""
    text = (
        f"The ferry sank on Monday, said UN Spokesperson {first} Dujarric. "
        '"We are shocked," Mr. Dujarric underscored.'
    )
    assert [s.speaker for s in quotes(text)] == [f"{first} Dujarric"] * 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Ann Lie of Norland\'s Vale University told the press, "The ice is thin."', "Ann Lie"),
        (
            'Tom Berg of the UK\'s National Water Agency (NWA) said, "Leaks cannot hide from us."',
            "Tom Berg",
        ),
        ("Ann Lie of the UK's National Water Agency said the pipes leak.", "Ann Lie"),
    ],
)
def test_a_person_of_a_places_body_is_the_person(text: str, speaker: str) -> None:
    """ "Ann Lie of Norland's Vale University said": the place's possessive does not cut the
    subject down to the body."""
    assert [s.speaker for s in quotes(text)] == [speaker]


def test_a_places_body_alone_still_speaks() -> None:
    found = quotes("Norland's Vale University said the ice was thin.")
    assert [s.speaker for s in found] == ["Vale University"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We are glad," Roads Secretary Tom F. Berg, Jr. said.', "Tom F. Berg, Jr."),
        ("Tom Berg, Jr. said the bridge was open.", "Tom Berg, Jr."),
    ],
)
def test_a_name_suffix_after_a_comma_keeps_its_name(text: str, speaker: str) -> None:
    """ "Tom F. Berg, Jr. said": the name as written with its suffix, not "Jr." alone."""
    assert [s.speaker for s in quotes(text)] == [speaker]


def test_who_after_an_appositive_is_the_person_it_describes() -> None:
    """ "Tom Berg, a marine ecologist at NVU, who said “…”": the body ends the appositive, the
    relative pronoun stands for the person."""
    text = (
        "The study was led by Tom Berg, a marine ecologist and professor at NVU, who said "
        '"The reef is dying fast."'
    )
    assert [s.speaker for s in quotes(text)] == ["Tom Berg"]


def test_who_after_a_body_is_still_the_body() -> None:
    found = quotes('The grant went to Norland Vale University, which said "The reef is dying."')
    assert [s.speaker for s in found] == ["Norland Vale University"]


@pytest.mark.parametrize(
    "text",
    [
        "Prices fell because Norland Water said the pumps would stop.",
        "The pier shut while Norland Water said the pumps would stop.",
    ],
)
def test_a_named_speaker_after_a_subordinator_of_cause_or_time(text: str) -> None:
    found = [s for s in quotes(text) if s.quote_type == "indirect"]
    assert [(s.text, s.speaker) for s in found] == [("the pumps would stop", "Norland Water")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Norland space agency NSA lost a probe on Monday. The agency said the probe had "
            "failed.",
            "NSA",
        ),
        (
            "The tool was made by software company Vexor. The company said it expects a release "
            "in May.",
            "Vexor",
        ),
    ],
)
def test_the_noun_that_introduced_a_body_stands_for_it(text: str, speaker: str) -> None:
    """ "software company Vexor … The company said": the noun that introduced a one-word or
    acronym body resolves to it later."""
    assert [s.speaker for s in quotes(text)] == [speaker]


def test_the_noun_alone_stays_a_description() -> None:
    found = quotes("She joined the company in May. The company said it expects a release soon.")
    assert [s.speaker for s in found] == ["The company"]

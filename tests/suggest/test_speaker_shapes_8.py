"""Shapes of who said it, eighth pass (issue 15, "Who said it, on the world's news"):
sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes


def found(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quote type, quotation, speaker) of every quote suggested for the text."""
    return [(s.quote_type, s.text, s.speaker) for s in quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday Obama said the talks would resume.",
        "Wednesday Obama told reporters the talks would resume.",
        "Friday Ann Lie said the talks would resume.",
        "Tonight Ann Lie said the talks would resume.",
    ],
)
def test_time_word_glued_before_a_name_stays_out_of_it(text: str):
    speaker = "Obama" if "Obama" in text else "Ann Lie"
    assert {s.speaker for s in quotes(text)} == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Monday Okpebholo said the talks would resume.", "Monday Okpebholo"),
        ("Sunday Dare said the talks would resume.", "Sunday Dare"),
        ("April Ryan said the talks would resume.", "April Ryan"),
    ],
)
def test_weekday_people_are_named_opens_the_name(text: str, speaker: str):
    assert {s.speaker for s in quotes(text)} == {speaker}


def test_quoted_fragment_after_called_is_mixed_and_direct():
    text = "The union called the plan “a betrayal of workers”."
    assert {(kind, speaker) for kind, _, speaker in found(text)} == {
        ("mixed", "The union"),
        ("direct", "The union"),
    }
    direct = [quote for kind, quote, _ in found(text) if kind == "direct"]
    assert direct == ["“a betrayal of workers”"]


@pytest.mark.parametrize(
    "opening", ["On Monday, ", "Later, ", "Earlier this week, ", "In Nairobi, "]
)
def test_opening_time_or_place_stays_out_of_a_direct_quote(opening: str):
    # the writer's when and where, not the speaker's words
    text = f"{opening}“We will strike,” the union said."
    (quote,) = quotes(text)
    assert (quote.quote_type, quote.text, quote.speaker) == (
        "direct",
        "“We will strike,”",
        "the union",
    )
    assert quote.cue is not None and quote.cue["text"] == "said"


def test_opening_that_is_part_of_the_remark_frames_it():
    # a phrase that is no time or place is still the start of a mixed quote
    text = "Unlike the old plan, “this one pays,” the union said."
    assert [kind for kind, _, _ in found(text)] == ["mixed"]


@pytest.mark.parametrize("opening", ["In this election, ", "In past campaigns, "])
def test_opening_of_what_is_said_frames_the_quotation(opening: str):
    # no time or place: the speaker's framing, a mixed quote from the start of the sentence
    text = f"{opening}“we will strike,” the union said."
    assert [(kind, quote[:3]) for kind, quote, _ in found(text)] == [("mixed", opening[:3])]


@pytest.mark.parametrize(
    "text",
    [
        "After the vote, which took three hours, failed, the union said it would strike.",
        "When the vote, which Tom Berg called, failed, the union said it would strike.",
    ],
)
def test_opening_clause_with_a_comma_inside_is_not_what_was_said(text: str):
    assert [(q, s) for _, q, s in found(text)] == [("it would strike", "the union")]


@pytest.mark.parametrize(
    "text",
    [
        # a main clause before the cue is what was said
        "After the vote, the talks, which took three hours, failed, the union said.",
        "When the vote failed, we will strike, the union said.",
    ],
)
def test_opening_clause_with_commas_and_a_main_clause_is_what_was_said(text: str):
    assert [s for _, _, s in found(text)] == ["the union"]
    assert found(text)[0][1].startswith(text[:4])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Acme Corp. reported a loss on Monday. The company said sales fell 10 percent.",
            "Acme Corp.",
        ),
        (
            "The Norland Dockers Union met on Monday. The union said it would strike.",
            "Norland Dockers Union",
        ),
        (
            "Norland's Ministry of Health opened a clinic. The ministry said it would open two more.",
            "Ministry of Health",
        ),
    ],
)
def test_description_of_a_body_named_before_is_that_body(text: str, speaker: str):
    (quote,) = quotes(text)
    assert (quote.speaker, quote.speaker_kind, quote.speaker_resolved) == (
        speaker,
        "organisation",
        True,
    )
    # the mention is still the description
    assert text[quote.speaker_start : quote.speaker_end].lower().startswith("the ")


@pytest.mark.parametrize(
    "text",
    [
        # no body of that kind named
        "Ann Lie spoke on Monday. The company said sales fell 10 percent.",
        # a body of another kind
        "The Norland Dockers Union met on Monday. The company said sales fell 10 percent.",
    ],
)
def test_description_of_a_body_nothing_names_stays_unresolved(text: str):
    (quote,) = quotes(text)
    assert quote.speaker_resolved is False
    assert quote.speaker.lower() in {"company", "the company"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Norland Steel Ltd cut 300 jobs. The firm said demand had fallen.", "Norland Steel Ltd"),
        (
            "Acme Corp. bought Norland Steel Inc. on Monday. The company said the deal was done.",
            "Norland Steel Inc.",
        ),
    ],
)
def test_company_named_before_is_the_company_or_firm(text: str, speaker: str):
    # the nearest company named before
    assert [s.speaker for s in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. reported a loss. Her company said sales fell 10 percent.",
        "Acme Corp. reported a loss. Sales fell 10 percent, according to company leaders.",
    ],
)
def test_company_of_someone_is_not_the_company_named_before(text: str):
    assert all(s.speaker != "Acme Corp." for s in quotes(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Norland Dockers Association (NDA) met on Monday. The NDA said it would strike.",
            "Norland Dockers Association",
        ),
        (
            "Talks with the Federal Maritime Service (FMB) stalled. “We will not sign,” the FMB "
            "said.",
            "Federal Maritime Service",
        ),
        (
            "The Food and Agriculture Organization (FAO) met on Monday. The FAO said food prices had risen.",
            "Food and Agriculture Organization",
        ),
    ],
)
def test_acronym_the_article_spells_out_is_the_full_name(text: str, speaker: str):
    assert {s.speaker for s in quotes(text)} == {speaker}


@pytest.mark.parametrize(
    "text",
    [
        # not spelled out anywhere: the acronym stays
        "The NDA met on Monday. The NDA said it would strike.",
        # another acronym spelled out
        "The Norland Dockers Association (NDA) met on Monday. The FMB said it would strike.",
    ],
)
def test_acronym_the_article_does_not_spell_out_stays(text: str):
    assert {s.speaker for s in quotes(text)} <= {"NDA", "FMB"}


def test_acronym_spelled_out_with_small_words_is_the_whole_name():
    text = (
        "The march was called by the Alliance to Reclaim Our Schools (AROS). AROS said turnout "
        "had doubled."
    )
    assert {s.speaker for s in quotes(text)} == {"Alliance to Reclaim Our Schools"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Acme Corp., in a statement on Monday, announced job cuts. The statement said 300 "
            "jobs would go.",
            "Acme Corp.",
        ),
        (
            "Late on Sunday, Senator Ann Lie, in a statement sent by her office, announced her "
            "retirement. The statement also said she would serve out her term.",
            "Ann Lie",
        ),
    ],
)
def test_statement_someone_made_earlier_is_their_word(text: str, speaker: str):
    # "X, in a statement, announced …": a later "the statement said" is X's
    assert {s.speaker for s in quotes(text)} == {speaker}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "A spokesman for the ministry, Tom Berg, said the plan would fail.",
            "A spokesman for the ministry",
        ),
        ("The head of the union, Tom Berg, said the plan would fail.", "The head of the union"),
        ("One of her aides, Tom Berg, said the plan would fail.", "One of her aides"),
        (
            "The leader of the opposition, Tom Berg, said the plan would fail.",
            "The leader of the opposition",
        ),
    ],
)
def test_role_with_of_or_for_before_the_name_is_the_role(text: str, role: str):
    # "A spokesman for the ministry" is who Tom Berg is, not what he said
    assert [(q, s) for _, q, s in found(text)] == [("the plan would fail", "Tom Berg")]
    assert quotes(text)[0].role == role


@pytest.mark.parametrize(
    "text",
    [
        "A rival union, the Norland Dockers Union, said it would strike.",
        "One of the unions, the Norland Dockers Union, said it would strike.",
        "The biggest of the unions, Norland Dockers Union, said it would strike.",
    ],
)
def test_body_named_after_a_description_of_it_is_the_speaker(text: str):
    assert [(q, s) for _, q, s in found(text)] == [("it would strike", "Norland Dockers Union")]

"""Shapes of quotes found and who said them, twelfth rule pass (issue 15, h-finder19, the fifth
and sixth holdouts' missed quotes): sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, reported


def _direct(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in quotes(text) if s.quote_type == "direct"]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            'Senator Ann Lie called the mayor\'s new harbour plan "reckless" and walked out.',
            '"reckless"',
            "Ann Lie",
        ),
        (
            "Tom Berg highlighted the “devastating” cost of the floods in the valley.",
            "“devastating”",
            "Tom Berg",
        ),
        (
            "The Norland Red Cross thanked “the volunteers and firefighters for their tireless "
            "work”.",
            "“the volunteers and firefighters for their tireless work”",
            "Norland Red Cross",
        ),
        (
            "Ann Lie reached the town on Monday. She praised the “remarkable courage” of the "
            "rescuers.",
            "“remarkable courage”",
            "Ann Lie",
        ),
        (
            "Norland rejected what it called repeated attempts to “stir up” fear in the region.",
            "“stir up”",
            "Norland",
        ),
    ],
)
def test_quoted_words_of_a_speaking_subject(text: str, fragment: str, speaker: str) -> None:
    """ "X called the plan “reckless”", "X highlighted the “devastating” cost", "X thanked
    “…”": quoted words after a verb of speaking, describing or judging whose subject is a
    person or a body are that subject's words, offered as a direct quote."""
    assert (fragment, speaker) in _direct(text)


@pytest.mark.parametrize(
    "text",
    [
        # No speaker subject: the writer's quotation marks.
        "The “reform” highlighted the gap between the two towns.",
        "The so-called “green deal” was praised by few.",
        # A title of a work after the verb.
        "Ann Lie praised the film “The Long Pier” at the festival.",
        # A verb that is not one of saying or judging.
        "Tom Berg opened the “new” bridge on Friday.",
        # A label after a form of "be": a term for what something is.
        "Ann Lie lauded the crews for being the “first line” of defence.",
        # A passive of naming: a term, not anyone's words.
        "The valley was called the “breadbasket” of Norland.",
    ],
)
def test_scare_quotes_and_titles_stay_out(text: str) -> None:
    """Quoted words with no speaking subject, after "so-called", or naming a work are not
    offered as anyone's quote."""
    assert _direct(text) == []


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "The guards fired at around noon in what the police declared a “hostile” act.",
            "“hostile”",
            "police",
        ),
        (
            "Warm water rises above cold water, creating what the researchers describe as a "
            '"hidden lake" under the ice.',
            '"hidden lake"',
            "researchers",
        ),
        (
            'Tom Berg, who was described as "tireless" by the Norland Herald, retired in May.',
            '"tireless"',
            "Norland Herald",
        ),
        (
            'Ann Lie has been described by the Norland Herald as a "bridge builder" for her work.',
            '"bridge builder"',
            "Norland Herald",
        ),
    ],
)
def test_quoted_words_after_what_or_a_passive_with_an_agent(
    text: str, fragment: str, speaker: str
) -> None:
    """ "what the coastguard declared a “hostile” act", "what the researchers describe as a
    “…”", "was described as “…” by X", "described by X as a “…”": the quoted words are those
    of the subject after "what", or of the agent of the passive."""
    found = _direct(text)
    assert any(f == fragment and s is not None and speaker in s for f, s in found), found


def test_a_passive_of_naming_without_an_agent_stays_out() -> None:
    """ "was described as a “…”" with no agent names no speaker."""
    assert _direct('The new pier was described as a "marvel" at the opening.') == []


def test_a_time_before_a_quotation_ends_its_sentence() -> None:
    """ "… at about 9:30 p.m. “No one …”": "p.m." ends the sentence when a quotation opens
    after it, so the quotation is not read as the reported clause's tail."""
    text = (
        "A spokesman told the Norland Herald the fire started at about 9:30 p.m. "
        '"No one on board was hurt. We thank the crews for their help," read the statement.'
    )
    found = _direct(text)
    assert [f for f, _ in found] == [
        '"No one on board was hurt. We thank the crews for their help,"'
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“We will fix every road by May,” said Office of Roads & Bridges Director Tom Berg.",
        "“We will fix every road by May,” said Norland Roads & Bridges Administrator Tom Berg, MD.",
    ],
)
def test_an_ampersand_inside_an_office_title(text: str) -> None:
    """ "said Office of Roads & Bridges Director Tom Berg": "&" joins the body's name in the
    title, so the speaker is the person after it, not the body's first half."""
    assert [s for _, s in _direct(text)] == ["Tom Berg"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lie spoke on Monday. She expressed concern that without new pumps many towns "
            "will be “left dry” by July.",
            "without new pumps many towns will be “left dry” by July",
        ),
        ("Tom Berg voiced hope that the bridge would open in May.", "the bridge would open"),
    ],
)
def test_a_noun_of_stance_after_a_verb_of_expressing(text: str, content: str) -> None:
    """ "She expressed concern that …", "X voiced hope that …": the clause is reported speech
    of the subject."""
    found = reported(text)
    assert any(content in t and s in {"Ann Lie", "Tom Berg"} for t, s in found), found

"""Shapes of reported speech found, seventeenth rule pass (issue 15, h-finder24, the missed
quotes of devset and holdout to holdout8, general shapes only): sentences written for these
tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, reported


def _found(text: str, content: str, speaker: str) -> bool:
    """Whether a reported clause covering `content` is offered with `speaker`."""
    return any(
        content in t and s is not None and s.lower() == speaker.lower() for t, s in reported(text)
    )


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The minister highlighted that the harbour had reopened after the storm.",
            "the harbour had reopened after the storm",
            "The minister",
        ),
        (
            "He highlighted that the fleet caught a record amount of fish this year.",
            "the fleet caught a record amount of fish this year",
            "He",
        ),
        (
            "The food agency alerted that two million people risk going hungry by March.",
            "two million people risk going hungry by March",
            "The food agency",
        ),
        (
            "The district office shared that the workers were from three villages.",
            "the workers were from three villages",
            "The district office",
        ),
        (
            "She shared that she was nervous before the final race.",
            "she was nervous before the final race",
            "She",
        ),
        (
            "The authors proposed that the wings moved when the animal ran.",
            "the wings moved when the animal ran",
            "The authors",
        ),
    ],
)
def test_verbs_of_press_releases_before_that(text: str, content: str, speaker: str) -> None:
    """ "highlighted that", "alerted that", "shared that", "proposed that": verbs of press
    releases and UN news that report a clause after "that" ("requested that" was taken out
    again: its one find on the sets got a speaker the gold does not agree with)."""
    assert _found(text, content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The minister highlighted the need for more ports in the south.",
        "She shared a photo of the new ferry on Monday.",
        "The delegation requested a meeting with the mayor next week.",
        "The hotel alerted the police to the theft of two cars.",
        "The plan that the council proposed last year was rejected.",
        "The two towns share a long border along the river.",
    ],
)
def test_those_verbs_with_an_object_report_nothing(text: str) -> None:
    """The same verbs with a noun phrase after them ("highlighted the need", "shared a photo")
    report no speech."""
    assert reported(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Experts are now warning that robots might replace many teachers.",
            "robots might replace many teachers",
            "Experts",
        ),
        (
            "Officials have long warned that the old dam presents a risk.",
            "the old dam presents a risk",
            "Officials",
        ),
        (
            "Aid workers also note that the evacuations began on Monday.",
            "the evacuations began on Monday",
            "Aid workers",
        ),
        (
            "Health workers note that the clinics are short of staff.",
            "the clinics are short of staff",
            "Health workers",
        ),
        (
            "The researchers estimate that the bird had a top speed of 20 mph.",
            "the bird had a top speed of 20 mph",
            "The researchers",
        ),
    ],
)
def test_an_adverb_or_a_plural_before_the_verb(text: str, content: str, speaker: str) -> None:
    """ "are now warning", "have long warned": an adverb between subject and verb; "Aid workers
    (also) note that", "The researchers estimate that": a present verb after a plural noun,
    before "that", is the verb and not a noun."""
    assert _found(text, content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The budget estimate that the council approved was far too low.",
        "Their two estimates that the board saw were far apart.",
        "From now on, the ferry will sail twice a day.",
    ],
)
def test_nouns_before_that_stay_nouns(text: str) -> None:
    """A noun before a relative "that" ("The budget estimate that …") reports nothing."""
    assert reported(text) == []


def test_a_direct_quote_after_highlighted() -> None:
    """ "“…,” the minister highlighted.": found before this pass, kept."""
    found = quotes("“We are ready for the season,” the minister highlighted.")
    assert [(q.quote_type, q.speaker) for q in found] == [("direct", "the minister")]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Past outbreaks killed about half of those infected according to WHO's statistics.",
            "Past outbreaks killed about half of those infected",
            "WHO",
        ),
        (
            "The ship suffered two large holes in the storm according to a port spokesperson.",
            "The ship suffered two large holes in the storm",
            "a port spokesperson",
        ),
        (
            "The ferry was carrying 40 people when it sank (according to the BBC).",
            "The ferry was carrying 40 people when it sank",
            "BBC",
        ),
        (
            "As per the police, two people also died in the crash.",
            "two people also died in the crash",
            "police",
        ),
    ],
)
def test_according_to_and_as_per(text: str, content: str, speaker: str) -> None:
    """ "Content according to a port spokesperson." and "… according to WHO's statistics"
    with no comma before the source; "Content (according to the BBC)."; "As per X, content."."""
    assert _found(text, content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "As per usual, the ferry left late on Monday morning.",
        "The ferry (according to the BBC) was carrying 40 people.",
        "The ship was sold to a firm according to the spokesman for the buyers.",
    ],
)
def test_according_to_shapes_left_out(text: str) -> None:
    """ "As per usual" names no source; a bracketed source inside the clause, and a source
    followed by more words, are left to the other readings (none of them reports here)."""
    assert reported(text) == []

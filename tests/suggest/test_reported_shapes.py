"""Reported speech the cue finder used to miss or mis-cut, and phrases it read as clauses
(issue 15, found-all): one sentence written for each shape, with invented names."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import reported

# (shape, sentence, the reported words, the speaker): offered, exactly so.
FOUND = [
    (
        "web-address-source",
        "Tidewater.com reported some sellers were offering free ferry tickets.",
        "some sellers were offering free ferry tickets",
        "Tidewater.com",
    ),
    (
        "web-address-with-appositive",
        "Tidewater.com, a local news site, reported the pier had closed.",
        "the pier had closed",
        "Tidewater.com",
    ),
    (
        "report-as-a-noun-before-the-speaker",
        "In a Tidewater.com report, Dr Ann Lie, a retail expert, said the stores fill the shelves.",
        "the stores fill the shelves",
        "Ann Lie",
    ),
    (
        "time-after-the-verb",
        "The harbour board said on Monday the pier would close.",
        "the pier would close",
        "harbour board",
    ),
    (
        "last-weekday-after-the-verb",
        "Ferry maker Norland Boats said on last Wednesday they'd run out of parts.",
        "they'd run out of parts",
        "Norland Boats",
    ),
    (
        "possessive-noun-cue",
        "The ministry rejected Ann Lie's assertion that the harbour is safe.",
        "the harbour is safe",
        "Ann Lie",
    ),
    (
        "according-to-which",
        "Norland and Ostia signed a treaty, according to which the strait would be shared.",
        "the strait would be shared",
        "Norland and Ostia",
    ),
    (
        "object-then-a-new-subject",
        "Residents told the press the officers claimed to be seeking a bomb.",
        "the officers claimed to be seeking a bomb",
        "Residents",
    ),
    (
        "content-before-object-and-participle",
        "The pier will close in May, officials told state media, adding that it was unsafe.",
        "The pier will close in May",
        "officials",
    ),
]


# Shapes not handled yet: they must fail until they are.
PENDING = {}


def _params(cases: list[tuple[str, ...]]) -> list:
    pending = pytest.mark.xfail(strict=True, reason="shape not handled yet")
    return [pytest.param(*c[1:], id=c[0], marks=pending if c[0] in PENDING else ()) for c in cases]


@pytest.mark.parametrize(("text", "words", "speaker"), _params(FOUND))
def test_reported_speech_is_found_with_its_speaker(text: str, words: str, speaker: str) -> None:
    found = reported(text)
    assert any(w == words for w, _ in found), found
    said = next(s for w, s in found if w == words)
    assert said is not None and said.removeprefix("The ").removeprefix("the ") == speaker


def test_a_nested_report_is_offered_with_the_outer_one() -> None:
    text = "Tidewater.com reported its source said that the tenant moved in the day before."
    found = reported(text)
    assert ("its source said that the tenant moved in the day before", "Tidewater.com") in found
    assert ("the tenant moved in the day before", "its source") in found


def test_a_coordinated_second_report_stays_in_the_content() -> None:
    # "stressed that A and insist on B": the second verb shares the subject of the reported
    # clause, so the report runs to the end of the sentence.
    text = "Ann Lie stressed that the port will hold talks and insist on new rules for ferries."
    assert (
        "the port will hold talks and insist on new rules for ferries",
        "Ann Lie",
    ) in reported(text)


# (shape, sentence): no reported speech offered.
NOT_FOUND = [
    (
        "relative-clause-without-that",
        "Ann Lie noted several experiments port engineers have conducted on the pier.",
    ),
    (
        "relative-clause-after-an-adjective",
        "Ann Lie noted several related experiments port engineers have conducted on the pier.",
    ),
    ("negated-question", "The agency did not mention if there were casualties."),
    ("negated-whether", "The harbour board would not say whether the pier was closed."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_no_reported_speech_is_offered(text: str) -> None:
    assert reported(text) == []


def test_a_reported_clause_with_a_relative_clause_is_still_offered() -> None:
    text = "Ann Lie noted the experiments engineers conduct on the pier have failed."
    assert reported(text)

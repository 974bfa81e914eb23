"""Speakers a journalist reads off the narration around a quotation with no cue of its own
(issue 15): sentences written for these tests, names invented."""

from __future__ import annotations

from workbench.suggest.finder import suggest


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker) of every direct quote suggested for the text."""
    return [(s.text, s.speaker) for s in suggest(text, claims=0) if s.quote_type == "direct"]


def test_quote_after_a_sentence_naming_another_subject_is_that_persons():
    text = (
        "“We will rebuild the pier,” Ann Lie said on Monday.\n\n"
        "Tom Berg shook his head.\n\n"
        "“Nobody asked the fishermen about the pier.”"
    )
    assert speakers(text)[-1] == ("“Nobody asked the fishermen about the pier.”", "Tom Berg")


def test_quote_after_its_subjects_own_sentence_in_the_paragraph():
    text = (
        "“The plan is sound,” said Tom Berg, the mayor.\n\n"
        "Ann Lie distanced herself from the council by saying she would vote against it. "
        "“I will not support a plan nobody has costed.”"
    )
    assert speakers(text)[-1][1] == "Ann Lie"


def test_quote_after_a_sentence_with_no_named_subject_carries_the_speaker_on():
    text = (
        "“We will rebuild the pier,” Ann Lie said on Monday.\n\n"
        "The crowd cheered.\n\n"
        "“Nobody in this town will be left behind when the water rises.”"
    )
    assert speakers(text)[-1] == (
        "“Nobody in this town will be left behind when the water rises.”",
        "Ann Lie",
    )

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


def test_remark_parted_where_a_sentence_between_has_another_named_subject():
    text = (
        "“We will rebuild the pier this year,” Ann Lie said on Monday. Tom Berg disagreed. "
        "“Nobody asked the fishermen about it.”"
    )
    assert speakers(text) == [
        ("“We will rebuild the pier this year,”", "Ann Lie"),
        ("“Nobody asked the fishermen about it.”", "Tom Berg"),
    ]


def test_remark_stays_whole_when_the_sentence_between_names_its_speaker_again():
    text = (
        "“We will rebuild the pier this year,” Ann Lie said on Monday. Lie paused. "
        "“Nobody will be left behind.”"
    )
    assert [speaker for _, speaker in speakers(text)] == ["Ann Lie", "Ann Lie"]


def test_remark_stays_whole_when_a_title_is_no_sentence_end():
    # "Mr." ends no sentence, and a name inside a relative clause is no new subject.
    text = (
        "“The fares went up again,” said Ann Lie, a nurse in Dayton who voted for Mr. Berg in "
        "2012 but Tom Weld in 2016. “It has done nothing but make the ferry dearer for us.”"
    )
    assert [speaker for _, speaker in speakers(text)] == ["Ann Lie", "Ann Lie"]


def test_company_abbreviation_ends_no_sentence_before_the_verb():
    for text in (
        "In a statement, Acme Corp. said: “We regret the error and will refund everyone.”",
        "“We regret the error and will refund everyone,” Acme Inc. said in a statement.",
    ):
        (found,) = [s for s in suggest(text, claims=0) if s.kind == "quote"]
        assert found.speaker is not None and found.speaker.startswith("Acme"), text


def test_a_code_opening_the_sentence_is_no_speaker():
    text = (
        "“We will test every colony this summer,” said Ann Lie, the minister.\n\n"
        "HPAI H5N1 has not yet reached the islands. “The field tests give results in an hour.”"
    )
    assert speakers(text)[-1][1] == "Ann Lie"

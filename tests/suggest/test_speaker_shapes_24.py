"""Speakers of the quotes found in the seventeenth rule pass (issue 15, h-finder24): shapes
where a newly found quote got a wrong speaker. Sentences written for these tests, names
invented."""

from __future__ import annotations

from tests.suggest.shapes import quotes, speaker_of


def test_he_is_not_an_office_title_without_a_name() -> None:
    """ "Dr. Ann Lie , Secretary, Department of X, …. He noted that …": "he" is Ann Lie, not
    the bare title "Secretary" (spelled "Joint Secretary" further on, before another name)."""
    text = (
        "Dr. Tomas Verrin , Secretary, Department of Harbours, chaired a meeting in Lunport "
        "on Monday. He noted that the new quay has doubled the catch landed in the town.\n\n"
        "Dr. Elsa Marrow, Joint Secretary (Inland Harbours), stated that the quays are being "
        "built as growth engines for the coast."
    )
    assert speaker_of(text, "the new quay has doubled") == "Tomas Verrin"


def test_a_number_opening_a_media_name_stays_in_it() -> None:
    """ "As per information received from 9 Khabar Lanka, …": the number is part of the name
    of the outlet (a count is followed by a lowercase noun: "from 24 villages")."""
    text = (
        "Rescuers worked through the night at the quarry.\n\n"
        "As per information received from 9 Khabar Lanka, four workers from the hills also "
        "died in the collapse."
    )
    assert speaker_of(text, "four workers from the hills") == "9 Khabar Lanka"


def test_a_spokesperson_of_a_body_named_only_later_stays_a_description() -> None:
    """ "… according to a hospital spokesperson." with "the Hallen Road Hospital" named only
    further on: nothing ties that spokesperson to that hospital (the patient may have been moved
    there), so the speaker is the description."""
    text = (
        "The mayor was injured on Sunday.\n\n"
        'She had "three broken ribs" after the fall according to a hospital spokesperson. '
        "Reporters said she was taken to a hospital in the capital.\n\n"
        "Her husband later visited her at the Hallen Road Hospital."
    )
    speaker = speaker_of(text, "three broken ribs")
    assert speaker is not None and "Hallen" not in speaker


def test_a_bracketed_source_is_not_carried_to_a_later_quotation() -> None:
    """ "… fined 300 dollars (according to Radio Norland).", then a supporters' group and,
    two paragraphs on, a quotation with no cue: the bracketed source does not speak it."""
    text = (
        "Two sailors have been fined 300 dollars for fishing in the bay (according to Radio "
        "Norland). Friends gathered outside the court.\n\n"
        "A group for the sailors already has many members, and more join every day.\n\n"
        "“Please stay calm. Anger will not help them, and we will get through this together.”"
    )
    found = [s for s in quotes(text) if s.quote_type == "direct" and "stay calm" in s.text]
    assert found and found[0].speaker != "Radio Norland"


def test_the_district_body_is_the_named_place_s_body() -> None:
    """ "the district administration" in an article that names "the North Varra district" and
    "North Varra administration": that administration."""
    text = (
        "A landslide buried a road in the North Varra district on Monday. The district "
        "administration shared that the injured workers were from three villages.\n\n"
        "On Tuesday, North Varra administration closed the road to traffic."
    )
    assert speaker_of(text, "the injured workers") == "North Varra administration"

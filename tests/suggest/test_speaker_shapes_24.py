"""Speakers of the quotes found in the seventeenth rule pass (issue 15, h-finder24): shapes
where a newly found quote got a wrong speaker. Sentences written for these tests, names
invented."""

from __future__ import annotations

from tests.suggest.shapes import reported


def _speaker_of(text: str, content: str) -> str | None:
    found = [s for t, s in reported(text) if content in t]
    assert found, f"no reported clause covers {content!r}: {reported(text)}"
    return found[0]


def test_he_is_not_an_office_title_without_a_name() -> None:
    """ "Dr. Ann Lie , Secretary, Department of X, …. He noted that …": "he" is Ann Lie, not
    the bare title "Secretary" (spelled "Joint Secretary" further on, before another name)."""
    text = (
        "Dr. Tomas Verrin , Secretary, Department of Harbours, chaired a meeting in Lunport "
        "on Monday. He noted that the new quay has doubled the catch landed in the town.\n\n"
        "Dr. Elsa Marrow, Joint Secretary (Inland Harbours), stated that the quays are being "
        "built as growth engines for the coast."
    )
    assert _speaker_of(text, "the new quay has doubled") == "Tomas Verrin"


def test_a_number_opening_a_media_name_stays_in_it() -> None:
    """ "As per information received from 9 Khabar Lanka, …": the number is part of the name
    of the outlet (a count is followed by a lowercase noun: "from 24 villages")."""
    text = (
        "Rescuers worked through the night at the quarry.\n\n"
        "As per information received from 9 Khabar Lanka, four workers from the hills also "
        "died in the collapse."
    )
    assert _speaker_of(text, "four workers from the hills") == "9 Khabar Lanka"

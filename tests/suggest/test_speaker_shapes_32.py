"""An appositive before an aside of speaking (issue 15): "Ann Lie, a nurse, speaking from her
home, said" and "Sen. Ann Lie, R-Ohio, appearing on Fox News, said" name Ann Lie with the
appositive as her role, not "a nurse", nothing, or a role that runs on into the aside.
Sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quote_holding


def _attribution(text: str, words: str) -> tuple[str | None, str | None]:
    found = quote_holding(text, words)
    return found.speaker, found.role


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        (
            "Sen. Ann Lie, R-Ohio, appearing on Fox News, said the bill would pass.",
            "the bill would pass",
            "Ann Lie",
            "R-Ohio",
        ),
        (
            "Rep. Bo Berg, D-Calif., speaking to reporters, said the bill would pass.",
            "the bill would pass",
            "Bo Berg",
            "D-Calif.",
        ),
        (
            "Sen. Ann Lie, R-Ohio, however, said the bill would pass.",
            "the bill would pass",
            "Ann Lie",
            "R-Ohio",
        ),
        (
            "Ann Lie, a nurse, speaking from her home, said the water had risen overnight.",
            "the water had risen",
            "Ann Lie",
            "a nurse",
        ),
        (
            "Bo Berg, the head of the Norland Dockers Union, in a statement on Monday, said "
            "the strike would go on.",
            "the strike would go on",
            "Bo Berg",
            "the head of the Norland Dockers Union",
        ),
    ],
)
def test_an_appositive_before_an_aside_is_the_named_speakers_role(text, words, speaker, role):
    assert _attribution(text, words) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # No appositive before the aside: what ends before it speaks, as before.
        (
            "The president, speaking at a rally in Lagos, said the vote would be free.",
            "vote",
            "The president",
        ),
        (
            "The minister, in a statement on Monday, said the talks had failed.",
            "talks",
            "The minister",
        ),
        ("Local officials, however, said the road was closed.", "road", "Local officials"),
        (
            "Ann Lie, 54, speaking from her home, said the water had risen overnight.",
            "water",
            "Ann Lie",
        ),
        # A body and its place, then the aside: the body, not the place.
        (
            "The Norland Party in Ostia, in its statement, said the count was fair.",
            "the count was fair",
            "Norland Party",
        ),
    ],
)
def test_with_no_appositive_before_the_aside_the_subject_speaks(text, words, speaker):
    assert _attribution(text, words)[0] == speaker

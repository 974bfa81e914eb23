"""Speakers of the quotes the eighteenth and nineteenth passes found together (issue 15): "the
latter" and "the former" name one of the pair just before, and a time word between "with X"
and its participle of saying is not the source's. Sentences written for these tests, names
invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Inquiries were opened by the Norland Aviation Authority and the Ostia Safety Board, "
            "with the latter yesterday confirming on Twitter they were “not sending staff to "
            "the site at this time.”",
            "not sending staff",
            "Ostia Safety Board",
        ),
        (
            "Inquiries were opened by the Norland Aviation Authority and the Ostia Safety Board, "
            "with the former saying the pilots had been cleared.",
            "the pilots had been cleared",
            "Norland Aviation Authority",
        ),
        (
            "The mayor Ann Lie and the fire chief Bo Berg spoke on Monday, with the former "
            "saying that the road would reopen.",
            "the road would reopen",
            "Ann Lie",
        ),
        (
            "Ann Lie and Bo Berg met in Oslo on Friday. The latter said the talks went well.",
            "the talks went well",
            "Bo Berg",
        ),
    ],
)
def test_the_latter_or_the_former_is_one_of_the_pair_named_before(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # No pair joined by "and" before: the description stays.
        ("Ann Lie met Bo Berg in Oslo. The latter said the talks went well.", "talks", "latter"),
        # "the former president" is a role, not one of a pair.
        (
            "Ann Lie and Bo Berg met in Oslo. The former president said the talks went well.",
            "talks",
            "former president",
        ),
    ],
)
def test_a_latter_with_no_pair_or_a_former_office_stays_a_description(text, words, speaker):
    assert (speaker_of(text, words) or "").lower().removeprefix("the ") == speaker


def test_a_time_word_before_the_participle_is_not_the_source():
    text = "The dam held, with the ministry today saying the water had begun to fall."
    assert speaker_of(text, "the water had begun") == "the ministry"


# A country's or a body's name before a group ("Ukrainian officials", "Israeli military
# officials") describes the group, after the verb as before it; "state" before "media" is whose
# media, not a verb; a relative clause's bare subject may have a modifier ("which senior
# officials said", "which state media said").
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The bridge was hit overnight, according to Norlandic officials.",
            "bridge",
            "Norlandic officials",
        ),
        (
            "According to Ostian officials, the bridge was hit overnight.",
            "bridge",
            "Ostian officials",
        ),
        (
            "The strike hit a depot, said Norlandic military officials.",
            "depot",
            "Norlandic military officials",
        ),
        ("Chinese state media reported that the talks had ended.", "talks", "Chinese state media"),
        (
            "North Korean state media said the missile flew 600 km.",
            "missile",
            "North Korean state media",
        ),
        ("Media reports said the talks had ended.", "talks", "Media reports"),
        (
            "The plan, which senior officials said would pass, failed.",
            "would pass",
            "senior officials",
        ),
        (
            "Fires hit the plant, which state media said were under control.",
            "under control",
            "state media",
        ),
        # guards: a name alone, a person with a role after, a verb "state", a "with" subject
        ("The bridge was hit, according to Norland.", "bridge", "Norland"),
        ("The talks ended, said Ann Lie, an expert.", "talks", "Ann Lie"),
        ("Officials state that the talks had ended.", "talks", "Officials"),
        (
            "No one was hurt, with local media reporting the houses were empty.",
            "houses",
            "local media",
        ),
    ],
)
def test_a_group_a_name_describes_is_the_speaker(text, words, speaker):
    assert speaker_of(text, words) == speaker


def test_a_quote_does_not_open_at_state_media():
    found = [s.text for s in quotes("Chinese state media reported that the talks had ended.")]
    assert found == ["the talks had ended"]


def test_a_verb_after_which_is_no_modifier_of_its_subject():
    text = "They sent emails, which included staff members suggesting someone should resign."
    assert "included staff members" not in [s.speaker for s in quotes(text)]


# Where or how the speaker spoke, between commas, is no appositive: the speaker is before it
# ("The president, speaking at a rally in Lagos, said"); a narrator's comment closing the
# sentence ("…, a claim that could not be independently verified.") is not what was said.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The president, speaking at a rally in Lagos, said the vote would be free.",
            "vote",
            "The president",
        ),
        (
            "The minister, speaking to reporters, said the plan would go ahead.",
            "plan",
            "The minister",
        ),
        (
            "The ministry, in a statement on Monday, said two drones were downed.",
            "drones",
            "The ministry",
        ),
        (
            "An official, speaking on condition of anonymity, said the talks had stalled.",
            "talks",
            "An official",
        ),
        ("Ann Lie, speaking at a rally in Oslo, said the vote would be free.", "vote", "Ann Lie"),
        ("Local officials, however, said the road was closed.", "road", "Local officials"),
    ],
)
def test_the_occasion_of_speaking_is_no_appositive(text, words, speaker):
    assert speaker_of(text, words) == speaker


def test_speaking_at_a_rally_is_no_role():
    text = "Ann Lie, speaking at a rally in Oslo, said the vote would be free."
    assert [s.role for s in quotes(text)] == [None]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The army said it had killed 12 fighters, a claim that could not be verified.",
            "it had killed 12 fighters",
        ),
        (
            "The army said it had killed 12 fighters, which could not be independently verified.",
            "it had killed 12 fighters",
        ),
        ("The ministry said 40 people died, a toll which rose overnight.", "40 people died"),
        # guards: a claim inside what was said, and an apposition mid-sentence
        (
            "Ann Lie said the figure was a claim that nobody believed.",
            "the figure was a claim that nobody believed",
        ),
        (
            "He said the deal, a claim that Ann made, was fair.",
            "the deal, a claim that Ann made, was fair",
        ),
    ],
)
def test_a_narrators_comment_closing_the_sentence_is_not_reported(text, said):
    assert [s.text for s in quotes(text)] == [said]

"""Speaker names a registry can keep (issue 15, part 1): one sentence (at least) per shape that
failed on the development set, each written here, none copied from an article.

Each row is (shape, text, quote, speaker, role): the suggestion covering `quote` must name
`speaker` (and, where given, the role `role`).
"""

from __future__ import annotations

import pytest

from tests.suggest.test_resolve_rules import _covering
from workbench.suggest.finder.engine import suggest


def case(shape: str, text: str, quote: str, speaker: str, role: str | None = None, marks=()):
    return pytest.param(text, quote, speaker, role, id=shape, marks=marks)


CASES = [
    case(
        "bare-title-of-a-named-person",
        "Roads Mantri Shri Tor Vikan opened the new bridge on Friday.\n\n"
        "Roads Mantri added that the toll would be lifted next year.",
        "the toll would be lifted next year",
        "Tor Vikan",
    ),
    case(
        "bare-title-before-the-name",
        "Port Commissioner said that the harbour would reopen on Monday.\n\n"
        "Port Commissioner Ann Lie has run the harbour since 2019.",
        "the harbour would reopen on Monday",
        "Ann Lie",
    ),
    case(
        "office-of-a-body-before-the-name",
        "“The ruling changes nothing,” Norland director of Civic Watch International Kei-lun Tam "
        "said in a statement.",
        "The ruling changes nothing,",
        "Kei-lun Tam",
    ),
    case(
        "office-to-a-body-before-the-name",
        "Former Ambassador to the United Nations Ann Lie wrote on her blog, “We must stand by "
        "our friends.”",
        "We must stand by our friends.",
        "Ann Lie",
        "Former Ambassador to the United Nations",
    ),
    case(
        "office-to-a-body-before-the-name-of-reported-speech",
        "Former Ambassador to the United Nations Ann Lie said the talks had failed.",
        "the talks had failed",
        "Ann Lie",
        "Former Ambassador to the United Nations",
    ),
    case(
        "acronym-and-lowercase-role-before-the-name",
        "NHO director-general Ann Lie said the name had to be short and easy to say.",
        "the name had to be short and easy to say",
        "Ann Lie",
    ),
    case(
        "acronym-who-and-lowercase-role-before-the-name",
        "WHO director-general Ann Lie said the name had to be short and easy to say.",
        "the name had to be short and easy to say",
        "Ann Lie",
    ),
    case(
        "opening-phrase-without-a-comma-before-the-name",
        "At the beginning of the meeting Ann Lie noted that the harbour was busy again.",
        "the harbour was busy again",
        "Ann Lie",
    ),
    case(
        "office-to-a-place-after-the-verb",
        "“We will not give up,” said Special Envoy to the Horn of Norland Ann Lie.",
        "We will not give up,",
        "Ann Lie",
        "Special Envoy to the Horn of Norland",
    ),
    case(
        "office-to-a-place-then-the-name",
        "“We will not give up,” said Ambassador to Norland Ann Lie.",
        "We will not give up,",
        "Ann Lie",
        "Ambassador to Norland",
    ),
    case(
        "office-to-a-place-then-the-name-in-apposition",
        "High Commissioner to Norland, Ann Lie CMG OBE, said:\n\n“The festival shows what we "
        "share.”",
        "The festival shows what we share.",
        "Ann Lie",
        "High Commissioner to Norland",
    ),
    case(
        "description-then-the-name-in-apposition",
        "After the vote, the director of Norland's Civic Watch, Ann Lie, said the court had "
        "“listened to the streets”.",
        "listened to the streets",
        "Ann Lie",
    ),
    case(
        "family-name-first",
        "Norland leader Pak Min-jun spoke for two hours at the congress.\n\n"
        "Pak said he would meet any country that wanted talks.\n\n"
        "Reporting by Su Pak in Seoul.",
        "he would meet any country that wanted talks",
        "Pak Min-jun",
    ),
    case(
        "members-standing-for-their-body",
        "The Norland Parliament voted on the budget on Tuesday.\n\n"
        "MEPs warn that the cuts will hurt the poorest regions.",
        "the cuts will hurt the poorest regions",
        "Norland Parliament",
    ),
    case(
        "a-title-with-its-capital-the",
        "The figures were first reported by The Norland Herald.\n\n"
        "The Norland Herald said the mine would close in May.",
        "the mine would close in May",
        "The Norland Herald",
    ),
    case(
        "uncued-after-a-quotation-of-several-paragraphs",
        "Mayor Ann Lie opened the bridge on Friday.\n\n"
        "“The bridge is open,” said Ms Lie.\n\n"
        "“It cost less than we planned.\n\n"
        "“It took a year to build.”\n\n"
        "“We thank every worker who built it.”",
        "We thank every worker who built it.",
        "Ann Lie",
    ),
    case(
        "uncued-after-a-quotation-that-carried-its-speaker",
        "Mayor Ann Lie opened the bridge on Friday.\n\n"
        "“The bridge is open,” said Ms Lie.\n\n"
        "Tolls will be lifted in May.\n\n"
        "“It took a year to build.”\n\n"
        "Traffic was light on the first day.\n\n"
        "“We thank every worker who built it.”",
        "We thank every worker who built it.",
        "Ann Lie",
    ),
    case(
        "uncued-after-a-lead-naming-the-speaker",
        "Foreign Minister Ann Lie has welcomed the ceasefire agreed on Sunday.\n\n"
        "“We congratulate both sides on this step.”",
        "We congratulate both sides on this step.",
        "Ann Lie",
    ),
    case(
        "description-named-in-the-next-sentence",
        "“The troops are ready,” an army spokesman said. The army spokesman, Colonel Ann Lie, "
        "added that more were on the way.",
        "The troops are ready,",
        "Ann Lie",
    ),
    case(
        "description-named-in-the-sentence-before",
        "Colonel Ann Lie is the army's spokesman.\n\n"
        "“The troops are ready,” the spokesman said on Friday.",
        "The troops are ready,",
        "Ann Lie",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "role"), CASES)
def test_canonical_speaker_of_its_shape(
    text: str, quote: str, speaker: str, role: str | None
) -> None:
    found = _covering(suggest(text, claims=0), text, quote)
    assert found.speaker == speaker
    assert found.speaker_resolved
    if role is not None:
        assert found.role == role


def test_canonical_speaker_a_lead_naming_two_people_gives_neither() -> None:
    text = (
        "Ann Lie and Bo Berg have welcomed the ceasefire agreed on Sunday.\n\n"
        "“We congratulate both sides on this step.”"
    )
    found = _covering(suggest(text, claims=0), text, "We congratulate both sides")
    assert found.speaker is None


def test_canonical_speaker_a_narrower_group_is_not_the_people_listed() -> None:
    text = (
        "Senators Ann Lie and Bo Berg wrote to the governor on Monday.\n\n"
        "“The county needs help now,” the Norland senators wrote."
    )
    found = _covering(suggest(text, claims=0), text, "The county needs help now,")
    assert found.speaker_rule != "resolve/named-group"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an initial or an acronym is no body's name run into a person's
        ("“The fleet is ready,” said Adm. Ann B. Lie Jr.", "The fleet is ready,", "Ann B. Lie Jr."),
        (
            "“The quake was shallow,” the U.S. Geological Survey said.",
            "The quake was shallow,",
            "U.S. Geological Survey",
        ),
        # a person named with an office is no organisation's fuller name
        (
            "Harbour Mayor Tor Guardian opened the pier.\n\n“The pier is safe,” the Guardian said.",
            "The pier is safe,",
            "Guardian",
        ),
    ],
)
def test_canonical_speaker_keeps_what_is_no_fuller_name(text: str, quote: str, speaker: str):
    assert _covering(suggest(text, claims=0), text, quote).speaker == speaker


def test_canonical_speaker_a_place_is_no_pronouns_antecedent() -> None:
    text = (
        "Bloggers across the Middle East are reacting to the speech of John Vikan.\n\n"
        "He says everything will need to be done “together.”"
    )
    found = _covering(suggest(text, claims=0), text, "together.")
    assert found.speaker != "Middle East"


def test_canonical_speaker_an_office_in_apposition_is_no_reported_content() -> None:
    text = "High Commissioner to Norland, Ann Lie CMG OBE, said:\n\n“The festival shows it.”"
    assert [s.quote_type for s in suggest(text, claims=0)] == ["direct"]

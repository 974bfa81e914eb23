"""Speaker names on world news, the twenty-first rule pass (issue 15): a role that opens the
sentence before a name whose verb a participle of saying follows is the role, not part of
the name ("Opposition leader Ann Lie called the vote a sham, saying …"); "the company", "the
airline", "the club" or "the federation" is the body the article named just before (the one
whose name ends in that noun, the one set beside it, or the one that spoke under a name no
person has, named in that paragraph or the one before). Sentences written for these tests,
in the style of wire and public-broadcaster reports; names and places invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        (
            "Opposition leader Ann Lie called the vote a sham, saying the count had been rigged.",
            "count had been rigged",
            "Ann Lie",
            "Opposition leader",
        ),
        (
            "Hamas official Bo Berg rejected the proposal, saying it offered nothing new.",
            "offered nothing new",
            "Bo Berg",
            "Hamas official",
        ),
        (
            "Norland opposition lawmaker Eva Dahl denounced the decree, arguing that it "
            "breached the constitution.",
            "breached the constitution",
            "Eva Dahl",
            "Norland opposition lawmaker",
        ),
    ],
)
def test_a_role_opening_the_sentence_before_a_participle_of_saying_is_the_role(
    text, words, speaker, role
):
    found = [q for q in quotes(text) if words in q.text]
    assert found, [(q.text, q.speaker) for q in quotes(text)]
    assert (found[0].speaker, found[0].role) == (speaker, role)


def test_a_verb_before_the_name_is_no_role():
    # "put off deciding whether" ends like a role ("-er") but is a verb's: the subject is
    # the surname that opens the sentence, not the name inside the clause.
    text = (
        "Judge Ann Lie heard the case in March. Lie put off deciding whether Norland Water "
        "could appeal but said the firm could come back later with that request."
    )
    assert all(q.speaker != "Norland Water" for q in quotes(text))


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Norland Steel said on Monday it would cut 400 jobs. The company added that "
            "output would fall by a third.",
            "output would fall",
            "Norland Steel",
        ),
        (
            "Norland Air said flights to Ostia would resume on Friday. The airline added that "
            "passengers would be refunded.",
            "passengers would be refunded",
            "Norland Air",
        ),
        (
            "The Norland Football Federation fined the player on Tuesday. The federation said "
            "his conduct was unacceptable.",
            "conduct was unacceptable",
            "Norland Football Federation",
        ),
        (
            "The club, Bergen United, confirmed the signing on Friday. “He is a great player "
            "and a great person,” the club said.",
            "great player",
            "Bergen United",
        ),
        (
            "Ostia Mining said output fell in March.\n\nIts chief executive, Bo Berg, said "
            "prices were weak. The company said it would not cut jobs.",
            "would not cut jobs",
            "Ostia Mining",
        ),
    ],
)
def test_the_company_is_the_body_named_just_before(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # An outlet that reported is not the company.
        (
            "The couple lived in Bergen, Radio Norland reported.\n\nThe pilot had flown "
            "for 20 years, the airline said.",
            "flown for 20 years",
        ),
        # The body spoke three paragraphs back: not near enough to stand for "the company".
        (
            "Ostia Mining said output fell.\n\nPrices were low.\n\nRain was heavy.\n\n"
            "The company said it would not cut jobs.",
            "would not cut jobs",
        ),
        # A person is no company.
        ("Ann Lie said output fell. The company said it would not cut jobs.", "cut jobs"),
    ],
)
def test_the_company_stays_a_description_when_no_body_named_near_spoke(text, words):
    assert (speaker_of(text, words) or "").lower() == "the company" or (
        speaker_of(text, words) or ""
    ).lower() == "the airline"

"""The form of speaker names, the twenty-fifth rule pass (issue 15): a person named later by
title and given name ("Dr Ann" after "Dr Ann Marit Lie"), a company's name run into a name
with a middle name ("Kesta Jose Manuel Berg"), a role opened by "Co-", an office in
apposition before an aside ("Ann Lie, Minister for X, delivered remarks, saying"), an acronym
spelled out in brackets after it ("NDA (Norland Dockers Association)"), a country's initials
where the article writes the same body with the country in full, and "the President's wife"
after "President Tor Vikan and his wife Ann Lie". Sentences written for these tests, names
invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quote_holding, speaker_of


def _attribution(text: str, words: str) -> tuple[str | None, str | None]:
    found = quote_holding(text, words)
    return found.speaker, found.role


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a title and the given name of a person named in full before (a given name the
        # lexicon does not know): that person
        (
            "The director of the institute, Dr Meruna Sabita Lorn, said five people had died. "
            "According to Dr Meruna, two of them were over sixty.",
            "two of them were over sixty",
            "Meruna Sabita Lorn",
        ),
        (
            "The director of the institute, Dr Meruna Sabita Lorn, said five people had died. "
            "Dr Meruna also said two of them were from Bergen.",
            "two of them were from Bergen",
            "Meruna Sabita Lorn",
        ),
        # guard: a title and a surname stays that person ("Dr Lorn")
        (
            "The director of the institute, Dr Meruna Sabita Lorn, said five people had died. "
            "According to Dr Lorn, two of them were over sixty.",
            "two of them were over sixty",
            "Meruna Sabita Lorn",
        ),
        # guard: a known first name after a title is someone else's surname ("Mr. James")
        (
            "James Berg, the club's coach, said the season was over. Mr. James, the owner, "
            "said the club would be sold.",
            "the club would be sold",
            "James",
        ),
        # a company's name run into a person's with a middle name
        (
            "Chairman of Spanish investor Kestana Jose Manuel Bergara said the government had "
            "done well to bring the investors together.",
            "the government had done well",
            "Jose Manuel Bergara",
        ),
        # guard: a first name and a middle name open the run ("Mary Ann Lie")
        (
            "Mary Ann Lie said the government had done well to bring the investors together.",
            "the government had done well",
            "Mary Ann Lie",
        ),
        # a role opened by "Co-" before a name whose given name the lexicon does not know
        (
            'Co-developer Jing Worra recounted, "When we put the coating on, nothing sticks."',
            "nothing sticks",
            "Jing Worra",
        ),
        (
            'Co-founder Tuvo Marsk said, "We never expected to grow this fast."',
            "grow this fast",
            "Tuvo Marsk",
        ),
        # an acronym spelled out in brackets after it
        (
            "Bo Berg fought for the NDA (Norland Dockers Association) for ten years.\n\n"
            '"Berg was loved by everyone," reads an NDA press release.',
            "loved by everyone",
            "Norland Dockers Association",
        ),
        # guard: brackets that do not spell the acronym out
        (
            "Bo Berg fought for the NDA (in Bergen) for ten years.\n\n"
            '"Berg was loved by everyone," reads an NDA press release.',
            "loved by everyone",
            "NDA",
        ),
        # a country's initials where the article writes the body with the country in full
        (
            "The United States Coastal Survey (USCS) placed the storm off the coast.\n\n"
            "Later, the U.S. Coastal Survey said the storm may last into February.",
            "the storm may last into February",
            "United States Coastal Survey",
        ),
        # guard: the body with the initials only
        (
            "Later, the U.S. Coastal Survey said the storm may last into February.",
            "the storm may last into February",
            "U.S. Coastal Survey",
        ),
    ],
)
def test_the_fullest_form_of_the_name(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        # a name, its office in apposition, a verb and a participle of saying
        (
            "Ann Lie, Minister for Political Affairs, delivered remarks on behalf of the "
            'President, saying "the war remains a stain on our conscience."',
            "the war remains a stain",
            "Ann Lie",
            "Minister for Political Affairs",
        ),
        (
            "Bo Berg, Under-Secretary-General for Peace Affairs, opened the session, saying "
            '"the war must end now."',
            "the war must end",
            "Bo Berg",
            "Under-Secretary-General for Peace Affairs",
        ),
        # guard: a description, then the name in apposition
        (
            "Her rival, Tom Berg, opened the session, saying the war must end.",
            "the war must end",
            "Tom Berg",
            "Her rival",
        ),
    ],
)
def test_an_office_in_apposition_before_a_participle_is_the_role(text, words, speaker, role):
    assert _attribution(text, words) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "the President's wife" and "The First Lady" after "President X and his wife Y"
        (
            "Scouts handed the lamp to President Tor Vikan and his wife Ann Lie on Monday. "
            "The President's wife said the tradition brings a festive mood to the office.",
            "the tradition brings a festive mood",
            "Ann Lie",
        ),
        (
            "Scouts handed the lamp to President Tor Vikan and his wife Ann Lie on Monday. "
            "The First Lady said the tradition brings a festive mood to the office.",
            "the tradition brings a festive mood",
            "Ann Lie",
        ),
        # "the President's wife" after "First Lady Ann Lie"
        (
            "First Lady Ann Lie took part in the conference of ambassadors. In her speech, "
            "the President's wife said the diplomatic corps is a powerful tool.",
            "the diplomatic corps is a powerful tool",
            "Ann Lie",
        ),
        # guard: no wife named, the description stays
        (
            "Scouts handed the lamp to President Tor Vikan on Monday. The President's wife "
            "said the tradition brings a festive mood to the office.",
            "the tradition brings a festive mood",
            "The President's wife",
        ),
    ],
)
def test_the_presidents_wife_is_the_wife_named(text, words, speaker):
    assert speaker_of(text, words) == speaker

"""Shapes of who said it, fourteenth pass (issue 15, the third holdout's wrong speakers):
sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The fair was opened by guild president Swami Narendran on Sunday. "
            'Narendran said, "Every stall will be free this year."',
            "Narendran",
        ),
        (
            "Acharya Devendra Rao led the prayers. "
            'Rao said, "The river has given us everything we have."',
            "Devendra Rao",
        ),
    ],
)
def test_a_religious_honorific_is_not_part_of_the_name(text: str, speaker: str) -> None:
    """A religious honorific written before a name ("Swami Ann") is a courtesy, not a name:
    the later surname resolves to the name without it."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Prime Minister Mehmet Ali Yıldız opened the bridge on Monday. "
            'Yildiz said, "This bridge will carry a nation."',
            "Mehmet Ali Yıldız",
        ),
        (
            "The award went to José Peña of Valparaíso. "
            'Pena told reporters, "I never expected to win it."',
            "José Peña",
        ),
    ],
)
def test_a_surname_spelled_without_diacritics_is_the_person_named_in_full(
    text: str, speaker: str
) -> None:
    """A later surname that differs from the full name given earlier only by its accents
    ("Erdogan" after "Recep Tayyip Erdoğan") is that person, named as first given."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The trial was led by Justice Hanna Vorster. "
            "Vorster went on to say the sentence had to reflect the harm done.",
            "Hanna Vorster",
        ),
        (
            "Pieter Mols chairs the water board. "
            "Mols went on to warn that the dykes would not hold another winter.",
            "Pieter Mols",
        ),
    ],
)
def test_a_surname_opening_the_sentence_before_a_verb_phrase_is_the_person(
    text: str, speaker: str
) -> None:
    """A surname alone opening a sentence before "went on to say" is the person named in
    full before, not a bare description."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Chief Justice Taufa Lemalu Seiuli ruled on the appeal on Friday. "
            'Taufa said the ruling "ends a long and painful chapter".',
            "Taufa Lemalu Seiuli",
        ),
        (
            "Princess Sirivanna Chatree returned to the capital in June. "
            'Sirivanna told reporters, "I am only here to help the flood victims."',
            "Sirivanna Chatree",
        ),
    ],
)
def test_the_first_name_of_a_person_named_in_full_is_that_person(text: str, speaker: str) -> None:
    """A later mention by the first word of a name given in full before ("Taufa" after
    "Taufa Lemalu Seiuli"), where no one else is named so, is that person, even when the word
    is not a first name the lexicon knows."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The port will stay closed until spring," according to a tweet on Monday by '
            "Norland Transport Minister Ann Lie.",
            "Ann Lie",
        ),
        (
            "According to a Facebook post by Tom Berg, the owner of the bakery, the fire started "
            "in the flat above the shop.",
            "Tom Berg",
        ),
        (
            "According to a statement last week from the Norland Rail Company, the line will "
            "reopen in May.",
            "Norland Rail Company",
        ),
    ],
)
def test_the_medium_is_not_the_speaker_its_author_is(text: str, speaker: str) -> None:
    """A post, tweet or statement "by" or "from" someone, with a time or a platform written in
    between ("a tweet on Monday by", "a Facebook post by"), speaks for its author."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Norland Health Agency (NHA) opened an inquiry. "
            'The NHA statement said: "The risk to the public remains low."',
            "Norland Health Agency",
        ),
        (
            "The Norland Health Agency (NHA) opened an inquiry. "
            "The NHA's website says the water is safe to drink.",
            "Norland Health Agency",
        ),
        (
            'A Kesta Holdings statement said: "No jobs will be lost at the port."',
            "Kesta Holdings",
        ),
    ],
)
def test_the_body_whose_statement_or_website_speaks_is_the_speaker(text: str, speaker: str) -> None:
    """A statement or a website written with its body before it ("The NHA statement said",
    "The NHA's website says") speaks for that body, named in full where the article spells
    it out."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Norland Food Safety Authority (NFSA) has tested the milk. According to the "
            "NFSA, the milk from the dairy was safe.",
            "Norland Food Safety Authority",
        ),
        (
            "Funding came from the Agency for Rivers, Lakes and Coastal Waters (ARLCW). "
            "The ARLCW said the lake would be cleaned by June.",
            "Agency for Rivers, Lakes and Coastal Waters",
        ),
        (
            "The Wetlands and Harbours Office (WHO) has closed the beach. According to the "
            "WHO, the water is not safe for swimming.",
            "Wetlands and Harbours Office",
        ),
    ],
)
def test_an_acronym_is_the_name_the_article_spells_out(text: str, speaker: str) -> None:
    """An acronym with its article ("the NFSA") is the name the article spells it out with,
    commas in that name included."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Veskan-backed Norland Liberation Front said it had taken the airport.",
            "Norland Liberation Front",
        ),
        (
            "The state-owned Kesta Shipping Company said the ferries would run again on Friday.",
            "Kesta Shipping Company",
        ),
    ],
)
def test_a_hyphenated_descriptor_before_a_body_is_not_part_of_its_name(
    text: str, speaker: str
) -> None:
    """A descriptor written before a body's name ("Kurdish-led", "state-owned") says what it
    is; the canonical name leaves it out."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Remarked Center for Coastal Studies biologist Ann Lie, "The seals are back." The '
            "Center for Coastal Studies said the count was the highest in ten years.",
            "Center for Coastal Studies",
        ),
        (
            'Explained Kesta Rail Company engineer Tom Berg, "The bridge is safe." Kesta Rail '
            "Company said the line would reopen on Friday.",
            "Kesta Rail Company",
        ),
    ],
)
def test_a_speech_verb_opening_the_sentence_is_not_part_of_a_name(text: str, speaker: str) -> None:
    """A verb of saying that opens a sentence before a body's name ("Remarked Center for …")
    is no part of the name."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Kesta Group bought the mill in May. Kesta said it would keep all the workers.",
            "Kesta Group",
        ),
        (
            "The Norland Ministry of Foreign Affairs was quick to respond. The Norland "
            'Ministry called the vote "a provocation".',
            "Norland Ministry of Foreign Affairs",
        ),
    ],
)
def test_a_body_short_name_is_the_full_name_given_before(text: str, speaker: str) -> None:
    """A body's short name ("Kesta", "the Norland Ministry") is the full name the article gave
    it before ("Kesta Group", "the Norland Ministry of Foreign Affairs")."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


def test_they_after_a_sentence_naming_several_people_is_them_together() -> None:
    """ "They" opening a sentence after one that names several people as its subject is
    those people, joined as LABELLING.md joins several speakers; a sentence in between that
    names one person only (an observer) does not break the link."""
    text = (
        "Norland's trade minister Ann Lie and her Veskan counterpart, Tom Berg, met in Oslo on "
        "Monday. The Kestan envoy, Maria Lund, attended as an observer.\n\n"
        "They agreed that the tariff on steel would be lifted by June."
    )
    found = quotes(text)
    assert found and found[-1].speaker == "Ann Lie and Tom Berg"


def test_they_after_a_sentence_naming_one_person_stays_unresolved() -> None:
    text = (
        "The ministry sent Ann Lie to the talks on Monday.\n\n"
        "They said that the tariff on steel would be lifted by June."
    )
    found = quotes(text)
    assert found and found[-1].speaker != "Ann Lie"


def test_they_is_not_joined_from_capitalised_phrases_that_are_not_people() -> None:
    text = (
        "The fund gave money after Hurricane Katrina and won the Presidential Medal in 2005.\n\n"
        "They said that the shelter would stay open."
    )
    found = quotes(text)
    assert found and "Hurricane Katrina" not in (found[-1].speaker or "")


def test_a_region_is_not_the_person_a_pronoun_stands_for() -> None:
    """A region named between a person and "he" ("the Eastern Baltic") is a place, not a
    person the pronoun may mean."""
    text = (
        "Norlandic president Kovač called for cooperation in the Eastern Baltic, claiming a "
        'say for Norland there. "No project can succeed without us," he said.'
    )
    found = quotes(text)
    assert found and found[-1].speaker == "Kovač"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The court heard from the family. One of the sons said, "I forgave them long ago."',
            "One of the sons",
        ),
        ('Two of the miners told reporters, "We waited nine days for help."', "Two of the miners"),
        (
            'The nurses spoke on Monday. One of them even went so far as to say, "We are '
            'breaking."',
            "One of them",
        ),
    ],
)
def test_a_partitive_subject_keeps_its_of_phrase(text: str, speaker: str) -> None:
    """ "One of the sons said": the speaker is the one of the group, not the bare "One"."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A court fined Peter and Maria Lund for neglect on Friday. Peter Lund was also "
            'charged with fraud.\n\nThe father said, "I never meant to hurt anyone."',
            "Peter Lund",
        ),
        (
            "A court fined Peter and Maria Lund for neglect on Friday. Peter Lund was also "
            'charged with fraud.\n\nThe mother said, "I am sorry for what we did."',
            "Maria Lund",
        ),
    ],
)
def test_the_father_or_mother_of_a_couple_named_is_that_parent(text: str, speaker: str) -> None:
    """ "The father" or "the mother" where the article names one couple (a man and a woman
    with one surname) is the parent of that gender."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


def test_a_person_of_a_body_written_without_its_article_is_the_person() -> None:
    """ "Ann Berg of Norland Equality Coalition said": the person, not the whole run as one
    organisation, though the run ends with a body's word."""
    text = 'Ann Berg of Norland Equality Coalition said, "We still have to fight."'
    found = quotes(text)
    assert found and (found[0].speaker, found[0].speaker_kind) == ("Ann Berg", "person")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "According to semi-official news agency NORA, the dam will be finished next year.",
            "NORA",
        ),
        (
            "According to state broadcaster Radio Norland, the border was closed overnight.",
            "Radio Norland",
        ),
    ],
)
def test_a_descriptor_before_a_named_outlet_is_its_role(text: str, speaker: str) -> None:
    """ "semi-official news agency NORA": the outlet's name, the words before it say what it
    is."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


def test_an_office_before_for_and_a_name_is_not_a_person() -> None:
    """ "Norland Special Envoy for Trade Ann Lie said … She added": the office run before "for"
    is not a person the pronoun may mean."""
    text = (
        "At a press conference in Oslo, Norland Special Representative for Trade Ann Lie said, "
        '"The tariffs are a mistake." She added, "It is a stunt that no one takes seriously."'
    )
    found = quotes(text)
    assert [s.speaker for s in found] == ["Ann Lie", "Ann Lie"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We do not comment on single cases," a Norland Rail spokesperson stated. The '
            'spokesperson added that the line "would reopen soon".',
            "a Norland Rail spokesperson",
        ),
        (
            'One of the miners said, "We waited nine days." However, this person also said '
            "that the company had done its best.",
            "One of the miners",
        ),
    ],
)
def test_a_definite_description_repeats_the_description_that_spoke_before(
    text: str, speaker: str
) -> None:
    """ "The spokesperson added" after "a Norland Rail spokesperson stated", "this person
    also said" after "One of the miners said": the same speaker as the description before."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


def test_a_person_of_a_body_described_before_its_name_is_the_person() -> None:
    """ "Ann Lie of victim group Ending Dam Abuse said": the person; the words between "of" and the
    body's name only say what the body is."""
    text = 'To this, Ann Lie of worldwide victim group Ending Dam Abuse said, "The dam must go."'
    found = quotes(text)
    assert found and found[0].speaker == "Ann Lie"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "According to News from Kestania (NFK), the ferry will not sail on Sunday.",
            "News from Kestania",
        ),
        (
            "According to the Office for Roads and Bridges in Norland, the toll will rise.",
            "Office for Roads and Bridges",
        ),
    ],
)
def test_a_body_name_runs_on_through_small_words(text: str, speaker: str) -> None:
    """A body's name goes on past "from" when the acronym after it says so ("News from
    Kestania (NFK)"), and past "and" and one capitalised word after a name with "of" or
    "for" ("Office for Roads and Bridges")."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "According to Kestanian state media, the army has left the border town.",
            "Kestanian state media",
        ),
        (
            "According to Norlandic public radio, the ferry sank in minutes.",
            "Norlandic public radio",
        ),
    ],
)
def test_a_national_adjective_before_media_is_not_the_speaker_alone(
    text: str, speaker: str
) -> None:
    """ "According to Kestanian state media": the media are the source, not the adjective."""
    found = quotes(text)
    assert found and found[-1].speaker == speaker


def test_a_statement_released_by_they_after_a_body_is_the_body() -> None:
    """ "The Norland Rivers Council criticised the plan. They released a statement which said,
    “…”": the statement is the body's word, "they" being the body named before."""
    text = (
        "The Norland Rivers Council criticised the plan on Monday. They released a statement "
        'which said, "The river is not for sale."'
    )
    found = quotes(text)
    assert found and found[-1].speaker == "Norland Rivers Council"


def test_a_fragment_in_a_clause_someone_said_inside_a_report_is_theirs() -> None:
    """ "According to NORA, the mayor of Kesta, Ann Lie, said the bridge must be “closed at
    once”": the fragment is the mayor's words, not the agency's."""
    text = (
        "According to the state news agency NORA, the mayor of Kesta, Ann Lie, said the "
        'bridge must be "closed at once".'
    )
    found = [s for s in quotes(text) if s.quote_type == "direct"]
    assert found and found[0].speaker == "Ann Lie"


def test_a_statement_put_out_from_someone_is_theirs_not_the_issuers() -> None:
    """ "The ministry issued the following statement from the governor: “…”": the governor
    speaks; the ministry only put the words out."""
    text = (
        "Governor Ann Lie visited the flooded town on Monday.\n\n"
        'The ministry issued the following statement from the governor: "We will rebuild '
        'every home."'
    )
    found = quotes(text)
    assert found and found[-1].speaker == "Ann Lie"


def test_media_described_again_without_their_country_are_named_as_first_given() -> None:
    """ "According to Kestanian state media, …. …, according to state media.": the media as
    the article named them first, with their country."""
    text = (
        "According to Kestanian state media, the army has left the border town. The army "
        "has also left the airport, according to state media."
    )
    found = quotes(text)
    assert found and found[-1].speaker == "Kestanian state media"

"""Shapes of who said it, twelfth pass (issue 15, wrong speakers on found quotes): sentences
written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Trade expert Ann Lie from the Norland Institute told VOA the tariffs would fall.",
            "Ann Lie",
        ),
        ('Tom Berg from Ostia Ports said "the cranes are old and slow."', "Tom Berg"),
    ],
)
def test_a_person_from_a_body_is_the_speaker(text: str, speaker: str) -> None:
    """ "Ann Lie from the Norland Institute told …" ties the person to her body as "of" does:
    she speaks, not the institute."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            '"The harbour is the finest I have seen," said Norland University\'s rector, Tom Berg.',
            "Tom Berg",
            "Norland University's rector",
        ),
        (
            '"The harbour is the finest I have seen," said the rector of Norland University, '
            "Tom Berg.",
            "Tom Berg",
            "the rector of Norland University",
        ),
        (
            '"The harbour is the finest I have seen," said University of Ostia, Norland\'s '
            "chancellor, Ann Lie.",
            "Ann Lie",
            "University of Ostia, Norland's chancellor",
        ),
        (
            '"We will appeal," said the company, Norland Ports Limited.',
            "Norland Ports Limited",
            None,
        ),
    ],
)
def test_a_name_closing_a_role_after_the_verb_is_the_speaker(
    text: str, speaker: str, role: str | None
) -> None:
    """ "said Norland University's rector, Tom Berg.": the role comes first and the name that
    closes the clause is who spoke; the role stays as the role."""
    found = quotes(text)
    assert found and found[0].speaker == speaker
    if role is not None:
        assert found[0].role == role


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will appeal," said Norland Ports, the harbour\'s operator.', "Norland Ports"),
        ('"We will appeal," said Tom Berg, the port\'s owner.', "Tom Berg"),
    ],
)
def test_a_name_before_its_role_after_the_verb_stays_the_speaker(text: str, speaker: str) -> None:
    """The name first and its role after it ("said Tom Berg, the port's owner") is the
    ordinary order: nothing moves."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The army said the convoy had crossed the river at dawn.", "army"),
        ("Two people were hurt in the blaze, the fire service said.", "fire service"),
        ("The police said the driver had been drinking before the crash.", "police"),
    ],
)
def test_an_institution_named_by_its_common_noun_has_no_article(text: str, speaker: str) -> None:
    """ "The army said": the army is an organisation, and an organisation's name is written
    without the article (LABELLING.md), as a description that stays one is."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ministry said the bridge would reopen in June.", "The ministry"),
        ("The union said it would strike on Monday.", "The union"),
    ],
)
def test_other_bodies_named_by_a_description_keep_it_as_written(text: str, speaker: str) -> None:
    """Only the bodies one to a country lose the article: "the ministry" or "the union" stays a
    description as written, to be resolved or left unresolved."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "One of these groups, the Free Farmers Union (FFU), opposed the law and said it "
            "was a betrayal of the valley.",
            "Free Farmers Union",
        ),
        (
            "One of the parties, the Green League, welcomed the vote and said it would join "
            "the talks.",
            "Green League",
        ),
        ("Her rival, Tom Berg, opposed the law and said it was a betrayal.", "Tom Berg"),
    ],
)
def test_the_name_in_an_opening_apposition_is_the_subject(text: str, speaker: str) -> None:
    """ "One of these groups, the Free Farmers Union, opposed … and said …": the sentence's
    subject is the name the apposition gives, not the description's first word ("One")."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A spokesperson for Ostia Buses said their thoughts were with the families.",
            "spokesperson for Ostia Buses",
        ),
        (
            "On Saturday, representatives from Norland acknowledged their navy had sunk the boat.",
            "representatives from Norland",
        ),
        (
            "A spokesman for the Norland Navy said the ship had sunk.",
            "spokesman for the Norland Navy",
        ),
    ],
)
def test_a_spokesperson_for_a_body_stays_a_description(text: str, speaker: str) -> None:
    """ "A spokesperson for Ostia Buses said": a person spoke for the body, so the speaker is
    the description (unresolved, no one named), not the body."""
    found = quotes(text)
    assert found and found[0].speaker == speaker
    assert found[0].speaker_resolved is False


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tom Berg and Ann Lie run the farm. Both Berg and Lie note that, unlike walls, "
            "cattle cannot get hurt by a virtual fence.",
            "Tom Berg and Ann Lie",
        ),
        (
            "Ida Moe sold the mill to Per Holm. Moe and Holm said the deal was done in May.",
            "Ida Moe and Per Holm",
        ),
        ("Simon and Garfunkel said the tour was over.", "Simon and Garfunkel"),
    ],
)
def test_a_group_of_surnames_gets_each_full_name(text: str, speaker: str) -> None:
    """ "Berg and Lie note …" after "Tom Berg and Ann Lie": each member of the group is named
    in the fullest form the article gave, as a single surname is; surnames the article never
    gave in full stay as written."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The agency in March said it intended to cut its staff by 7,000 people.", "The agency"),
        ("The agency on Monday said it intended to cut its staff.", "The agency"),
        ("Tom Berg in May told reporters the mill would close.", "Tom Berg"),
        ("April Ryan said the mill would close.", "April Ryan"),
    ],
)
def test_a_date_between_subject_and_verb_is_not_in_the_speaker(text: str, speaker: str) -> None:
    """ "The agency in March said": the date says when, so the speaker ends before it (a month
    that opens a name, "April Ryan", stays in it)."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


def test_a_short_name_is_not_lengthened_from_another_bodys_name() -> None:
    """ "the Ostia NHS Clinic" names a clinic, not the NHS: "The NHS said" keeps its own name
    rather than taking the place that opens the clinic's."""
    text = (
        "At the Ostia NHS Clinic, the wait is two months.\n\n"
        "The NHS said it had been able to fill the jobs without bonuses."
    )
    found = quotes(text)
    assert found and found[-1].speaker == "NHS"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'A number of Senators condemned the act, calling it "a grave abuse of power".',
            "Senators",
        ),
        ("Many Democrats said the bill was dead.", "Democrats"),
    ],
)
def test_a_quantifier_before_a_capitalised_group_is_not_part_of_it(text: str, speaker: str) -> None:
    """ "A number of Senators", "Many Democrats": the group is written without its quantifier
    whether or not its noun has a capital."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ida Moe won the prize for her painting.\n\n"
            "Contest judge Ann Lie said the entries were fine. “The standard was high,” said "
            "Lie.\n\n"
            "Moe’s win took years of work. “I have painted since I was six,” she said.",
            "Ida Moe",
        ),
        (
            "Tom Berg won the race on Sunday.\n\n"
            "Coach Per Holm said the team was ready. “We trained all winter,” said Holm.\n\n"
            "Berg has raced since school. “It is the best day of my life,” he said.",
            "Tom Berg",
        ),
    ],
)
def test_a_pronoun_means_the_person_its_paragraph_opens_with(text: str, speaker: str) -> None:
    """ "Moe’s win took years of work. “…,” she said.": the person a paragraph opens with is
    who its "she" means, not the speaker of the paragraph before."""
    assert quotes(text)[-1].speaker == speaker


def test_a_pronoun_after_someone_else_named_in_the_paragraph_is_not_its_topic() -> None:
    """The paragraph's opening person yields to another of the same gender named after it."""
    text = (
        "Ida Moe won the prize for her painting.\n\n"
        "Moe’s mentor, Ann Lie, was proud. “She worked for years,” she said."
    )
    assert quotes(text)[-1].speaker == "Ann Lie"


@pytest.mark.parametrize("leader", ["Kim Jong-un", "Moon Jae-in", "Kim Hyo-jin"])
def test_a_family_name_before_a_korean_given_name_gives_no_gender(leader: str) -> None:
    """ "Kim Jong-un": the family name comes first, so "Kim" (an English first name too) says
    nothing of gender, and a "he" or "she" after him can be him."""
    text = (
        "The reporter Tom Berg was held for eight hours in the capital.\n\n"
        f"At the congress, leader {leader} declared the country a nuclear state. However, he "
        "said the country would not use its weapons first."
    )
    assert quotes(text)[-1].speaker == leader


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            'Tom Berg, Secretary, Ministry of Harbours, said, "The port will open next year."',
            "Tom Berg",
            "Secretary, Ministry of Harbours",
        ),
        (
            "Sharing his views, Shri T. Berg, Secretary, Ministry of Harbours (MoH), said, "
            '"The port will open next year."',
            "T. Berg",
            "Secretary, Ministry of Harbours",
        ),
        (
            "Ann Lie, Director, Norland Institute, said the port would open in May.",
            "Ann Lie",
            "Director, Norland Institute",
        ),
    ],
)
def test_a_name_then_a_title_then_a_body_between_commas(text: str, speaker: str, role: str) -> None:
    """ "Tom Berg, Secretary, Ministry of Harbours, said": a title alone between commas and the
    body after it are the role; the name before them speaks, not "Secretary"."""
    found = quotes(text)
    assert found and (found[0].speaker, found[0].role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Rain decides how many plants grow here," said study lead author Tom Berg.', "Tom Berg"),
        ('"The data are clear," said report co-author Ann Lie.', "Ann Lie"),
        ('"Rain decides it," said officials in Ostia.', "officials"),
        ("According to officials on Saturday, the storm killed ten people.", "officials"),
    ],
)
def test_a_role_opening_with_a_source_noun_before_a_name(text: str, speaker: str) -> None:
    """ "said study lead author Tom Berg": a role may open with a word that is a source on its
    own ("study", "report"); the name after it speaks. "officials in Ostia" stays the
    officials (a preposition ends the source)."""
    found = quotes(text)
    assert found and found[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "One of the study's authors, biologist Tom Berg, told the Ostia Times the skulls "
        "showed a deep pattern.",
        "Her adviser, lawyer Tom Berg, said the appeal would be filed on Monday.",
    ],
)
def test_a_name_after_a_persons_noun_in_the_apposition_is_the_speaker(text: str) -> None:
    """ "One of the study's authors, biologist Tom Berg, told …": the apposition names the
    person after a noun of what he is; he speaks, not "One" and not no one."""
    found = quotes(text)
    assert found and found[0].speaker == "Tom Berg"


def test_a_name_in_an_opening_apposition_speaks_the_quotation_after_a_colon() -> None:
    """The same apposition before a colon: the name, not "One", speaks the quotation."""
    text = (
        "One of the study's authors, biologist Tom Berg, told the Ostia Times the rate of spiky "
        "skulls in unrelated frogs suggested some deep pattern the frogs fell into as their "
        'homes changed: "Somehow, these frogs are turning on some very old machinery."'
    )
    assert quotes(text)[-1].speaker == "Tom Berg"


def test_a_name_after_a_lowercase_role_opens_its_clause_for_a_later_pronoun() -> None:
    """ "Responding to the findings, lawmaker Tom Berg called on …. …, he added.": the name after
    the lowercase role is the clause's subject, so "he" is him, not the speaker before."""
    text = (
        "Ivan Moe said the agency is working with the courts.\n\n"
        "Responding to the findings, lawmaker Tom Berg from the Green Party called on the agency "
        "to publish a report on its findings. This could then be the basis for a complaint, he "
        "added."
    )
    assert quotes(text)[-1].speaker == "Tom Berg"

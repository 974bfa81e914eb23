"""Shapes of quotes found and who said them, fifteenth rule pass (issue 15, h-finder22, the
eighth holdout's missed quotes): sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, reported


def _direct(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in quotes(text) if s.quote_type == "direct"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("WHO said the outbreak in Norland was under control.", "the outbreak", "WHO"),
        ("WHO advised that no border closures are needed for now.", "no border closures", "WHO"),
        ("The outbreak is slowing in the north, WHO said on Monday.", "The outbreak", "WHO"),
        (
            "Later, WHO warned that the vaccine stock “will not last beyond March,” adding "
            "that donors must act.",
            "the vaccine stock",
            "WHO",
        ),
    ],
)
def test_the_who_acronym_is_a_speaker(text: str, content: str, speaker: str) -> None:
    """ "WHO said …", "…, WHO said": the World Health Organization's acronym is a body that
    speaks, not the relative pronoun "who"."""
    assert any(content in found and who == speaker for found, who in reported(text))


def test_the_who_acronym_before_a_quotation() -> None:
    text = "“The risk to travellers stays low,” WHO said in a statement."
    assert _direct(text) == [("“The risk to travellers stays low,”", "WHO")]


@pytest.mark.parametrize(
    "text",
    [
        # The relative pronoun after a name still opens a clause, not a new speaker.
        "Ann Lie, who chairs the panel, said the plan was sound.",
        "The nurses who treated him said the ward was full.",
    ],
)
def test_the_relative_who_stays_a_pronoun(text: str) -> None:
    assert all(who != "WHO" for _, who in reported(text))
    assert reported(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The clinics must reopen before winter, the UN Children’s Fund said on Friday.",
            "UN Children’s Fund",
        ),
        ("The Norland People's Party said the vote had been rigged.", "Norland People's Party"),
        (
            "The shelter will close in May, the Women’s Aid Foundation warned.",
            "Women’s Aid Foundation",
        ),
    ],
)
def test_a_plural_possessive_inside_a_body_name(text: str, speaker: str) -> None:
    """ "the UN Children’s Fund", "the Norland People's Party": the possessive of "children",
    "people", "women" or "men" is part of the body's name, not its owner."""
    assert [who for _, who in reported(text)] == [speaker]


def test_an_employer_possessive_stays_out_of_the_name() -> None:
    """ "Polstat’s Ann Lie said": the possessive is the employer, the speaker is the person."""
    assert [who for _, who in reported("Polstat’s Ann Lie said the poll was tight.")] == ["Ann Lie"]


def test_a_bare_office_continues_its_sole_holder_across_paragraphs() -> None:
    """ "Union Minister of Ports Shri Ann Lie opened … / He said … / The Minister noted that
    …": the press-release style of naming the minister once, then the office alone in later
    paragraphs, when the article gives that office to no one else."""
    text = (
        "Union Minister of Ports and Shipping Shri Ann Lie opened the new harbour at Ostia on "
        "Monday.\n\nShri Lie said that the harbour would double cargo traffic. He said that "
        "two more berths would follow next year.\n\nThe Minister noted that freight rates had "
        "fallen by a tenth since 2020."
    )
    assert reported(text)[-1] == ("freight rates had fallen by a tenth since 2020", "Ann Lie")


def test_a_bare_office_with_two_holders_stays_unresolved() -> None:
    """Two ministers named: "the Minister" in a later paragraph may be either of them."""
    text = (
        "Minister of Ports Ann Lie and Minister of Roads Tom Berg opened the new harbour at "
        "Ostia on Monday.\n\nShri Lie said that the harbour would double cargo traffic. She "
        "said that two more berths would follow next year.\n\nThe Minister noted that freight "
        "rates had fallen by a tenth since 2020."
    )
    assert reported(text)[-1][1] != "Ann Lie"


@pytest.mark.parametrize(
    ("text", "quotation", "speaker"),
    [
        (
            'The Norland Ferry Union said on Twitter "The strike goes on. Nobody sails until '
            'the pay deal is signed."',
            '"The strike goes on. Nobody sails until the pay deal is signed."',
            "Norland Ferry Union",
        ),
        (
            "Ann Lie wrote on Facebook “The harbour plan is dead and everyone knows it.”",
            "“The harbour plan is dead and everyone knows it.”",
            "Ann Lie",
        ),
    ],
)
def test_a_medium_between_the_verb_and_a_sentence_quotation(
    text: str, quotation: str, speaker: str
) -> None:
    """ "X said on Twitter "…"", "X wrote on Facebook “…”": a short adjunct naming where it
    was said, no comma, then a quotation that is a sentence of its own: a direct quote."""
    assert _direct(text) == [(quotation, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        # A title after the adjunct, not a sentence.
        "Ann Lie said on Broadway “The Late Pier Show” was her favourite.",
        # Quoted words inside the reported clause stay a fragment of a mixed quote.
        "Ann Lie said on Monday the “harbour tax” was unfair.",
    ],
)
def test_a_medium_before_a_title_or_a_fragment_stays_as_it_was(text: str) -> None:
    assert all(q.quote_type != "direct" or q.rule != "quote/cue-before" for q in quotes(text))


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        (
            'The council issued a reply on Monday. Their statement also read "closing the pier '
            'without a vote ignores the wishes of the town."',
            '"closing the pier without a vote ignores the wishes of the town."',
        ),
        (
            "Part of the judge's ruling reads “the harbour fee cannot be charged twice. The "
            "owners must be repaid.”",
            "“the harbour fee cannot be charged twice. The owners must be repaid.”",
        ),
    ],
)
def test_a_document_reads_a_quotation_without_a_colon(text: str, quotation: str) -> None:
    """ "Their statement also read "…"", "the judge's ruling reads “…”": a document noun, then
    "read(s)" right before a quotation of a full sentence, with no colon or comma."""
    assert quotation in [found for found, _ in _direct(text)]


@pytest.mark.parametrize(
    "text",
    [
        # A sign's words, not a document's sentence.
        'The sign on the gate read "No entry".',
        # Too short to be a sentence of the statement.
        "The statement reads “with regret” at the end.",
    ],
)
def test_reads_before_a_short_quotation_stays_out(text: str) -> None:
    assert all(q.cue_rule != "cue-before/document-reads" for q in quotes(text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Tom Berg explained to the Ostia Herald that the ferries would be sold.",
            "the ferries would be sold",
            "Tom Berg",
        ),
        (
            "Ann Lie admitted to Radio Norland that the pier had been closed too late.",
            "the pier had been closed too late",
            "Ann Lie",
        ),
        (
            "Ann Lie told our correspondent the pier had been closed too late.",
            "the pier had been closed too late",
            "Ann Lie",
        ),
        (
            "Tom Berg told this newspaper he would sell the ferries.",
            "he would sell the ferries",
            "Tom Berg",
        ),
    ],
)
def test_the_listener_before_the_reported_clause(text: str, content: str, speaker: str) -> None:
    """ "explained to the Ostia Herald that …", "told our correspondent …": the listener after
    "to", or the outlet's own listener after "told", is not part of what was said."""
    assert reported(text) == [(content, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        # "that" opening a relative clause after an object of "to", not reported speech.
        "Ann Lie agreed to a deal that gives the town a new pier.",
        "Tom Berg pointed to a survey that was published in May.",
    ],
)
def test_a_relative_that_after_to_stays_out(text: str) -> None:
    assert reported(text) == []


def test_a_body_name_ending_with_a_first_name_is_the_employer() -> None:
    """ "Ann Lie of Ostia Marine, a boat builder, said …": "Marine" ends the body's name (it is
    also a first name); the speaker is the person before "of"."""
    text = "Ann Lie of Ostia Marine, a boat builder, said the new hulls were lighter."
    assert reported(text) == [("the new hulls were lighter", "Ann Lie")]


@pytest.mark.parametrize(
    "title", ["Secretary-General", "Director-General", "Attorney-General", "Governor-General"]
)
def test_a_hyphenated_office_after_a_body_before_a_name(title: str) -> None:
    """ "The UN Secretary-General Tom Berg … He said …": a body's acronym, then a hyphenated
    office, then the person, whom a later "he" means."""
    text = (
        f"The UN {title} Tom Berg opened the harbour on Monday. He said that cargo "
        "traffic would double."
    )
    assert reported(text) == [("cargo traffic would double", "Tom Berg")]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The storm has claimed the lives of nine fishermen in the bay, Tom Berg said on "
            "Monday.",
            "The storm has claimed the lives of nine fishermen in the bay",
            "Tom Berg",
        ),
        (
            "The fever has claimed more than 300 lives since May, the Norland health ministry "
            "said.",
            "The fever has claimed more than 300 lives since May",
            "Norland health ministry",
        ),
    ],
)
def test_claimed_lives_is_no_report(text: str, content: str, speaker: str) -> None:
    """ "The storm has claimed the lives of …, X said": "claimed" with "lives" as its object
    killed, it did not report; the whole clause is X's reported speech."""
    assert reported(text) == [(content, speaker)]


def test_claimed_that_lives_were_is_still_a_report() -> None:
    text = "Ann Lie claimed the lives of the crew were never at risk."
    assert reported(text) == [("the lives of the crew were never at risk", "Ann Lie")]


def test_the_last_portfolio_of_an_office_is_no_one() -> None:
    """ "a message from Shri Harven Dask, Minister for Ports, Roads and Coastal Shipping,
    Government of Norland. He said …": "Coastal Shipping" ends the office's list of portfolios
    (no person); "he" is the minister."""
    text = (
        "The opening was preceded by a video message from Shri Harven Dask, Minister for Ports, "
        "Roads and Coastal Shipping, Government of Norland. He said that cargo traffic would "
        "double."
    )
    assert reported(text) == [("cargo traffic would double", "Harven Dask")]


def test_a_name_after_the_portfolios_stays_a_person() -> None:
    """ "Minister of Ports and Coastal Shipping Tom Berg opened …": the run after "and" holds the
    minister's name, not only a portfolio."""
    text = (
        "Minister of Ports and Coastal Shipping Tom Berg opened the pier. He said that cargo "
        "traffic would double."
    )
    assert reported(text) == [("cargo traffic would double", "Tom Berg")]


def test_a_noun_in_ing_before_a_closing_dash_is_no_cue() -> None:
    """ "On May 3 — two days after the Court of Appeal ruling — he said …": "ruling" before
    the dash that closes the aside is a noun, not the cue; "he" speaks."""
    text = (
        "Tom Berg has long argued that Norland must leave the pact. On May 3 — two days after "
        "the Court of Appeal ruling — he said he remained hopeful."
    )
    assert reported(text)[-1] == ("he remained hopeful", "Tom Berg")


@pytest.mark.parametrize("opener", ["Its", "Their"])
def test_its_statement_is_the_issuer_s(opener: str) -> None:
    """ "The union issued a statement on Monday. Its statement said …": the possessive points
    back to the one body that put the statement out."""
    text = (
        "The Norland Ferry Union issued a statement on Monday. "
        f"{opener} statement said that the strike would go on."
    )
    assert reported(text) == [("the strike would go on", "Norland Ferry Union")]


def test_his_statement_is_not_a_body_s() -> None:
    """ "His statement" is a person's, not the body's that issued one earlier."""
    text = (
        "The Norland Ferry Union issued a statement on Monday. Tom Berg read out his own. His "
        "statement said that the strike would go on."
    )
    assert all(who != "Norland Ferry Union" for _, who in reported(text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "According to Ostia’s harbour master, Tom Berg, the pier will reopen in May.",
            "the pier will reopen in May",
            "Tom Berg",
        ),
        (
            "According to Port Vell' first selectman, Ann Lie, there were nine boats in the bay.",
            "there were nine boats in the bay",
            "Ann Lie",
        ),
    ],
)
def test_according_to_a_role_then_the_name_in_apposition(
    text: str, content: str, speaker: str
) -> None:
    """ "According to Ostia’s harbour master, Tom Berg, …": the name between commas after a
    described source is the source, not the start of what was said."""
    assert reported(text) == [(content, speaker)]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "According to police, Tom Berg, 34, was arrested on Monday.",
            "Tom Berg, 34, was arrested on Monday",
            "police",
        ),
        (
            "According to the police, Tom Berg, a driver, was arrested.",
            "Tom Berg, a driver, was arrested",
            "police",
        ),
    ],
)
def test_according_to_a_body_then_the_subject_of_the_content(
    text: str, content: str, speaker: str
) -> None:
    """ "According to police, Tom Berg, 34, was arrested": the name is who the content is
    about, with his own apposition, not the source."""
    assert reported(text) == [(content, speaker)]


def test_a_passive_of_naming_without_be_has_its_agent_speak() -> None:
    """ "… a pattern described by the Ostia Herald as "…"": a passive participle right before
    "by": the agent is the speaker, with no form of "be" before the verb."""
    text = 'The radar showed a pattern described by the Ostia Herald as "erratic and confused".'
    assert _direct(text) == [('"erratic and confused"', "Ostia Herald")]


def test_quoted_words_a_body_expressed() -> None:
    """ "The union expressed its “deepest sympathy”": the quoted words are the subject's."""
    text = "The Norland Ferry Union expressed its “deepest sympathy” to the crew’s families."
    assert _direct(text) == [("“deepest sympathy”", "Norland Ferry Union")]


@pytest.mark.parametrize(
    "text",
    [
        # No agent after the participle: a term, not anyone's words.
        "The radar showed a pattern described as “erratic”.",
        # "by" after another verb is no agent of naming.
        "The pier was extended by a “floating section” in May.",
    ],
)
def test_a_passive_without_an_agent_stays_out(text: str) -> None:
    assert _direct(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Regarding the new pier, Ann Lie said it was safe.", "it was safe", "Ann Lie"),
        (
            "Asked about the ferry strike, Tom Berg said the talks would resume on Friday.",
            "the talks would resume on Friday",
            "Tom Berg",
        ),
        (
            "Commenting on the vote, the Norland Ferry Union said it would strike.",
            "it would strike",
            "Norland Ferry Union",
        ),
    ],
)
def test_an_opening_topic_is_not_what_was_said(text: str, content: str, speaker: str) -> None:
    """ "Regarding the pier, X said it was safe", "Asked about the strike, X said …": the
    opening phrase names the topic; what was said is the clause after the verb."""
    assert reported(text) == [(content, speaker)]


def test_content_before_the_speaker_still_reported() -> None:
    """Guard: a clause before the comma (no topic word opening it) is still the content."""
    text = "The new pier is safe for ferries, Ann Lie said."
    assert reported(text) == [("The new pier is safe for ferries", "Ann Lie")]


@pytest.mark.parametrize("lead", ["including", "such as"])
def test_names_listed_after_including_are_no_subjects(lead: str) -> None:
    """ "… opponents such as Ann Lie and Bo Berg. He said …", "initiatives including Digital
    Norland, Stand-Up Ostia and …": names in a list after "including" or "such as" are the
    items of the list, not the subject a later "he" continues."""
    text = (
        "Tom Berg opened the fair in Ostia on Monday.\n\n"
        f"He praised several initiatives, {lead} Digital Norland, Startup Ostia, Stand-Up "
        "Ostia and new ports, which have helped exporters.\n\n"
        "He said that exports had doubled."
    )
    assert reported(text)[-1] == ("exports had doubled", "Tom Berg")


def test_a_title_and_name_after_the_portfolios_stay_a_person() -> None:
    """ "Department of Ports and Coastal Shipping Secretary Tom Berg, Jr. said …": the run after
    "and" holds a title and a name, so it is no portfolio even with a comma after it."""
    text = (
        "Norland Department of Ports and Coastal Shipping Secretary Tom Berg, Jr. opened the "
        "pier on Monday.\n\n“Cargo traffic will double,” Secretary Berg said."
    )
    assert _direct(text) == [("“Cargo traffic will double,”", "Tom Berg, Jr.")]

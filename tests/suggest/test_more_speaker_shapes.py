"""More shapes of who said it (issue 15, "Who said it, on the world's news"): sentences
written for these tests, names invented."""

from __future__ import annotations

import pytest

from workbench.suggest.finder import suggest


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker) of every quote suggested for the text."""
    return [(s.text, s.speaker) for s in suggest(text, claims=0) if s.kind == "quote"]


def remark_around(between: str) -> str:
    """Ann Lie's remark in two quotations, with the sentence `between` them."""
    return f"“We cannot accept this,” Ann Lie said. {between} “It is a fair deal.”"


PARTED = [("“We cannot accept this,”", "Ann Lie"), ("“It is a fair deal.”", "Tom Berg")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will appeal,” according to a statement from the Ministry of Justice.", None),
        ("“We will appeal,” according to a court document filed by the Ministry of Justice.", None),
        ("“We will appeal,” a statement released by the Ministry of Justice said.", None),
        ("“We will appeal,” according to court documents filed by the Ministry of Justice.", None),
        ("“We will appeal,” according to a court filing by the Ministry of Justice.", None),
        ("“We will appeal,” according to a press release from the Ministry of Justice.", None),
        (
            "“We will appeal,” according to a statement posted by the Ministry of Justice on its "
            "website.",
            None,
        ),
        ("According to a statement from Acme Corp., “the plant will close.”", "Acme Corp."),
        (
            "“The plant will close,” according to an email sent by Acme Corp. to its staff.",
            "Acme Corp.",
        ),
        ("“The plant will close,” according to a letter signed by Ann Lie.", "Ann Lie"),
    ],
)
def test_document_of_a_body_is_the_bodys_word(text: str, speaker: str | None):
    # the person or body that issued the document speaks, not "a statement"
    assert {found for _, found in speakers(text)} == {speaker or "Ministry of Justice"}


@pytest.mark.parametrize(
    "text",
    [
        # whoever obtained or saw a document did not write it
        "“The plant will close,” according to a letter obtained by Reuters.",
        "“The plant will close,” according to a memo seen by the Daily Post.",
        # "of" names what the document is about
        "“The plant will close,” according to a study of Daily Post readers.",
        # a transcript records someone else's words
        "“The plant will close,” according to a transcript released by Acme Corp.",
    ],
)
def test_document_seen_by_an_outlet_is_not_the_outlets_word(text: str):
    assert all(found not in {"Reuters", "Daily Post", "Acme Corp."} for _, found in speakers(text))


@pytest.mark.parametrize(
    "between",
    [
        "Tom Berg, who leads the fishermen's union, disagreed.",
        "Tom Berg, the union's leader, disagreed.",
        "Tom Berg, 54, disagreed.",
        "Senator Tom Berg, whose party voted against the deal, disagreed.",
        # an opening of time or place before the subject
        "Meanwhile, Tom Berg disagreed.",
        "On Monday, Tom Berg disagreed.",
        "Later that day, Tom Berg disagreed.",
        "In Nairobi, Tom Berg disagreed.",
    ],
)
def test_remark_parted_where_the_subject_between_has_an_aside_or_an_opening(between: str):
    assert speakers(remark_around(between)) == PARTED


def test_remark_stays_whole_when_the_sentence_between_lists_people_after_an_aside():
    # which of the two speaks is not said
    text = (
        "“We cannot accept this,” Ann Lie said. Tom Berg, the union's leader, and Bo Weld "
        "disagreed. “It is a fair deal.”"
    )
    assert [speaker for _, speaker in speakers(text)] == ["Ann Lie", "Ann Lie"]


def test_quote_after_a_subject_with_an_aside_in_its_paragraph_is_that_persons():
    text = (
        "“The plan is sound,” said Tom Berg, the mayor.\n\n"
        "Ann Lie, who chairs the harbour board, shook her head. "
        "“I will not support a plan nobody has costed.”"
    )
    assert speakers(text)[-1] == ("“I will not support a plan nobody has costed.”", "Ann Lie")


QUOTATION = "“We cannot accept this deal, and we will fight it in every port.”"


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        ("So said Ann Lie, the head of the dockers' union, on Monday.", "Ann Lie"),
        ("So says Ann Lie, who has led the dockers for ten years.", "Ann Lie"),
        ("Those were the words of Ann Lie, the head of the dockers' union.", "Ann Lie"),
        ("That was the view of Ann Lie, who leads the dockers.", "Ann Lie"),
        ("That was the verdict of the Norland Dockers Union on Monday.", "Norland Dockers Union"),
    ],
)
def test_quotation_alone_in_its_paragraph_is_said_by_who_the_next_names(after: str, speaker: str):
    text = f"The talks ended on Monday.\n\n{QUOTATION}\n\n{after}"
    found = speakers(text)
    assert found[0] == (QUOTATION, speaker)
    # "So" is no one who said something
    assert all(name != "So" for _, name in found)


def test_said_after_outweighs_a_speaker_carried_from_before():
    text = (
        "“The port will stay open,” Bo Berg said on Monday.\n\n"
        f"{QUOTATION}\n\n"
        "So said Ann Lie, the head of the dockers' union."
    )
    assert speakers(text)[:2] == [("“The port will stay open,”", "Bo Berg"), (QUOTATION, "Ann Lie")]


def test_said_after_a_quotation_over_several_paragraphs_gives_all_of_it():
    text = (
        "The talks ended on Monday.\n\n“We cannot accept this deal.\n\n"
        "“We will fight it in every port.”\n\nSo said Ann Lie, the head of the dockers' union."
    )
    assert [name for _, name in speakers(text)] == ["Ann Lie", "Ann Lie"]


@pytest.mark.parametrize(
    "text",
    [
        # the quotation is not alone in its paragraph
        f"The talks ended on Monday. {QUOTATION}\n\nSo said Ann Lie, the head of the union.",
        # a paragraph between
        f"The talks ended.\n\n{QUOTATION}\n\nThe talks ended.\n\nSo said Ann Lie, the head.",
        # another opening
        f"The talks ended on Monday.\n\n{QUOTATION}\n\nAnn Lie, the head of the union, left.",
    ],
)
def test_said_after_only_right_after_a_quotation_alone(text: str):
    assert all(name != "Ann Lie" for quotation, name in speakers(text) if quotation == QUOTATION)


def roles(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker, role) of every quote suggested for the text."""
    return [(s.speaker, s.role) for s in suggest(text, claims=0) if s.kind == "quote"]


@pytest.mark.parametrize(
    ("between", "role"),
    [
        ("Union leader Tom Berg disagreed.", "Union leader"),
        ("Fisheries minister Tom Berg disagreed.", "Fisheries minister"),
        ("The union's chief negotiator Tom Berg disagreed.", None),
        ("Former union leader Tom Berg disagreed.", "Former union leader"),
    ],
)
def test_remark_parted_where_a_lowercase_role_opens_the_sentence_between(
    between: str, role: str | None
):
    text = remark_around(between)
    found = roles(text)
    assert [speaker for speaker, _ in found] == ["Ann Lie", "Tom Berg"]
    if role is not None:
        # the role is the speaker's role, not part of the name
        assert found[1][1] == role


@pytest.mark.parametrize(
    "between",
    [
        "Later Tom Berg disagreed.",
        "Meanwhile, Tom Berg disagreed.",
        "Union leader Tom Berg disagreed.",
    ],
)
def test_word_before_the_name_between_is_never_part_of_it(between: str):
    text = remark_around(between)
    assert all(speaker in {"Ann Lie", "Tom Berg"} for speaker, _ in roles(text))


@pytest.mark.parametrize(
    "between",
    [
        # lowercase words that are no role: a clause, not a title
        "But critics say Tom Berg disagreed.",
        "The deal that union members like Tom Berg signed was cheap.",
    ],
)
def test_remark_stays_whole_when_lowercase_words_before_the_name_are_no_role(between: str):
    text = remark_around(between)
    assert [speaker for speaker, _ in roles(text)] == ["Ann Lie", "Ann Lie"]


def described(text: str) -> list[tuple[str | None, bool]]:
    """(speaker, whether it is resolved) of every quote suggested for the text."""
    return [(s.speaker, s.speaker_resolved) for s in suggest(text, claims=0) if s.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The plant will close,” according to a statement from the company.", "the company"),
        ("“He lied to the court,” according to documents filed by prosecutors.", "prosecutors"),
        ("“We will appeal,” according to a statement from the ministry.", "the ministry"),
        ("According to a letter sent by the union, “the strike goes on.”", "the union"),
    ],
)
def test_document_of_a_lowercase_issuer_is_the_issuers_word_kept_as_a_description(
    text: str, speaker: str
):
    # the issuer speaks, not "a statement"; nothing names it, so a reviewer should
    assert set(described(text)) == {(speaker, False)}


def test_document_of_a_lowercase_issuer_is_the_body_the_article_names():
    text = (
        "The Norland Ministry of Justice lost the case on Monday.\n\n"
        "“We will appeal,” according to a statement from the ministry."
    )
    assert described(text) == [("Norland Ministry of Justice", True)]


def test_document_of_a_lowercase_issuer_is_the_role_holder_the_article_names():
    text = (
        "Mayor Ann Lie closed the harbour on Monday.\n\n"
        "“The harbour stays shut,” according to a letter signed by the mayor."
    )
    assert described(text) == [("Ann Lie", True)]


@pytest.mark.parametrize(
    "text",
    [
        # no issuer: where it came from, or when
        "“The plant will close,” according to a statement from last week.",
        "“The plant will close,” according to a letter from prison.",
        # seen, not written, by the description
        "“The plant will close,” according to a letter obtained by reporters.",
    ],
)
def test_document_from_a_lowercase_phrase_that_is_no_issuer_is_not_its_word(text: str):
    assert all(
        speaker not in {"last week", "prison", "reporters"} for speaker, _ in described(text)
    )


def test_document_of_a_lowercase_role_of_a_body_keeps_the_body():
    text = "“The strike goes on,” according to an email from the president of the Norland Union."
    assert described(text) == [("the president of the Norland Union", False)]


def reported(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker) of every quote suggested for the text, reported speech of any kind
    offered (reports="all")."""
    return [
        (s.text, s.speaker) for s in suggest(text, claims=0, reports="all") if s.kind == "quote"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "In a statement, the Ministry of Justice said the ruling was wrong.",
            [("the ruling was wrong", "Ministry of Justice")],
        ),
        (
            "In a statement released on Monday, the Ministry of Justice said the ruling was wrong.",
            [("the ruling was wrong", "Ministry of Justice")],
        ),
        (
            "In a statement announcing the pick, the Norland Dockers Union said the choice was "
            "a betrayal of workers.",
            [("the choice was a betrayal of workers", "Norland Dockers Union")],
        ),
        (
            "In a statement announcing the pick, the Association of Flight Attendants called the "
            "choice “a betrayal of workers.”",
            [
                ("the choice “a betrayal of workers.”", "Association of Flight Attendants"),
                ("“a betrayal of workers.”", "Association of Flight Attendants"),
            ],
        ),
        (
            "In a statement announcing the pick, the Association of Flight Attendants said: "
            "“This is a betrayal of workers.”",
            [("“This is a betrayal of workers.”", "Association of Flight Attendants")],
        ),
        (
            "In its annual report, Acme Corp. said sales had fallen.",
            [("sales had fallen", "Acme Corp.")],
        ),
        (
            "In an interview with the Daily Post, Ann Lie said the deal was fair.",
            [("the deal was fair", "Ann Lie")],
        ),
        (
            "At a news conference, Ann Lie said the deal was fair.",
            [("the deal was fair", "Ann Lie")],
        ),
    ],
)
def test_document_opening_the_sentence_is_no_speaker_and_no_content(text: str, found: list):
    # the subject after the introductory phrase speaks; the phrase is not what was said
    assert reported(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an opening that is no document's is still what was said
        (
            "In the end, the deal was fair, the Ministry of Justice said.",
            [("In the end, the deal was fair", "Ministry of Justice")],
        ),
        ("The ruling was wrong, the Ministry of Justice said.", None),
    ],
)
def test_content_before_the_speaker_still_read_after_an_opening(text: str, found: list | None):
    result = reported(text)
    assert result[0][1] == "Ministry of Justice"
    if found is not None:
        assert result == found


@pytest.mark.parametrize(
    ("before", "speaker"),
    [
        ("Acme Corp. issued a statement on Monday. ", "Acme Corp."),
        ("Ann Lie released a short statement after the vote.\n\n", "Ann Lie"),
        (
            "The Norland Dockers Union published a statement on its website.\n\n",
            "Norland Dockers Union",
        ),
        ("Ann Lie, the harbour master, issued a statement on Monday. ", "Ann Lie"),
    ],
)
def test_the_statement_is_the_word_of_who_issued_it_just_before(before: str, speaker: str):
    text = f"{before}The statement said, “The plant will close in May.”"
    assert described(text) == [(speaker, True)]


@pytest.mark.parametrize(
    "before",
    [
        # two issuers: which statement is not said
        "Acme Corp. issued a statement. Ann Lie released a statement too. ",
        # too far back: two paragraphs between
        "Acme Corp. issued a statement.\n\nThe talks ended.\n\nThe port closed.\n\n",
        # the statement is about the issuer's, not made by it
        "Ann Lie criticised a statement on Monday. ",
    ],
)
def test_the_statement_stays_a_description_when_its_issuer_is_not_one_named_nearby(before: str):
    text = f"{before}The statement said, “The plant will close in May.”"
    assert all(not resolved for _, resolved in described(text))


@pytest.mark.parametrize(
    "opening",
    [
        "On Monday",
        "Monday",
        "Late on Tuesday",
        "Earlier this week",
        "Last month",
        "On 3 March",
        "In March",
        "On Friday night",
        "Yesterday",
        "Later",
        "Meanwhile",
        "Two days later",
        # a place
        "In Nairobi",
        "At the summit",
        "At a rally in Kisumu",
    ],
)
@pytest.mark.parametrize(
    ("rest", "found"),
    [
        ("the Norland Union said it would strike.", ("it would strike", "Norland Union")),
        ("Norland Union said it would strike.", ("it would strike", "Norland Union")),
        ("the ministry said that prices would rise.", ("prices would rise", "the ministry")),
        ("police said two people had died.", ("two people had died", "police")),
        ("Ann Lie said the deal was fair.", ("the deal was fair", "Ann Lie")),
        ("the union's leader, Tom Berg, said it would strike.", ("it would strike", "Tom Berg")),
    ],
)
def test_opening_of_time_or_place_and_a_comma_is_no_content_and_no_speaker(
    opening: str, rest: str, found: tuple[str, str]
):
    # the subject after the opening speaks what follows the verb, as with no opening at all
    assert speakers(f"{opening}, {rest}") == [found]


@pytest.mark.parametrize(
    "text",
    [
        "The talks failed on Sunday.\n\nOn Monday, the Norland Union said it would strike.",
        "“We cannot accept this,” Ann Lie said.\n\nOn Monday, the Norland Union said it would "
        "strike.",
    ],
)
def test_opening_of_time_in_a_short_report_is_no_content(text: str):
    assert ("it would strike", "Norland Union") in speakers(text)
    assert all("Monday" not in quotation for quotation, _ in speakers(text))


def test_opening_of_time_before_reported_speech_and_a_quotation():
    text = (
        "On Monday, Ann Lie said the union would strike. “We will not back down,” she said.\n\n"
        "On Tuesday, Ann Lie told reporters: “We will strike.”"
    )
    assert speakers(text) == [
        ("the union would strike", "Ann Lie"),
        ("“We will not back down,”", "Ann Lie"),
        ("“We will strike.”", "Ann Lie"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # no comma, or a long report: as before
        ("On Monday the union said it would strike.", [("it would strike", "the union")]),
        (
            "In 2019, the company said it would close the plant.",
            [("it would close the plant", "the company")],
        ),
        # content that holds a time is still what was said
        (
            "Prices will rise on Monday, the ministry said.",
            [("Prices will rise on Monday", "the ministry")],
        ),
        (
            "On Monday, it will rise, the ministry said.",
            [("On Monday, it will rise", "the ministry")],
        ),
        # "This" or "Last" before no time: a subject (the clause split by its attribution is
        # two quotes, LABELLING.md)
        (
            "This campaign, he says, is different.",
            [("This campaign", "he"), ("is different", "he")],
        ),
        # a clause after a preposition: what was said, not when or where
        ("At least two people died, police said.", [("At least two people died", "police")]),
    ],
)
def test_time_phrases_that_were_read_right_stay_so(text: str, found: list):
    assert reported(text) == found


@pytest.mark.parametrize("opening", ["On Monday", "Late on Tuesday", "In Nairobi", "Meanwhile"])
def test_opening_of_time_or_place_before_according_to_is_no_content(opening: str):
    text = f"{opening}, according to police, two people died."
    assert reported(text) == [("two people died", "police")]


def test_remark_stays_whole_when_a_clause_and_a_comma_come_before_the_name_between():
    # Berg is named inside a clause, not as its subject
    text = (
        "“We cannot accept this,” Ann Lie said. After the vote, which Tom Berg had called, "
        "the talks ended. “It is a fair deal.”"
    )
    assert [speaker for _, speaker in speakers(text)] == ["Ann Lie", "Ann Lie"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("March Fong Eu said the count was over.", "March Fong Eu"),
        ("April Ryan said the briefing was cancelled.", "April Ryan"),
        ("May Lee said the plant would close.", "May Lee"),
        ("June Carter said the tour would go on.", "June Carter"),
        ("August Pfluger said the bill would pass.", "August Pfluger"),
        ("Sunday Dare said the league would resume.", "Sunday Dare"),
        ("Summer Lee said the vote was close.", "Summer Lee"),
        ("The reporter April Ryan said the briefing was cancelled.", "April Ryan"),
        ("Nigeria's sports minister, Sunday Dare, said the league would resume.", "Sunday Dare"),
        ("“The briefing was cancelled,” said April Ryan.", "April Ryan"),
        ("“The briefing was cancelled,” April Ryan said.", "April Ryan"),
        ("“The league will resume,” said Sunday Dare, the sports minister.", "Sunday Dare"),
    ],
)
def test_name_whose_first_word_is_a_month_or_weekday_keeps_it(text: str, speaker: str):
    assert {found for _, found in speakers(text)} == {speaker}


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Ann Lie said the plan would work.",
        "Monday Ann Lie said the plan would work.",
        "On Monday Ann Lie said the plan would work.",
        "In March Ann Lie said the plan would work.",
        "On May 5, Ann Lie said the plan would work.",
        "On 5 May Ann Lie said the plan would work.",
        "Last June, Ann Lie said the plan would work.",
        "Last June Ann Lie said the plan would work.",
        "On March 3 Ann Lie said the plan would work.",
        "In early April Ann Lie said the plan would work.",
        "Ann Lie said in March that the plan would work.",
        "Ann Lie said on Monday that the plan would work.",
        "By March 3, Ann Lie said the plan would work.",
        "Late Monday Ann Lie said the plan would work.",
        "“The plan will work,” Ann Lie said Monday.",
        "“The plan will work,” said Ann Lie on Monday.",
        "“The plan will work,” said Ann Lie in March.",
    ],
)
def test_month_or_weekday_of_a_time_stays_out_of_the_name(text: str):
    # a time before or after the name, not its first word
    assert {found for _, found in speakers(text)} == {"Ann Lie"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "April Ryan said the briefing was cancelled. “We were told nothing,” Ryan said.",
            "April Ryan",
        ),
        ("Sunday Dare said the league would resume. “It will,” Dare added.", "Sunday Dare"),
        ("In March Ann Lie said the plan would work. “It will,” Lie said.", "Ann Lie"),
        ("On 5 May Ann Lie said the plan would work. “It will,” Lie said.", "Ann Lie"),
    ],
)
def test_later_surname_resolves_to_the_name_a_month_or_weekday_opens(text: str, speaker: str):
    # the registry keeps "April Ryan", and never "March Ann Lie"
    assert {found for _, found in speakers(text)} == {speaker}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "After the vote failed, the Norland Union said it would strike.",
            ("it would strike", "Norland Union"),
        ),
        ("When asked about the deal, Ann Lie said it was fair.", ("it was fair", "Ann Lie")),
        (
            "Although the talks stalled, the minister said a deal was close.",
            ("a deal was close", "the minister"),
        ),
        (
            "Because the river rose, Tom Berg said the bridge was shut.",
            ("the bridge was shut", "Tom Berg"),
        ),
        (
            "As the count went on, officials said turnout was high.",
            ("turnout was high", "officials"),
        ),
        (
            "While the court sat, the lawyers said little had changed.",
            ("little had changed", "the lawyers"),
        ),
    ],
)
def test_opening_subordinate_clause_and_a_comma_is_no_content(text: str, found: tuple[str, str]):
    # the subject after the opening clause speaks what follows the verb
    assert speakers(text) == [found]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # content before the cue stays what was said
        ("At least two people died, police said.", [("At least two people died", "police")]),
        ("The deal is fair, Ann Lie said.", [("The deal is fair", "Ann Lie")]),
        # a subordinate clause that is all that was said, with nothing after the verb
        ("Because the deal is fair, Ann Lie said.", [("Because the deal is fair", "Ann Lie")]),
        # a main clause after the opening clause is what was said
        (
            "If the vote fails, we will strike, the union said.",
            [("If the vote fails, we will strike", "the union")],
        ),
    ],
)
def test_content_before_the_cue_stays_content_next_to_opening_clauses(text: str, found: list):
    assert reported(text) == found

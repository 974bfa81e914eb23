"""More shapes of who said it (issue 15, "Who said it, on the world's news"): sentences
written for these tests, names invented."""

from __future__ import annotations

import pytest

from workbench.suggest.finder import suggest


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker) of every quote suggested for the text."""
    return [(s.text, s.speaker) for s in suggest(text, claims=0) if s.kind == "quote"]


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
    ],
)
def test_remark_parted_where_the_subject_between_has_an_aside(between: str):
    text = f"“We cannot accept this,” Ann Lie said. {between} “It is a fair deal.”"
    assert speakers(text) == [
        ("“We cannot accept this,”", "Ann Lie"),
        ("“It is a fair deal.”", "Tom Berg"),
    ]


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

"""Quotes the finder missed or cut wrongly in the holdouts' news (issue 15, bench/holdout and
bench/holdout2): reported clauses split by their attribution, "according to" inside a clause,
"indicated" as a cue. One invented sentence for each shape."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import reported
from workbench.suggest.finder.engine import remarks, suggest


def _bare(speaker: str | None) -> str | None:
    return speaker.removeprefix("The ").removeprefix("the ") if speaker else speaker


# Shapes not handled yet: they must fail until they are.
PENDING: set[str] = set()


def _params(cases: list[tuple]) -> list:
    pending = pytest.mark.xfail(strict=True, reason="shape not handled yet")
    return [pytest.param(*c[1:], id=c[0], marks=pending if c[0] in PENDING else ()) for c in cases]


# (shape, sentence, the reported parts, the speaker): each part offered as indirect speech,
# exactly so, and nothing else.
SPLIT = [
    (
        "name-said-between-subject-and-verb",
        "This plan, the harbour master said, has become the norm along the coast.",
        ["This plan", "has become the norm along the coast"],
        "harbour master",
    ),
    (
        "pronoun-said-between-subject-and-verb",
        "The ferry was quiet that morning. Her brother, she said, worked on the pier for years.",
        ["Her brother", "worked on the pier for years"],
        "she",
    ),
    (
        "said-between-two-predicates",
        "The levy is unfair and hurts small crews, he said, but is rarely challenged.",
        ["The levy is unfair and hurts small crews", "but is rarely challenged"],
        "he",
    ),
    (
        "according-to-between-subject-and-verb",
        "The expected cost, according to the port audit, was far higher than planned.",
        ["The expected cost", "was far higher than planned"],
        "port audit",
    ),
    (
        "according-to-after-and-reports-only-what-follows",
        "The crews had a good season and, according to the harbour board, were paid more "
        "than ever.",
        ["were paid more than ever"],
        "harbour board",
    ),
]


@pytest.mark.parametrize(("text", "parts", "speaker"), _params(SPLIT))
def test_a_reported_clause_split_by_its_attribution_is_two_quotes(
    text: str, parts: list[str], speaker: str
) -> None:
    found = reported(text)
    assert [w for w, _ in found] == parts, found
    assert {_bare(s) for _, s in found} == {speaker}


@pytest.mark.xfail("parts-are-one-remark" in PENDING, strict=True, reason="not handled yet")
def test_the_parts_of_a_split_reported_clause_are_one_remark() -> None:
    text = "This plan, the harbour master said, has become the norm along the coast."
    joined = [s.text for s in remarks(text, suggest(text, claims=0)) if s.kind == "quote"]
    assert joined == ["This plan, the harbour master said, has become the norm along the coast"]


# (shape, sentence): the finder keeps one reported clause, as before.
NOT_SPLIT = [
    (
        "said-then-a-time",
        "The pier will reopen, the harbour master said, on Monday.",
        "The pier will reopen",
    ),
    (
        "according-to-then-a-participle",
        "The ferry sank, according to the coast guard, killing two crew members.",
        "The ferry sank",
    ),
    (
        "opening-time-then-said",
        "On Monday, the harbour master said, the pier will reopen.",
        "the pier will reopen",
    ),
]


@pytest.mark.parametrize(("text", "words"), _params(NOT_SPLIT))
def test_an_attribution_before_an_adjunct_splits_nothing(text: str, words: str) -> None:
    assert [w for w, _ in reported(text)] == [words]


# (shape, sentence, the reported words, the speaker).
FOUND = [
    (
        "person-indicated",
        "The harbour master indicated two ferries would be sold before winter.",
        "two ferries would be sold before winter",
        "harbour master",
    ),
    (
        "named-spokesman-indicated",
        "A port spokesman, Tom Berg, indicated the company was disappointed by the ruling.",
        "the company was disappointed by the ruling",
        "Tom Berg",
    ),
    (
        "content-then-told-a-listener-in-a-statement",
        "The pier is safe for visitors, Ann Lie told the Harbour Herald in a statement.",
        "The pier is safe for visitors",
        "Ann Lie",
    ),
    (
        "content-then-told-a-listener-from-a-place-with-an-aside",
        "Since May, she has written over 70 songs, Ann Lie told the Harbour Herald from Oslo, "
        "where she has lived for a year.",
        "Since May, she has written over 70 songs",
        "Ann Lie",
    ),
    (
        "relative-clause-which-she-said",
        "Sailors have sent her long letters — which she said make her feel truly welcome.",
        "make her feel truly welcome",
        "she",
    ),
    (
        "relative-clause-which-they-have-said",
        "He sued the ferry line after it skipped his stops, which they’ve said was due to "
        "a lack of fuel, and lost.",
        "was due to a lack of fuel",
        "they",
    ),
    (
        "relative-clause-that-a-name-said",
        "It is a levy that Ann Lie said would ruin the small crews.",
        "would ruin the small crews",
        "Ann Lie",
    ),
    (
        "realized-with-a-quoted-fragment",
        "When the tide turned, Ann Lie realized the pier might not be as “safe as it looks.”",
        "the pier might not be as “safe as it looks.”",
        "Ann Lie",
    ),
    (
        "researchers-found-that",
        "Norland researchers found that older piers rot faster in warm water.",
        "older piers rot faster in warm water",
        "Norland researchers",
    ),
    (
        "they-found-that-after-a-time",
        "In May, they found that the pier had sunk by a metre.",
        "the pier had sunk by a metre",
        "they",
    ),
    (
        "noun-of-saying-from-a-source-that",
        "The cuts prompted public reassurances from Mayor Ann Lie that the pier would stay open.",
        "the pier would stay open",
        "Ann Lie",
    ),
    (
        "ruling-by-an-organisation-of-a-place-that",
        "The vote follows a ruling by the Harbour Court of Norland that the levy was unlawful.",
        "the levy was unlawful",
        "Harbour Court of Norland",
    ),
    (
        "as-the-source-claims",
        "The ferry still runs, as the harbour board claims the levy does not cover it.",
        "the levy does not cover it",
        "harbour board",
    ),
    (
        "as-she-felt-with-a-quoted-fragment",
        "She chose rhyme over prose, as she felt prose would become \u201ctoo dark\u201d for children.",
        "prose would become \u201ctoo dark\u201d for children",
        "she",
    ),
    (
        "indicated-on-a-day",
        "Mayor Ann Lie indicated on Monday the chances of reopening the pier were slim.",
        "the chances of reopening the pier were slim",
        "Ann Lie",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "speaker"), [pytest.param(*c[1:], id=c[0]) for c in FOUND]
)
def test_reported_speech_is_found_with_its_speaker(text: str, words: str, speaker: str) -> None:
    found = reported(text)
    assert any(w == words for w, _ in found), found
    assert _bare(next(s for w, s in found if w == words)) == speaker


NOT_FOUND = [
    ("as-the-source-said-it-would", "The pier stays open, as the mayor said it would."),
    ("as-opening-a-sentence", "As the mayor said, the pier stays open all winter."),
    (
        "statement-from-a-source-that-is-a-relative",
        "He read a statement from the union that was long.",
    ),
    ("a-study-found-that", "The harbour study found that the pier had sunk by a metre."),
    ("found-a-noun-phrase", "Divers found the lost anchor near the old pier."),
    ("relative-clause-with-an-object-gap", "The report that the skipper wrote was long."),
    ("relative-clause-without-a-cue", "The pier that sailors built was old and narrow."),
    ("tests-indicated", "Early tests indicated the water in the harbour was clean."),
    ("indicated-a-noun-phrase", "The harbour master indicated a strong preference for rail."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_no_reported_speech_is_offered(text: str) -> None:
    assert reported(text) == []


def test_quoted_words_after_a_passive_of_naming_are_no_direct_quote() -> None:
    text = (
        "The valley had good harvests and, according to the council, was called the "
        "\u201cgreen heart\u201d of the region."
    )
    found = [(s.quote_type, s.text) for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found == [("indirect", "was called the \u201cgreen heart\u201d of the region")]


def test_a_that_clause_after_a_reporting_verb_is_one_report() -> None:
    found = reported("Ann Lie said that the skipper thinks the pier is old.")
    assert [w for w, _ in found] == ["the skipper thinks the pier is old"]


def test_a_belief_in_an_opening_clause_is_no_cue_of_the_quotation_after_it() -> None:
    text = "When the skipper realized the tide was turning, \u201che left\u201d with the crew."
    direct = [s.text for s in suggest(text, claims=0) if s.quote_type == "direct"]
    assert direct == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param(
            "Ann Lie warned of those seeking to \u201cundermine\u201d the pier.",
            "undermine",
            id="warned-of",
        ),
        pytest.param(
            "Ann Lie spoke about the \u201cshameful\u201d state of the pier.",
            "shameful",
            id="spoke-about",
        ),
    ],
)
def test_quoted_words_in_what_a_speaker_spoke_of_are_a_direct_quote(text: str, words: str) -> None:
    direct = [
        (s.text.strip("\u201c\u201d"), s.speaker)
        for s in suggest(text, claims=0)
        if s.quote_type == "direct"
    ]
    assert direct == [(words, "Ann Lie")]

"""Reported speech the finder missed in the holdout's real news (issue 15, bench/holdout):
organisations and the media as speakers with cues other than "said", and quoted words after
a verb with a noun object. One invented sentence for each shape."""

from __future__ import annotations

import pytest

from workbench.suggest.finder.engine import suggest


def _quotes(text: str, kinds: set[str]) -> list[tuple[str, str | None]]:
    return [
        (s.text, s.speaker)
        for s in suggest(text, claims=0)
        if s.kind == "quote" and s.quote_type in kinds
    ]


def _bare(speaker: str | None) -> str | None:
    return speaker.removeprefix("The ").removeprefix("the ") if speaker else speaker


# (shape, sentence, the reported words, the speaker): offered as indirect speech, exactly so.
FOUND = [
    (
        "media-reported",
        "State media reported the ferry's log book was recovered.",
        "the ferry's log book was recovered",
        "State media",
    ),
    (
        "media-reported-past-without-ed",
        "Local media reported most of the stranded hikers slept in the hut.",
        "most of the stranded hikers slept in the hut",
        "Local media",
    ),
    (
        "publication-stated-irregular-verb",
        "The trade weekly stated the ferry overran the pier.",
        "the ferry overran the pier",
        "trade weekly",
    ),
    (
        "bare-subject-confirmed",
        "Harbour police confirmed two divers were still missing.",
        "two divers were still missing",
        "Harbour police",
    ),
    (
        "role-with-its-acronym-in-brackets",
        "Member of parliament (MP) Ann Lie said a law allowing the sale of the pier marked a "
        "\u201csad day for Norland\u201d.",
        "a law allowing the sale of the pier marked a \u201csad day for Norland\u201d",
        "Ann Lie",
    ),
    (
        "second-clause-after-a-semicolon",
        "Many of the passengers were local; the embassy confirmed two pilgrims from Ostia also "
        "drowned.",
        "two pilgrims from Ostia also drowned",
        "embassy",
    ),
    (
        "went-on-to-say-after-a-pronoun",
        "Ann Lie spoke first. She went on to say dozens of ferries could be saved.",
        "dozens of ferries could be saved",
        "Ann Lie",
    ),
    (
        "contracted-verb-before-said-name",
        "It\u2019s up to the skipper to find the right pier, said Ann Lie, the harbour master.",
        "It\u2019s up to the skipper to find the right pier",
        "Ann Lie",
    ),
    (
        "with-source-saying",
        "No one was hurt on the pier, with local media reporting the ferry was empty.",
        "the ferry was empty",
        "local media",
    ),
    (
        "according-to-after-and",
        "The ferry sank in May and according to the Harbour Board it was overloaded.",
        "it was overloaded",
        "Harbour Board",
    ),
    (
        "according-to-an-organisation-of",
        "The skipper was ill and according to the Ministry of Ferry Affairs he died on board.",
        "he died on board",
        "Ministry of Ferry Affairs",
    ),
    (
        "according-to-ends-without-a-comma",
        "In 2019 another ferry missed the pier, turning at \u201cvery high speed\u201d according to "
        "the Harbour Herald.",
        "In 2019 another ferry missed the pier, turning at \u201cvery high speed\u201d",
        "Harbour Herald",
    ),
]


# Shapes not handled yet: they must fail until they are.
PENDING: set[str] = set()


def _params(cases: list[tuple[str, ...]]) -> list:
    pending = pytest.mark.xfail(strict=True, reason="shape not handled yet")
    return [pytest.param(*c[1:], id=c[0], marks=pending if c[0] in PENDING else ()) for c in cases]


@pytest.mark.parametrize(("text", "words", "speaker"), _params(FOUND))
def test_reported_speech_is_found_with_its_speaker(text: str, words: str, speaker: str) -> None:
    found = _quotes(text, {"indirect", "mixed"})
    assert any(w == words for w, _ in found), found
    said = next(s for w, s in found if w == words)
    assert _bare(said) == speaker


# (shape, sentence): no reported speech offered.
NOT_FOUND = [
    ("reported-as-an-adjective", "The reported figures were far too low for the harbour."),
    ("stated-as-an-adjective", "The stated aim of the ferry company was a second pier."),
    ("indicated-a-noun", "The gauges indicated a sharp drop in the water level."),
    ("possessive-and-participle", "Her stated aim was that the ferry would run all winter."),
    ("data-indicates", "Early data indicates that ferry use fell to a new low in May."),
    ("scan-revealed", "A CT scan revealed that the skipper had a broken rib."),
    ("according-to-the-rules", "The crew acted entirely according to the rules of the port."),
    ("declined-to-comment", "Through a spokesman, she declined to comment on the pier."),
    ("refused-to-pledge", "He refused to pledge to release the ferry accounts before May."),
    (
        "cited-a-noun-with-a-contracted-relative",
        "He cited the case of a ferry firm that\u2019s funding all of the candidates in the port.",
    ),
    (
        "revealed-a-noun-with-whereby",
        "The Harbour Herald revealed a deal whereby, in May, the port sold the pier.",
    ),
    ("passive-with-an-adverb", "The closure was first reported by the Harbour Herald."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_no_reported_speech_is_offered(text: str) -> None:
    assert _quotes(text, {"indirect", "mixed"}) == []


# (shape, sentence, the quoted words, the speaker): the fragment after "VERB X as" is a
# direct quote of the verb's subject, nested in what the verb reports (a mixed quote).
DESCRIBED = [
    (
        "described-as",
        "Ann Lie described the closure as a “needless blow”.",
        "needless blow",
        "Ann Lie",
    ),
    (
        "characterised-as-then-a-quote",
        "Lie also characterised the delays as “shameful” and wrote “We will fix it.”",
        "shameful",
        "Lie",
    ),
    (
        "referred-to-as",
        "Norland Boats referred to the vessel involved as a “cargo ferry”.",
        "cargo ferry",
        "Norland Boats",
    ),
    (
        "after-a-semicolon",
        "The pier will close, said Ann Lie, the port chief; she described the storm as a "
        "“freak event” and left.",
        "freak event",
        "Ann Lie",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "speaker"), [pytest.param(*c[1:], id=c[0]) for c in DESCRIBED]
)
def test_quoted_words_after_described_as_are_a_direct_quote(
    text: str, words: str, speaker: str
) -> None:
    found = [(w.strip("“”., "), _bare(s)) for w, s in _quotes(text, {"direct"})]
    assert (words, speaker) in found, found
    assert any(_bare(s) == speaker for _, s in _quotes(text, {"mixed"}))


def test_a_passive_described_as_names_no_speaker() -> None:
    text = "The closure was described as a “needless blow” by the harbour board."
    assert _quotes(text, {"mixed"}) == []


def test_describe_with_a_noun_object_reports_no_clause() -> None:
    text = "The port denies the two leaks are linked; reports describe fears the hull was weak."
    assert [s for _, s in _quotes(text, {"indirect", "mixed"})] == ["The port"]


def test_a_name_in_quotation_marks_after_names_like_is_no_quote() -> None:
    text = (
        "Ann Lie said that some ferry firms use confusing names like \u201cfast line,\u201d "
        "which mask the real speed."
    )
    assert _quotes(text, {"direct"}) == []
    assert _quotes(text, {"indirect", "mixed"})

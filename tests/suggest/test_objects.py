"""What a cue of reported speech reports (objects.py): a clause is offered by default, a noun
phrase, an infinitive or a prepositional phrase only with `suggest(reports="all")`.

Sentences written for each shape (bench/devset/LABELLING.md, "What counts as reported speech").
"""

from __future__ import annotations

import pytest

from workbench.suggest.finder.engine import suggest
from workbench.suggest.finder.objects import reported_clause


def _reported(text: str, reports: str = "clauses") -> list[str]:
    return [
        s.text
        for s in suggest(text, claims=0, reports=reports)
        if s.kind == "quote" and s.quote_type in {"indirect", "mixed"}
    ]


# (shape, sentence, the reported words): refused by default, offered with reports="all".
PHRASES = [
    ("noun-phrase", "Ann Lie praised the efforts of the coast guard.", "the efforts of the"),
    ("noun-with-relative", "Ann Lie noted the experiments that were done in orbit.", "experiments"),
    ("infinitive", "The ministers agreed to set new targets for the ports.", "to set new"),
    ("preposition", "Ann Lie spoke about the future of the harbour.", "about the future"),
    ("object-then-infinitive", "Tor Vikan called on the council to act.", "the council to act"),
    ("coordinated-adjective", "Ann Lie praised the serving and retired crews.", "retired"),
    ("pronoun-and-preposition", "Ann Lie said this in an interview with the paper.", "this in"),
    ("first-person-belief", "I believe that the harbour will close next year.", "the harbour"),
    ("we-know", "We know that the harbour will close next year.", "the harbour will"),
    (
        "opening-phrase-before-the-cue",
        "On the new ferry timetable, Ann Lie writes:\n\nIt is late again.",
        "On the new ferry timetable",
    ),
]

# (shape, sentence, the reported words): offered by default.
CLAUSES = [
    ("that-clause", "Ann Lie stressed that the port will stay open.", "the port will stay open"),
    ("bare-clause", "Ann Lie noted the talks had failed.", "the talks had failed"),
    ("past-verb", "Ann Lie recalled the ferry sailed at dawn.", "the ferry sailed at dawn"),
    ("saying-verb", "Ann Lie said the stores fill the shelves every night.", "the stores fill"),
    ("question", "Ann Lie explained why the ferry was late.", "why the ferry was late"),
    ("pronoun-subject", "Ann Lie warned they would close the pier.", "they would close the pier"),
    ("content-before-cue", "The pier will close in May, Ann Lie said.", "The pier will close"),
    (
        "present-tense-before-the-cue",
        "This growth of the fleet signals a new era, the minister said.",
        "This growth of the fleet signals a new era",
    ),
    (
        "said-that-and-a-phrase",
        "Ann Lie said that over the past year the port has grown.",
        "over the past year the port has grown",
    ),
    (
        "fragment-inside",
        "Ann Lie praised the “tireless work” of the coast guard.",
        "the “tireless work” of the coast guard",
    ),
    (
        "that-after-a-noun",
        "The ministry denied all claims that the crew was paid.",
        "all claims that the crew was paid",
    ),
    (
        "according-to",
        "According to Ann Lie, the refund scheme for the new harbour.",
        "the refund scheme",
    ),
]


@pytest.mark.parametrize(("text", "words"), [p[1:] for p in PHRASES], ids=[p[0] for p in PHRASES])
def test_a_phrase_object_is_offered_only_with_reports_all(text: str, words: str) -> None:
    assert not any(words in found for found in _reported(text))
    assert any(words in found for found in _reported(text, "all"))


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in CLAUSES], ids=[c[0] for c in CLAUSES])
def test_a_reported_clause_is_offered_by_default(text: str, words: str) -> None:
    assert any(words in found for found in _reported(text))


def test_reports_all_offers_everything_the_default_offers() -> None:
    text = " ".join(c[1] for c in CLAUSES) + " " + " ".join(p[1] for p in PHRASES)
    # PolNeAR's spans keep the "that" opening a reported clause; the house conventions drop it.
    everything = {found.removeprefix("that ") for found in _reported(text, "all")}
    assert set(_reported(text)) < everything


def test_an_unknown_reports_value_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="reports must be one of clauses, all"):
        suggest("Ann Lie said the pier was shut.", reports="some")


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("the talks had failed", True),
        ("that the talks failed", True),
        ("to set new targets", False),
        ("the efforts of the coast guard", False),
        ("disasters that have occurred", False),
    ],
)
def test_reported_clause_reads_the_words_alone(text: str, clause: bool) -> None:
    assert reported_clause(text, 0, len(text)) is clause


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lie underlined that the port will stay open.",
        "The minister also underscored that the port will stay open.",
        "The rules specify that the port will stay open.",
    ],
)
def test_verbs_of_underlining_report_a_clause(text: str) -> None:
    (found,) = _reported(text)
    assert found.removeprefix("that ") == "the port will stay open"

from __future__ import annotations

import random
import sys
from pathlib import Path

from workbench.articles.anchoring import (
    EXACT,
    FUZZY,
    MOVED,
    ORPHANED,
    Anchor,
    TextMap,
    place,
    reanchor,
    word_similarity,
)

P1 = "The minister said the budget would rise by 12 percent next year, a record for the region."
P2 = "“We will not cut a single school,” Haddad said at the press conference on Tuesday morning."
P3 = "Critics pointed out that the same promise was made in 2019 and quietly dropped in 2021."
OLD = "\n\n".join([P1, P2, P3])


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def placed_text(text: str, placement) -> str:
    return text[placement.start : placement.end]


def one(old: str, new: str, words: str, parts=()) -> tuple:
    start, end = span(old, words)
    return reanchor(old, new, [(start, end, list(parts))])[0]


def test_reanchor_unchanged_text_is_exact_everywhere():
    main, parts = one(OLD, OLD, "budget would rise", [span(OLD, "minister")])
    assert main.state == EXACT and placed_text(OLD, main) == "budget would rise"
    assert parts[0].state == EXACT


def test_reanchor_shifted_by_an_insertion_before_is_exact():
    new = "UPDATED: figures corrected.\n\n" + OLD
    main, _ = one(OLD, new, "the same promise was made in 2019")
    assert main.state == EXACT
    assert placed_text(new, main) == "the same promise was made in 2019"
    assert main.start == span(new, "the same promise was made in 2019")[0]


def test_reanchor_moved_paragraph_is_moved_with_its_mention_and_cue():
    new = "\n\n".join([P1, P3, P2])
    quote = "We will not cut a single school"
    main, parts = one(OLD, new, quote, [span(OLD, "Haddad"), span(OLD, "said at")])
    assert main.state == MOVED
    assert placed_text(new, main) == quote
    assert [placed_text(new, p) for p in parts] == ["Haddad", "said at"]
    assert parts[0].start == span(new, "Haddad")[0]


def test_reanchor_changed_figure_is_fuzzy_with_a_score():
    new = OLD.replace("by 12 percent", "by 15 percent")
    main, _ = one(OLD, new, "the budget would rise by 12 percent next year")
    assert main.state == FUZZY
    assert placed_text(new, main) == "the budget would rise by 15 percent next year"
    assert 0.7 <= main.score < 1


def test_reanchor_rewritten_sentence_is_orphaned_never_moved():
    new = OLD.replace(P3, "The opposition welcomed the announcement and asked for details.")
    main, parts = one(OLD, new, "the same promise was made in 2019", [span(OLD, "Critics")])
    assert main.state == ORPHANED and main.start is None
    assert parts[0].state == ORPHANED  # a part is orphaned with its annotation


def test_reanchor_deleted_words_are_orphaned_even_when_a_short_copy_remains():
    old = "He said no. Later the board met again and he said no to the plan."
    new = "Later the board met again and he said no to the plan."
    start, end = 0, len("He said no")
    main, _ = reanchor(old, new, [(start, end, [])])[0]
    # "he said no" is still in the text, but not these words: the context does not vouch.
    assert main.state == ORPHANED


def test_reanchor_two_equal_passages_are_not_guessed_between():
    old = "Intro.\n\nThe vote was close, he said.\n\nMiddle.\n\nThe vote was close, he said."
    new = "Other intro.\n\nThe vote was close, he said.\n\nThe vote was close, he said."
    main, _ = one(old, new, "Middle")
    assert main.state == ORPHANED


def test_reanchor_below_the_floor_is_orphaned_with_its_score():
    new = OLD.replace("budget would rise by 12 percent", "deficit might fall by 3 points")
    start, end = span(OLD, "the budget would rise by 12 percent next year")
    main, _ = reanchor(OLD, new, [(start, end, [])])[0]
    assert main.state == ORPHANED and 0 < main.score < 0.7
    lenient, _ = reanchor(OLD, new, [(start, end, [])], floor=0.1)[0]
    assert lenient.state == FUZZY


def test_reanchor_counts_code_points_not_bytes_or_utf16():
    old = "Café 🎉 opened. “Prices stay low,” Marra said."
    new = "UPDATE 🎉🎉: Café 🎉 opened. “Prices stay low,” Marra said."
    main, _ = one(old, new, "Prices stay low")
    assert main.state == EXACT and placed_text(new, main) == "Prices stay low"


def test_place_rejects_a_span_outside_the_text():
    text_map = TextMap(OLD, OLD + " More.")
    assert place(text_map, Anchor(5, len(OLD) + 10)).state == ORPHANED


def test_word_similarity_counts_shared_words():
    assert word_similarity("a b c d", "a b c d") == 1
    assert word_similarity("a b c d", "a b x d") == 0.75
    assert word_similarity("a b", "x y") == 0


def test_reanchor_bench_article_is_placed_fast_and_never_wrongly():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import reanchor as bench

    vocab = bench.vocabulary(random.Random(0))  # noqa: S311
    result = bench.run_seed(7, vocab, [0.7])
    verdicts, parts, _ms, _states = result[0.7]
    assert len(verdicts) == 300
    assert verdicts.count("wrong") == 0 and parts.count("wrong") == 0
    assert verdicts.count("exact") >= 280
    # Speed is measured by the bench (bench/reanchor.py), not here.

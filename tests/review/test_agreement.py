"""The agreement arithmetic, checked against hand-computed and published values."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.review.agreement import (
    Span,
    Tally,
    cohen_kappa,
    compare,
    krippendorff_alpha,
    match_spans,
    project_agreement,
    total,
    week_start,
)


def table(yes_yes: int, yes_no: int, no_yes: int, no_no: int) -> list[tuple[str, str]]:
    return (
        [("yes", "yes")] * yes_yes
        + [("yes", "no")] * yes_no
        + [("no", "yes")] * no_yes
        + [("no", "no")] * no_no
    )


def test_cohen_kappa_matches_the_wikipedia_worked_example():
    # 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = 0.7, pe = 0.5, κ = 0.4.
    assert cohen_kappa(table(20, 5, 10, 15)) == pytest.approx(0.4)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # Wikipedia's two tables with the same 60% agreement but different marginals.
        ((45, 15, 25, 15), 0.06 / 0.46),  # 0.1304
        ((25, 35, 5, 35), 0.14 / 0.54),  # 0.2593
        ((10, 0, 0, 10), 1.0),
        ((0, 10, 10, 0), -1.0),
    ],
)
def test_cohen_kappa_matches_hand_computed_tables(cells, expected):
    assert cohen_kappa(table(*cells)) == pytest.approx(expected)


def test_cohen_kappa_on_three_categories_by_hand():
    # po = 6/9; A gave a=4 b=3 c=2, B gave a=4 b=4 c=1; pe = (16 + 12 + 2) / 81 = 30/81;
    # κ = (54 − 30) / (81 − 30) = 24/51.
    pairs = (
        [("a", "a")] * 3 + [("a", "b")] + [("b", "b")] * 2 + [("b", "a"), ("c", "c"), ("c", "b")]
    )
    po, pe = 6 / 9, 30 / 81
    assert cohen_kappa(pairs) == pytest.approx((po - pe) / (1 - pe))
    assert cohen_kappa(pairs) == pytest.approx(24 / 51)


def test_krippendorff_alpha_matches_krippendorffs_nominal_example_with_missing_values():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: four
    # observers, twelve units, nominal data with missing values: α = 0.743.
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
    c = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
    assert krippendorff_alpha(list(zip(a, b, c, d, strict=True))) == pytest.approx(0.743, abs=5e-4)


def test_krippendorff_alpha_matches_krippendorffs_binary_example():
    # Same paper, section A: two observers, ten units, binary data: α = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha(list(zip(a, b, strict=True))) == pytest.approx(0.095, abs=5e-4)


def test_krippendorff_alpha_for_two_coders_by_hand():
    # Coincidences of (yes,yes)x20, (yes,no)x5, (no,yes)x10, (no,no)x15: n = 100,
    # n_yes = 55, n_no = 45; Do = 30/100, De = 2·55·45 / (100·99); α = 1 − Do/De.
    expected = 1 - 0.30 / (2 * 55 * 45 / (100 * 99))
    assert krippendorff_alpha(table(20, 5, 10, 15)) == pytest.approx(expected)


@pytest.mark.parametrize(
    "pairs",
    [[], [("yes", "yes")], [("yes", "yes")] * 5],
)
def test_coefficients_are_none_without_items_or_with_one_category(pairs):
    assert cohen_kappa(pairs) is None
    assert krippendorff_alpha(pairs) is None


def test_krippendorff_alpha_ignores_units_with_one_value():
    assert krippendorff_alpha([("yes", None), (None, "no")]) is None


def test_coefficients_on_one_disagreeing_item_are_defined():
    assert cohen_kappa([("yes", "no")]) == pytest.approx(0.0)
    assert krippendorff_alpha([("yes", "no")]) == pytest.approx(0.0)


# --- spans ----------------------------------------------------------------------------------------

A = [
    Span("quote", 0, 10, speaker_id=1),
    Span("quote", 20, 30, speaker_id=2),
    Span("claim", 40, 50, verdict="True", checkworthy="yes"),
    Span("claim", 60, 70, verdict="False", checkworthy="yes"),
]
B = [
    Span("quote", 0, 10, speaker_id=1),
    Span("quote", 22, 35, speaker_id=3),
    Span("claim", 40, 50, verdict="True", checkworthy="yes"),
    Span("claim", 65, 80, verdict="True", checkworthy="no"),
    Span("claim", 90, 95),
]


def test_compare_by_hand():
    tally = compare(A, B)
    # Exact: quote 0–10 and claim 40–50, of 4 + 5 spans: 2·2/9.
    assert tally.exact_f1 == pytest.approx(4 / 9)
    # Overlap: 0–10, 20–30~22–35, 40–50, 60–70~65–80 match; 90–95 does not: 2·4/9.
    assert tally.overlap_f1 == pytest.approx(8 / 9)
    assert (tally.quote.a, tally.quote.b, tally.quote.exact, tally.quote.overlap) == (2, 2, 1, 2)
    assert (tally.claim.a, tally.claim.b, tally.claim.exact, tally.claim.overlap) == (2, 3, 1, 2)
    assert tally.quote.exact_f1 == pytest.approx(0.5)
    assert tally.claim.overlap_f1 == pytest.approx(0.8)
    # Speakers: 1 = 1, 2 ≠ 3.
    assert tally.speaker_agreement == pytest.approx(0.5)
    assert tally.verdicts == [("True", "True"), ("False", "True")]
    assert tally.checkworthy == [("yes", "yes"), ("yes", "no")]
    assert tally.verdict_agreement == pytest.approx(0.5)
    # One speaker and one verdict differ.
    assert tally.disagreements == 2


def test_compare_is_symmetric():
    ab, ba = compare(A, B), compare(B, A)
    assert ab.exact_f1 == ba.exact_f1
    assert ab.overlap_f1 == ba.overlap_f1
    assert ab.speaker_agreement == ba.speaker_agreement


def test_overlap_needs_one_shared_character_by_default():
    touching = compare([Span("claim", 0, 10)], [Span("claim", 10, 20)])
    one_char = compare([Span("claim", 0, 10)], [Span("claim", 9, 20)])
    assert touching.overlap_f1 == 0
    assert one_char.overlap_f1 == pytest.approx(1.0)
    assert one_char.exact_f1 == 0


def test_overlap_threshold_is_a_parameter():
    a, b = [Span("claim", 0, 10)], [Span("claim", 8, 20)]
    assert compare(a, b, min_overlap=2).overlap_f1 == pytest.approx(1.0)
    assert compare(a, b, min_overlap=3).overlap_f1 == 0


def test_a_quote_never_matches_a_claim():
    tally = compare([Span("quote", 0, 10)], [Span("claim", 0, 10)])
    assert tally.exact_f1 == 0
    assert tally.overlap_f1 == 0


def test_matching_is_one_to_one_and_prefers_the_closest_span():
    long = Span("claim", 0, 100)
    near, far = Span("claim", 0, 90), Span("claim", 50, 60)
    pairs = match_spans([long], [far, near])
    assert pairs == [(long, near)]
    tally = compare([long], [far, near])
    assert tally.overlap_f1 == pytest.approx(2 / 3)


def test_identical_spans_pair_first_even_when_listed_later():
    a = [Span("claim", 0, 20), Span("claim", 5, 15)]
    b = [Span("claim", 5, 15), Span("claim", 0, 20)]
    assert sorted((x.start, y.start) for x, y in match_spans(a, b)) == [(0, 0), (5, 5)]


def test_duplicate_spans_count_once_each_in_exact_match():
    tally = compare([Span("claim", 0, 10)] * 2, [Span("claim", 0, 10)])
    assert tally.claim.exact == 1
    assert tally.exact_f1 == pytest.approx(2 / 3)


def test_speaker_named_by_one_reviewer_only_is_a_disagreement():
    tally = compare(
        [Span("quote", 0, 10, speaker_id=1), Span("quote", 20, 30)],
        [Span("quote", 0, 10), Span("quote", 20, 30)],
    )
    assert (tally.speaker_same, tally.speaker_total) == (0, 1)
    assert tally.speaker_agreement == 0


def test_nothing_marked_is_not_applicable_not_an_error():
    tally = compare([], [])
    assert tally.exact_f1 is None
    assert tally.overlap_f1 is None
    assert tally.speaker_agreement is None
    assert tally.kappa_verdict is None
    assert tally.alpha_checkworthy is None


def test_verdicts_compared_only_where_both_gave_one():
    tally = compare(
        [Span("claim", 0, 10, verdict="True"), Span("claim", 20, 30, checkworthy="yes")],
        [Span("claim", 0, 10), Span("claim", 20, 30, checkworthy="no")],
    )
    assert tally.verdicts == []
    assert tally.checkworthy == [("yes", "no")]


def test_tallies_add_up_span_by_span():
    one = compare([Span("claim", 0, 10)], [Span("claim", 0, 10)])
    two = compare([Span("claim", 0, 10)] * 3, [])
    summed = total([one, two])
    # 2·1 / (4 + 1), not the mean of 1.0 and 0.0.
    assert summed.exact_f1 == pytest.approx(0.4)
    assert summed.articles == 2
    assert total([]).overlap_f1 is None


def test_kappa_over_a_tally_is_cohens_kappa_of_its_pairs():
    tally = Tally(verdicts=table(20, 5, 10, 15))
    assert tally.kappa_verdict == pytest.approx(0.4)


def test_week_start_is_monday():
    assert week_start(date(2024, 1, 7)) == date(2024, 1, 1)  # a Sunday
    assert week_start(datetime(2024, 1, 8, 23, 30, tzinfo=UTC)) == date(2024, 1, 8)


def review(article, reviewer, name, when=None):
    return {
        "article_id": article,
        "reviewer_id": reviewer,
        "reviewer_name": name,
        "submitted_at": when,
    }


def row(article, annotator, kind, start, end, **fields):
    return {
        "article_id": article,
        "annotator_id": annotator,
        "kind": kind,
        "start": start,
        "end": end,
        **fields,
    }


def test_project_agreement_by_pair_article_and_week():
    mon = datetime(2024, 3, 4, 10, tzinfo=UTC)
    next_week = datetime(2024, 3, 12, 10, tzinfo=UTC)
    reviews = [
        review(1, 10, "ann", mon),
        review(1, 20, "bob", mon),
        review(2, 10, "ann", mon),
        review(2, 20, "bob", next_week),
        review(2, 30, "cy", mon),
        review(3, 10, "ann", mon),  # read once: left out
    ]
    annotations = [
        row(1, 10, "claim", 0, 10, verdict="True"),
        row(1, 20, "claim", 0, 10, verdict="True"),
        row(2, 10, "quote", 0, 10, speaker_id=1),
        row(2, 20, "quote", 5, 10, speaker_id=1),
        row(2, 30, "quote", 50, 60, speaker_id=2),
        row(3, 10, "claim", 0, 10),
    ]
    report = project_agreement(reviews=reviews, annotations=annotations, titles={1: "One"})
    pairs = {(p.a.name, p.b.name): p.tally for p in report.pairs}
    assert list(pairs) == [("ann", "bob"), ("ann", "cy"), ("bob", "cy")]
    # ann·bob: article 1 exact, article 2 overlap only: exact 2·1/4, overlap 2·2/4.
    assert pairs["ann", "bob"].articles == 2
    assert pairs["ann", "bob"].exact_f1 == pytest.approx(0.5)
    assert pairs["ann", "bob"].overlap_f1 == pytest.approx(1.0)
    assert pairs["ann", "bob"].speaker_agreement == pytest.approx(1.0)
    assert pairs["ann", "cy"].overlap_f1 == 0
    assert {r.id for r in report.articles} == {1, 2}
    # Lowest agreement first; article 2's three pairs pool: 2·1 / 6 overlap.
    assert report.articles[0].id == 2
    assert report.articles[0].tally.overlap_f1 == pytest.approx(1 / 3)
    assert [r.name for r in report.articles[0].reviewers] == ["ann", "bob", "cy"]
    assert report.articles[1].title == "One"
    # A pair's week is that of the later review.
    assert [(w.week, w.tally.articles) for w in report.weeks] == [
        (date(2024, 3, 4), 2),  # article 1, and ann·cy on article 2
        (date(2024, 3, 11), 2),  # ann·bob and bob·cy on article 2
    ]
    assert report.overall.articles == 2


def all_pairs_matching(spans_a, spans_b, min_overlap):
    """The matching as first written: every pair of spans compared, best candidates first."""
    candidates = []
    for i, a in enumerate(spans_a):
        for j, b in enumerate(spans_b):
            shared = min(a.end, b.end) - max(a.start, b.start)
            if a.kind != b.kind or shared < max(min_overlap, 1):
                continue
            union = max(a.end, b.end) - min(a.start, b.start)
            candidates.append((-shared / union, -shared, a.start, a.end, b.start, b.end, i, j))
    used_a, used_b, matched = set(), set(), []
    for *_, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matched.append((spans_a[i], spans_b[j]))
    return matched


spans = st.lists(
    st.builds(
        lambda kind, start, length: Span(kind, start, start + length),
        st.sampled_from(("quote", "claim")),
        st.integers(0, 60),
        st.integers(1, 40),
    ),
    max_size=14,
)


@given(spans, spans, st.integers(0, 12))
def test_match_spans_equals_comparing_every_pair(spans_a, spans_b, min_overlap):
    # The scan stops early on B's spans sorted by start; nested, equal and touching spans of
    # both kinds must still give exactly the matching of the all-pairs comparison.
    assert match_spans(spans_a, spans_b, min_overlap=min_overlap) == all_pairs_matching(
        spans_a, spans_b, min_overlap
    )


def nltk_task(data):
    from nltk.metrics.agreement import AnnotationTask

    return AnnotationTask(data=data)


labels = st.sampled_from(("True", "False", "Misleading", "yes", "no"))


@given(st.lists(st.tuples(labels, labels), max_size=40))
def test_cohen_kappa_equals_nltk(pairs):
    # The closed form replaced nltk's AnnotationTask.kappa(), which stays the reference.
    ours = cohen_kappa(pairs)
    if not pairs or len({label for pair in pairs for label in pair}) < 2:
        assert ours is None
        return
    data = [(c, i, label) for i, pair in enumerate(pairs) for c, label in enumerate(pair)]
    assert ours == pytest.approx(nltk_task(data).kappa(), abs=1e-12)


@given(st.lists(st.lists(st.one_of(st.none(), labels), min_size=1, max_size=4), max_size=30))
def test_krippendorff_alpha_equals_nltk(units):
    # Units of one to four coders, some values missing: the coincidence counts must give
    # nltk's AnnotationTask.alpha() exactly where it is defined.
    ours = krippendorff_alpha(units)
    data = [
        (c, i, value)
        for i, unit in enumerate(units)
        if sum(value is not None for value in unit) >= 2
        for c, value in enumerate(unit)
        if value is not None
    ]
    if len({value for _, _, value in data}) < 2:
        assert ours is None
        return
    assert ours == pytest.approx(nltk_task(data).alpha(), abs=1e-12)

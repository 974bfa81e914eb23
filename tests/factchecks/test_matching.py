from __future__ import annotations

import functools
import math

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from tests.factchecks.conftest import UNEMPLOYMENT, claim_in, import_reviews, review
from tests.factories import MembershipFactory
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation, AnnotationKind, AnnotationStatus
from workbench.annotations.selectors import annotation_list, claims_by_id
from workbench.factchecks.matching import (
    CLAIM,
    FACTCHECK,
    SHOWN,
    STRONG,
    Candidate,
    find_matches,
    find_matches_many,
    order_candidates,
)
from workbench.factchecks.ranker import Candidate as RankerCandidate
from workbench.factchecks.ranker import Model, rerank
from workbench.review.models import Assignment

pytestmark = pytest.mark.django_db


def test_find_matches_finds_fact_check_with_score_and_matched_words(checked):
    matches = find_matches(
        user=checked.reviewer, team=checked.team, text="Did unemployment really fall to 3.1%?"
    )
    assert [m.kind for m in matches] == [FACTCHECK]
    [match] = matches
    assert (match.url, match.rating, match.by) == (
        "https://checker.example/unemployment",
        "Mostly False",
        "Checker",
    )
    assert 0 < match.score <= 1
    assert {"unemployment", "3.1"} <= {w.casefold() for w in match.matched}
    assert "really" not in [w.casefold() for w in match.matched]


def test_find_matches_finds_earlier_claims_of_the_team(checked):
    earlier = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT, verdict="False")
    matches = find_matches(user=checked.lead, team=checked.team, text=UNEMPLOYMENT)
    kinds = {m.kind: m for m in matches}
    assert kinds[CLAIM].annotation == earlier
    assert kinds[CLAIM].rating == "False"
    assert kinds[CLAIM].by == "reviewer"
    assert kinds[CLAIM].score >= STRONG  # the same words: a likely match
    assert matches[0].strong


def test_find_matches_excludes_the_claim_itself(checked):
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    matches = find_matches(user=checked.lead, team=checked.team, text=claim.exact, exclude=claim.pk)
    assert [m.kind for m in matches] == [FACTCHECK]


def test_find_matches_never_crosses_teams(checked):
    other_team = checked.other_project.team
    claim_in(checked.other_project, checked.outsider, UNEMPLOYMENT)
    import_reviews(other_team, review("https://elsewhere.example/u", UNEMPLOYMENT))
    mine = find_matches(user=checked.lead, team=checked.team, text=UNEMPLOYMENT)
    assert {m.url for m in mine} == {"https://checker.example/unemployment"}
    # An outsider naming this team finds nothing of it.
    assert find_matches(user=checked.outsider, team=checked.team, text=UNEMPLOYMENT) == []


def test_find_matches_respects_the_blind_rule(checked):
    second = MembershipFactory(team=checked.team, role=Role.REVIEWER).user
    draft = claim_in(checked.project, second, UNEMPLOYMENT)
    for reviewer in (checked.reviewer, second):
        Assignment.objects.create(
            article=draft.article, reviewer=reviewer, assigned_by=checked.lead
        )
    seen_by_co_reviewer = find_matches(user=checked.reviewer, team=checked.team, text=UNEMPLOYMENT)
    assert CLAIM not in {m.kind for m in seen_by_co_reviewer}
    seen_by_author = find_matches(user=second, team=checked.team, text=UNEMPLOYMENT)
    assert CLAIM in {m.kind for m in seen_by_author}


def test_find_matches_nothing_for_stop_words_or_unrelated_text(checked):
    assert find_matches(user=checked.lead, team=checked.team, text="the of and it") == []
    assert find_matches(user=checked.lead, team=checked.team, text="zebra crossing") == []


def test_find_matches_query_syntax_is_plain_text(checked):
    text = "unemployment\" OR NEAR(x) * {claim} : AND - '; DROP TABLE x; --"
    matches = find_matches(user=checked.lead, team=checked.team, text=text)
    assert [m.kind for m in matches] == [FACTCHECK]


def test_find_matches_top_limits_each_kind(checked):
    import_reviews(
        checked.team,
        *(review(f"https://c.example/{n}", f"Unemployment claim number {n}") for n in range(8)),
    )
    matches = find_matches(user=checked.lead, team=checked.team, text="unemployment", top=3)
    assert len(matches) == 3


def test_order_candidates_scores_are_the_rerankers_probabilities():
    query = "Crime rose 12 percent in 2023"
    candidates = [
        Candidate(FACTCHECK, 1, "Crime rose sharply in the city", 5.0),
        Candidate(FACTCHECK, 2, "Crime rose 12 percent in 2023 says mayor", 1.0),
        Candidate(CLAIM, 1, "The mayor says crime rose 12 percent in 2023", 3.0),
    ]
    texts = {(c.kind, c.id): c.text for c in candidates}
    ordered = order_candidates(query, candidates)
    # The first stage put fact-check 1 first; the re-ranker knows better.
    assert [(c.kind, c.id) for c in ordered][-1] == (FACTCHECK, 1)
    pool = [
        RankerCandidate(id=1, text=texts[FACTCHECK, 1]),
        RankerCandidate(id=2, text=texts[FACTCHECK, 2]),
    ]
    expected = {r.candidate.id: r.probability for r in rerank(query, pool, [5.0, 1.0])}
    scores = {c.id: c.score for c in ordered if c.kind == FACTCHECK}
    assert scores == pytest.approx(expected)
    assert all(0 <= c.score <= 1 for c in ordered)
    assert ordered[0].score >= STRONG


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_order_candidates_follows_the_reranker(monkeypatch, sign):
    from workbench.factchecks import matching

    # A model that only believes the first stage's rank (or its opposite) orders by it.
    model = Model(weights={"first_stage_rank": 10.0 * sign})
    monkeypatch.setattr(matching, "rerank", functools.partial(rerank, model=model))
    candidates = [
        Candidate(FACTCHECK, n, f"Crime rose {n} percent in 2023", float(n)) for n in (1, 2, 3)
    ]
    ordered = [c.id for c in order_candidates("Crime rose 2 percent in 2023", candidates)]
    assert ordered == ([3, 2, 1] if sign > 0 else [1, 2, 3])


def test_find_matches_hides_what_the_reranker_calls_noise(checked, monkeypatch):
    from workbench.factchecks import matching

    # The bias alone decides the probability: 1/(1 + e^5) is under the SHOWN floor.
    monkeypatch.setattr(matching, "rerank", functools.partial(rerank, model=Model({}, bias=-5.0)))
    assert find_matches(user=checked.lead, team=checked.team, text=UNEMPLOYMENT) == []
    monkeypatch.setattr(matching, "rerank", functools.partial(rerank, model=Model({}, bias=-3.0)))
    [match] = find_matches(user=checked.lead, team=checked.team, text=UNEMPLOYMENT)
    assert match.score == pytest.approx(1 / (1 + math.exp(3.0)), abs=1e-4)
    assert SHOWN <= match.score < STRONG and not match.strong


def test_rare_words_within_budget_or_two_rarest_together(monkeypatch):
    from workbench.factchecks import matching

    counts = {"common": 90_000, "usual": 20_000, "rare": 5, "odd": 40}
    monkeypatch.setattr(matching, "_document_frequencies", lambda kind, terms: counts)
    assert matching._rare(FACTCHECK, list(counts)) == [("rare",), ("odd",)]
    counts = {"common": 90_000, "usual": 20_000}
    monkeypatch.setattr(matching, "_document_frequencies", lambda kind, terms: counts)
    assert matching._rare(FACTCHECK, list(counts)) == [("usual", "common")]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's word statistics")
def test_word_statistics_are_read_once_then_again_after_their_ttl(
    checked, monkeypatch, django_assert_num_queries
):
    from workbench.factchecks import matching

    with connection.cursor() as cursor:  # the `checked` fixture imported fact-checks
        cursor.execute("ANALYZE factchecks_factcheck")
    monkeypatch.setattr(matching, "_STATISTICS", {})
    with django_assert_num_queries(1):
        first = matching._document_frequencies(FACTCHECK, ["unemployment", "zebra"])
        again = matching._document_frequencies(FACTCHECK, ["unemployment", "zebra"])
    assert first == again and first["zebra"] > 0
    monkeypatch.setattr(matching, "STATISTICS_TTL", 0.0)
    with django_assert_num_queries(1):
        matching._document_frequencies(FACTCHECK, ["zebra"])


def test_find_matches_many_is_find_matches_for_each_text_in_bounded_queries(
    checked, django_assert_max_num_queries
):
    claim_in(checked.project, checked.reviewer, UNEMPLOYMENT, verdict="False")
    texts = [UNEMPLOYMENT, "the of and", "Was the moon landing staged?", "zebra crossing"] * 5
    # The first match also writes the candidates' new vectors (two inserts in a savepoint).
    with django_assert_max_num_queries(12):
        find_matches_many(user=checked.lead, team=checked.team, texts=texts)
    with django_assert_max_num_queries(8):
        many = find_matches_many(user=checked.lead, team=checked.team, texts=texts)
    assert many == [find_matches(user=checked.lead, team=checked.team, text=t) for t in texts]
    assert [bool(found) for found in many[:4]] == [True, False, True, False]
    assert find_matches_many(user=checked.outsider, team=checked.team, texts=texts) == [[]] * 20


def test_claims_by_id_returns_what_annotation_list_would_for_every_role(checked):
    """The matcher's lean fetch sees exactly the team's claims the panel's selector shows."""
    second = MembershipFactory(team=checked.team, role=Role.REVIEWER).user
    # A blind article: two reviewers assigned, one claim a draft, one submitted.
    draft = claim_in(checked.project, second, UNEMPLOYMENT)
    submitted = claim_in(checked.project, checked.reviewer, "Unemployment again")
    Annotation.objects.filter(pk=submitted.pk).update(
        article=draft.article,
        start=draft.start,
        end=draft.end,
        exact=draft.exact,
        status=AnnotationStatus.SUBMITTED,
    )
    for reviewer in (checked.reviewer, second):
        Assignment.objects.create(
            article=draft.article, reviewer=reviewer, assigned_by=checked.lead
        )
    # A second blind article where the co-reviewer has submitted and `second` owes nothing.
    done = claim_in(checked.project, checked.reviewer, "Crime rose")
    Annotation.objects.filter(pk=done.pk).update(status=AnnotationStatus.SUBMITTED)
    for reviewer, state in ((checked.reviewer, "submitted"), (second, "submitted")):
        Assignment.objects.create(
            article=done.article, reviewer=reviewer, assigned_by=checked.lead, state=state
        )
    plain = claim_in(checked.project, checked.lead, "Taxes fell")
    elsewhere = claim_in(checked.other_project, checked.outsider, UNEMPLOYMENT)
    quote = Annotation.objects.create(
        article=plain.article, annotator=checked.lead, kind="quote", start=0, end=5, exact="Intro"
    )
    ids = [draft.pk, submitted.pk, done.pk, plain.pk, elsewhere.pk, quote.pk]
    users = [checked.lead, checked.reviewer, second, checked.viewer, checked.outsider]
    seen = {}
    for user in [*users, AnonymousUser()]:
        for exclude_article in (None, plain.article_id):
            expected = set(
                annotation_list(user=user, kind=AnnotationKind.CLAIM)
                .filter(article__project__team=checked.team, pk__in=ids)
                .exclude(article_id=exclude_article)
                .values_list("pk", flat=True)
            )
            got = claims_by_id(
                user=user, team=checked.team, ids=ids, exclude_article=exclude_article
            )
            assert set(got) == expected, (user, exclude_article)
            assert all(claim.pk == pk for pk, claim in got.items())
        seen[user.pk] = set(claims_by_id(user=user, team=checked.team, ids=ids))
    # The cases the comparison must cover are there: the co-reviewer does not see the other's
    # draft, its author does, the lead sees submitted work but no draft, nobody crosses teams.
    assert draft.pk not in seen[checked.reviewer.pk]
    assert draft.pk in seen[second.pk]
    assert seen[checked.lead.pk] == {submitted.pk, done.pk, plain.pk}
    assert submitted.pk not in seen[second.pk]  # second still owes work on that article
    assert done.pk in seen[second.pk]
    assert seen[checked.outsider.pk] == set()
    assert seen[None] == set()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's fts5vocab counts")
def test_word_counts_are_kept_but_unknown_words_and_imports_are_asked_again(
    checked, django_assert_num_queries
):
    from workbench.factchecks import matching

    with django_assert_num_queries(1):
        first = matching._document_frequencies(FACTCHECK, ["unemployment", "zebra"])
    assert first["unemployment"] > 0 and first["zebra"] == 0
    with django_assert_num_queries(1):  # "zebra" was found nowhere: asked again
        again = matching._document_frequencies(FACTCHECK, ["unemployment", "zebra"])
    assert again == first
    with django_assert_num_queries(0):
        assert matching._document_frequencies(FACTCHECK, ["unemployment"]) == {
            "unemployment": first["unemployment"]
        }
    # An import brings a new word and more documents for a known one: both counted at once.
    import_reviews(
        checked.team,
        review("https://c.example/zebra", "Unemployment of zebra keepers doubled"),
    )
    after = matching._document_frequencies(FACTCHECK, ["unemployment", "zebra"])
    assert after == {"unemployment": first["unemployment"] + 1, "zebra": 1}
    assert [m.url for m in find_matches(user=checked.lead, team=checked.team, text="zebra")] == [
        "https://c.example/zebra"
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN pending list")
def test_claims_index_keeps_a_short_pending_list_and_finds_what_waits_in_it(checked):
    """Imports append claims to a 128 kB pending list (factchecks 0008); a match still sees them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'search_annotation_document_gin'"
        )
        assert sorted(cursor.fetchone()[0]) == ["fastupdate=on", "gin_pending_list_limit=128"]
    claim = claim_in(checked.project, checked.reviewer, "Zebra crossings tripled in Lisbon")
    [match] = find_matches(user=checked.lead, team=checked.team, text="zebra crossings lisbon")
    assert match.annotation == claim

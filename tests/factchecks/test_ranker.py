"""The claim re-ranker (workbench.factchecks.ranker) on small hand-written examples."""

from __future__ import annotations

import json

import pytest

from workbench.factchecks.ranker import (
    Candidate,
    clean,
    entities,
    load_model,
    matched_terms,
    numbers,
    query_words,
    rerank,
    split_tweet,
    tokens,
)
from workbench.factchecks.ranker.features import features, pool_idf, prepare
from workbench.factchecks.ranker.model import WEIGHTS, Model, first_stage_features, pool_features


def test_clean_drops_urls_and_emoji_and_splits_handles_and_hashtags():
    text = "Wow 😡🇺🇸 @realDonaldTrump says #BuildTheWall now https://t.co/abc pic.twitter.com/XyZ"
    assert clean(text) == "Wow real Donald Trump says Build The Wall now"


def test_clean_decodes_entities_and_straightens_quotes():
    assert clean("Tom &amp; Jerry’s “show”") == 'Tom & Jerry\'s "show"'


def test_clean_splits_hashtag_with_digits_and_underscores():
    assert clean("#covid19 #stay_home #NASAScience") == "covid 19 stay home NASA Science"


def test_split_tweet_reads_author_and_year_from_signature():
    parts = split_tweet(
        "Taxes went up 40% pic.twitter.com/x — Rep. Matt Gaetz (@RepMattGaetz) October 17, 2018"
    )
    assert parts.body.startswith("Taxes went up 40%")
    assert "Gaetz" in parts.author
    assert parts.year == "2018"
    assert split_tweet("No signature here.").author == ""


def test_tokens_stem_and_drop_stop_words():
    assert tokens("The vaccines were vaccinating the children") == ["vaccin", "vaccin", "children"]


def test_numbers_normalise_separators_and_decimals():
    assert numbers("1,000 people, 70% of them, 3.50 dollars in 2018") == {
        "1000",
        "70",
        "3.5",
        "2018",
    }
    assert numbers("Covid-19") == {"19"}
    assert numbers("no digits") == set()


def test_entities_keep_capitalised_words_and_acronyms_but_not_sentence_openers():
    found = entities("Officials said that Obama met the WHO in Geneva. Nothing happened.")
    assert {"obama", "who", "geneva"} <= found
    assert "offici" not in found
    assert "noth" not in found


def test_features_prefer_the_candidate_that_covers_the_query():
    query = prepare("Barack Obama released 122 Guantanamo detainees who returned to terrorism")
    close = prepare(
        "122 detainees released from Guantanamo Bay under President Obama re-engaged in terrorism"
    )
    far = prepare("Guantanamo Bay prison will close next year, the Pentagon said")
    empty = prepare("")
    idf = pool_idf([close.terms, far.terms])
    near_values = features(query, close, empty, idf)
    far_values = features(query, far, empty, idf)
    assert near_values["query_covered"] > far_values["query_covered"]
    assert near_values["numbers_shared"] > far_values["numbers_shared"] == 0
    assert near_values["entities_shared"] > far_values["entities_shared"]
    assert near_values["bigrams_shared"] >= far_values["bigrams_shared"]


def test_first_stage_features_are_scale_free():
    small = first_stage_features([2.0, 1.0, 0.5])
    large = first_stage_features([20.0, 10.0, 5.0])
    for a, b in zip(small, large, strict=True):
        assert a == pytest.approx(b)
    assert small[0]["first_stage"] == 1.0
    assert small[0]["first_stage_rank"] == 1.0
    assert small[2]["first_stage_rank"] == pytest.approx(1 / 3)


def test_rerank_puts_a_paraphrase_above_a_lexical_distractor():
    query = "Nancy Pelosi's husband bought $1 million of Tesla stock the day before the vote"
    paraphrase = Candidate(
        id="p",
        text="Paul Pelosi, husband of House Speaker Nancy Pelosi, purchased $1 million in Tesla shares a day before a vote.",
        title="Did Pelosi's Husband Buy Tesla Stock Before the Vote?",
    )
    distractor = Candidate(
        id="d",
        text="The vote on the stock bill was held the day before Nancy left for vacation.",
        title="Was the Stock Vote Held the Day Before?",
    )
    other = Candidate(
        id="o", text="Tesla recalls cars over a faulty seat belt.", title="Tesla Recall"
    )
    # the distractor comes first out of the first stage; the re-ranker must fix that
    ranked = rerank(query, [distractor, paraphrase, other], [9.0, 8.0, 3.0])
    assert [r.candidate.id for r in ranked][0] == "p"
    assert ranked[0].first_stage == 8.0
    assert 0.0 <= ranked[-1].probability <= ranked[0].probability <= 1.0


def test_rerank_needs_one_score_per_candidate():
    with pytest.raises(ValueError, match="one first-stage score"):
        rerank("a claim", [Candidate(id=1, text="a claim")], [])


def test_rerank_of_an_empty_pool_is_empty():
    assert rerank("a claim", [], []) == []


def test_rerank_follows_the_model_it_is_given():
    candidates = [Candidate(id=1, text="apples grow"), Candidate(id=2, text="pears grow")]
    first_wins = Model(weights={"first_stage": 1.0})
    last_wins = Model(weights={"first_stage": -1.0})
    assert [r.candidate.id for r in rerank("grow", candidates, [2.0, 1.0], model=first_wins)] == [
        1,
        2,
    ]
    assert [r.candidate.id for r in rerank("grow", candidates, [2.0, 1.0], model=last_wins)] == [
        2,
        1,
    ]


def test_shipped_weights_name_only_known_features_and_carry_provenance():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    known = set(pool_features("q", [Candidate(id=1, text="t")], [1.0])[0])
    for name in data["weights"]:
        assert set(name.split("*")) <= known, name
    provenance = data["provenance"]
    for key in ("data", "script", "command", "date", "figures"):
        assert provenance[key]
    assert load_model().provenance == provenance


def test_matched_terms_show_shared_words_and_numbers_once_in_text_order():
    shown = matched_terms(
        "Vaccines caused 1,000 deaths in Ohio",
        "In Ohio, 1000 deaths were blamed on vaccination; deaths rose.",
    )
    assert shown == ["Ohio", "1000", "deaths", "vaccination"]


def test_matched_terms_ignore_stop_words_and_other_numbers():
    assert matched_terms("the 5 cats", "the 6 cats and the dogs") == ["cats"]


def test_rerank_orders_the_same_whatever_the_first_stage_scale():
    query = "Pelosi's husband bought Tesla stock before the vote"
    candidates = [
        Candidate(id=1, text="Paul Pelosi bought Tesla stock before a vote."),
        Candidate(id=2, text="Tesla stock fell before the vote."),
        Candidate(id=3, text="The vote was held on Tuesday."),
    ]
    bm25 = [r.candidate.id for r in rerank(query, candidates, [12.5, 9.0, 4.0])]
    ts_rank = [r.candidate.id for r in rerank(query, candidates, [0.125, 0.09, 0.04])]
    assert bm25 == ts_rank


def test_matched_terms_never_return_markup():
    shown = matched_terms(
        "<script>alert(1)</script> vaccine", '<img src=x onerror="alert(1)"> vaccine <script>'
    )
    # words only: the tags' names may match, their brackets and attributes never come back
    assert shown == ["alert", "1", "vaccine", "script"]


def test_clean_of_empty_and_symbol_only_text_is_empty():
    assert clean("") == ""
    assert clean("😀🎉 https://example.org") == ""
    assert tokens("") == []
    assert rerank("", [Candidate(id=1, text="")], [0.0])[0].candidate.id == 1


def test_query_words_are_distinct_unstemmed_content_words_safe_for_a_match_query():
    # "1,000" splits as FTS5's unicode61 tokenizer splits it, so the words are the index's
    words = query_words(
        'Obama\'s "secret" vaccines: vaccines OR NEAR* -- @WHO #covid19 <b>1,000</b>'
    )
    assert words == ["obamas", "secret", "vaccines", "near", "covid", "19", "b", "1", "000"]
    assert all(word.isalnum() for word in words)
    assert len(query_words(" ".join(f"w{i}" for i in range(100)))) == 32

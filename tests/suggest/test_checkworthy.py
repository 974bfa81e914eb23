"""The check-worthiness model: features, reasons, shipped weights, and the bench scripts."""

from __future__ import annotations

import json
import math

import pytest

from bench import train_checkworthy
from workbench.suggest.finder.checkworthy import (
    WEIGHTS,
    Line,
    features,
    score_lines,
    transcript_lines,
)
from workbench.suggest.finder.engine import CLAIMS_ALL, suggest

STAT = "Unemployment fell to 4.1 percent last year, according to the Labor Department."


def _one(text: str, speaker: str | None = None) -> tuple[float, tuple[str, ...]]:
    scored = score_lines([Line(text, speaker)])[0]
    return scored.score, scored.reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Crime rose 20 percent in the city.", "a statistic"),
        ("They hired 300 more teachers.", "a number"),
        ("Our taxes are higher than in any other country.", "a comparison"),
        ("The senator voted against the bill in 2009.", "a claim about the past"),
        (STAT, "a named source"),
    ],
)
def test_checkworthy_reasons_name_the_cue_that_fired(text, reason):
    assert reason in _one(text)[1]


def test_checkworthy_greeting_and_question_have_no_reason_and_rank_low():
    for text in ("Thank you very much.", "Is that right?", "I think we should love our country."):
        score, reasons = _one(text)
        assert reasons == ()
        assert score < _one(STAT)[0]


def test_checkworthy_statistic_ranks_above_opinion_in_a_transcript():
    lines = [
        Line("Good evening and welcome to the debate.", "HOST"),
        Line("I love this great country and its wonderful people.", "ANA"),
        Line(STAT, "ANA"),
        Line("What do you say to that?", "HOST"),
    ]
    scores = [s.score for s in score_lines(lines)]
    assert max(range(4), key=scores.__getitem__) == 2
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_checkworthy_features_see_the_speaker_and_the_turn():
    lines = [Line("How many jobs?", "HOST"), Line("We added 9 jobs.", "ANA")]
    lines += [Line("Really.", "ANA")] * 5
    first = features(lines)[1]
    assert "spk:main" in first
    assert "turn:first" in first
    assert "turn:after-question" in first
    assert "spk:main&f:number" in first
    assert "spk:none" in features([Line("We added 9 jobs.")])[0]


def test_checkworthy_features_tell_the_moderator_from_the_candidates():
    # A ten-way primary: every candidate is a main voice, however small their share of lines.
    lines = [Line("What would you cut?", "MOD"), Line("Next question, please?", "MOD")] * 3
    for who in "ABCDEFGHIJ":
        lines += [Line(f"We cut {n} programs last year.", who) for n in range(4)]
    lines.append(Line("Thank you all.", "GUEST"))
    roles = {line.speaker: feats for line, feats in zip(lines, features(lines), strict=True)}
    assert "spk:asker" in roles["MOD"]
    assert all("spk:main" in roles[who] for who in "ABCDEFGHIJ")
    assert "spk:minor" in roles["GUEST"]


def test_checkworthy_words_are_stemmed():
    feats = set(features([Line("Taxes rose while taxed incomes fell.")])[0])
    assert {"w:tax", "w:rose", "w:incom"} <= feats and "w:taxes" not in feats


def test_checkworthy_numbers_fold_to_one_token_and_years_to_another():
    feats = features([Line("In 2016 we paid $40 for 3 of them, 5% more.")])[0]
    assert {"w:<year>", "w:<money>", "w:<num>", "w:<pct>", "f:year"} <= set(feats)
    assert not any("2016" in f or "40" in f for f in feats)


def test_checkworthy_weights_ship_with_provenance():
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    provenance = shipped["provenance"]
    assert "clef2019-factchecking-task1" in provenance["data"]
    assert provenance["command"].startswith("uv run python bench/train_checkworthy.py")
    assert 0 < provenance["cross_validated_by_debate"]["AP"] < 1
    assert shipped["weights"]["f:statistic"] > 0


def test_checkworthy_scores_every_line_of_a_long_transcript():
    # Its speed is measured by bench/checkworthy_eval.py, not here.
    lines = [Line(STAT, "ANA"), Line("Thank you.", "HOST"), Line("Is that so?", "BO")] * 500
    scored = score_lines(lines)
    assert len(scored) == 1500


def _clef(tmp_path, folder: str, debates: dict[str, list[tuple[str, str, int]]]) -> None:
    root = tmp_path / "data" / folder
    root.mkdir(parents=True)
    for name, rows in debates.items():
        text = "".join(f"{i}\t{who}\t{t}\t{y}\n" for i, (who, t, y) in enumerate(rows, 1))
        (root / f"{name}.tsv").write_text(text, encoding="utf-8")


def test_train_checkworthy_learns_and_measures_on_debates(tmp_path):
    rows = [("A", f"Taxes rose {n} percent in {n} states.", 1) for n in range(3, 9)]
    rows += [("B", f"Thank you, friend number {n}.", 0) for n in range(3, 9)]
    rows += [("A", "I love my country and my family so much.", 0)] * 6
    _clef(tmp_path, "training", {"d1": rows, "d2": rows, "d3": rows})
    debates = train_checkworthy.featurize(train_checkworthy.load(tmp_path))
    assert [name for name, _ in debates] == ["d1", "d2", "d3"]
    per_debate = train_checkworthy.cross_validate(debates, {**train_checkworthy.PARAMS})
    overall = train_checkworthy.mean(per_debate)
    assert overall["AP"] == 1.0
    assert overall["P@5"] == 1.0


def test_train_checkworthy_measures_follow_the_task_definitions():
    m = train_checkworthy.measures([0.9, 0.8, 0.7, 0.1], [0, 1, 0, 1])
    assert m["AP"] == pytest.approx((1 / 2 + 2 / 4) / 2)
    assert m["RR"] == pytest.approx(1 / 2)
    assert m["P@1"] == 0.0
    assert m["P@5"] == pytest.approx(2 / 5)


def _tsv(path, rows: list[tuple[str, str, int]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{i}\t{who}\t{t}\t{y}\n" for i, (who, t, y) in enumerate(rows, 1))
    path.write_text(text, encoding="utf-8")


def test_train_checkworthy_loads_a_later_editions_folder(tmp_path):
    root = tmp_path / "clef2020"
    _tsv(root / "training" / "20170101_speech.tsv", [("X", "Jobs rose.", 1), ("X", "Hi.", 0)])
    _tsv(root / "test-gold" / "20180101_debate.tsv", [("Y", "Crime fell.", 0)])
    # An unlabelled test input (three columns) is not a debate to train on.
    (root / "test-input").mkdir()
    (root / "test-input" / "20180101_debate.tsv").write_text("1\tY\tCrime fell.\n")
    debates = train_checkworthy.load_extra(root)
    assert [name for name, _, _ in debates] == [
        "clef2020/test-gold/20180101_debate",
        "clef2020/training/20170101_speech",
    ]
    _, lines, labels = debates[1]
    assert [(line.speaker, line.text) for line in lines] == [("X", "Jobs rose."), ("X", "Hi.")]
    assert labels == [1, 0]


def _debate(name: str, texts: list[str]) -> tuple[str, list[Line], list[int]]:
    return name, [Line(t, "A") for t in texts], [0] * len(texts)


def test_leakage_guard_drops_debates_that_repeat_a_2019_debate():
    test_texts = [f"The test debate says fact number {n} today." for n in range(40)]
    test = [_debate("2019test", test_texts)]
    training = [_debate("2019train", [f"The training debate said claim {n}." for n in range(40)])]
    own = [f"A later speech states new point {n} here." for n in range(30)]
    extra = [
        # 3 of 23 long lines (13 %) repeat the 2019 test debate: a leak, dropped.
        _debate("leaks_test", test_texts[:3] + own[:20]),
        # The 2019 training debate again, punctuation aside: already in, dropped.
        _debate("repeats_training", [line.text.upper() + "!" for line in training[0][1]]),
        # Short lines occur everywhere and do not count; 1 test line of 30 (3 %) is kept,
        # but that line is removed.
        _debate("kept", ["Thank you.", "Yes."] * 20 + own[:29] + [test_texts[5]]),
        # A later copy of a kept debate (a few lines edited): the first one given stays.
        _debate("kept_again", ["Thank you."] * 20 + own[:28] + ["A later speech, edited."]),
    ]
    kept, dropped = train_checkworthy.leakage_guard(extra, training, test)
    reasons = dict(dropped)
    assert set(reasons) == {"leaks_test", "repeats_training", "kept_again"}
    assert reasons["leaks_test"] == "13% of its lines in 2019 test debate 2019test"
    assert reasons["repeats_training"] == "100% of its lines in 2019 training debate 2019train"
    assert reasons["kept_again"] == "97% of its lines in extra debate kept"
    [(name, lines, labels)] = kept
    assert name == "kept"
    assert len(lines) == len(labels) == 69
    assert test_texts[5] not in {line.text for line in lines}


def test_leakage_guard_removes_a_kept_debates_lines_that_a_2019_training_debate_has():
    test = [
        _debate("2019test", [f"The test debate says fact number {n} today." for n in range(40)])
    ]
    said = [f"The training debate said claim {n}." for n in range(40)]
    training = [_debate("2019train", said + ["Thank you all."])]
    own = [f"A later speech states new point {n} here." for n in range(30)]
    # 1 training line of 31 (3 %): the debate is kept, that line is not (it would leak across
    # the folds); a short line the training debate also has stays (it counts for nothing).
    extra = [_debate("cb/block", own + [said[7].lower(), "Thank you all."])]
    [(name, lines, labels)], dropped = train_checkworthy.leakage_guard(extra, training, test)
    assert (name, dropped) == ("cb/block", [])
    assert [line.text for line in lines] == own + ["Thank you all."]
    assert len(labels) == 31


def test_train_checkworthy_weighs_a_folder_and_scores_its_lines_alone():
    rows = [("A", f"Tariffs rose {n} percent in {n} states.", 1) for n in range(3, 9)]
    rows += [("B", f"Thank you, friend number {n}.", 0) for n in range(3, 9)]
    debate = ("cb/block", [Line(t, w) for w, t, _ in rows], [y for *_, y in rows])
    in_context = train_checkworthy.featurize([debate])
    alone = train_checkworthy.featurize([debate], frozenset({"cb"}))
    assert any(f.startswith(("prev:", "turn:")) for feats, _ in in_context[0][1] for f in feats)
    assert not any(
        f.startswith(("prev:", "next:", "turn:")) for feats, _ in alone[0][1] for f in feats
    )
    params = {**train_checkworthy.PARAMS}
    assert train_checkworthy.train([], params, alone)["w:tariff"] > 0
    muted = {**params, "folder_weight": {"cb": 0.0}}
    assert "w:tariff" not in train_checkworthy.train([], muted, alone)
    assert "w:tariff" in train_checkworthy.train([], {**muted, "folder_weight": {"x": 0.0}}, alone)


def test_train_checkworthy_learns_from_extra_debates_by_their_weight():
    rows = [("A", f"Tariffs rose {n} percent in {n} states.", 1) for n in range(3, 9)]
    rows += [("B", f"Thank you, friend number {n}.", 0) for n in range(3, 9)]
    extra = train_checkworthy.featurize(
        [("e", [Line(t, w) for w, t, _ in rows], [y for *_, y in rows])]
    )
    params = {**train_checkworthy.PARAMS}
    learnt = train_checkworthy.train([], params, extra)
    assert learnt["w:tariff"] > 0
    assert "w:tariff" not in train_checkworthy.train([], {**params, "extra_weight": 0.0}, extra)


def _tariff_debates():
    rows = [("A", f"Tariffs rose {n} percent in {n} states.", 1) for n in range(3, 9)]
    rows += [("B", f"Thank you, friend number {n}.", 0) for n in range(3, 9)]
    rows += [("A", "I love my country and my family so much.", 0)] * 6
    lines, labels = [Line(t, w) for w, t, _ in rows], [y for *_, y in rows]
    return train_checkworthy.featurize([(f"d{i}", lines, labels) for i in range(3)])


def test_train_checkworthy_pairwise_objective_ranks_and_keeps_a_calibrated_bias():
    debates = _tariff_debates()
    params = {**train_checkworthy.PARAMS, "pairwise": 1.0, "pairs": 3}
    weights = train_checkworthy.train(debates, params)
    assert weights["w:tariff"] > 0
    rows = debates[0][1]
    scores = train_checkworthy.score(weights, rows)
    assert train_checkworthy.measures(scores, [y for _, y in rows])["AP"] == 1.0
    # The pairwise loss cannot move the bias; it is refit so that the mean probability
    # matches the share of check-worthy lines (a third), as a pointwise fit's would.
    probs = [1 / (1 + math.exp(-x)) for x in scores]
    assert sum(probs) / len(probs) == pytest.approx(1 / 3, abs=0.01)
    # Mixed with the pointwise loss, and the pointwise model unchanged by the new code path.
    mixed = train_checkworthy.train(debates, {**params, "pairwise": 0.5})
    assert mixed["w:tariff"] > 0
    pointwise = {**train_checkworthy.PARAMS, "pairwise": 0.0}
    assert train_checkworthy.train(debates, pointwise) == train_checkworthy.train(
        debates, {k: v for k, v in pointwise.items() if k not in ("pairwise", "pairs")}
    )
    assert train_checkworthy.train(debates, params) == weights  # reproducible by its seed


def test_train_checkworthy_pairs_are_drawn_within_a_debate():
    import random

    debates = [("d", [(["bias", "w:a"], 1), (["bias", "w:b"], 0)]), ("e", [(["bias", "w:c"], 0)])]
    debate_rows = [(rows, 1.0) for _, rows in debates]
    pairs = train_checkworthy._pairs(debate_rows, 4, random.Random(1))  # noqa: S311
    assert len(pairs) == 4  # one check-worthy line, four draws; "e" has none
    for diff, weight in pairs:
        assert {f: n for f, n in diff.items() if n} == {"w:a": 1, "w:b": -1}
        assert weight == 1.0


def test_train_checkworthy_delta_ap_is_the_change_of_ap_when_two_lines_swap():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    labels = [0, 1, 0, 1, 0, 0]
    delta = train_checkworthy._delta_ap(scores, labels)

    def ap_after_swap(p, q):
        swapped = list(scores)
        swapped[p], swapped[q] = swapped[q], swapped[p]
        return train_checkworthy.measures(swapped, labels)["AP"]

    before = train_checkworthy.measures(scores, labels)["AP"]
    for p in (1, 3):
        for q in (0, 2, 4, 5):
            assert delta(p, q) == pytest.approx(abs(ap_after_swap(p, q) - before))
    # A swap at the head of the list changes AP more than one at its tail.
    assert delta(1, 0) > delta(3, 5)


def test_train_checkworthy_top_weighted_pairs_draw_hard_negatives_and_weigh_by_delta_ap():
    import random

    rows = [(["bias", f"w:{i}"], int(i in (1, 4))) for i in range(8)]
    debate_rows = [(rows, 2.0)]
    scores = [[0.9, 0.5, 0.8, 0.1, 0.3, 0.2, 0.0, -1.0]]
    rng = random.Random(1)  # noqa: S311
    hard = train_checkworthy._pairs(debate_rows, 20, rng, scores=scores, hard=2)
    # The two highest-scored lines that are not check-worthy: 0 and 2.
    assert {f for diff, _ in hard for f, n in diff.items() if n < 0} == {"w:0", "w:2"}
    weighted = train_checkworthy._pairs(debate_rows, 20, rng, scores=scores, lambda_=True)
    weights = [w for _, w in weighted]
    assert sum(weights) / len(weights) == pytest.approx(2.0)  # the debate's weight on average
    assert len(set(weights)) > 1
    # Trained end to end, and with the defaults (lambda 0, hard 0) the weights are as before.
    debates = _tariff_debates()
    params = {**train_checkworthy.PARAMS, "pairwise": 1.0, "pairs": 3}
    for top in ({"lambda": 1}, {"hard": 4}, {"lambda": 1, "hard": 4, "hard_share": 0.5}):
        weights = train_checkworthy.train(debates, {**params, **top})
        assert weights["w:tariff"] > 0
        scored = train_checkworthy.score(weights, debates[0][1])
        assert train_checkworthy.measures(scored, [y for _, y in debates[0][1]])["AP"] == 1.0
    plain = {k: v for k, v in params.items() if k not in ("lambda", "hard", "hard_share")}
    assert train_checkworthy.train(debates, plain) == train_checkworthy.train(
        debates, {**params, "lambda": 0, "hard": 0}
    )


def test_train_checkworthy_bags_on_bootstrap_samples_average_their_weights(monkeypatch):
    debates = _tariff_debates()
    params = {**train_checkworthy.PARAMS, "bags": 4, "bootstrap": 1}
    assert train_checkworthy.train(debates, params)["w:tariff"] > 0
    seen = []

    def fit(sample, p, extra=()):
        seen.append(([name for name, _ in sample], p["seed"]))
        return {"w:x": float(len(seen))}

    monkeypatch.setattr(train_checkworthy, "_fit", fit)
    # The bags' weights are averaged: (1 + 2 + 3 + 4) / 4.
    assert train_checkworthy.train(debates, params) == {"w:x": 2.5}
    assert [seed for _, seed in seen] == [2019, 2020, 2021, 2022]
    samples = [names for names, _ in seen]
    assert all(len(names) == 3 and set(names) <= {"d0", "d1", "d2"} for names in samples)
    assert any(len(set(names)) < 3 for names in samples)  # drawn with replacement
    seen.clear()
    train_checkworthy.train(debates, {**params, "bootstrap": 0})
    assert all(names == ["d0", "d1", "d2"] for names, _ in seen)


def test_transcript_lines_keep_speakers_and_exact_offsets():
    text = "HOLT: Good evening.\r\n\r\nMr. Trump: We won.\n(LAUGHTER)\nLester Holt:  Next.\n"
    lines = transcript_lines(text)
    assert [(text[s:e], who) for s, e, who in lines] == [
        ("Good evening.", "HOLT"),
        ("We won.", "Mr. Trump"),
        ("(LAUGHTER)", "Mr. Trump"),
        ("Next.", "Lester Holt"),
    ]


def test_transcript_lines_leave_an_article_alone():
    article = "Note: this story was updated.\nThe mayor spoke for an hour.\nShe left.\n"
    assert transcript_lines(article) is None
    assert transcript_lines("ANA: Only one labelled line.") is None


def test_every_claim_of_an_article_has_no_speaker_and_covers_each_sentence():
    text = "Prices rose 9% in 2022. The council met on Monday.\n\nIt was sunny."
    claims = [s for s in suggest(text, claims=CLAIMS_ALL) if s.kind == "claim"]
    assert [c.text for c in claims] == [
        "Prices rose 9% in 2022.",
        "The council met on Monday.",
        "It was sunny.",
    ]
    assert all(c.speaker is None for c in claims)
    assert "a statistic" in claims[0].reasons
    assert "a statistic" in claims[0].why()

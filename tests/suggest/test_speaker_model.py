"""The learnt speaker choice (bench/speaker_model.py, an experiment that was not shipped):
candidates, features, the override decision, running the finder with it, and a deterministic
rebuild (bench/train_speaker.py), on invented text."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from workbench.suggest.finder.direct import Article
from workbench.suggest.finder.engine import Suggestion, suggest
from workbench.suggest.finder.speakers import Registry

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from speaker_model import (  # noqa: E402 - a bench module, found through BENCH
    MODEL_RULE,
    Candidate,
    choose_speakers,
    load_model,
    override,
    pair_features,
    speaker_candidates,
    switched_on,
)

TEXT = "Ann Lie met Bo Berg in Norland on Monday.\n\n“We will build it,” said the mayor."
QUOTE = "“We will build it,”"


def _quote(text: str = TEXT) -> Suggestion:
    """The quote of TEXT as the rules left it: spoken by an unresolved description."""
    start = text.index(QUOTE)
    said = text.index("the mayor")
    return Suggestion(
        "quote",
        start,
        start + len(QUOTE),
        QUOTE,
        0.9,
        speaker="the mayor",
        speaker_kind="other",
        speaker_start=said,
        speaker_end=said + len("the mayor"),
        cue={"start": said - 5, "end": said - 1, "text": "said"},
        quote_type="direct",
        speaker_rule="mention-after/the-person-noun",
        speaker_resolved=False,
    )


def _candidates(text: str = TEXT) -> tuple[list[Suggestion], list[Candidate]]:
    suggestions = [_quote(text)]
    return suggestions, speaker_candidates(Article(text), Registry(text, []), suggestions, 0)


def test_speaker_candidates_put_the_rules_choice_first_then_the_names_nearby() -> None:
    _, found = _candidates()
    assert found[0].ruled and found[0].name == "the mayor"
    assert {c.name for c in found[1:]} >= {"Ann Lie", "Bo Berg"}
    assert not any(c.ruled for c in found[1:])


def test_speaker_features_describe_rule_kind_and_position() -> None:
    _, found = _candidates()
    ruled, ann = found[0], next(c for c in found if c.name == "Ann Lie")
    assert {"ruled", "ruled:mention-after/the-person-noun", "ruled:unresolved"} <= set(
        ruled.features
    )
    assert {"lowercase", "head:mayor", "side:after", "near-cue"} <= set(ruled.features)
    assert {"alt:mention-after/the-person-noun", "alt:ruled-unresolved", "kind:person"} <= set(
        ann.features
    )
    assert {"side:before", "para:-1", "words:2", "subject"} <= set(ann.features)


def test_pair_features_join_the_rules_choice_and_the_alternative() -> None:
    _, found = _candidates()
    ann = next(c for c in found if c.name == "Ann Lie")
    feats = pair_features(found[0], ann)
    assert "r:ruled" in feats and "a:kind:person" in feats
    assert "x:other>person" in feats and "x:description>person" in feats
    assert "x:none>person" in pair_features(None, ann)


def test_override_only_past_the_margin_and_never_to_the_rules_choice() -> None:
    _, found = _candidates()
    # The rules' choice is distrusted a little (-1) and a name before the quote trusted (2.5).
    weights = {"a:side:before": 2.0, "a:words:2": 0.5, "r:ruled": -1.0}
    chosen = override(found, weights, margin=1.5)
    assert chosen is not None and chosen.name in {"Ann Lie", "Bo Berg"}
    assert override(found, weights, margin=1.6) is None
    assert override([found[0]], weights, margin=-9.0) is None  # no alternative
    assert override(found, {}, margin=0.5) is None


def test_choose_speakers_puts_a_confident_choice_in_place_and_names_its_rule() -> None:
    suggestions = [_quote()]
    model = {"margin": 1.0, "weights": {"a:side:before": 2.0}}
    choose_speakers(Article(TEXT), Registry(TEXT, []), suggestions, model)
    quote = suggestions[0]
    assert quote.speaker in {"Ann Lie", "Bo Berg"}
    assert quote.speaker_rule == MODEL_RULE and quote.speaker_resolved
    assert TEXT[quote.speaker_start : quote.speaker_start + 3] in {"Ann", "Bo "}


def test_the_finder_runs_the_model_only_when_switched_on(tmp_path: Path) -> None:
    """The shipped finder never calls the model; `switched_on` puts it after the rules'
    speakers, for a measurement, and takes it away again."""
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"margin": 1.0, "weights": {"a:side:before": 2.0}}))

    def rules() -> set[str | None]:
        return {s.speaker_rule for s in suggest(TEXT, claims=0) if s.kind == "quote"}

    assert MODEL_RULE not in rules()
    with switched_on(load_model(path)):
        assert MODEL_RULE in rules()
    assert MODEL_RULE not in rules()


def _trainer():  # noqa: ANN202 - a script module
    path = BENCH / "train_speaker.py"
    spec = importlib.util.spec_from_file_location("train_speaker", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_speaker"] = module
    spec.loader.exec_module(module)
    return module


def test_rebuilding_on_a_tiny_fixture_is_deterministic() -> None:
    train = _trainer()
    _, found = _candidates()
    ann = next(c for c in found if c.name == "Ann Lie")
    # The rules wrong and Ann Lie right, five times over; and the rules right, five times.
    groups = [(f"a{n}", [(c, int(c is ann)) for c in found]) for n in range(5)]
    groups += [(f"b{n}", [(c, int(c.ruled)) for c in found]) for n in range(5)]
    first, second = train.fit(groups), train.fit(groups)
    assert first == second and first
    assert train.tally(groups, first, 100.0)["gained"] == 0  # nothing passes a huge margin

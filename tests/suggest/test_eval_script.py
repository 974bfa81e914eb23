"""The PolNeAR scorer in bench/ reads BRAT attributions as documented (on text we wrote)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from workbench.suggest.finder.engine import Suggestion

_SPEC = importlib.util.spec_from_file_location(
    "suggest_eval", Path(__file__).resolve().parents[2] / "bench" / "suggest_eval.py"
)
suggest_eval = importlib.util.module_from_spec(_SPEC)
sys.modules["suggest_eval"] = suggest_eval  # dataclasses look their module up
_SPEC.loader.exec_module(suggest_eval)

TEXT = "“We will build it,” said Hester. The mayor said that “costs are rising” this year."


def _ann(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def _span(text: str, part: str) -> str:
    start = text.index(part)
    return f"{start} {start + len(part)}"


def test_a_quote_opening_its_content_is_direct_and_framing_makes_it_not():
    ann = _ann(
        f"T1\tContent {_span(TEXT, '“We will build it,”')}\t“We will build it,”",
        f"T2\tCue {_span(TEXT, 'said')}\tsaid",
        f"T3\tSource {_span(TEXT, 'Hester')}\tHester",
        "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3",
        f"T4\tContent {_span(TEXT, 'that “costs are rising”')}\tthat “costs are rising”",
        f"T5\tSource {_span(TEXT, 'The mayor')}\tThe mayor",
        "E2\tAttribution:T2 Content:T4 Source:T5",
    )
    direct, framed = suggest_eval.parse_ann(TEXT, ann)
    assert direct.direct and not framed.direct
    assert TEXT[slice(*direct.source[0])] == "Hester"


def test_swapped_source_and_cue_labels_are_swapped_back():
    ann = _ann(
        f"T1\tContent {_span(TEXT, '“We will build it,”')}\t“We will build it,”",
        f"T2\tSource {_span(TEXT, 'said')}\tsaid",
        f"T3\tCue {_span(TEXT, 'Hester')}\tHester",
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
    )
    (gold,) = suggest_eval.parse_ann(TEXT, ann)
    assert TEXT[slice(*gold.source[0])] == "Hester" and gold.cue == "said"


@pytest.mark.parametrize(
    ("mention", "name", "right"),
    [("Hester", "Megan Hester", True), ("mayor", "The Mayor", False), (None, "Hester", True)],
)
def test_the_speaker_is_right_by_mention_overlap_or_head_word(mention, name, right):
    gold = suggest_eval.Gold(0, 19, [tuple(map(int, _span(TEXT, "Hester").split()))], "said", True)
    start = TEXT.index(mention) if mention else None
    suggestion = Suggestion(
        kind="quote",
        start=0,
        end=19,
        text=TEXT[:19],
        score=0.9,
        speaker=name,
        speaker_start=start,
        speaker_end=start + len(mention) if mention else None,
    )
    assert suggest_eval.speaker_right(TEXT, suggestion, gold) is right


@pytest.mark.parametrize(
    ("source", "head"),
    [
        ("Jack Lie, a spokesman for the National Federation of Independent Business,", "lie"),
        ("Sen. Ann Cole (Vt.), who lost the primary to Clinton,", "cole"),
        ("Cole, whose group backs the bill in the House", "cole"),
        ("the ministry", "ministry"),
    ],
)
def test_the_head_of_a_source_comes_before_its_appositive(source, head):
    assert suggest_eval._head(source) == head


def test_two_annotators_agree_on_a_source_by_overlap_or_head_word():
    hester = [tuple(map(int, _span(TEXT, "Hester").split()))]
    mayor = [tuple(map(int, _span(TEXT, "The mayor").split()))]
    gold = suggest_eval.Gold

    def agree(one, other):
        return suggest_eval.same_source(
            TEXT, gold(0, 19, one, "", True), gold(0, 19, other, "", True)
        )

    assert agree(hester, hester) and agree(None, None)
    assert not agree(hester, mayor) and not agree(hester, None)


def test_the_head_of_a_role_then_a_name_is_the_name():
    assert suggest_eval._head("the White House spokesman, Josh Earnest,") == "earnest"


def test_rules_table_gives_precision_and_recall_per_rule(tmp_path, monkeypatch, capsys):
    text = "“We will build the new bridge by May,” said Hester Lie. The mayor was away."
    base = tmp_path / "data" / "train"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "a.txt").write_text(text, encoding="utf-8")
    quote = "“We will build the new bridge by May,”"
    ann = _ann(
        f"T1\tContent {_span(text, quote)}\t{quote}",
        f"T2\tCue {_span(text, 'said')}\tsaid",
        f"T3\tSource {_span(text, 'Hester Lie')}\tHester Lie",
        "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3",
    )
    (base / "attributions" / "a_0a1b.ann").write_text(ann, encoding="utf-8")
    monkeypatch.setattr(
        sys, "argv", ["suggest_eval.py", str(tmp_path), "--split", "train", "--rules"]
    )
    assert suggest_eval.main() == 0
    out = capsys.readouterr().out
    assert "-- per rule" in out
    for field in ("rule", "cue_rule", "speaker_rule"):
        assert any(line.startswith(f"{field} ") and " attr P " in line for line in out.splitlines())
    row = next(line.split() for line in out.splitlines() if "quote/cue-after" in line)
    # pred, matched, P, R, right, attributed P and R of the rule that made the one suggestion
    assert row[1:] == ["1", "1", "1.000", "1.000", "1", "1.000", "1.000"]


def test_without_rules_no_table_is_printed(tmp_path, monkeypatch, capsys):
    base = tmp_path / "data" / "train"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "a_0a1b.ann").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["suggest_eval.py", str(tmp_path), "--split", "train"])
    assert suggest_eval.main() == 0
    assert "-- per rule" not in capsys.readouterr().out

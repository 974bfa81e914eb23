"""The development set's tools in bench/devset: build_gold.py makes the gold file with the
workbench, scoring.py (suggest_eval.py --devset) scores the finder on it (fixture articles and
labels written for these tests, in devset_fixture/)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from workbench.annotations.models import Annotation, Entity
from workbench.articles.models import Article
from workbench.suggest.finder.engine import Suggestion

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "devset_fixture"
BUILD = ROOT / "bench" / "devset" / "build_gold.py"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


scoring = _load("devset_scoring", ROOT / "bench" / "devset" / "scoring.py")
suggest_eval = _load("suggest_eval", ROOT / "bench" / "suggest_eval.py")


def _build(out: Path, labels: Path = FIXTURE / "labels") -> subprocess.CompletedProcess:
    # A process of its own: the script boots Django on its own throw-away database.
    return subprocess.run(  # noqa: S603 - our own interpreter and script
        [
            sys.executable,
            str(BUILD),
            "--out",
            str(out),
            "--labels",
            str(labels),
            "--articles",
            str(FIXTURE / "articles"),
            "--sources",
            str(FIXTURE / "sources.jsonl"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def gold(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    done = _build(out)
    assert done.returncode == 0, done.stderr
    return out


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_build_gold_writes_the_labels_as_the_workbench_exports_them(gold):
    storm, bridge = _records(gold)  # label-file order: coastal-news… before riverton…
    body = (FIXTURE / "articles" / "riverton--bridge.txt").read_text(encoding="utf-8")
    assert bridge["title"] == "Mayor opens the bridge"
    assert bridge["body"] == body.partition("\n\n")[2]
    assert bridge["outlet"] == "Riverton Gazette" and bridge["published"] is None
    assert storm["published"] == "2026-01-02"
    first, second, council = bridge["annotations"]
    assert first["exact"] == "We will build the new bridge by May,"
    assert first["speaker"]["name"] == "Hester Lie" and first["role"] == "mayor of Riverton"
    # The cue between the mention and the quote: the "said" after the second part is not it.
    assert first["cue"]["start"] == bridge["body"].index("said")
    assert second["speaker_mention"] == first["speaker_mention"]
    assert council["speaker"]["kind"] == "other"
    assert council["speaker"]["description"] == scoring.UNRESOLVED
    assert council["speaker_mention"]["text"] == "The council"
    she = storm["annotations"][-1]
    # "she" as a word, not the "he" … inside other words.
    assert storm["body"][she["speaker_mention"]["start"] :].startswith("she told")
    assert [a["quote_type"] for a in storm["annotations"]] == ["mixed", "direct", "direct"]


def test_build_gold_gives_the_same_bytes_again(gold, tmp_path):
    again = tmp_path / "again.jsonl"
    assert _build(again).returncode == 0
    assert again.read_bytes() == gold.read_bytes()


def test_build_gold_refuses_what_check_labels_refuses(tmp_path):
    labels = tmp_path / "labels"
    shutil.copytree(FIXTURE / "labels", labels)
    with (labels / "riverton--bridge.jsonl").open("a", encoding="utf-8") as handle:
        bad = {"kind": "quote", "quote_type": "direct", "text": "“It will carry trains.”"}
        handle.write(json.dumps({**bad, "speaker": "Hester Lie", "speaker_kind": "person"}) + "\n")
    out = tmp_path / "gold.jsonl"
    done = _build(out, labels)
    assert done.returncode == 1
    assert "without them" in done.stderr and not out.exists()


def test_the_scorer_reads_the_gold_per_outlet(gold, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["suggest_eval.py", "--devset", str(gold), "--json"])
    assert suggest_eval.main() == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["outlets"]) == {"Coastal News (coastal.example)", "Riverton Gazette"}
    assert report["all"]["articles"] == 2 and report["all"]["gold_quotes"] == 6
    assert report["outlets"]["Riverton Gazette"]["gold_direct"] == 2
    monkeypatch.setattr(sys, "argv", ["suggest_eval.py", "--devset", str(gold)])
    assert suggest_eval.main() == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("== development set") and "2 articles, 2 outlets" in lines[0]
    assert [line.split(" ")[0] for line in lines if line.startswith(("Coastal", "Riverton"))] == [
        "Coastal",
        "Riverton",
    ]
    assert any(line.startswith("all outlets") for line in lines)


TEXT = "“A is true,” Ann Lie told reporters. “B is false.”"


def _quote(part: str, speaker: str = "Ann Lie", unresolved: bool = False):
    start = TEXT.index(part)
    return scoring.GoldQuote(start, start + len(part), "direct", speaker, unresolved)


def _suggestion(part: str, speaker: str | None) -> Suggestion:
    start = TEXT.index(part)
    return Suggestion(
        kind="quote",
        start=start,
        end=start + len(part),
        text=part,
        score=0.9,
        speaker=speaker,
        quote_type="direct",
    )


def _score(monkeypatch, golds, suggestions) -> dict:
    monkeypatch.setattr(scoring, "suggest", lambda text, claims: suggestions)
    row = scoring.score_article(scoring.GoldArticle("x", "t", "Outlet", TEXT, golds))
    return {name: count.as_dict() for name, count in row.counts.items()}


def test_a_wrong_speaker_counts_as_wrong(monkeypatch):
    golds = [_quote("A is true,"), _quote("B is false.")]
    found = [_suggestion("“A is true,”", "Ann Lie"), _suggestion("“B is false.”", "Reporters")]
    counts = _score(monkeypatch, golds, found)
    assert counts["exact_direct"]["right_gold"] == 2  # the marks are not part of the quote
    speaker = counts["speaker"]
    assert (speaker["right_pred"], speaker["pred"], speaker["gold"]) == (1, 2, 2)


def test_a_split_quote_suggested_as_one_is_an_exact_miss(monkeypatch):
    golds = [_quote("A is true,"), _quote("B is false.")]
    counts = _score(monkeypatch, golds, [_suggestion(TEXT, "Ann Lie")])
    exact = counts["exact_direct"]
    assert (exact["right_pred"], exact["pred"], exact["right_gold"], exact["gold"]) == (0, 1, 0, 2)
    # Found it is, both halves: finding is not one-to-one, exactness is.
    assert counts["found_direct"]["r"] == 1.0 and counts["found_direct"]["p"] == 1.0


def test_an_exact_quote_keeps_its_punctuation(monkeypatch):
    counts = _score(monkeypatch, [_quote("A is true,")], [_suggestion("A is true", "Ann Lie")])
    assert counts["exact_direct"]["right_gold"] == 0 and counts["found_direct"]["right_gold"] == 1


def test_an_unresolved_description_is_right_without_its_article(monkeypatch):
    golds = [_quote("A is true,", "military spokesman", unresolved=True)]
    counts = _score(monkeypatch, golds, [_suggestion("A is true,", "A military spokesman")])
    assert counts["speaker"]["right_gold"] == 1
    assert counts["named_speaker"]["gold"] == 0  # left out of the named-speaker line


@pytest.mark.django_db
def test_the_gold_file_imports_back_into_the_workbench(gold):
    call_command("import_dataset", str(gold), project="devset/copy")
    assert Article.objects.filter(project__slug="copy").count() == 2
    assert Annotation.objects.filter(article__project__slug="copy").count() == 6
    council = Entity.objects.get(name="council")
    assert council.kind == "other" and council.description == scoring.UNRESOLVED
    bridge = Article.objects.get(project__slug="copy", title="Mayor opens the bridge")
    quote = bridge.annotations.order_by("start").first()
    assert (quote.speaker.name, quote.mention_exact, quote.cue_exact) == (
        "Hester Lie",
        "Hester Lie",
        "said",
    )


def test_a_direct_quote_inside_a_mixed_suggestion_is_found_but_not_exact(monkeypatch):
    mixed = _suggestion("“A is true,” Ann Lie", "Ann Lie")
    mixed.quote_type = "mixed"
    counts = _score(monkeypatch, [_quote("A is true,")], [mixed])
    assert counts["found_direct"]["right_gold"] == 1 and counts["found_direct"]["pred"] == 0
    assert counts["exact_direct"]["right_gold"] == 0


def test_the_committed_gold_file_is_built_from_the_committed_labels(tmp_path):
    """A label changed without re-running build_gold.py would leave a stale gold file."""
    out = tmp_path / "gold.jsonl"
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(BUILD), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    committed = ROOT / "bench" / "devset" / "gold.jsonl"
    assert out.read_bytes() == committed.read_bytes(), (
        "bench/devset/gold.jsonl is out of date: run `uv run python bench/devset/build_gold.py`"
    )


def test_a_fragment_nested_in_a_mixed_quote_finds_its_gold_too(monkeypatch):
    """Both the mixed quote and the direct fragment inside it find a gold quote: both count as
    right for found precision, though the gold fragment's best cover is the mixed one."""
    mixed = _suggestion("“A is true,” Ann Lie", "Ann Lie")
    mixed.quote_type = "mixed"
    golds = [_quote("“A is true,” Ann Lie"), _quote("A is true,")]
    counts = _score(monkeypatch, golds, [mixed, _suggestion("A is true,", "Ann Lie")])
    assert (counts["found_all"]["right_pred"], counts["found_all"]["pred"]) == (2, 2)


def test_a_nested_fragment_is_scored_by_its_own_suggestion_not_the_clause_around_it(monkeypatch):
    """Of two suggestions that cover a gold fragment whole (the reported clause around it and
    the fragment itself), the fragment's is the one its speaker is scored by, whichever comes
    first: the clause's speaker may rightly differ (a body quoted inside a person's report)."""
    clause = _suggestion("“A is true,” Ann Lie", "Ann Lie")
    clause.quote_type = "mixed"
    fragment = _suggestion("A is true,", "Bo Berg")
    golds = [_quote("A is true,", speaker="Bo Berg")]
    for order in ([clause, fragment], [fragment, clause]):
        assert _score(monkeypatch, golds, order)["speaker"]["right_gold"] == 1


def test_agreement_of_a_labelling_with_itself_is_whole_and_differences_are_named(monkeypatch):
    """bench/devset/agreement.py scores one labelling against another in the finder's measures:
    a labelling agrees with itself on every measure, nested fragments included; a quote only
    one labeller marked, and another speaker, are listed."""
    agreement = _load_agreement()
    golds = [_quote("“A is true,” Ann Lie"), _quote("A is true,", speaker="Bo Berg")]
    golds[0] = scoring.GoldQuote(golds[0].start, golds[0].end, "mixed", "Ann Lie", False)
    first = scoring.GoldArticle("1", "t", "Outlet", TEXT, golds)
    rows = agreement.agreement([(first, first)])
    assert all(c.prf()[2] == 1.0 for c in rows[scoring.ALL_OUTLETS].counts.values())
    mine = [_quote("A is true,", speaker="Bo Berg"), _quote("B is false.")]
    theirs = [_quote("A is true,"), _quote("Ann Lie told reporters", speaker="Cy Dale")]
    lines = agreement.disagreements(
        scoring.GoldArticle("1", "t", "Outlet", TEXT, mine),
        scoring.GoldArticle("2", "t", "Outlet", TEXT, theirs),
    )
    assert [line.split()[0] for line in lines] == ["SPEAKER", "SECOND", "FIRST"]


def _load_agreement():
    # agreement.py imports scoring as a sibling module, as the scripts there do.
    sys.modules["scoring"] = scoring
    return _load("devset_agreement", ROOT / "bench" / "devset" / "agreement.py")


def test_check_labels_checks_another_set_given_its_folder(tmp_path, capsys):
    # bench/holdout is laid out like bench/devset: the folder names labels/ and articles/.
    check = _load("devset_check_labels", ROOT / "bench" / "devset" / "check_labels.py")
    shutil.copytree(FIXTURE / "labels", tmp_path / "labels")
    shutil.copytree(FIXTURE / "articles", tmp_path / "articles")
    count = len(list((tmp_path / "labels").glob("*.jsonl")))
    assert check.main([str(tmp_path)]) == 0
    assert f"{count} label files" in capsys.readouterr().out
    assert check.main([str(tmp_path / "labels")]) == 0
    capsys.readouterr()
    with (tmp_path / "labels" / "riverton--bridge.jsonl").open("a", encoding="utf-8") as handle:
        bad = {"kind": "quote", "quote_type": "direct", "text": "not in the article"}
        handle.write(json.dumps({**bad, "speaker": "Hester Lie", "speaker_kind": "person"}) + "\n")
    assert check.main([str(tmp_path)]) == 1
    assert "text not found in the body" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "gold", "labels"),
    [
        *(
            (f"holdout{n}", "gold", "labels")
            for n in ["", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
        ),
        ("holdout6", "gold-second", "labels-second"),
    ],
)
def test_each_holdout_gold_file_carries_its_labels(name, gold, labels):
    """A holdout's label changed without rebuilding its gold file would score the finder against
    stale gold. Building takes a database (the devset's test above does it once); here each gold
    article's quotes are compared with its label file: text, type, speaker and role (the speaker
    case-folded: the registry keeps one entity, spelt as first met, for "Scientists" and
    "scientists"). holdout6 has a second labelling, for the labellers' agreement."""
    folder = ROOT / "bench" / name
    by_title = {}
    for path in sorted((folder / "articles").glob("*.txt")):
        by_title[path.read_text(encoding="utf-8").split("\n", 1)[0].strip()] = path.stem
    built = {}
    for line in (folder / f"{gold}.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        built[by_title[article["title"].strip()]] = sorted(
            (
                a["exact"],
                a["quote_type"],
                (a["speaker"] or {}).get("name", "").casefold(),
                a["role"],
            )
            for a in article["annotations"]
        )
    labelled = {}
    for path in sorted((folder / labels).glob("*.jsonl")):
        rows = [json.loads(row) for row in path.read_text(encoding="utf-8").splitlines() if row]
        labelled[path.stem] = sorted(
            (r["text"], r["quote_type"], r["speaker"].casefold(), r.get("role", "")) for r in rows
        )
    assert built == labelled, f"bench/{name}/{gold}.jsonl is out of date: rebuild it"


def test_show_lists_missed_quotes_wrong_speakers_and_extra_suggestions():
    body = (
        "“The bridge will open in May,” Ann Lie said on Monday.\n\n"
        "Tom Berg said the budget had doubled.\n\n"
        "The weather was mild."
    )
    start = body.index("The bridge")
    bridge = scoring.GoldQuote(start, body.index("”"), "direct", "Tom Berg", False)
    weather = body.index("The weather")
    mild = scoring.GoldQuote(weather, len(body), "indirect", "forecasters", True)
    article = scoring.GoldArticle("1", "Bridge", "Riverton Post", body, [bridge, mild])
    lines = scoring.errors(article)
    assert lines[0].startswith("SPEAKER direct   'Tom Berg' -> 'Ann Lie': The bridge will open")
    assert lines[1].startswith("EXTRA   indirect [Tom Berg] the budget had doubled")
    assert lines[2] == "MISSED  indirect [forecasters] The weather was mild."
    assert len(lines) == 3

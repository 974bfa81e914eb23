from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ARTICLE = (
    "Michael Knights has followed the militias for a decade.\n\n"
    "“This is a deliberate message,” said Knights, Iraq expert at the Washington Institute. "
    "Unemployment rose to 14% last year, twice the regional average.\n"
)


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("suggest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_line_per_file_with_offsets_into_the_file(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out, _ = run("--json", str(path))
    line = json.loads(out.strip())
    assert line["path"] == str(path)
    kinds = {s["kind"] for s in line["suggestions"]}
    assert kinds == {"quote", "claim"}
    quote = next(s for s in line["suggestions"] if s["kind"] == "quote")
    assert quote["speaker"] == "Michael Knights"
    assert quote["role"] == "Iraq expert at the Washington Institute"
    assert quote["quote_type"] == "direct"
    assert ARTICLE[quote["start"] : quote["end"]] == quote["text"]
    assert ARTICLE[quote["speaker_start"] : quote["speaker_end"]] == "Knights"
    assert set(quote) >= {"cue", "score", "speaker_start", "speaker_end", "role"}
    # Which rules made it: the engine's, the cue finder's and the speaker finder's.
    assert quote["rule"] == "quote/cue-after"
    assert {"cue_rule", "speaker_rule"} <= set(quote)
    claim = next(s for s in line["suggestions"] if s["kind"] == "claim")
    assert claim["rule"] == "claim/checkworthy"


def test_offsets_count_code_points_not_bytes_or_utf16(tmp_path: Path):
    text = "😀 Émile wrote.\n\n“Nothing has changed here in ten years,” said Zoë Martin.\n"
    path = tmp_path / "emoji.txt"
    path.write_bytes(text.encode("utf-8"))
    out, _ = run("--json", str(path))
    quote = json.loads(out)["suggestions"][0]
    assert text[quote["start"] : quote["end"]] == quote["text"]


def test_readable_listing(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out, _ = run(str(path))
    assert f"{path}: 1 quotes" in out
    assert "Michael Knights, Iraq expert at the Washington Institute [said; direct]" in out
    assert "Why: quote/cue-after" in out and "Why: claim/checkworthy" in out


def test_empty_file_and_file_without_quotes(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    plain = tmp_path / "plain.txt"
    plain.write_text("The river rose in the night.\n")
    out, _ = run("--json", str(empty), str(plain))
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {"path": str(empty), "suggestions": []}
    assert [s for s in second["suggestions"] if s["kind"] == "quote"] == []


def test_binary_and_huge_files_are_refused_clearly(tmp_path: Path, settings):
    settings.WORKBENCH_SUGGEST_MAX_BYTES = 100
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 100)
    good = tmp_path / "good.txt"
    good.write_text("Fine.")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 of 3 files could not be read"):
        call_command("suggest", "--json", str(binary), str(huge), str(good), stdout=out, stderr=err)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["error"] == "binary file (it contains NUL bytes)"
    assert "above the limit of 100" in lines[1]["error"]
    assert lines[2] == {"path": str(good), "suggestions": []}
    assert "huge.txt: 500 bytes is above the limit of 100" in err.getvalue()


def test_not_utf8_is_refused(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café “déjà vu”".encode("cp1252"))
    with pytest.raises(CommandError):
        run(str(path))


def test_works_without_a_database(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "suggest", "--json", str(path)],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["path"] == str(path)


SCRAPED = (
    "THE DAILY WIRE\n"
    "Sponsor: Best Deals Ever: Save 50% On 3 Million Items Today.\n"
    "Le Monde\n"
    "5 Jan 2024\n\n"
    "Unemployment rose to 14% last year, twice the regional average, officials said.\n\n"
    "“This is a deliberate message,” said Michael Knights, Iraq expert at the Washington "
    "Institute.\n\n"
    "You have 40% of this article left to read. The rest is for subscribers only.\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_boilerplate_lines_of_a_scraped_page_get_no_suggestions(tmp_path: Path, newline: str):
    path = tmp_path / "scraped.txt"
    path.write_bytes(SCRAPED.replace("\n", newline).encode("utf-8"))
    text = path.read_bytes().decode("utf-8")  # as read: "\r\n" kept
    (line,) = [json.loads(x) for x in run("--json", str(path))[0].splitlines()]
    found = line["suggestions"]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in found)
    assert not any("Sponsor" in s["text"] or "subscribers" in s["text"] for s in found)
    assert any(s["kind"] == "claim" and s["text"].startswith("Unemployment") for s in found)
    assert any(s["kind"] == "quote" and s["speaker"] == "Michael Knights" for s in found)
    kept = json.loads(run("--json", "--keep-boilerplate", str(path))[0])["suggestions"]
    assert any("Sponsor" in s["text"] for s in kept)
    assert "boilerplate lines left out" in run(str(path))[0]


def test_listing_says_which_part_of_a_split_quote(tmp_path: Path):
    path = tmp_path / "split.txt"
    path.write_text("“A deal is close,” Ann Lie told reporters. “We sign this week.”", "utf-8")
    out, _ = run(str(path))
    assert "Ann Lie [told; direct; part 1 of 2]" in out
    assert "Ann Lie [told; direct; part 2 of 2]" in out


TRANSCRIPT = (
    "HOLT: Good evening from Hofstra. How many jobs were lost?\n"
    "TRUMP: We lost 70,000 factory jobs in 2016, more than ever.\n"
    "(APPLAUSE)\n"
    "CLINTON: Thank you.\n"
)


def test_claims_all_scores_every_sentence_with_reasons_and_speaker(tmp_path: Path):
    path = tmp_path / "debate.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    out, _ = run("--json", "--claims", "all", str(path))
    claims = [s for s in json.loads(out)["suggestions"] if s["kind"] == "claim"]
    assert [c["text"] for c in claims] == [
        "Good evening from Hofstra.",
        "How many jobs were lost?",
        "We lost 70,000 factory jobs in 2016, more than ever.",
        "(APPLAUSE)",
        "Thank you.",
    ]
    assert [c["speaker"] for c in claims] == ["HOLT", "HOLT", "TRUMP", "TRUMP", "CLINTON"]
    assert all(TRANSCRIPT[c["start"] : c["end"]] == c["text"] for c in claims)
    top = max(claims, key=lambda c: c["score"])
    assert top["speaker"] == "TRUMP"
    assert {"a number", "a comparison", "a claim about the past"} <= set(top["reasons"])
    assert top["rule"] == "claim/checkworthy-model"
    assert all(0 <= c["score"] <= 1 for c in claims)


def test_claims_all_in_the_readable_listing_says_why(tmp_path: Path):
    path = tmp_path / "debate.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    out, _ = run("--claims", "all", str(path))
    assert "0 quotes, 5 claims" in out
    assert "a number" in out


def test_claims_refuses_a_negative_count(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CommandError):
        run("--claims", "-3", str(path))


def test_reports_all_also_offers_noun_phrase_objects(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Ann Lie praised the efforts of the coast guard.\n", encoding="utf-8")
    default, _ = run("--json", "--claims", "0", str(path))
    every, _ = run("--json", "--claims", "0", "--reports", "all", str(path))
    assert json.loads(default)["suggestions"] == []
    (found,) = json.loads(every)["suggestions"]
    assert found["text"] == "the efforts of the coast guard"
    assert found["speaker"] == "Ann Lie"


def test_reports_refuses_an_unknown_value(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CommandError):
        run("--reports", "some", str(path))

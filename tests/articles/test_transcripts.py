"""A debate or interview pasted as `SPEAKER: text` lines keeps every line and its speaker."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied

from workbench.articles.pipeline import prepare
from workbench.articles.services import article_import_text
from workbench.imports.services import articles_import_jsonl, transcript_from_jsonl
from workbench.suggest.selectors import sentence_ranking

pytestmark = pytest.mark.django_db

PASTE = (
    "HOLT: Good evening from Hofstra University.  \r\n"
    "TRUMP: We lost 70,000 factory jobs in 2016, more than ever.\r\n"
    "(CROSSTALK)\r\n"
    "\r\n"
    "CLINTON: That is not true. The figure was 30,000.\r\n"
)


def test_prepare_keeps_a_transcript_line_for_line():
    cleaned = prepare(text=PASTE)
    assert cleaned.body.split("\n") == [
        "HOLT: Good evening from Hofstra University.",
        "TRUMP: We lost 70,000 factory jobs in 2016, more than ever.",
        "(CROSSTALK)",
        "",
        "CLINTON: That is not true. The figure was 30,000.",
    ]
    assert cleaned.removed == []
    assert cleaned.title_is_provisional


def test_prepare_still_cleans_an_article_with_a_colon_in_it():
    article = (
        "City budget passes\n\nNote: figures are provisional.\nThe council voted 7-2 on Monday.\n"
    )
    cleaned = prepare(text=article)
    assert cleaned.title == "City budget passes"


def test_imported_transcript_attributes_each_sentence_to_its_speaker(world):
    result = article_import_text(project=world.project, actor=world.lead, text=PASTE)
    article = result.article
    ranked = sentence_ranking(article=article, order="text", top=100)
    assert [(s.speaker, s.text) for s in ranked] == [
        ("HOLT", "Good evening from Hofstra University."),
        ("TRUMP", "We lost 70,000 factory jobs in 2016, more than ever."),
        ("TRUMP", "(CROSSTALK)"),
        ("CLINTON", "That is not true."),
        ("CLINTON", "The figure was 30,000."),
    ]
    assert all(article.body[s.start : s.end] == s.text for s in ranked)


def test_jsonl_transcript_is_one_article_with_its_speakers(world):
    lines = [
        {"speaker": "Lester Holt", "text": "Good evening from Hofstra University."},
        {"speaker": "de Blasio", "text": "We hired 2,000 more police officers in 2015."},
        {"speaker": None, "text": "(APPLAUSE)"},
        {"speaker": "<script>alert(1)</script>", "text": "Thank you."},
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n"
    report = articles_import_jsonl(project=world.project, actor=world.reviewer, text=text)
    assert report.failed == 0 and report.created == 1
    article = report.results[0].article
    ranked = sentence_ranking(article=article, order="text", top=100)
    assert [s.speaker for s in ranked] == [
        "Lester Holt",
        "DE BLASIO",
        "DE BLASIO",
        "SCRIPT ALERT SCRIPT",
    ]
    assert ranked[0].text == "Good evening from Hofstra University."
    assert max(ranked, key=lambda s: s.score).speaker == "DE BLASIO"


def test_jsonl_of_articles_is_not_a_transcript():
    article = json.dumps({"title": "A", "body": "Some text.", "speaker": "X", "text": "Y"})
    assert transcript_from_jsonl(article) is None
    assert transcript_from_jsonl('{"speaker": 3, "text": "Y"}') is None
    assert transcript_from_jsonl("not json") is None
    assert transcript_from_jsonl('{"speaker": "ANA", "text": "Hi."}') == "ANA: Hi."


def test_jsonl_transcript_is_refused_for_a_viewer(world):
    text = '{"speaker": "ANA", "text": "Hi."}\n{"speaker": "BO", "text": "Hello."}\n'
    with pytest.raises(PermissionDenied):
        articles_import_jsonl(project=world.project, actor=world.viewer, text=text)

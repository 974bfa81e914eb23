"""A debate or interview pasted as `SPEAKER: text` lines keeps every line and its speaker."""

from __future__ import annotations

import pytest

from workbench.articles.pipeline import prepare
from workbench.articles.services import article_import_text
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

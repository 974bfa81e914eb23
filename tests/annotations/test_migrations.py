"""The data migration that stores existing quotes without their quotation marks."""

from __future__ import annotations

import importlib

from django.apps import apps

from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation

trim = importlib.import_module("workbench.annotations.migrations.0007_trim_quote_marks")

BODY = "Intro. “We are ready,” said Ana. And “the end” came, said Bo."


def stored(article, author, text, kind="quote"):
    # As an older version stored them: straight into the table, marks and all.
    start = BODY.index(text)
    return Annotation.objects.create(
        article=article,
        annotator=author,
        kind=kind,
        start=start,
        end=start + len(text),
        exact=text,
        prefix=BODY[max(0, start - 32) : start],
        suffix=BODY[start + len(text) : start + len(text) + 32],
    )


def test_existing_quotes_lose_their_marks_consistently(world):
    article = ArticleFactory(project=world.project, body=BODY, raw=BODY)
    marked = stored(article, world.reviewer, "“We are ready,”")
    claim = stored(article, world.reviewer, "“We are ready,”", kind="claim")
    clean = stored(article, world.reviewer, "the end")
    # Trimmed, it would repeat the reviewer's own "the end": left as it is.
    repeat = stored(article, world.reviewer, "“the end”")
    trim.trim_quote_marks(apps, None)
    marked.refresh_from_db()
    assert (marked.exact, marked.version) == ("We are ready,", 2)
    assert BODY[marked.start : marked.end] == marked.exact
    assert marked.prefix == BODY[max(0, marked.start - 32) : marked.start]
    assert marked.suffix == BODY[marked.end : marked.end + 32]
    for untouched, exact in ((claim, "“We are ready,”"), (clean, "the end"), (repeat, "“the end”")):
        untouched.refresh_from_db()
        assert (untouched.exact, untouched.version) == (exact, 1)

"""Sentences ranked by check-worthiness in a real browser: open, then filter and re-order."""

from __future__ import annotations

import hashlib

import pytest

from tests.browser.conftest import screenshot
from tests.browser.test_annotate import _log_in, _settle
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FILLER = [f"The committee met in room {chr(65 + i)} that morning." for i in range(9)]
CLAIM = "Unemployment rose to 14% last year, twice the regional average, the ministry said."
BODY = " ".join([*FILLER[:4], CLAIM, *FILLER[4:]])


def test_rank_sentences_then_show_all_in_reading_order(page, live_server, world):
    article = ArticleFactory(
        project=world.project,
        title="Jobs",
        body=BODY,
        raw=BODY,
        checksum=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    _log_in(page, live_server, world.viewer)
    page.goto(article.get_absolute_url())
    page.get_by_role("link", name="Rank sentences by check-worthiness").click()
    items = page.locator("#sentences li.suggestion")
    items.first.wait_for()
    assert items.count() == 1  # the top 10 % of ten sentences
    assert CLAIM in items.first.inner_text()
    assert "a statistic" in items.first.inner_text()
    _settle(page)
    page.select_option("#sentences select[name=sentences-top]", "100")
    page.locator("#sentences li.suggestion").nth(9).wait_for()
    assert CLAIM in page.locator("#sentences li.suggestion").first.inner_text()
    _settle(page)
    page.select_option("#sentences select[name=sentences-order]", "text")
    page.locator("#sentences li.suggestion").nth(4).filter(has_text="Unemployment").wait_for()
    texts = page.locator("#sentences li.suggestion mark").all_inner_texts()
    assert texts == [*FILLER[:4], CLAIM, *FILLER[4:]]
    screenshot(page, "sentences-reading-order")

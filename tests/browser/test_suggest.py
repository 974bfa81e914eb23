"""Suggestions in a real browser: Suggest, `a` on the first one, the annotation appears."""

from __future__ import annotations

import hashlib

import pytest

from tests.browser.conftest import screenshot
from tests.browser.test_annotate import _log_in, _settle
from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation
from workbench.suggest.models import Decision, SuggestionDecision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# The first list a server process shows starts the finder's fork server and loads the
# matcher's sentence encoder ("already checked"): about a second on a quiet machine, several
# on a loaded CI runner, so more than the default 10 s is allowed for it.
FIRST_LIST_MS = 30_000

BODY = (
    "Michael Knights has studied Iraq's militias for a decade 👍🏽.\n\n"
    "“This is a deliberate message from the Americans,” said Knights, Iraq expert at the "
    "Washington Institute.\n\n"
    "“The US has noticed an increase in attacks on its bases,” said Renad Mansour, Iraq "
    "specialist at Chatham House."
)


def _article(world):
    return ArticleFactory(
        project=world.project,
        title="Strike in Baghdad",
        body=BODY,
        raw=BODY,
        checksum=hashlib.sha256(BODY.encode()).hexdigest(),
    )


def test_suggest_then_accept_with_a_then_reject_with_x(page, live_server, world):
    article = _article(world)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    page.get_by_role("link", name="Suggest quotes and claims").click()
    first = page.locator("#suggestions li.suggestion").first
    first.wait_for(timeout=FIRST_LIST_MS)
    assert "Michael Knights" in first.inner_text()
    _settle(page)
    first.focus()
    page.keyboard.press("a")
    page.locator('#annotation-list li.ann-item:has-text("Michael Knights")').wait_for()
    annotation = Annotation.objects.get()
    # Stored without its quotation marks (issue 14, item 6).
    assert annotation.exact == "This is a deliberate message from the Americans,"
    assert annotation.speaker.name == "Michael Knights"
    page.locator(f'#annotated-body mark[data-ids~="{annotation.pk}"]').first.wait_for()
    screenshot(page, "suggest-accepted")
    _settle(page)
    remaining = page.locator("#suggestions li.suggestion").first
    assert "Renad Mansour" in remaining.inner_text()
    remaining.focus()
    page.keyboard.press("x")
    page.locator("#suggestions li.suggestion:has-text('Renad Mansour')").wait_for(state="detached")
    assert SuggestionDecision.objects.filter(decision=Decision.REJECTED).count() == 1
    assert Annotation.objects.count() == 1


def test_suggestions_are_paged_and_a_too_long_article_says_why(page, live_server, world, settings):
    settings.WORKBENCH_SUGGEST_PAGE_SIZE = 1
    article = _article(world)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    page.get_by_role("link", name="Suggest quotes and claims").click()
    page.locator("#suggestions li.suggestion").first.wait_for(timeout=FIRST_LIST_MS)
    assert page.locator("#suggestions li.suggestion").count() == 1
    pages = page.locator("#suggestions .suggestion-pages")
    assert "Suggestions 1–1 of" in pages.inner_text()
    _settle(page)
    pages.get_by_role("link", name="Next").click()
    page.locator("#suggestions .suggestion-pages", has_text="Suggestions 2–2 of").wait_for()

    settings.WORKBENCH_SUGGEST_MAX_CHARS = 100
    page.reload()
    page.get_by_role("link", name="Suggest quotes and claims").click()
    notice = page.locator("#suggestions .notice")
    notice.wait_for()
    assert "too long for suggestions" in notice.inner_text()
    assert page.locator("#suggestions li.suggestion").count() == 0

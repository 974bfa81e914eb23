"""Spans in a real browser: no duplicates, quotes stored without their marks, and the open quote's
speaker mention and cue highlighted in the text (issue 14, items 5 and 6)."""

from __future__ import annotations

import pytest

from tests.browser.test_annotate import (
    _annotate,
    _article,
    _log_in,
    _save_new,
    _select,
    _settle,
    _type_search,
    _wait_for_mark,
)
from workbench.annotations.models import Annotation
from workbench.annotations.services import Span, annotation_create, entity_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "Officials met in Baghdad on Thursday.\n\n"
    "“The strike was a clear escalation,” said Michael Knights, a senior fellow.\n\n"
    "« Nous avançons vite », a dit la ministre."
)
QUOTE = "The strike was a clear escalation,"


def span(text: str) -> Span:
    start = BODY.index(text)
    return Span(start, start + len(text), text)


def highlighted(page, name: str) -> list[str]:
    return page.evaluate(
        "(name) => { const h = CSS.highlights.get(name);"
        " return h ? Array.from(h).map((r) => r.toString()) : []; }",
        name,
    )


def test_a_quote_selected_with_its_marks_is_stored_without_them(page, live_server, world):
    article = _article(world, BODY)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    _annotate(page, f"“{QUOTE}”", "q")
    # The form already shows the quotation as it will be stored.
    assert page.locator("#panel blockquote").inner_text() == QUOTE
    _save_new(page)
    quote = Annotation.objects.get(article=article)
    assert quote.exact == QUOTE
    assert (quote.start, quote.end) == (span(QUOTE).start, span(QUOTE).end)
    assert page.locator("#panel blockquote").inner_text() == QUOTE
    _wait_for_mark(page, quote)
    # The marks stay in the text, outside the highlight.
    paragraph = page.locator("#annotated-body p", has_text="Michael Knights")
    assert paragraph.inner_text().startswith(f"“{QUOTE}”")
    assert page.locator(f'#annotated-body mark[data-ids~="{quote.pk}"]').inner_text() == QUOTE


def test_marking_the_same_quote_twice_shows_the_refusal_in_place(page, live_server, world):
    article = _article(world, BODY)
    annotation_create(article=article, author=world.reviewer, kind="quote", **vars(span(QUOTE)))
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    _settle(page)
    # Selected with its quotation marks this time: still the same quotation.
    _select(page, f"“{QUOTE}”")
    page.keyboard.press("q")
    alert = page.locator("#panel [role=alert]")
    alert.wait_for()
    assert "reviewer has already marked this text as a quote" in alert.inner_text()
    assert page.locator("#annotation-form").count() == 0
    # The help under the refusal is the annotator's, not the viewer's read-only notice.
    assert page.locator("#panel [data-read-only]").count() == 0
    assert page.locator("#annotated-body").is_visible()
    assert Annotation.objects.filter(article=article).count() == 1


def test_the_picker_finds_an_entity_by_alias_before_offering_create(page, live_server, world):
    article = _article(world, BODY)
    knights = entity_create(
        team=world.team, actor=None, name="Michael Knights", aliases=["Dr. M. Knights"]
    )
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    _annotate(page, QUOTE, "q")
    _type_search(page, "#speaker-q", "Dr. M. Knights")
    page.locator("#speaker-results .pick", has_text="Michael Knights").wait_for()
    _settle(page)
    assert page.locator("#speaker-results .create").count() == 0
    page.locator("#speaker-q").press("Enter")
    page.locator("#speaker-picker .picked", has_text="Michael Knights").wait_for()
    _save_new(page)
    assert Annotation.objects.get(article=article).speaker == knights


def test_opening_a_quote_highlights_its_speaker_mention_and_cue(page, live_server, world):
    article = _article(world, BODY)
    quote = annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        mention=span("Michael Knights"),
        cue=span("said"),
        **vars(span(QUOTE)),
    )
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    assert highlighted(page, "speaker-mention") == []
    page.locator(f'#annotated-body mark[data-ids~="{quote.pk}"]').first.click()
    page.locator(f'#panel [data-annotation="{quote.pk}"]').wait_for()
    page.wait_for_function("CSS.highlights.get('speaker-mention')?.size === 1")
    assert highlighted(page, "speaker-mention") == ["Michael Knights"]
    assert highlighted(page, "quote-cue") == ["said"]
    page.keyboard.press("Escape")
    page.wait_for_function("CSS.highlights.get('speaker-mention')?.size === 0")
    assert highlighted(page, "quote-cue") == []

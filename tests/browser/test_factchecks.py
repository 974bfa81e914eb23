"""Issue 17 in a real browser: import a fact-check, mark a claim, see it matched, link it."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.browser.conftest import screenshot
from tests.browser.test_annotate import _annotate, _article, _log_in, _save_new, _select, _settle
from tests.factchecks.conftest import claim_in
from workbench.annotations.models import Annotation, Evidence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checker.example/baghdad-civilians",
    "claimReviewed": "No civilians had been hurt in the Baghdad drone strike",
    "author": {"@type": "Organization", "name": "Checker <b>Desk</b>"},
    "datePublished": "2024-01-06",
    "reviewRating": {"@type": "Rating", "alternateName": "Mostly False"},
}


def test_import_mark_claim_see_match_and_link_it(page, live_server, world, tmp_path):
    earlier = claim_in(
        world.project, world.lead, "The militias said no civilians had been hurt", verdict="False"
    )
    article = _article(world)
    _log_in(page, live_server, world.reviewer)

    page.goto(reverse("factchecks:factcheck_list", args=[world.team.slug]))
    feed = tmp_path / "reviews.json"
    feed.write_text(json.dumps([REVIEW, {**REVIEW, "url": ""}]))
    page.locator("#id_file").set_input_files(str(feed))
    page.get_by_role("button", name="Import").click()
    page.locator("[data-import-report]", has_text="1 new, 0 updated, 1 refused.").wait_for()
    assert "Record 2: The record has no url." in page.locator("#factcheck-import").inner_text()
    page.locator("#factcheck-rows", has_text="No civilians had been hurt").wait_for()
    # The publisher's HTML is text.
    page.locator("#factcheck-rows td", has_text="Checker <b>Desk</b>").wait_for()

    page.goto(article.get_absolute_url())
    _annotate(page, "no civilians had been hurt", "c")
    page.get_by_label("The outlet itself").check()
    _save_new(page)
    claim = Annotation.objects.get(article=article)
    matches = page.locator("#checked-before .match")
    matches.first.wait_for()
    factcheck = page.locator("#checked-before .match-factcheck")
    assert "Mostly False" in factcheck.inner_text()
    assert "Checker <b>Desk</b>" in factcheck.inner_text()
    assert "civilians" in factcheck.locator(".match-words").inner_text()
    older = page.locator("#checked-before .match-claim")
    assert "False" in older.inner_text() and "lead" in older.inner_text()
    screenshot(page, "factchecks-checked-before")

    factcheck.locator("select[name=stance]").select_option("refutes")
    factcheck.get_by_role("button", name="Link as source").click()
    page.locator("#evidence .evidence", has_text="No civilians had been hurt").wait_for()
    _settle(page)
    evidence = Evidence.objects.get(claim=claim)
    assert (evidence.stance, evidence.source.url) == ("refutes", REVIEW["url"])
    assert earlier.evidence.count() == 0


def test_selection_is_matched_before_anything_is_saved(page, live_server, world):
    """A reader selects a sentence: the earlier verdict shows at once, and nothing is saved."""
    from tests.conftest import XSS
    from tests.factchecks.conftest import import_reviews

    import_reviews(world.team, {**REVIEW, "claimReviewed": f"{REVIEW['claimReviewed']} {XSS}"})
    article = _article(world)
    _log_in(page, live_server, world.viewer)  # read-only: checking needs no write role
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(article.get_absolute_url())
    page.wait_for_function("() => window.htmx !== undefined")
    assert page.locator("#selection-check").is_hidden()
    # A few words are not a claim yet: nothing is asked.
    _select(page, "Pentagon")
    page.wait_for_timeout(700)
    assert page.locator("#selection-check").is_hidden()
    _select(page, "no civilians had been hurt")
    found = page.locator("#selection-matches .match-factcheck")
    found.wait_for()
    assert "Mostly False" in found.inner_text()
    assert "civilians" in found.locator(".match-words").inner_text()
    # The fact-check's HTML and script are text, never markup.
    assert XSS in found.locator(".match-text").inner_text()
    assert dialogs == []
    assert found.get_by_role("button", name="Link as source").count() == 0
    screenshot(page, "factchecks-selection-checked-before")
    assert not Annotation.objects.filter(article=article).exists()

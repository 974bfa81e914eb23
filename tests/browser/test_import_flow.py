from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.conftest import screenshot
from tests.factories import PASSWORD
from workbench.articles.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, username: str) -> None:
    page.goto(reverse("login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_reviewer_logs_in_pastes_article_and_reads_it(page, world, sample_text):
    _log_in(page, "reviewer")
    page.get_by_role("link", name=world.project.name).click()
    page.get_by_role("link", name="Import articles").click()
    page.locator("#import-paste textarea").fill(sample_text)
    page.get_by_role("button", name="Import text").click()
    page.wait_for_url("**/articles/*/")

    article = Article.objects.get(project=world.project, outlet="Le Monde")
    assert page.locator(".notice.warn").inner_text().startswith("This text is truncated")
    assert "Provisional title" in page.locator(".reader header").inner_text()
    first = page.locator(".body p").first.inner_text()
    assert first.startswith("On Thursday, January 4,")
    assert page.locator(".body p", has_text="'Attack on Iraqi sovereignty'").count() == 1
    assert "Sponsor" not in page.locator(".body").inner_text()
    screenshot(page, "article-after-import")

    # The reviewer disagrees with the cleaner about one line and restores it, without a reload.
    panel = page.locator("details.removed-panel")
    panel.locator("summary").click()
    removed_before = len(article.removed)
    panel.locator("li.is-removed", has_text="Inline image").get_by_role(
        "button", name="Restore to text"
    ).click()
    page.locator(".body p", has_text="Inline image").wait_for()
    article.refresh_from_db()
    assert len(article.removed) == removed_before - 1
    assert "Inline image" in article.body
    assert page.locator("details.removed-panel").get_attribute("open") is not None


def test_reviewer_sees_error_for_private_url(page, world):
    _log_in(page, "reviewer")
    page.goto(reverse("articles:article_import", args=[world.project.pk]))
    page.locator("#import-url input[name=url]").fill("http://169.254.169.254/latest/meta-data/")
    page.get_by_role("button", name="Fetch and import").click()
    alert = page.locator("#import-report [role=alert]")
    alert.wait_for()
    assert "not allowed" in alert.inner_text()


def test_a_thousand_bad_lines_give_a_short_report(page, world):
    _log_in(page, "reviewer")
    page.goto(reverse("articles:article_import", args=[world.project.pk]))
    page.locator("#import-jsonl textarea").fill("{}\n" * 1000)
    page.get_by_role("button", name="Import batch").click()
    more = page.locator("#import-report li.more")
    more.wait_for()
    assert "900 more refused lines" in more.inner_text()
    assert page.locator("#import-report li.failed").count() == 101
    assert "1000 refused" in page.locator("#import-report").inner_text()


def test_an_oversize_upload_is_refused_in_place(page, world, settings):
    settings.WORKBENCH_MAX_UPLOAD_BYTES = 4000
    _log_in(page, "reviewer")
    page.goto(reverse("articles:article_import", args=[world.project.pk]))
    page.locator("#import-upload input[type=file]").set_input_files(
        {"name": "big.txt", "mimeType": "text/plain", "buffer": b"word " * 2000}
    )
    page.get_by_role("button", name="Upload and import").click()
    alert = page.locator("#import-report [role=alert]")
    alert.wait_for()
    assert "the limit is 4,000 bytes" in alert.inner_text()
    screenshot(page, "upload-too-large")
    # The form still works: a file within the limit imports.
    page.locator("#import-upload input[type=file]").set_input_files(
        {"name": "note.txt", "mimeType": "text/plain", "buffer": b"A short note with enough words."}
    )
    page.get_by_role("button", name="Upload and import").click()
    page.locator("#import-report li.ok").wait_for()
    assert Article.objects.filter(project=world.project, source="file").count() == 1

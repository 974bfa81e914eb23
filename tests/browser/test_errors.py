"""Errors in a real browser: each says why where the action happened, never a blank or a whole
page in a fragment (with DEBUG on too); styled error pages; no Content-Security-Policy violation."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import WAIT_MS
from tests.browser.test_annotate import _article, _log_in, _select, _settle
from workbench.annotations.services import annotation_create
from workbench.review.services import article_submit, assignment_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Recorded before any page script runs: Playwright's init scripts are not subject to the CSP.
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def _import_page(page, live_server, world) -> None:
    _log_in(page, live_server, world.reviewer)
    page.goto(reverse("articles:article_import", args=[world.project.pk]))
    _settle(page)


def _drones_claim(article, author):
    start = article.body.index("three drones were used")
    return annotation_create(
        article=article,
        author=author,
        kind="claim",
        start=start,
        end=start + len("three drones were used"),
        exact="three drones were used",
    )


def _still_the_import_page(page) -> None:
    assert page.locator("h1", has_text="Import articles").is_visible()
    assert page.locator("header.topbar").count() == 1


def test_whitespace_paste_says_the_text_is_empty_in_the_report(page, live_server, world):
    page.set_viewport_size({"width": 1280, "height": 500})  # the report is out of sight
    _import_page(page, live_server, world)
    page.locator("#import-paste textarea").fill("   \n\t  \n")
    page.get_by_role("button", name="Import text").click()
    alert = page.locator("#import-report [role=alert]")
    alert.wait_for()
    assert "The text is empty" in alert.inner_text()
    expect(alert).to_be_in_viewport()  # the report sits above the form: it comes into view
    _still_the_import_page(page)


# With DEBUG on, django-htmx's debug helper used to replace the whole page with the fragment.
@pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])
def test_unsupported_upload_says_so_in_the_report(
    page, live_server, world, settings, tmp_path, debug
):
    settings.DEBUG = debug
    _import_page(page, live_server, world)
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ\x90\x00 not an article")
    page.locator("#import-upload input[type=file]").set_input_files(str(program))
    page.get_by_role("button", name="Upload and import").click()
    alert = page.locator("#import-report [role=alert]")
    alert.wait_for()
    assert ".exe files are not supported" in alert.inner_text()
    _still_the_import_page(page)


def test_bad_source_url_shows_its_error_in_the_panel(page, live_server, world, settings):
    settings.DEBUG = True
    article = _article(world)
    claim = _drones_claim(article, world.reviewer)
    _log_in(page, live_server, world.reviewer)
    page.goto(f"{article.get_absolute_url()}#annotation-{claim.pk}")
    page.locator("#evidence summary").click()
    page.get_by_label("URL", exact=True).fill("ftp://files.example.org/report.pdf")
    page.get_by_label("Title").fill("A report")
    page.get_by_label("Supports").check()
    page.get_by_role("button", name="Attach source").click()
    alert = page.locator("#panel #evidence [role=alert]")
    alert.wait_for()
    assert "Only http:// and https:// links can be sources" in alert.inner_text()
    # The rest of the page is still there, and what was typed is kept.
    assert page.locator("#annotated-body").is_visible()
    assert page.get_by_label("Title").input_value() == "A report"


def test_a_server_error_says_so_in_place_and_keeps_the_text(page, live_server, world, monkeypatch):
    def bug(**kwargs):
        raise RuntimeError("a bug in the importer")

    monkeypatch.setattr("workbench.imports.views.article_import_text", bug)
    _import_page(page, live_server, world)
    page.locator("#import-paste textarea").fill("An article that must not be lost.")
    page.get_by_role("button", name="Import text").click()
    alert = page.locator("#import-report [role=alert]")
    alert.wait_for()
    assert "The server could not finish this request" in alert.inner_text()
    assert "a bug in the importer" not in page.content()
    assert page.locator("#import-paste textarea").input_value().startswith("An article")
    _still_the_import_page(page)


def test_pressing_q_after_submitting_says_why_in_the_panel(page, live_server, world):
    article = _article(world)
    assignment = assignment_create(article=article, reviewer=world.reviewer, actor=world.lead)
    article_submit(assignment=assignment, actor=world.reviewer)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    _settle(page)
    _select(page, "three drones were used")
    page.keyboard.press("q")
    # The page knows the work is submitted and says so without asking the server; the server's
    # own refusal (for a page opened before the submit) is tested in the views' tests.
    message = page.locator("#panel [role=alert], #panel [role=status]")
    message.wait_for()
    assert "You submitted your annotations on this article" in message.inner_text()
    assert page.locator("#annotated-body").is_visible()


def test_404_page_has_the_top_bar(page, live_server, world):
    _log_in(page, live_server, world.reviewer)
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.locator("header.topbar .username").inner_text() == "reviewer"
    assert page.get_by_role("heading", name="Not found").is_visible()
    page.get_by_role("link", name="Back to the projects").click()
    page.wait_for_url(f"{live_server.url}/")


def test_session_ended_offers_a_login_instead_of_nesting_the_login_page(page, live_server, world):
    _import_page(page, live_server, world)
    page.context.clear_cookies(name=django_settings.SESSION_COOKIE_NAME)  # logged out elsewhere
    page.locator("#import-paste textarea").fill("An article that must not be lost.")
    page.get_by_role("button", name="Import text").click()
    alert = page.locator("#import-report [role=alert]")
    alert.wait_for()
    assert "session has ended" in alert.inner_text()
    assert alert.locator("a").get_attribute("target") == "_blank"
    # No login page inside the report, and what was typed is still in the box.
    assert page.locator("#import-report form, #import-report header").count() == 0
    assert page.locator("#import-paste textarea").input_value().startswith("An article")


def test_expired_form_says_what_to_do_in_place(page, live_server, world):
    _import_page(page, live_server, world)
    page.context.clear_cookies()  # the CSRF cookie too
    page.locator("#import-paste textarea").fill("An article that must not be lost.")
    page.get_by_role("button", name="Import text").click()
    alert = page.locator("#import-report [role=alert]")
    alert.wait_for()
    assert "reload the page and send it again" in alert.inner_text()
    assert page.locator("#import-paste textarea").input_value().startswith("An article")
    _still_the_import_page(page)


@pytest.fixture
def strict_page(browser, live_server):
    """A page that obeys the Content-Security-Policy (the shared fixture bypasses it)."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT_MS)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if "Content Security" in m.text else None)
    yield page, problems
    context.close()


def test_pages_under_the_csp_show_no_violations(strict_page, live_server, world):
    page, problems = strict_page
    article = _article(world)
    claim = _drones_claim(article, world.reviewer)
    _log_in(page, live_server, world.lead)
    for url in [
        reverse("articles:project_list"),
        world.project.get_absolute_url(),
        reverse("articles:article_import", args=[world.project.pk]),
        reverse("annotations:entity_list"),
        reverse("search:search") + "?q=drones",
        reverse("review:queue"),
        reverse("review:dashboard", args=[world.project.pk]),
        reverse("review:agreement", args=[world.project.pk]),
        "/no-such-page/",
        reverse("api:docs"),
        article.get_absolute_url(),
    ]:
        response = page.goto(url)
        assert "'unsafe-inline'" not in _script_src(response.headers["content-security-policy"])
        page.wait_for_load_state("networkidle")
        if url == reverse("api:docs"):
            # Swagger UI drew itself from its separate script.
            page.get_by_text("Fact-check Workbench API").first.wait_for()
    # htmx and our scripts at work under the policy: a panel opens, the source form unfolds,
    # a refused import reports in place.
    page.locator(f"#annotation-{claim.pk} a").click()
    page.locator("#panel [data-annotation]").wait_for()
    page.locator("#evidence summary").click()
    page.goto(reverse("articles:article_import", args=[world.project.pk]))
    page.wait_for_load_state("networkidle")
    page.locator("#import-paste textarea").fill("  ")
    page.get_by_role("button", name="Import text").click()
    page.locator("#import-report [role=alert]").wait_for()
    assert page.evaluate("window.cspViolations") == []
    assert problems == []


def _script_src(policy: str) -> str:
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return directives["script-src"]

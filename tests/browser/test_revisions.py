"""Revisions in a real browser (issue 19): annotate, fetch a changed version from a local server,
see the diff, the moved annotation and the orphan, and place the orphan again; a revision that
arrives under an unsaved panel; the Back button across the revision pages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from tests.browser.test_annotate import _annotate, _log_in, _save_new, _select, _settle
from tests.factories import ArticleFactory
from workbench.annotations.models import AnchorState, Annotation
from workbench.annotations.revisions import revision_add

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

P1 = "Officials met in Baghdad on Thursday to discuss the attacks."
P2 = "The strike was a clear escalation, a senior fellow at the institute said."
P3 = "Three drones were launched from the north, the ministry added."
NEW_P3 = "The ministry later said the drones came from the east."
OLD = "\n\n".join([P1, P2, P3])
NEW = "\n\n".join([P2, P1, NEW_P3])


@pytest.fixture
def site(settings) -> Iterator[str]:
    """A local web server that serves the corrected article as plain text."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = NEW.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    settings.WORKBENCH_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/story"
    server.shutdown()


def test_refetch_shows_diff_moved_annotation_and_orphan_placed_again(
    page, live_server, world, site
):
    article = ArticleFactory(project=world.project, body=OLD, raw=OLD, url=site, source="url")
    _log_in(page, live_server, world.reviewer)
    page.goto(live_server.url + article.get_absolute_url())
    _annotate(page, "The strike was a clear escalation", "c")
    _save_new(page)
    _annotate(page, "Three drones were launched from the north", "c")
    _save_new(page)
    moved, lost = Annotation.objects.order_by("start")

    page.locator(".revision-panel summary").click()
    # With annotations the input's lines are read-only: loaded when their panel opens.
    page.locator(".removed-panel summary").click()
    page.locator("#raw-lines li").first.wait_for()
    # Opening the panel loads its form, the current text in it.
    page.locator("#revision-form textarea").wait_for()
    assert page.locator("#revision-form textarea").input_value() == OLD
    page.get_by_role("button", name="Fetch the URL again").click()
    # The fetch is a job (run at once in tests): its page links back to the article.
    page.locator("#job-status[data-state=done]").wait_for()
    page.locator("#job-status .job-links a").first.click()
    page.locator("#orphans-title").wait_for()
    article.refresh_from_db()
    assert article.revision == 2 and article.body == NEW
    item = page.locator(f"#annotation-{moved.pk}")
    assert "moved" in item.inner_text()
    orphan = page.locator(f"#annotation-{lost.pk}")
    assert "Three drones were launched from the north" in orphan.inner_text()

    page.get_by_role("link", name="See what changed").first.click()
    page.locator(".revision-diff").wait_for()
    assert page.locator(".revision-diff .moved-to").count() >= 1
    deleted = " ".join(page.locator(".revision-diff del").all_inner_texts())
    assert "Three" in deleted and "north, the ministry added" in deleted
    page.go_back()
    _settle(page)

    orphan.locator("a").click()
    page.locator("#panel [data-orphan]").wait_for()
    _select(page, "the drones came from the east")
    page.get_by_role("button", name="Use selection as its words").click()
    page.get_by_role("button", name="Place it here").click()
    page.locator("#panel .flash", has_text="Placed again.").wait_for()
    lost.refresh_from_db()
    assert (lost.anchor_state, lost.revision) == (AnchorState.EXACT, 2)
    assert lost.exact == "the drones came from the east"
    page.locator(f'#annotated-body mark[data-ids~="{lost.pk}"]').first.wait_for()


def test_a_revision_arriving_keeps_the_unsaved_panel_and_explains(page, live_server, world):
    article = ArticleFactory(project=world.project, body=OLD, raw=OLD)
    _log_in(page, live_server, world.reviewer)
    page.goto(live_server.url + article.get_absolute_url())
    _annotate(page, "Three drones were launched from the north", "c")
    typed = "Checked with the <b>ministry</b>: they said east."
    page.locator("#annotation-form [name=rationale]").fill(typed)

    # Someone else brings a corrected text while the panel is open and unsaved.
    revision_add(article=article, text=NEW, origin="fetch", by=world.lead)
    page.locator("#annotation-form button[type=submit]").click()
    page.locator("#panel .errors", has_text="changed while you had it open").wait_for()
    assert "you saw revision 1, it is now revision 2" in page.locator("#panel .errors").inner_text()
    # Nothing typed is lost, nothing was saved on the wrong words.
    assert page.locator("#annotation-form [name=rationale]").input_value() == typed
    assert not Annotation.objects.filter(article=article).exists()

    # Reloaded on the new text, the same work saves against the revision now shown.
    page.reload()
    _annotate(page, "the drones came from the east", "c")
    page.locator("#annotation-form [name=rationale]").fill(typed)
    _save_new(page)
    (saved,) = Annotation.objects.filter(article=article)
    assert (saved.revision, saved.rationale, saved.exact) == (
        2,
        typed,
        "the drones came from the east",
    )


def test_back_button_after_the_diff_revision_and_orphan_pages(page, live_server, world, site):
    article = ArticleFactory(project=world.project, body=OLD, raw=OLD, url=site, source="url")
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    _log_in(page, live_server, world.reviewer)
    reader = live_server.url + article.get_absolute_url()
    page.goto(reader)
    _annotate(page, "Three drones were launched from the north", "c")
    _save_new(page)
    (lost,) = Annotation.objects.all()
    page.locator(".revision-panel summary").click()
    page.get_by_role("button", name="Fetch the URL again").click()
    # The fetch is a job: its page, finished, links back to the article.
    page.locator("#job-status[data-state=done]").wait_for()
    page.locator("#job-status .job-links a").first.click()
    page.locator("#orphans-title").wait_for()
    refetch = reverse("articles:article_refetch", args=[article.pk])

    # Reader → diff → back: the reader again, whole, and nothing is posted twice.
    page.get_by_role("link", name="See what changed").first.click()
    page.locator(".revision-diff").wait_for()
    page.go_back()
    page.locator("#orphans-title").wait_for()
    assert page.url == reader
    assert NEW_P3 in page.locator("#annotated-body").inner_text()

    # Diff → an earlier revision's text → back to the diff.
    page.go_forward()
    page.locator(".revision-diff").wait_for()
    page.get_by_role("link", name="Revision 1").click()
    page.locator(".revision-text").wait_for()
    assert P3 in page.locator(".revision-text").inner_text()
    page.go_back()
    page.locator(".revision-diff").wait_for()
    page.go_back()
    page.locator("#orphans-title").wait_for()

    # The orphan's own page → back to the reader.
    page.goto(live_server.url + reverse("annotations:annotation_detail", args=[lost.pk]))
    page.locator("[data-orphan]").wait_for()
    page.go_back()
    page.locator("#orphans-title").wait_for()
    assert page.url == reader
    assert "Server error" not in page.title()
    assert sum(url.endswith(refetch) for url in posts) == 1
    article.refresh_from_db()
    assert article.revision == 2

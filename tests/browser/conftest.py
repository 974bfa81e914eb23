"""Playwright driving Debian's Chromium (never a downloaded browser) against live_server."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management.base import CommandError

from tests.conftest import need

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still
# synchronous and safe, so let Django allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = "/usr/bin/chromium"
    need(
        Path(path).exists(),
        "Debian's chromium is not at /usr/bin/chromium (apt-get install chromium)",
    )
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        need(False, "playwright is not installed")
    # The live server's workers are warmed as gunicorn.conf.py warms a deployment's.
    from workbench.factchecks.ranker.embed import warm_encoder

    warm_encoder()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        expect.set_options(timeout=WAIT_MS)  # its assertions wait 5 s by default
        yield browser
        browser.close()


FLUSH_ATTEMPTS = 8

# How long one wait for the page may take (Playwright's own default). The suite runs on two
# shared cores beside a live server, a worker and PostgreSQL: a wait that takes a second alone
# went past an earlier 10 s bound twice in full runs (and passed alone every time). A bound is
# no assertion of speed (bench/ measures that); it only says when a test has stopped waiting.
WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def flush_retried_on_deadlock(monkeypatch) -> None:
    """Retry the end-of-test flush when PostgreSQL picks it as a deadlock's victim.

    A page's own timers (the review heartbeat is a plain fetch, not htmx, so `_settle` does not
    see it) can have a request in the live server's thread at the moment the test's database is
    emptied: its transaction and the flush's TRUNCATE then wait on each other and PostgreSQL
    aborts the TRUNCATE. Once that request has ended, the same flush goes through. A slow
    request (a page's matches over thousands of claims, its encoder loading) can take seconds:
    up to FLUSH_ATTEMPTS tries, 15-20 s in all.
    """
    from django.core.management.commands import flush
    from django.db import OperationalError

    handle = flush.Command.handle

    def retried(self, *args, **options):  # noqa: ANN001, ANN002, ANN003, ANN202
        for attempt in range(FLUSH_ATTEMPTS):
            try:
                return handle(self, *args, **options)
            except CommandError as error:
                cause = error.__cause__
                if attempt == FLUSH_ATTEMPTS - 1 or not isinstance(cause, OperationalError):
                    raise
                if "deadlock" not in str(cause):
                    raise
                time.sleep(0.5 * (attempt + 1))
        return None

    monkeypatch.setattr(flush.Command, "handle", retried)


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:
    # Playwright's wait_for_function runs its predicate through eval in the page, which the
    # Content-Security-Policy forbids; test_errors.py checks the policy in a strict context.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    _settle(page)
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _settle(page) -> None:
    """Let the page's requests in flight finish before the test's database is flushed.

    A test may end while htmx still waits for an answer (the suggestions panel loads itself
    after the article): the live server's thread then holds row locks that the flush's TRUNCATE
    waits on, and PostgreSQL can call it a deadlock. htmx marks an element `htmx-request` while
    its request runs; the page is settled when none is left (a closed page counts as settled).
    """
    try:
        page.wait_for_function("() => !document.querySelector('.htmx-request')", timeout=10_000)
    except Exception:  # noqa: BLE001 - a page that navigated away or closed has nothing in flight
        return

"""The demo as a newcomer meets it: the seed article, already annotated, in a real browser.

Also takes the README's screenshot (docs/annotated-article.png) when WORKBENCH_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from workbench.accounts.management.commands.demo import seed_demo
from workbench.articles.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_demo_seed_article_shows_three_attributed_quotes(page, live_server, sample_text):
    seed_demo()
    article = Article.objects.get(outlet="Le Monde")
    client = Client()
    client.force_login(article.project.team.memberships.get(user__username="rafael").user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(article.get_absolute_url())

    quotes = page.locator(".ann-item.kind-quote")
    assert quotes.count() == 4
    speakers = {quotes.nth(i).locator(".who").inner_text() for i in range(quotes.count())}
    assert speakers == {"Michael Knights", "Renad Mansour", "The Pentagon"}
    claims = page.locator(".ann-item.kind-claim")
    assert claims.count() == 3
    assert "Mostly true" in claims.first.inner_text()

    # Opening a quote shows who said it, in what role, and the speaker's mention in the text.
    page.locator(".ann-item.kind-quote", has_text="Renad Mansour").locator("a").click()
    panel = page.locator("#panel")
    panel.get_by_text("Iraq specialist at the think tank Chatham House").wait_for()
    if os.environ.get("WORKBENCH_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / "annotated-article.png"))

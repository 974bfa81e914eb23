"""Search in a real browser: the top-bar box, a result, and the annotation opened in the text."""

from __future__ import annotations

import hashlib

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory
from workbench.annotations.services import annotation_create, annotation_update, entity_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "BAGHDAD — A drone strike on Thursday killed a senior commander.\n\n"
    'Michael Knights said the strike was "a clear escalation" by the militias.\n\n'
    "The Pentagon confirmed that three drones were used."
)


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_top_bar_search_leads_to_the_annotation_in_the_text(world, page, live_server):
    article = ArticleFactory(
        project=world.project,
        title="Drone strike in Baghdad",
        body=BODY,
        raw=BODY,
        checksum=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    knights = entity_create(team=world.team, actor=None, name="Michael Knights")
    exact = 'the strike was "a clear escalation" by the militias'
    start = BODY.index(exact)
    quote = annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        start=start,
        end=start + len(exact),
        exact=exact,
        speaker=knights,
    )
    _log_in(page, live_server, world.viewer)
    page.goto(reverse("articles:project_list"))
    page.fill("#topsearch-q", "escalation")
    page.press("#topsearch-q", "Enter")
    page.wait_for_url("**/search/?q=escalation")
    result = page.locator(".search-hit-quote .search-hit-link")
    assert "escalation" in result.locator("mark").first.inner_text()
    result.click()
    page.wait_for_url(f"**{article.get_absolute_url()}#annotation-{quote.pk}")
    mark = page.locator(f'#annotated-body mark[data-ids~="{quote.pk}"]').first
    page.wait_for_function(
        "id => document.querySelector('#panel [data-annotation=\"' + id + '\"]')", arg=str(quote.pk)
    )
    assert "is-active" in mark.get_attribute("class")
    assert mark.is_visible()
    assert "Michael Knights" in page.locator("#panel").inner_text()


def test_history_tab_loads_in_the_panel(world, page, live_server):
    article = ArticleFactory(
        project=world.project,
        title="Drone strike in Baghdad",
        body=BODY,
        raw=BODY,
        checksum=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    exact = "three drones were used"
    start = BODY.index(exact)
    claim = annotation_create(
        article=article, author=world.reviewer, kind="claim", start=start,
        end=start + len(exact), exact=exact,
    )  # fmt: skip
    annotation_update(annotation=claim, actor=world.lead, version=1, verdict="Mostly true")
    _log_in(page, live_server, world.viewer)
    page.goto(f"{article.get_absolute_url()}#annotation-{claim.pk}")
    page.wait_for_selector(f'#panel [data-annotation="{claim.pk}"]')
    page.click("#history summary")
    entry = page.locator("#history .history-entry").first
    assert "lead" in entry.inner_text()
    assert "Mostly true" in entry.locator("td.after").inner_text()

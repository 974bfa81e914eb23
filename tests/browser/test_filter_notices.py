"""A stale or hand-edited filter in a project's address: the page says so, and the form fixes it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_annotate import _log_in, _settle
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTICE = "Status: “bogus” is not one of the choices; showing articles of any status."


def test_bad_status_is_said_then_the_form_filters_and_back_returns(world, page, live_server):
    ArticleFactory(project=world.project, title="Harvest festival", status="submitted")
    ArticleFactory(project=world.project, title="Drone strike in Baghdad", status="unassigned")
    _log_in(page, live_server, world.viewer)
    bad = reverse("articles:project_detail", args=[world.project.pk]) + "?status=bogus"
    page.goto(bad)
    notice = page.locator("#article-rows [data-filter-notice]")
    expect(notice).to_have_text(NOTICE)
    # The default list: every article, whatever its status.
    expect(page.locator("#article-rows tbody tr")).to_have_count(3)
    screenshot(page, "filter-notice-bad-status")

    _settle(page)
    page.select_option("#id_status", "submitted")
    page.wait_for_url(lambda url: "status=submitted" in url)
    expect(notice).to_have_count(0)
    expect(page.locator("#article-rows tbody tr")).to_have_count(1)
    expect(page.locator("#article-rows")).to_contain_text("Harvest festival")

    page.go_back()
    page.wait_for_url(lambda url: "status=bogus" in url)
    page.wait_for_load_state()
    expect(page.locator("header.topbar")).to_have_count(1)
    expect(page.locator("#article-rows [data-filter-notice]")).to_have_text(NOTICE)
    expect(page.locator("#article-rows tbody tr")).to_have_count(3)

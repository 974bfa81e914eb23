"""Back and Forward after an htmx search show the full page, never the bare fragment.

A search box answers the same URL with the whole page or, for htmx, only the result rows, and
pushes that URL into the history. Back must restore the page with its top bar.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.test_annotate import _annotate, _article, _settle
from tests.factories import ArticleFactory
from workbench.annotations.services import entity_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def _search_leave_and_come_back(page, box: str, words: str, pushed: str, result: str) -> None:
    # Type as a person does, so htmx (not a form submit) fetches the rows and pushes the URL.
    page.locator(box).press_sequentially(words, delay=20)
    page.wait_for_url(lambda url: pushed in url)
    page.locator(result).first.click()
    page.wait_for_load_state()
    assert pushed not in page.url
    page.go_back()
    page.wait_for_url(lambda url: pushed in url)
    page.wait_for_load_state()
    # The full page: the top bar and the search box are back, not only the swapped rows.
    expect(page.locator("header.topbar")).to_have_count(1)
    expect(page.locator(box)).to_have_count(1)
    expect(page.locator(result).first).to_be_visible()
    page.go_forward()
    page.wait_for_load_state()
    expect(page.locator("header.topbar")).to_have_count(1)


def test_back_after_project_search_shows_the_full_project_page(world, page, live_server):
    ArticleFactory(project=world.project, title="Drone strike in Baghdad")
    ArticleFactory(project=world.project, title="Harvest festival")
    _log_in(page, live_server, world.viewer)
    page.goto(reverse("articles:project_detail", args=[world.project.pk]))
    _search_leave_and_come_back(page, "#id_q", "drone", "q=drone", "#article-rows td a")


def test_back_after_site_search_shows_the_full_search_page(world, page, live_server):
    ArticleFactory(project=world.project, title="Drone strike in Baghdad")
    _log_in(page, live_server, world.viewer)
    page.goto(reverse("search:search"))
    _search_leave_and_come_back(page, "#search-q", "drone", "q=drone", "#search-results a")


def test_back_after_speaker_search_shows_the_full_speaker_page(world, page, live_server):
    entity_create(team=world.team, actor=None, name="Michael Knights")
    entity_create(team=world.team, actor=None, name="Ali Hassan")
    _log_in(page, live_server, world.viewer)
    page.goto(reverse("annotations:entity_list"))
    _search_leave_and_come_back(page, "#id_q", "knights", "q=knights", "#entity-rows td a")


def test_back_between_two_searches_reloads_the_earlier_full_page(world, page, live_server):
    ArticleFactory(project=world.project, title="Drone strike in Baghdad")
    ArticleFactory(project=world.project, title="Harvest festival")
    _log_in(page, live_server, world.viewer)
    page.goto(reverse("articles:project_detail", args=[world.project.pk]))
    page.locator("#id_q").press_sequentially("drone", delay=20)
    page.wait_for_url(lambda url: "q=drone" in url)
    page.locator("#id_q").fill("")
    page.locator("#id_q").press_sequentially("harvest", delay=20)
    page.wait_for_url(lambda url: "q=harvest" in url)
    page.go_back()
    page.wait_for_url(lambda url: "q=drone" in url)
    # htmx keeps no snapshot (historyCacheSize 0): it reloads the page from the server.
    expect(page.locator("#article-rows")).not_to_contain_text("Harvest")
    expect(page.locator("header.topbar")).to_have_count(1)
    expect(page.locator("#id_q")).to_have_value("drone")
    expect(page.locator("#article-rows")).to_contain_text("Drone strike")


def test_back_to_an_article_after_a_save_shows_the_full_article(world, page, live_server):
    # After a save the article page refreshes its text and list by GETting its own URL over
    # htmx: the browser must not keep that fragment as the page to show on Back.
    article = _article(world)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    _annotate(page, "three drones were used", "c")
    page.get_by_label("The outlet itself").check()
    page.locator("#annotation-form button[type=submit]").click()
    page.locator("#panel .flash", has_text="Saved.").wait_for()
    page.locator("#annotated-body mark").first.wait_for()
    _settle(page)
    page.locator("header.topbar a.brand").click()
    page.wait_for_url(lambda url: url.rstrip("/") == live_server.url)
    page.go_back()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    expect(page.locator("header.topbar")).to_have_count(1)
    expect(page.locator("h1")).to_contain_text("Drone strike in Baghdad")
    expect(page.locator("#annotated-body mark").first).to_be_visible()

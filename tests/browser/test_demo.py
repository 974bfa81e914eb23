"""The demo as a newcomer meets it, in a real browser: the seed article, already annotated, and
the dashboards on the demo's weeks of review work. (The README's screenshots are taken by
docs/screenshots.py.)"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from workbench.articles.models import Article, Project
from workbench.demo.seed import seed_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_seed_article_shows_three_attributed_quotes(page, live_server, sample_text):
    seed_demo()
    article = Article.objects.get(outlet="Le Monde")
    log_in(page, live_server, "rafael")
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


def log_in(page, live_server, username: str) -> None:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


DURATION = re.compile(r"\d[\d,.]*\s(min|h)\b")

# Every chart on the page: its marks, or its empty-state sentence; its axis and bar labels; and
# the rendered size of those labels and whether any two of them overlap.
READ_CHARTS = """
() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const labels = [...svg.querySelectorAll('text.tick, text.label')]
    .filter(t => t.textContent.trim());
  const boxes = labels.map(t => t.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
  }
  const empty = svg.querySelector('.chart-empty');
  return {
    id: svg.id,
    kind: svg.getAttribute('class'),
    marks: svg.querySelectorAll('[data-series]').length,
    empty: empty ? empty.textContent.trim() : '',
    emptyFits: empty ? empty.getBoundingClientRect().right <= svg.getBoundingClientRect().right + 1 : true,
    labels: labels.length,
    smallest: Math.min(...labels.map(t => parseFloat(getComputedStyle(t).fontSize) *
      (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width))),
    overlaps,
  };
})
"""


def check_charts(page) -> list[dict]:
    charts = page.evaluate(READ_CHARTS)
    assert charts
    for chart in charts:
        # No empty box: marks, or a sentence saying what will appear there.
        assert chart["marks"] or len(chart["empty"]) > 20, chart
        assert chart["emptyFits"], chart
        if chart["marks"]:
            assert chart["labels"] >= 2, chart  # axis or bar labels are there
            assert chart["smallest"] >= 11.5, chart  # drawn at a legible size, not shrunk
            assert chart["overlaps"] == 0, chart
    units = {m.group(1) for m in DURATION.finditer(page.locator("main").inner_text())}
    assert len(units) <= 1, f"durations in several units: {units}"
    return charts


def test_demo_dashboard_and_agreement_read_right(page, live_server, sample_text):
    seed_demo()
    project = Project.objects.get(slug="demo")
    log_in(page, live_server, "lena")

    page.goto(reverse("review:dashboard", args=[project.pk]))
    charts = check_charts(page)
    drawn = {c["id"] for c in charts if c["marks"]}
    assert drawn == {
        "articles-by-status",
        "verdicts",
        "throughput",
        "time-spent",
        "agreement-weeks",
    }
    assert page.locator("main").get_by_text(re.compile(r"\d\.\d h")).count() >= 3  # one unit
    # Week labels stay on one line each and name a day and month.
    weeks = [t for t in page.locator("#throughput .column text.tick").all_text_contents() if t]
    assert len(weeks) >= 4 and all(re.fullmatch(r"\d\d \w{3}", t) for t in weeks)
    # Articles are counted in whole numbers on the axis.
    counts = page.locator("#throughput .axis text.tick").all_text_contents()
    assert all(t.isdigit() for t in counts), counts
    # The same measure, the same colour: exact F1 here and on the agreement page.
    exact = page.locator("#agreement-weeks circle[data-series='Exact F1']").first.get_attribute(
        "fill"
    )

    page.goto(reverse("review:agreement", args=[project.pk]))
    charts = check_charts(page)
    assert {c["id"] for c in charts if c["marks"]} == {"agreement-pairs", "agreement-weeks"}
    pairs = page.locator("#agreement-pairs .bar rect[data-series='Exact F1']")
    assert pairs.count() == 3 and pairs.first.get_attribute("fill") == exact

    # The lead's attention page: dates never wrap inside.
    page.goto(reverse("review:attention"))
    dates = page.locator("#attention time")
    assert dates.count() >= 3
    for i in range(dates.count()):
        assert dates.nth(i).evaluate("t => t.getClientRects().length") == 1

    page.goto(reverse("review:queue"))
    units = {m.group(1) for m in DURATION.finditer(page.locator("main").inner_text())}
    assert len(units) == 1


def test_demo_empty_project_dashboard_has_no_empty_boxes(page, live_server, sample_text):
    seed_demo()
    team = Project.objects.get(slug="demo").team
    empty = Project.objects.create(team=team, name="Empty desk", slug="empty")
    log_in(page, live_server, "lena")
    page.goto(reverse("review:dashboard", args=[empty.pk]))
    charts = check_charts(page)
    assert all(not c["marks"] and "here" in c["empty"] for c in charts)
    assert page.locator("#suggestion-precision .empty").is_visible()

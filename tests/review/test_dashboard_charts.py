"""The dashboard's and agreement page's charts read right: one colour per measure on every chart,
one unit of time per page, an empty state instead of an empty box."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse

from tests.conftest import client_for
from tests.review.agreement_world import article, assign, at, member
from tests.review.test_dashboard import lead_view, session_time
from workbench.accounts.models import Membership
from workbench.demo.seed import seed_demo
from workbench.review.dashboard_charts import (
    PALETTE,
    REVIEWER_COLOURS,
    agreement_charts,
    dashboard_charts,
    score,
)
from workbench.review.dashboard_selectors import project_agreement_report, project_dashboard
from workbench.review.units import HOURS, MINUTES, time_unit

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
UNIT = re.compile(r"\d[\d,.]*\s(min|h)\b")


def colours_by_series(markup: str) -> dict[str, set[str]]:
    """Return, for one chart, the colours its marks of each series are painted in."""
    root = ET.fromstring(str(markup))  # noqa: S314 - our own markup, in a test
    found = defaultdict(set)
    for element in root.iter():
        if element.get("data-series") is not None:
            colour = element.get("fill") if element.get("fill") != "none" else None
            found[element.get("data-series")].add(colour or element.get("stroke"))
    return found


def test_same_measure_has_the_same_colour_on_every_chart():
    project, _ = seed_demo()
    lead = Membership.objects.get(team=project.team, user__username="lena")
    rendered = {
        **dashboard_charts(project_dashboard(project=project, viewer=lead)),
        **{
            f"agreement-{k}": v
            for k, v in agreement_charts(
                project_agreement_report(project=project, user=lead.user)
            ).items()
        },
    }
    everywhere: dict[str, set[str]] = defaultdict(set)
    charts_of: dict[str, set[str]] = defaultdict(set)
    for name, markup in rendered.items():
        per_chart = colours_by_series(markup)
        assert per_chart, f"{name} has no marks"
        # Within a chart, two series never share a colour.
        colours = [next(iter(c)) for c in per_chart.values()]
        assert len(colours) == len(set(colours)), name
        for series, found in per_chart.items():
            everywhere[series] |= found
            charts_of[series].add(name)
    for series, found in everywhere.items():
        assert len(found) == 1, f"{series} is drawn in {found} across {charts_of[series]}"
    # The measures on several charts are there, with the palette's colour.
    assert everywhere["Exact F1"] == {PALETTE["Exact F1"]}
    # The dashboard's agreement chart and both of the agreement page's.
    assert charts_of["Exact F1"] == {"agreement", "agreement-pairs", "agreement-weeks"}
    assert everywhere["Approved version"] == {PALETTE["Approved version"]}
    # A reviewer keeps their colour from the weekly columns to the time bars.
    for reviewer in ("amira", "rafael", "sofia"):
        assert charts_of[reviewer] == {"throughput", "time"}
        assert everywhere[reviewer] <= set(REVIEWER_COLOURS)


def test_reviewer_keeps_their_colour_when_a_reviewer_sees_only_their_own_row():
    project, _ = seed_demo()
    lead = Membership.objects.get(team=project.team, user__username="lena")
    sofia = Membership.objects.get(team=project.team, user__username="sofia")
    as_lead = colours_by_series(
        dashboard_charts(project_dashboard(project=project, viewer=lead))["time"]
    )
    as_sofia = colours_by_series(
        dashboard_charts(project_dashboard(project=project, viewer=sofia))["time"]
    )
    assert set(as_sofia) == {"sofia"}
    assert as_sofia["sofia"] == as_lead["sofia"]


def test_time_unit_is_minutes_below_two_hours_and_hours_from_there():
    assert time_unit([]) is MINUTES
    assert time_unit([None, 600, 7199]) is MINUTES
    assert time_unit([60, 7200]) is HOURS
    assert MINUTES.format(125) == "2 min"
    assert HOURS.format(9000) == "2.5 h"
    assert HOURS.format(60) == "< 0.1 h"  # a little time is not shown as none
    assert MINUTES.format(0) == "0 min"


def test_dashboard_shows_every_duration_in_one_unit(world):
    ann, bob = member(world.team, "ann"), member(world.team, "bob")
    one, two = article(world.project, salt="1"), article(world.project, salt="2")
    assign(one, ann, submitted_at=at("2024-03-04T09:00:00"))
    assign(two, bob, submitted_at=at("2024-03-05T09:00:00"))
    session_time(ann, world.team, one, 3 * 3600)  # hours...
    session_time(bob, world.team, two, 10 * 60)  # ...and minutes on the same page
    html = client_for(world.lead).get(reverse("review:dashboard", args=[world.project.pk]))
    units = {m.group(1) for m in UNIT.finditer(html.content.decode())}
    assert units == {"h"}
    dashboard = project_dashboard(project=world.project, viewer=lead_view(world))
    assert [r.active_time for r in dashboard.reviewers] == ["3.0 h", "0.2 h"]


def test_queue_shows_every_duration_in_one_unit(world):
    ann = member(world.team, "ann")
    one, two = article(world.project, salt="1"), article(world.project, salt="2")
    assign(one, ann)
    assign(two, ann)
    session_time(ann, world.team, one, 3 * 3600)
    session_time(ann, world.team, two, 125)
    html = client_for(ann).get(reverse("review:queue")).content.decode()
    units = {m.group(1) for m in UNIT.finditer(html)}
    assert units == {"h"}
    assert "3.0 h" in html and "&lt; 0.1 h" in html


def test_empty_project_dashboard_has_an_empty_state_for_every_chart(world):
    world.project.articles.all().delete()
    dashboard = project_dashboard(project=world.project, viewer=lead_view(world))
    for name, markup in dashboard_charts(dashboard).items():
        root = ET.fromstring(str(markup))  # noqa: S314
        assert "chart-empty" in root.get("class"), name
        message = "".join(root.find(f"{SVG}text").itertext())
        assert "here" in message, (name, message)  # says what will appear there


def test_empty_dashboard_has_no_table_of_zeros_and_speaks_to_a_non_lead(world):
    world.project.articles.all().delete()
    html = client_for(world.lead).get(reverse("review:dashboard", args=[world.project.pk]))
    assert b'class="table verdicts"' not in html.content
    assert b"Nobody has submitted an article yet" in html.content
    html = client_for(world.reviewer).get(reverse("review:dashboard", args=[world.project.pk]))
    assert b"You have not submitted an article yet" in html.content


@pytest.mark.parametrize("value", [0.625, 0.125, 0.875, 0.3349, 1.0, 0.0])
def test_chart_scores_round_as_the_tables_beside_them(value):
    # The agreement page printed 0.62 on the pair chart and 0.63 in the table below it for the
    # same pair (0.625): the chart rounded half to even, the table's floatformat half up.
    assert score(value) == floatformat(value, 2)

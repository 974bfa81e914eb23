"""The top bar at common laptop widths: nothing overflows, and the account links keep to the right."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.test_annotate import _log_in


@pytest.mark.parametrize("width", [1280, 1024])
def test_top_bar_fits_and_keeps_team_and_account_links_at_the_right(
    page, live_server, world, width
):
    page.set_viewport_size({"width": width, "height": 800})
    _log_in(page, live_server, world.lead)
    page.goto(reverse("articles:project_list"))
    bar = page.locator("header.topbar")
    assert bar.evaluate("e => e.scrollWidth <= e.clientWidth"), "the top bar overflows"
    right = bar.evaluate(
        "e => e.getBoundingClientRect().right - parseFloat(getComputedStyle(e).paddingRight)"
    )
    # When the bar wraps, the team and the account links wrap together and stay right-aligned,
    # under the team's name, instead of a stray row of links at the left.
    for name in ("Log out", "Invitations"):
        box = page.locator("header.topbar").get_by_text(name, exact=True).bounding_box()
        assert box is not None and box["x"] > width / 2, f"{name} is at x={box and box['x']}"
    logout = page.locator("header.topbar").get_by_role("button", name="Log out").bounding_box()
    assert abs(logout["x"] + logout["width"] - right) < 2
    team = page.locator("header.topbar .team-name").bounding_box()
    assert team["x"] > width / 2

"""The SVG chart functions: well-formed, accessible, escaped, and robust to empty data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from tests.conftest import XSS
from workbench import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))  # noqa: S314 - our own markup, in a test


def texts(root: ET.Element) -> list[str]:
    return [el.text or "" for el in root.iter() if el.tag in (f"{SVG}text", f"{SVG}title")]


CHARTS = [
    lambda **kw: charts.bar_chart([("Submitted", 3), ("Reviewed", 0)], **kw),
    lambda **kw: charts.grouped_bar_chart(
        ["ann · bob"], [("Exact", [0.5]), ("Overlap", [0.8])], **kw
    ),
    lambda **kw: charts.stacked_column_chart(
        ["01 Jan", "08 Jan"], [("ann", [1, 2]), ("bob", [0, 3])], **kw
    ),
    lambda **kw: charts.line_chart(
        ["01 Jan", "08 Jan", "15 Jan"], [("F1", [0.5, None, 0.9])], **kw
    ),
]


@pytest.mark.parametrize("draw", CHARTS)
def test_chart_is_wellformed_svg_named_by_title_and_desc(draw):
    root = parse(draw(chart_id="My chart", title="A title", desc="A description"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "my-chart-title my-chart-desc"
    assert root.find(f"{SVG}title").text == "A title"
    assert root.find(f"{SVG}desc").text == "A description"
    assert root.get("viewBox").startswith("0 0 ")


@pytest.mark.parametrize("draw", CHARTS)
def test_chart_escapes_labels_titles_and_descriptions(draw):
    markup = str(draw(chart_id=XSS, title=XSS, desc=XSS))
    assert "<script>" not in markup
    assert "<img" not in markup
    assert "&lt;script&gt;" in markup
    parse(markup)


def test_bar_chart_escapes_user_labels():
    markup = str(charts.bar_chart([(XSS, 1), ("<b>Pants</b> on fire", 2)], chart_id="v", title="t"))
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;b&gt;Pants&lt;/b&gt; on fire" in markup
    assert any(XSS in t for t in texts(parse(markup)))


def test_long_labels_are_cut_beside_the_bar_and_whole_in_the_tooltip():
    label = "Alexandra Konstantinopoulou · Bartholomew"
    root = parse(charts.bar_chart([(label, 1)], chart_id="b", title="t"))
    shown = texts(root)
    assert "Alexandra Konstantinopo…" in shown  # 23 characters and the ellipsis
    assert f"{label}: 1" in shown


def test_series_names_are_escaped_in_legends_and_tooltips():
    for markup in (
        charts.grouped_bar_chart(["x"], [(XSS, [1])], chart_id="g", title="t"),
        charts.stacked_column_chart(["x"], [(XSS, [1])], chart_id="s", title="t"),
        charts.line_chart(["x", "y"], [(XSS, [1, 2])], chart_id="l", title="t"),
    ):
        assert "<script>" not in str(markup)
        assert any(XSS in t for t in texts(parse(markup)))


def test_bar_lengths_are_proportional_to_values():
    root = parse(charts.bar_chart([("a", 5), ("b", 10)], chart_id="b", title="t", max_value=10))
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[1] == pytest.approx(2 * widths[0])


def test_values_are_shown_and_none_reads_n_a():
    root = parse(
        charts.bar_chart(
            [("a", 0.5), ("b", None)], chart_id="b", title="t", value_format=lambda v: f"{v:.2f}"
        )
    )
    shown = texts(root)
    assert "a: 0.50" in shown and "b: n/a" in shown


def test_line_chart_breaks_at_missing_values():
    root = parse(
        charts.line_chart(
            ["1", "2", "3", "4"], [("F1", [0.1, 0.2, None, 0.4])], chart_id="l", title="t"
        )
    )
    lines = list(root.iter(f"{SVG}polyline"))
    # One line through the first two points; the lone last point is a dot only.
    assert len(lines) == 1
    assert len(lines[0].get("points").split()) == 2
    assert len(list(root.iter(f"{SVG}circle"))) == 3


def test_stacked_columns_stack_to_the_total():
    root = parse(
        charts.stacked_column_chart(["w"], [("a", [1]), ("b", [3])], chart_id="s", title="t")
    )
    heights = [float(r.get("height")) for r in root.iter(f"{SVG}rect") if r.get("height") != "12"]
    assert heights[1] == pytest.approx(3 * heights[0])
    assert "w: 4 in all" in texts(root)


@pytest.mark.parametrize(
    "markup",
    [
        charts.bar_chart([], chart_id="e", title="t", empty="Nothing yet"),
        charts.grouped_bar_chart([], [], chart_id="e", title="t", empty="Nothing yet"),
        charts.stacked_column_chart(
            ["w"], [("a", [0])], chart_id="e", title="t", empty="Nothing yet"
        ),
        charts.line_chart(["w"], [("a", [None])], chart_id="e", title="t", empty="Nothing yet"),
    ],
)
def test_empty_data_draws_a_message_not_an_error(markup):
    assert "Nothing yet" in texts(parse(markup))


def test_single_point_line_and_all_zero_bars_do_not_divide_by_zero():
    parse(charts.line_chart(["only"], [("F1", [0.0])], chart_id="l", title="t"))
    parse(charts.bar_chart([("a", 0), ("b", 0)], chart_id="b", title="t"))
    parse(charts.grouped_bar_chart(["a"], [("x", [None])], chart_id="g", title="t"))


def test_nice_axis_tops():
    assert [charts._nice_max(v) for v in (0, 0.4, 1, 3, 7, 12, 480)] == [1, 1, 1, 5, 10, 20, 500]


def test_a_chart_is_drawn_at_its_natural_size():
    root = parse(charts.bar_chart([("a", 1)], chart_id="b", title="t"))
    _, _, width, height = root.get("viewBox").split()
    assert (root.get("width"), root.get("height")) == (width, height)


def test_bars_of_all_zeros_are_the_empty_state_not_invisible_bars():
    root = parse(charts.bar_chart([("a", 0), ("b", None)], chart_id="b", title="t", empty="None"))
    assert texts(root)[-1] == "None"
    root = parse(charts.grouped_bar_chart(["a"], [("x", [0])], chart_id="g", title="t", empty="No"))
    assert texts(root)[-1] == "No"


def test_a_colour_given_with_a_series_paints_its_marks_and_legend():
    root = parse(
        charts.line_chart(
            ["1", "2"], [("F1", [0.1, 0.2], "#123456")], chart_id="l", title="t", max_value=1
        )
    )
    painted = {(e.get("fill"), e.get("stroke")) for e in root.iter() if e.get("data-series")}
    assert painted == {("#123456", None), ("none", "#123456")}


def test_count_axes_have_whole_number_ticks():
    root = parse(
        charts.stacked_column_chart(["w1", "w2"], [("a", [3, 7])], chart_id="s", title="t")
    )
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick" and t.text]
    axis = [t for t in ticks if not t.startswith("w")]
    assert axis == ["0", "2", "4", "6", "8", "10"]


def test_week_labels_never_crowd_and_the_latest_week_is_labelled():
    weeks = [f"{d:02d} Jan" for d in range(52)]
    root = parse(charts.line_chart(weeks, [("F1", [0.5] * 52)], chart_id="l", title="t"))
    labels = [t for t in root.iter(f"{SVG}text") if t.get("class") == "tick" and "Jan" in t.text]
    xs = [float(t.get("x")) for t in labels]
    assert labels[-1].text == "51 Jan"
    assert min(b - a for a, b in pairwise(xs)) >= charts.MIN_LABEL_GAP


def test_bar_labels_get_room_for_the_longest_one():
    long_label = "Reviewers' submissions"
    root = parse(charts.bar_chart([(long_label, 1), ("b", 2)], chart_id="b", title="t"))
    label = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "label")
    assert float(label.get("x")) >= len(long_label) * charts.CHAR_W

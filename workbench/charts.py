"""Server-rendered SVG charts: small pure functions that return safe markup, no JavaScript.

Every label is user text (reviewer names, verdicts from a project's rating scale), so all text
goes through `format_html`. Each chart is an `<svg role="img">` named by its `<title>` and
`<desc>`, and every mark carries its own `<title>` (a tooltip, and what a screen reader reads).

Colours: a series (or a bar) may bring its own colour as a third element, `(name, values,
colour)`; callers that show the same measure on several charts pass it from one palette, so the
measure looks the same everywhere (`workbench.review.dashboard_charts.PALETTE`). Without one, a
series takes the next of `SERIES_COLOURS`. Every mark names its series in `data-series`. Fonts
come from `static/css/charts.css`; a chart is drawn at its natural size (text at its real pixel
size) and only shrinks, never grows, with a narrow container.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import slugify

Number = int | float
# For series that bring no colour of their own; more series cycle. All readable on white.
SERIES_COLOURS = ("#1f5fbf", "#c2410c", "#1d7a3a", "#7e3fb3", "#b3261e", "#0f766e", "#6b7280")
PAD_TOP = 12  # room above the plot for the top tick label
CHAR_W = 7.5  # the width of an average character of the 13px chart font, to fit labels
MIN_LABEL_GAP = 56  # pixels between two x-axis labels, so dates never touch


def _colour(entry: Sequence, index: int) -> str:
    """Return a series' or bar's own colour (its third element) or the next default one."""
    return entry[2] if len(entry) > 2 and entry[2] else SERIES_COLOURS[index % len(SERIES_COLOURS)]


def _label_width(labels: Iterable[str]) -> int:
    """Return room for the longest label (as cut by _short) beside a bar, within limits."""
    longest = max((len(_short(label)) for label in labels), default=0)
    return int(min(200, max(80, longest * CHAR_W + 16)))


def _join(parts: Iterable[SafeString | str]) -> SafeString:
    # format_html_join escapes plain strings and keeps SafeStrings as they are.
    return format_html_join("", "{}", ((part,) for part in parts))


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _short(label: str, limit: int = 24) -> str:
    """Return a label cut to fit beside a bar; the mark's <title> keeps it whole."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _default_format(value: Number) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}"
    return f"{int(value):,}"


def _nice_max(value: float) -> float:
    """Return a round number at or above value (1, 2, 2.5, 5 × 10ⁿ) for the top of an axis."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _frame(
    *, chart_id: str, title: str, desc: str, width: int, height: int, body: SafeString, kind: str
) -> SafeString:
    ident = slugify(chart_id) or "chart"
    width, height = round(width), round(height)
    return format_html(
        '<svg class="chart chart-{kind}" id="{id}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        'role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg" '
        'preserveAspectRatio="xMinYMin meet">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        kind=kind,
        id=ident,
        w=width,
        h=height,
        title=title,
        desc=desc,
        body=body,
    )


def _empty(*, chart_id: str, title: str, desc: str, message: str) -> SafeString:
    """Return the chart's empty state: a sentence saying what will appear here, not a blank."""
    body = format_html('<text class="chart-empty" x="10" y="25">{}</text>', message)
    width = max(400, len(message) * CHAR_W + 20)
    return _frame(
        chart_id=chart_id, title=title, desc=desc, width=width, height=40, body=body, kind="empty"
    )


def _legend(series: Sequence[Sequence], *, x: float, y: float) -> SafeString:
    parts = []
    for index, entry in enumerate(series):
        top = y + index * 18
        parts.append(
            format_html(
                '<g class="legend-item"><rect data-series="{name}" fill="{c}" x="{x}" y="{y}" '
                'width="12" height="12" rx="2"/><text x="{tx}" y="{ty}">{name}</text></g>',
                c=_colour(entry, index),
                x=_num(x),
                y=_num(top),
                tx=_num(x + 18),
                ty=_num(top + 10),
                name=entry[0],
            )
        )
    return format_html('<g class="legend">{}</g>', _join(parts))


def bar_chart(
    items: Sequence[tuple[str, Number | None] | tuple[str, Number | None, str]],
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    max_value: Number | None = None,
    value_format: Callable[[Number], str] = _default_format,
    empty: str = "Nothing to show yet.",
    measure: str = "",
    colour: str = "",
) -> SafeString:
    """Return a horizontal bar chart, one bar per (label, value[, colour]); None reads n/a.

    Bars without a colour of their own show one `measure` (the title, if not named) in one
    `colour`. Nothing but zeros and n/a is the empty state, not a chart of invisible bars.
    """
    if not any(item[1] for item in items):
        return _empty(chart_id=chart_id, title=title, desc=desc, message=empty)
    label_w, bar_w, row_h, value_w = _label_width(i[0] for i in items), 300, 26, 70
    values = [item[1] for item in items if item[1] is not None]
    top = max_value or _nice_max(max(values) if values else 0)
    rows = []
    for index, item in enumerate(items):
        label, value = item[0], item[1]
        y = index * row_h
        length = 0 if value is None else max(0, min(1, value / top)) * bar_w
        shown = "n/a" if value is None else value_format(value)
        rows.append(
            format_html(
                '<g class="bar"><title>{label}: {shown}</title>'
                '<text class="label" x="{lx}" y="{ty}" text-anchor="end">{short}</text>'
                '<rect data-series="{series}" fill="{c}" x="{x}" y="{y}" width="{w}" height="{h}" '
                'rx="2"/><text class="value" x="{vx}" y="{ty}">{shown}</text></g>',
                label=label,
                short=_short(label),
                shown=shown,
                series=label if len(item) > 2 else (measure or title),
                c=_colour(item, 0) if len(item) > 2 or not colour else colour,
                lx=label_w - 8,
                ty=_num(y + row_h / 2 + 4),
                x=label_w,
                y=_num(y + 4),
                w=_num(length),
                h=row_h - 8,
                vx=_num(label_w + length + 6),
            )
        )
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=label_w + bar_w + value_w,
        height=len(items) * row_h + 4,
        body=_join(rows),
        kind="bar",
    )


Series = tuple[str, Sequence[Number | None]] | tuple[str, Sequence[Number | None], str]


def _all_zero(series: Sequence[Series]) -> bool:
    return not any(v for entry in series for v in entry[1])


def grouped_bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    max_value: Number | None = None,
    value_format: Callable[[Number], str] = _default_format,
    empty: str = "Nothing to show yet.",
) -> SafeString:
    """Return horizontal bars grouped by category, one bar per series, with a legend."""
    if not categories or not series or _all_zero(series):
        return _empty(chart_id=chart_id, title=title, desc=desc, message=empty)
    label_w, bar_w, bar_h, gap, value_w = _label_width(categories), 300, 15, 10, 60
    values = [v for entry in series for v in entry[1] if v is not None]
    top = max_value or _nice_max(max(values) if values else 0)
    group_h = bar_h * len(series) + gap
    groups = []
    for ci, category in enumerate(categories):
        y0 = ci * group_h
        bars = []
        for si, entry in enumerate(series):
            name, vs = entry[0], entry[1]
            value = vs[ci] if ci < len(vs) else None
            length = 0 if value is None else max(0, min(1, value / top)) * bar_w
            shown = "n/a" if value is None else value_format(value)
            y = y0 + si * bar_h
            bars.append(
                format_html(
                    '<g class="bar"><title>{category}, {name}: {shown}</title>'
                    '<rect data-series="{name}" fill="{c}" x="{x}" y="{y}" width="{w}" '
                    'height="{h}" rx="1"/><text class="value" x="{vx}" y="{ty}">{shown}</text></g>',
                    category=category,
                    name=name,
                    shown=shown,
                    c=_colour(entry, si),
                    x=label_w,
                    y=_num(y),
                    w=_num(length),
                    h=bar_h - 2,
                    vx=_num(label_w + length + 4),
                    ty=_num(y + bar_h - 3),
                )
            )
        groups.append(
            format_html(
                '<g class="group"><text class="label" x="{lx}" y="{ty}" text-anchor="end">'
                "<title>{category}</title>{short}</text>{bars}</g>",
                lx=label_w - 8,
                ty=_num(y0 + (bar_h * len(series)) / 2 + 4),
                category=category,
                short=_short(category),
                bars=_join(bars),
            )
        )
    plot_h = len(categories) * group_h
    legend = _legend(series, x=label_w, y=plot_h + 6)
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=label_w + bar_w + value_w,
        height=plot_h + 6 + 18 * len(series) + 4,
        body=_join([*groups, legend]),
        kind="grouped",
    )


def _x_labels(count: int, step: float) -> set[int]:
    """Return which of `count` evenly spaced categories get a label: the last one always (the
    most recent week), and every k-th before it, far enough apart that no two labels touch."""
    every = max(1, math.ceil(MIN_LABEL_GAP / step)) if step else 1
    return {i for i in range(count) if (count - 1 - i) % every == 0}


def stacked_column_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    value_format: Callable[[Number], str] = _default_format,
    empty: str = "Nothing to show yet.",
) -> SafeString:
    """Return vertical columns per category (e.g. a week), stacked by series, with a legend."""
    totals = [
        sum((entry[1][ci] if ci < len(entry[1]) else 0) or 0 for entry in series)
        for ci in range(len(categories))
    ]
    if not categories or not series or not any(totals):
        return _empty(chart_id=chart_id, title=title, desc=desc, message=empty)
    axis_w, plot_w, plot_h, label_h = 44, 430, 200, 40
    integer = all(float(t).is_integer() for t in totals)
    top, ticks = _axis_top(max(totals), integer=integer)
    step = plot_w / len(categories)
    col_w = max(4, min(48, step * 0.7))
    labelled = _x_labels(len(categories), step)
    columns = []
    for ci, category in enumerate(categories):
        x = axis_w + ci * step + (step - col_w) / 2
        base = plot_h
        segments = []
        for si, entry in enumerate(series):
            name, vs = entry[0], entry[1]
            value = (vs[ci] if ci < len(vs) else 0) or 0
            if not value:
                continue
            height = value / top * plot_h
            base -= height
            segments.append(
                format_html(
                    '<rect data-series="{name}" fill="{c}" x="{x}" y="{y}" width="{w}" '
                    'height="{h}"><title>{category}, {name}: {shown}</title></rect>',
                    c=_colour(entry, si),
                    x=_num(x),
                    y=_num(base),
                    w=_num(col_w),
                    h=_num(height),
                    category=category,
                    name=name,
                    shown=value_format(value),
                )
            )
        columns.append(
            format_html(
                '<g class="column"><title>{category}: {shown} in all</title>{segments}'
                '<text class="tick" x="{tx}" y="{ty}" text-anchor="middle">{tick}</text></g>',
                category=category,
                tick=category if ci in labelled else "",
                shown=value_format(totals[ci]),
                segments=_join(segments),
                tx=_num(x + col_w / 2),
                ty=plot_h + 17,
            )
        )
    axis = _y_axis(
        top=top, ticks=ticks, axis_w=axis_w, plot_w=plot_w, plot_h=plot_h, fmt=value_format
    )
    legend = _legend(series, x=axis_w, y=plot_h + label_h - 8)
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=axis_w + plot_w + 10,
        height=PAD_TOP + plot_h + label_h + 18 * len(series) + 4,
        body=_shifted([axis, *columns, legend]),
        kind="stacked",
    )


def line_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    max_value: Number | None = None,
    value_format: Callable[[Number], str] = _default_format,
    empty: str = "Nothing to show yet.",
) -> SafeString:
    """Return lines over categories (e.g. weeks); a None value breaks the line there."""
    values = [v for entry in series for v in entry[1] if v is not None]
    if not categories or not values:
        return _empty(chart_id=chart_id, title=title, desc=desc, message=empty)
    axis_w, plot_w, plot_h, label_h = 44, 560, 200, 40
    if max_value:
        top, ticks = max_value, 4
    else:
        top, ticks = _axis_top(max(values), integer=all(float(v).is_integer() for v in values))
    step = plot_w / max(1, len(categories) - 1) if len(categories) > 1 else 0
    parts = [
        _y_axis(top=top, ticks=ticks, axis_w=axis_w, plot_w=plot_w, plot_h=plot_h, fmt=value_format)
    ]
    for ci in sorted(_x_labels(len(categories), step)):
        x = axis_w + (ci * step if step else plot_w / 2)
        parts.append(
            format_html(
                '<text class="tick" x="{x}" y="{y}" text-anchor="middle">{c}</text>',
                x=_num(x),
                y=plot_h + 17,
                c=categories[ci],
            )
        )
    for si, entry in enumerate(series):
        name, vs = entry[0], entry[1]
        colour = _colour(entry, si)
        runs: list[list[str]] = [[]]
        dots = []
        for ci, value in enumerate(vs[: len(categories)]):
            if value is None:
                runs.append([])
                continue
            x = axis_w + (ci * step if step else plot_w / 2)
            y = plot_h - max(0, min(1, value / top)) * plot_h
            runs[-1].append(f"{_num(x)},{_num(y)}")
            dots.append(
                format_html(
                    '<circle data-series="{name}" fill="{c}" cx="{x}" cy="{y}" r="4">'
                    "<title>{name}, {category}: {shown}</title></circle>",
                    c=colour,
                    x=_num(x),
                    y=_num(y),
                    name=name,
                    category=categories[ci],
                    shown=value_format(value),
                )
            )
        lines = [
            format_html(
                '<polyline class="line" data-series="{}" stroke="{}" fill="none" points="{}"/>',
                name,
                colour,
                " ".join(r),
            )
            for r in runs
            if len(r) > 1
        ]
        parts.append(format_html('<g class="series">{}{}</g>', _join(lines), _join(dots)))
    parts.append(_legend(series, x=axis_w, y=plot_h + label_h - 8))
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=axis_w + plot_w + 30,
        height=PAD_TOP + plot_h + label_h + 18 * len(series) + 4,
        body=_shifted(parts),
        kind="line",
    )


def _shifted(parts: Iterable[SafeString]) -> SafeString:
    return format_html('<g transform="translate(0 {})">{}</g>', PAD_TOP, _join(parts))


def _axis_top(value: float, *, integer: bool) -> tuple[float, int]:
    """Return the top of a y axis and how many steps divide it: whole steps for counts.

    Counts of articles get ticks 0, 2, 4, 6… rather than 0, 2.5, 5, 7.5.
    """
    top = _nice_max(value)
    if not integer:
        return top, 4
    top = max(1, math.ceil(top))
    for steps in (4, 5, 2, 3, 1):
        if top % steps == 0:
            return top, steps
    return top, 1


def _y_axis(
    *,
    top: float,
    ticks: int,
    axis_w: int,
    plot_w: int,
    plot_h: int,
    fmt: Callable[[Number], str] = _default_format,
) -> SafeString:
    lines = []
    for i in range(ticks + 1):
        value = top * i / ticks
        y = plot_h - plot_h * i / ticks
        lines.append(
            format_html(
                '<line class="grid" x1="{x1}" x2="{x2}" y1="{y}" y2="{y}"/>'
                '<text class="tick" x="{tx}" y="{ty}" text-anchor="end">{v}</text>',
                x1=axis_w,
                x2=axis_w + plot_w,
                y=_num(y),
                tx=axis_w - 6,
                ty=_num(y + 4),
                v=fmt(value if not float(value).is_integer() else int(value)),
            )
        )
    return format_html('<g class="axis" aria-hidden="true">{}</g>', _join(lines))

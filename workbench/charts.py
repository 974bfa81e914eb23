"""Server-rendered SVG charts: small pure functions that return safe markup, no JavaScript.

Every label is user text (reviewer names, verdicts from a project's rating scale), so all text
goes through `format_html`. Each chart is an `<svg role="img">` named by its `<title>` and
`<desc>`, and every mark carries its own `<title>` (a tooltip, and what a screen reader reads).
Colours and fonts come from CSS classes in `static/css/charts.css` (`.chart`, `.series-N`), so
the charts follow the page's palette; they scale with their container through `viewBox`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import slugify

Number = int | float
SERIES_CLASSES = 8  # .series-0 … .series-7 in charts.css; more series cycle.
PAD_TOP = 12  # room above the plot for the top tick label


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
    return format_html(
        '<svg class="chart chart-{kind}" id="{id}" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg" '
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
    body = format_html('<text class="chart-empty" x="10" y="24">{}</text>', message)
    return _frame(
        chart_id=chart_id, title=title, desc=desc, width=400, height=40, body=body, kind="empty"
    )


def _legend(names: Sequence[str], *, x: float, y: float) -> SafeString:
    parts = []
    for index, name in enumerate(names):
        top = y + index * 18
        parts.append(
            format_html(
                '<g class="legend-item"><rect class="series-{s}" x="{x}" y="{y}" width="12" '
                'height="12" rx="2"/><text x="{tx}" y="{ty}">{name}</text></g>',
                s=index % SERIES_CLASSES,
                x=_num(x),
                y=_num(top),
                tx=_num(x + 18),
                ty=_num(top + 10),
                name=name,
            )
        )
    return format_html('<g class="legend">{}</g>', _join(parts))


def bar_chart(
    items: Sequence[tuple[str, Number | None]],
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    max_value: Number | None = None,
    value_format: Callable[[Number], str] = _default_format,
    empty: str = "Nothing to show yet.",
) -> SafeString:
    """Return a horizontal bar chart, one bar per (label, value); a None value is drawn as n/a."""
    if not items:
        return _empty(chart_id=chart_id, title=title, desc=desc, message=empty)
    label_w, bar_w, row_h, value_w = 150, 300, 26, 70
    values = [v for _, v in items if v is not None]
    top = max_value or _nice_max(max(values) if values else 0)
    rows = []
    for index, (label, value) in enumerate(items):
        y = index * row_h
        length = 0 if value is None else max(0, min(1, value / top)) * bar_w
        shown = "n/a" if value is None else value_format(value)
        rows.append(
            format_html(
                '<g class="bar"><title>{label}: {shown}</title>'
                '<text class="label" x="{lx}" y="{ty}" text-anchor="end">{short}</text>'
                '<rect class="series-0" x="{x}" y="{y}" width="{w}" height="{h}" rx="2"/>'
                '<text class="value" x="{vx}" y="{ty}">{shown}</text></g>',
                label=label,
                short=_short(label),
                shown=shown,
                lx=label_w - 8,
                ty=_num(y + row_h / 2 + 4),
                x=label_w,
                y=_num(y + 4),
                w=_num(length),
                h=row_h - 8,
                vx=_num(label_w + length + 6),
            )
        )
    width = label_w + bar_w + value_w
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=width,
        height=len(items) * row_h + 4,
        body=_join(rows),
        kind="bar",
    )


def grouped_bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number | None]]],
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    max_value: Number | None = None,
    value_format: Callable[[Number], str] = _default_format,
    empty: str = "Nothing to show yet.",
) -> SafeString:
    """Return horizontal bars grouped by category, one bar per series, with a legend."""
    if not categories or not series:
        return _empty(chart_id=chart_id, title=title, desc=desc, message=empty)
    label_w, bar_w, bar_h, gap, value_w = 150, 300, 14, 10, 60
    values = [v for _, vs in series for v in vs if v is not None]
    top = max_value or _nice_max(max(values) if values else 0)
    group_h = bar_h * len(series) + gap
    groups = []
    for ci, category in enumerate(categories):
        y0 = ci * group_h
        bars = []
        for si, (name, vs) in enumerate(series):
            value = vs[ci] if ci < len(vs) else None
            length = 0 if value is None else max(0, min(1, value / top)) * bar_w
            shown = "n/a" if value is None else value_format(value)
            y = y0 + si * bar_h
            bars.append(
                format_html(
                    '<g class="bar"><title>{category}, {name}: {shown}</title>'
                    '<rect class="series-{s}" x="{x}" y="{y}" width="{w}" height="{h}" rx="1"/>'
                    '<text class="value" x="{vx}" y="{ty}">{shown}</text></g>',
                    category=category,
                    name=name,
                    shown=shown,
                    s=si % SERIES_CLASSES,
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
    legend = _legend([name for name, _ in series], x=label_w, y=plot_h + 6)
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=label_w + bar_w + value_w,
        height=plot_h + 6 + 18 * len(series) + 4,
        body=_join([*groups, legend]),
        kind="grouped",
    )


def stacked_column_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number]]],
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    value_format: Callable[[Number], str] = _default_format,
    empty: str = "Nothing to show yet.",
) -> SafeString:
    """Return vertical columns per category (e.g. a week), stacked by series, with a legend."""
    totals = [
        sum((vs[ci] if ci < len(vs) else 0) or 0 for _, vs in series)
        for ci in range(len(categories))
    ]
    if not categories or not series or not any(totals):
        return _empty(chart_id=chart_id, title=title, desc=desc, message=empty)
    axis_w, plot_w, plot_h, label_h = 44, 480, 200, 40
    top = _nice_max(max(totals))
    step = plot_w / len(categories)
    col_w = max(4, min(48, step * 0.7))
    every = max(1, round(len(categories) / 10))  # at most about ten tick labels
    columns = []
    for ci, category in enumerate(categories):
        x = axis_w + ci * step + (step - col_w) / 2
        base = plot_h
        segments = []
        for si, (name, vs) in enumerate(series):
            value = (vs[ci] if ci < len(vs) else 0) or 0
            if not value:
                continue
            height = value / top * plot_h
            base -= height
            segments.append(
                format_html(
                    '<rect class="series-{s}" x="{x}" y="{y}" width="{w}" height="{h}">'
                    "<title>{category}, {name}: {shown}</title></rect>",
                    s=si % SERIES_CLASSES,
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
                tick=category if ci % every == 0 or ci == len(categories) - 1 else "",
                shown=value_format(totals[ci]),
                segments=_join(segments),
                tx=_num(x + col_w / 2),
                ty=plot_h + 16,
            )
        )
    axis = _y_axis(top=top, axis_w=axis_w, plot_w=plot_w, plot_h=plot_h, fmt=value_format)
    legend = _legend([name for name, _ in series], x=axis_w, y=plot_h + label_h - 8)
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
    series: Sequence[tuple[str, Sequence[Number | None]]],
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    max_value: Number | None = None,
    value_format: Callable[[Number], str] = _default_format,
    empty: str = "Nothing to show yet.",
) -> SafeString:
    """Return lines over categories (e.g. weeks); a None value breaks the line there."""
    values = [v for _, vs in series for v in vs if v is not None]
    if not categories or not values:
        return _empty(chart_id=chart_id, title=title, desc=desc, message=empty)
    axis_w, plot_w, plot_h, label_h = 44, 600, 200, 40
    top = max_value or _nice_max(max(values))
    step = plot_w / max(1, len(categories) - 1) if len(categories) > 1 else 0
    parts = [_y_axis(top=top, axis_w=axis_w, plot_w=plot_w, plot_h=plot_h, fmt=value_format)]
    every = max(1, round(len(categories) / 10))  # at most about ten tick labels
    for ci, category in enumerate(categories):
        x = axis_w + (ci * step if step else plot_w / 2)
        if ci % every == 0 or ci == len(categories) - 1:
            parts.append(
                format_html(
                    '<text class="tick" x="{x}" y="{y}" text-anchor="middle">{c}</text>',
                    x=_num(x),
                    y=plot_h + 16,
                    c=category,
                )
            )
    for si, (name, vs) in enumerate(series):
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
                    '<circle class="series-{s}" cx="{x}" cy="{y}" r="3.5">'
                    "<title>{name}, {category}: {shown}</title></circle>",
                    s=si % SERIES_CLASSES,
                    x=_num(x),
                    y=_num(y),
                    name=name,
                    category=categories[ci],
                    shown=value_format(value),
                )
            )
        lines = [
            format_html(
                '<polyline class="line series-{}" points="{}"/>', si % SERIES_CLASSES, " ".join(r)
            )
            for r in runs
            if len(r) > 1
        ]
        parts.append(format_html('<g class="series">{}{}</g>', _join(lines), _join(dots)))
    parts.append(_legend([name for name, _ in series], x=axis_w, y=plot_h + label_h - 8))
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=axis_w + plot_w + 20,
        height=PAD_TOP + plot_h + label_h + 18 * len(series) + 4,
        body=_shifted(parts),
        kind="line",
    )


def _shifted(parts: Iterable[SafeString]) -> SafeString:
    return format_html('<g transform="translate(0 {})">{}</g>', PAD_TOP, _join(parts))


def _y_axis(
    *, top: float, axis_w: int, plot_w: int, plot_h: int, fmt: Callable[[Number], str]
) -> SafeString:
    ticks = []
    for i in range(5):
        value = top * i / 4
        y = plot_h - plot_h * i / 4
        ticks.append(
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
    return format_html('<g class="axis" aria-hidden="true">{}</g>', _join(ticks))

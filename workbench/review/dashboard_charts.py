"""The charts of the agreement page and the project dashboard, drawn from their selectors' data.

`PALETTE` is the one place a measure gets its colour: every chart that shows a measure takes it
from here, so "Exact F1" or "Approved version" looks the same on every chart and page, and a
reviewer keeps their colour from the weekly columns to the time bars.
"""

from __future__ import annotations

from datetime import date

from django.template.defaultfilters import floatformat
from django.utils.safestring import SafeString

from workbench import charts
from workbench.review.agreement import ProjectAgreement
from workbench.review.dashboard_selectors import Dashboard, ReviewerRow, week_range

AGREEMENT_WEEKS = 52

# Measure → colour. Distinct within any one chart, readable on white (contrast 4.5:1 or more).
EXACT_F1 = "Exact F1"
OVERLAP_F1 = "Overlap F1"
APPROVED = "Approved version"
SUBMITTED = "Reviewers' submissions"
ARTICLES = "Articles"
PALETTE = {
    EXACT_F1: "#1f5fbf",
    OVERLAP_F1: "#7e3fb3",
    APPROVED: "#1d7a3a",
    SUBMITTED: "#b45309",
    ARTICLES: "#475569",
}
# Reviewers, by their place among the project's reviewers; more reviewers cycle.
REVIEWER_COLOURS = ("#0f766e", "#be185d", "#a16207", "#4338ca", "#4d7c0f", "#9a3412")


def reviewer_colour(row: ReviewerRow) -> str:
    """Return a reviewer's colour, the same on every chart and for every viewer."""
    return REVIEWER_COLOURS[row.index % len(REVIEWER_COLOURS)]


def score(value: float) -> str:
    # Rounded as the tables' floatformat does (half up), so a chart and its table agree.
    return floatformat(value, 2)


def week_label(week: date) -> str:
    return week.strftime("%d %b")


def agreement_charts(report: ProjectAgreement) -> dict[str, SafeString]:
    """Return the agreement page's charts: F1 per reviewer pair, and agreement week by week."""
    pairs = [f"{p.a.name} · {p.b.name}" for p in report.pairs]
    return {
        "pairs": charts.grouped_bar_chart(
            pairs,
            [
                (EXACT_F1, [p.tally.exact_f1 for p in report.pairs], PALETTE[EXACT_F1]),
                (OVERLAP_F1, [p.tally.overlap_f1 for p in report.pairs], PALETTE[OVERLAP_F1]),
            ],
            chart_id="agreement-pairs",
            title="Span agreement by reviewer pair",
            desc="Exact-match and overlap F1 of each pair's quote and claim spans, from 0 to 1.",
            max_value=1,
            value_format=score,
            empty="No article has been reviewed by two reviewers yet: each pair of reviewers "
            "who read the same articles will get a bar here.",
        ),
        "weeks": weeks_chart(report),
    }


def weeks_chart(report: ProjectAgreement) -> SafeString:
    # Every week on the axis, so that time runs evenly; a week without a pair breaks the line.
    tallies = {w.week: w.tally for w in report.weeks}
    weeks = week_range(set(tallies), limit=AGREEMENT_WEEKS)
    return charts.line_chart(
        [week_label(w) for w in weeks],
        [
            (
                EXACT_F1,
                [tallies[w].exact_f1 if w in tallies else None for w in weeks],
                PALETTE[EXACT_F1],
            ),
            (
                OVERLAP_F1,
                [tallies[w].overlap_f1 if w in tallies else None for w in weeks],
                PALETTE[OVERLAP_F1],
            ),
        ],
        chart_id="agreement-weeks",
        title="Agreement by week",
        desc="Exact and overlap F1 of the reviewer pairs whose work came in each week "
        "(weeks start on Monday).",
        max_value=1,
        value_format=score,
        empty="No article has been reviewed by two reviewers yet: agreement will be drawn "
        "here week by week.",
    )


def dashboard_charts(dashboard: Dashboard) -> dict[str, SafeString]:
    """Return the project dashboard's charts."""
    reviewers = dashboard.reviewers
    unit = dashboard.unit
    # Anyone but a lead sees only their own work: the empty states speak to them.
    nobody, whose = (
        ("You have not", "your") if dashboard.own_only else ("Nobody has", "each reviewer's")
    )
    return {
        # One measure (articles), so one colour for every bar; the statuses are the labels.
        "status": charts.bar_chart(
            [(s["label"], s["count"]) for s in dashboard.status_counts],
            chart_id="articles-by-status",
            title="Articles by status",
            desc="How many of the project's articles are in each review status.",
            measure=ARTICLES,
            colour=PALETTE[ARTICLES],
            empty="No articles yet: once articles are imported, their review statuses are "
            "counted here.",
        ),
        "throughput": charts.stacked_column_chart(
            [week_label(w) for w in dashboard.weeks],
            [
                (r.name, [r.weekly.get(w, 0) for w in dashboard.weeks], reviewer_colour(r))
                for r in reviewers
            ],
            chart_id="throughput",
            title="Articles submitted per week",
            desc="Articles each reviewer submitted, week by week (weeks start on Monday).",
            empty=f"{nobody} submitted an article yet: {whose} submissions will be drawn "
            "here week by week.",
        ),
        "time": charts.bar_chart(
            [(r.name, unit.value(r.active_seconds), reviewer_colour(r)) for r in reviewers],
            chart_id="time-spent",
            title=f"Active time per reviewer ({unit.name})",
            desc=f"Active reading and annotating on this project's articles, in {unit.name}, "
            "idle gaps left out.",
            value_format=unit.label,
            empty=f"No review session has been recorded yet: {whose} active time on this "
            "project will be shown here.",
        ),
        "verdicts": charts.grouped_bar_chart(
            [v["label"] for v in dashboard.verdicts],
            [
                (APPROVED, [v["approved"] for v in dashboard.verdicts], PALETTE[APPROVED]),
                (SUBMITTED, [v["submitted"] for v in dashboard.verdicts], PALETTE[SUBMITTED]),
            ],
            chart_id="verdicts",
            title="Verdict distribution",
            desc="Claims per verdict, in the order of the project's rating scale: in the "
            "approved version, and as reviewers submitted them.",
            empty="No claim has a verdict yet: claims per verdict appear here once reviewers "
            "submit their work.",
        ),
        "agreement": weeks_chart(dashboard.agreement),
    }

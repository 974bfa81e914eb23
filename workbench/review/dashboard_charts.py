"""The charts of the agreement page and the project dashboard, drawn from their selectors' data."""

from __future__ import annotations

from datetime import date

from django.utils.safestring import SafeString

from workbench import charts
from workbench.review.agreement import ProjectAgreement
from workbench.review.dashboard_selectors import Dashboard, week_range

AGREEMENT_WEEKS = 52


def score(value: float) -> str:
    return f"{value:.2f}"


def hours(value: float) -> str:
    return f"{value:.1f} h"


def week_label(week: date) -> str:
    return week.strftime("%d %b")


def agreement_charts(report: ProjectAgreement) -> dict[str, SafeString]:
    """Return the agreement page's charts: F1 per reviewer pair, and agreement week by week."""
    pairs = [f"{p.a.name} · {p.b.name}" for p in report.pairs]
    return {
        "pairs": charts.grouped_bar_chart(
            pairs,
            [
                ("Exact F1", [p.tally.exact_f1 for p in report.pairs]),
                ("Overlap F1", [p.tally.overlap_f1 for p in report.pairs]),
            ],
            chart_id="agreement-pairs",
            title="Span agreement by reviewer pair",
            desc="Exact-match and overlap F1 of each pair's quote and claim spans, from 0 to 1.",
            max_value=1,
            value_format=score,
            empty="No article has been reviewed by two reviewers yet.",
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
            ("Overlap F1", [tallies[w].overlap_f1 if w in tallies else None for w in weeks]),
            ("Exact F1", [tallies[w].exact_f1 if w in tallies else None for w in weeks]),
        ],
        chart_id="agreement-weeks",
        title="Agreement over time",
        desc="Overlap and exact F1 of the reviewer pairs whose work came in each week "
        "(weeks start on Monday).",
        max_value=1,
        value_format=score,
        empty="No article has been reviewed by two reviewers yet.",
    )


def dashboard_charts(dashboard: Dashboard) -> dict[str, SafeString]:
    """Return the project dashboard's charts."""
    reviewers = dashboard.reviewers
    return {
        "status": charts.bar_chart(
            [(s["label"], s["count"]) for s in dashboard.status_counts],
            chart_id="articles-by-status",
            title="Articles by status",
            desc="How many of the project's articles are in each review status.",
        ),
        "throughput": charts.stacked_column_chart(
            [week_label(w) for w in dashboard.weeks],
            [(r.name, [r.weekly.get(w, 0) for w in dashboard.weeks]) for r in reviewers],
            chart_id="throughput",
            title="Articles submitted per week",
            desc="Articles each reviewer submitted, week by week (weeks start on Monday).",
            empty="Nobody has submitted an article yet.",
        ),
        "time": charts.bar_chart(
            [(r.name, r.active_seconds / 3600) for r in reviewers if r.active_seconds],
            chart_id="time-spent",
            title="Active time per reviewer",
            desc="Hours of active reading and annotating on this project's articles, "
            "idle gaps left out.",
            value_format=hours,
            empty="No review session has been recorded yet.",
        ),
        "verdicts": charts.grouped_bar_chart(
            [v["label"] for v in dashboard.verdicts],
            [
                ("Approved version", [v["approved"] for v in dashboard.verdicts]),
                ("Reviewers' submissions", [v["submitted"] for v in dashboard.verdicts]),
            ],
            chart_id="verdicts",
            title="Verdict distribution",
            desc="Claims per verdict, in the order of the project's rating scale: in the "
            "approved version, and as reviewers submitted them.",
        ),
        "agreement": weeks_chart(dashboard.agreement),
    }

"""Formatting for the review pages."""

from __future__ import annotations

from django import template

from workbench.review.units import TimeUnit

register = template.Library()


@register.filter
def in_unit(seconds: int | None, unit: TimeUnit) -> str:
    """Format seconds in the page's unit of time: "17 min" or "2.8 h"."""
    return unit.format(seconds)

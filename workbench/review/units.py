"""One unit of time per page: a page that shows durations shows them all in minutes or all in
hours, chosen from the largest it shows, so "17 min" never sits beside "2.8 h"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# From this much time up, a page counts in hours (one decimal); below it, in whole minutes.
HOURS_FROM = 2 * 3600


@dataclass(frozen=True)
class TimeUnit:
    symbol: str
    name: str
    seconds: int
    decimals: int

    def value(self, seconds: int | float | None) -> float:
        """Return the seconds in this unit, rounded as the page shows them."""
        return round((seconds or 0) / self.seconds, self.decimals)

    def format(self, seconds: int | float | None) -> str:
        """Return the seconds as "17 min" or "2.8 h"; a little time is "< 0.1 h", not 0."""
        value = self.value(seconds)
        if seconds and not value:
            return f"< {self.label(10**-self.decimals)}"
        return self.label(value)

    def label(self, value: float) -> str:
        """Return a value already in this unit with its symbol ("2.8 h")."""
        return f"{value:,.{self.decimals}f} {self.symbol}"


MINUTES = TimeUnit("min", "minutes", 60, 0)
HOURS = TimeUnit("h", "hours", 3600, 1)


def time_unit(seconds: Iterable[int | float | None]) -> TimeUnit:
    """Return the unit for a page showing these durations: hours from two hours up."""
    largest = max((s or 0 for s in seconds), default=0)
    return HOURS if largest >= HOURS_FROM else MINUTES

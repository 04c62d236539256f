"""What a report period counts of things that run across it: a grant's hours pro rata."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from steunpunt.domain.household_help.budget import budget_hours

TENTH = Decimal("0.1")


def days_between(first: date, last: date) -> int:
    """Days from ``first`` to ``last``, both included (0 when ``last`` comes before)."""
    return max(0, (last - first).days + 1)


def hours_in_period(
    hours_per_year: float,
    starts_on: date,
    ends_on: date,
    extended_until: date | None,
    period: tuple[date, date],
) -> Decimal:
    """The part of a grant's budget that falls in ``period``: the budget (with its extension)
    spread evenly over the grant's days, times its days in the period.

    52 hours from 1 July 2025 to 30 June 2026 (365 days) give 52 x 184 / 365 to 2025 and
    52 x 181 / 365 to 2026: together the 52 granted, never twice.
    """
    last_day = max(ends_on, extended_until or ends_on)
    days = days_between(starts_on, last_day)
    inside = days_between(max(starts_on, period[0]), min(last_day, period[1]))
    if days == 0 or inside == 0:
        return Decimal(0)
    budget = Decimal(str(budget_hours(hours_per_year, ends_on, extended_until)))
    return budget * inside / days


def to_tenths(hours: Decimal) -> Decimal:
    """Hours as printed in the report: rounded to a tenth, half up."""
    return hours.quantize(TENTH, rounding=ROUND_HALF_UP)

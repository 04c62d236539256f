"""What a report period counts of things that run across it: a grant's hours pro rata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from steunpunt.domain.support.household_help.budget import budget_hours
from steunpunt.domain.support.household_help.period import last_day_of
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules

TENTH = Decimal("0.1")


def days_between(first: date, last: date) -> int:
    """Days from ``first`` to ``last``, both included (0 when ``last`` comes before)."""
    return max(0, (last - first).days + 1)


@dataclass(frozen=True)
class GrantTerm:
    """What a grant's hours in a period are worked out from."""

    hours_per_year: Decimal | float
    starts_on: date
    ends_on: date
    extended_until: date | None = None
    stopped_on: date | None = None


def hours_in_period(
    rules: HouseholdHelpRules, term: GrantTerm, period: tuple[date, date]
) -> Decimal:
    """The part of a grant's budget that falls in ``period``: the budget (with its extension,
    as the office's rules count it) spread evenly over the grant's planned days, times its
    days in the period up to the day the help stopped.

    52 hours from 1 July 2025 to 30 June 2026 (365 days) give 52 x 184 / 365 to 2025 and
    52 x 181 / 365 to 2026: together the 52 granted, never twice.
    """
    planned_last = last_day_of(term.ends_on, term.extended_until, None)
    helped_last = last_day_of(term.ends_on, term.extended_until, term.stopped_on)
    days = days_between(term.starts_on, planned_last)
    inside = days_between(max(term.starts_on, period[0]), min(helped_last, period[1]))
    if days == 0 or inside == 0:
        return Decimal(0)
    budget = budget_hours(
        rules, term.hours_per_year, term.starts_on, term.ends_on, term.extended_until
    )
    return budget * inside / days


def to_tenths(hours: Decimal) -> Decimal:
    """Hours as printed in the report: rounded to a tenth, half up."""
    return hours.quantize(TENTH, rounding=ROUND_HALF_UP)

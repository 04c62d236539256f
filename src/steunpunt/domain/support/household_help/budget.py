"""A grant's hour budget: hours used and left, the eigen bijdrage, and what is amiss."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from steunpunt.domain.dates import MONTHS, format_date
from steunpunt.domain.support.household_help.eligibility import HouseholdHelpFacts
from steunpunt.domain.support.household_help.period import day_after, period_length, started_months
from steunpunt.domain.support.household_help.settings import (
    HOURS_STEP,
    HouseholdHelpRules,
    exact_hours,
    hours_text,
)

TENTH = Decimal("0.1")


class DeliveredMonth(NamedTuple):
    """Hours the provider delivered in one calendar month."""

    year: int
    month: int
    hours: Decimal


class RateChange(NamedTuple):
    """From the month of ``starts_on`` on, the eigen bijdrage is ``cents`` per hour."""

    starts_on: date
    cents: int


@dataclass(frozen=True)
class BudgetStatus:
    """Hours granted, used and left for one grant, the own contribution, and Dutch warnings."""

    granted_hours: Decimal
    used_hours: Decimal
    left_hours: Decimal
    """Negative when more was used than granted."""
    contribution_cents: int
    warnings: tuple[str, ...]


def extension_months(facts: HouseholdHelpFacts) -> int:
    """Whole months the extension adds after the end (0 without an extension)."""
    return _months_extended(facts.ends_on, facts.extended_until)


def _months_extended(ends_on: date, extended_until: date | None) -> int:
    if extended_until is None or extended_until <= ends_on:
        return 0
    return period_length(day_after(ends_on), extended_until)[0]


def granted_hours(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> Decimal:
    """The grant's budget; see ``budget_hours``."""
    return budget_hours(
        rules, facts.hours_per_year, facts.starts_on, facts.ends_on, facts.extended_until
    )


def budget_hours(
    rules: HouseholdHelpRules,
    hours_per_year: Decimal | float,
    starts_on: date,
    ends_on: date,
    extended_until: date | None,
) -> Decimal:
    """``hours_per_year`` for a year, plus ``hours_per_year x months / 12`` for the whole
    months of an extension. A shorter grant gets ``hours_per_year x started months / 12`` when
    the office budgets pro rata, else the whole year's hours."""
    yearly = exact_hours(hours_per_year)
    months = 12
    if rules.budget_pro_rata and ends_on >= starts_on:
        months = min(started_months(starts_on, ends_on), 12)
    months += _months_extended(ends_on, extended_until)
    if months == 12:
        return yearly
    return (yearly * months / 12).quantize(HOURS_STEP, rounding=ROUND_HALF_UP)


def _month_name(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def _days_helped(
    rules: HouseholdHelpRules, facts: HouseholdHelpFacts, year: int, month: int
) -> int:
    """Days of the month the weekly maximum counts: all, or only those within the grant."""
    days = monthrange(year, month)[1]
    if not rules.partial_month_pro_rata:
        return days
    first = max(date(year, month, 1), facts.starts_on)
    last = min(date(year, month, days), facts.last_day)
    return max((last - first).days + 1, 0)


def rate_in_force(default_cents: int, changes: Sequence[RateChange], year: int, month: int) -> int:
    """The eigen bijdrage per hour for a month's hours: the latest change up to that month."""
    cents = default_cents
    for change in sorted(changes):
        if (change.starts_on.year, change.starts_on.month) <= (year, month):
            cents = change.cents
    return cents


def budget_status(
    rules: HouseholdHelpRules,
    facts: HouseholdHelpFacts,
    delivered: Sequence[DeliveredMonth],
    rate_changes: Sequence[RateChange] = (),
) -> BudgetStatus:
    """Hours used against the grant's budget, the eigen bijdrage owed, and what is amiss.

    Warned: use beyond the budget; a month with more hours than the grant's hours per week allow
    in that month (days / 7 weeks; a grant of 0 hours per week has a yearly budget only); hours
    in a month outside the grant's period. Each month's hours cost the rate in force that month
    (``rules.own_contribution_cents`` until the first of ``rate_changes``).
    """
    per_month: dict[tuple[int, int], Decimal] = {}
    for item in delivered:
        key = (item.year, item.month)
        per_month[key] = per_month.get(key, Decimal(0)) + exact_hours(item.hours)
    used = sum(per_month.values(), Decimal(0))
    budget = granted_hours(rules, facts)
    left = budget - used
    warnings: list[str] = []
    if left < 0:
        where = "het budget met verlenging" if extension_months(facts) else "het jaarbudget"
        warnings.append(f"{hours_text(-left)} uur boven {where} van {hours_text(budget)} uur")
    first = (facts.starts_on.year, facts.starts_on.month)
    last = (facts.last_day.year, facts.last_day.month)
    weekly = exact_hours(facts.hours_per_week)
    owed = Decimal(0)
    for (year, month), hours in sorted(per_month.items()):
        owed += hours * rate_in_force(rules.own_contribution_cents, rate_changes, year, month)
        name = _month_name(year, month)
        if not first <= (year, month) <= last:
            period = f"{format_date(facts.starts_on)} t/m {format_date(facts.last_day)}"
            warnings.append(f"{name}: {hours_text(hours)} uur geleverd buiten {period}")
            continue
        days = _days_helped(rules, facts, year, month)
        allowed = (weekly * days / 7).quantize(TENTH, rounding=ROUND_HALF_UP)
        if weekly > 0 and hours > allowed:
            warnings.append(
                f"{name}: {hours_text(hours)} uur geleverd, meer dan "
                f"{hours_text(weekly)} uur per week toestaat ({hours_text(allowed)} uur)"
            )
    cents = owed.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return BudgetStatus(
        granted_hours=budget,
        used_hours=used,
        left_hours=left,
        contribution_cents=int(cents),
        warnings=tuple(warnings),
    )

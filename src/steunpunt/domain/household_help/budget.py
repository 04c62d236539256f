"""A grant's hour budget: hours used and left, the eigen bijdrage, and what is amiss."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from steunpunt.domain.compliment.eligibility import full_months
from steunpunt.domain.dates import MONTHS, format_date
from steunpunt.domain.household_help.eligibility import HouseholdHelpFacts, day_after
from steunpunt.domain.household_help.settings import HouseholdHelpRules, hours_text


class DeliveredMonth(NamedTuple):
    """Hours the provider delivered in one calendar month."""

    year: int
    month: int
    hours: float


@dataclass(frozen=True)
class BudgetStatus:
    """Hours granted, used and left for one grant, the own contribution, and Dutch warnings."""

    granted_hours: float
    used_hours: float
    left_hours: float
    """Negative when more was used than granted."""
    contribution_cents: int
    warnings: tuple[str, ...]


def extension_months(facts: HouseholdHelpFacts) -> int:
    """Whole months the extension adds after the end (0 without an extension)."""
    return _months_extended(facts.ends_on, facts.extended_until)


def _months_extended(ends_on: date, extended_until: date | None) -> int:
    if extended_until is None or extended_until <= ends_on:
        return 0
    return full_months(day_after(ends_on), day_after(extended_until))


def granted_hours(facts: HouseholdHelpFacts) -> float:
    """The grant's budget; see ``budget_hours``."""
    return budget_hours(facts.hours_per_year, facts.ends_on, facts.extended_until)


def budget_hours(hours_per_year: float, ends_on: date, extended_until: date | None) -> float:
    """``hours_per_year``, plus ``hours_per_year x months / 12`` for the whole months of an
    extension (a grant lasts at most a year plus its extension)."""
    extra = _months_extended(ends_on, extended_until)
    if extra == 0:
        return hours_per_year
    return round(hours_per_year * (12 + extra) / 12, 2)


def _month_name(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def budget_status(
    rules: HouseholdHelpRules, facts: HouseholdHelpFacts, delivered: Sequence[DeliveredMonth]
) -> BudgetStatus:
    """Hours used against the grant's budget, the eigen bijdrage owed, and what is amiss.

    Warned: use beyond the budget; a month with more hours than the grant's hours per week allow
    in that month (days / 7 weeks; a grant of 0 hours per week has a yearly budget only); hours
    in a month outside the grant's period.
    """
    per_month: dict[tuple[int, int], Decimal] = {}
    for item in delivered:
        key = (item.year, item.month)
        per_month[key] = per_month.get(key, Decimal(0)) + Decimal(str(item.hours))
    used = sum(per_month.values(), Decimal(0))
    budget = granted_hours(facts)
    left = Decimal(str(budget)) - used
    warnings: list[str] = []
    if left < 0:
        where = "het budget met verlenging" if extension_months(facts) else "het jaarbudget"
        warnings.append(
            f"{hours_text(float(-left))} uur boven {where} van {hours_text(budget)} uur"
        )
    first = (facts.starts_on.year, facts.starts_on.month)
    last = (facts.last_day.year, facts.last_day.month)
    weekly = facts.hours_per_week
    for (year, month), hours in sorted(per_month.items()):
        name = _month_name(year, month)
        if not first <= (year, month) <= last:
            period = f"{format_date(facts.starts_on)} t/m {format_date(facts.last_day)}"
            warnings.append(f"{name}: {hours_text(float(hours))} uur geleverd buiten {period}")
            continue
        allowed = round(weekly * monthrange(year, month)[1] / 7, 1)
        if weekly > 0 and hours > Decimal(str(allowed)):
            warnings.append(
                f"{name}: {hours_text(float(hours))} uur geleverd, meer dan "
                f"{hours_text(weekly)} uur per week toestaat ({hours_text(allowed)} uur)"
            )
    cents = (used * rules.own_contribution_cents).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return BudgetStatus(
        granted_hours=budget,
        used_hours=float(used),
        left_hours=float(left),
        contribution_cents=int(cents),
        warnings=tuple(warnings),
    )

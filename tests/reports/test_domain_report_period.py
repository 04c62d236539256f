"""A grant's hours pro rata to a report period, worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from steunpunt.domain.reports.period import GrantTerm, days_between, hours_in_period, to_tenths
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules

Y2025 = (date(2025, 1, 1), date(2025, 12, 31))
Y2026 = (date(2026, 1, 1), date(2026, 12, 31))
PRO_RATA = HouseholdHelpRules()
WHOLE_YEAR = replace(PRO_RATA, budget_pro_rata=False)


def test_a_grant_across_two_years_is_split_by_its_days_and_counted_once() -> None:
    term = GrantTerm(52, date(2025, 7, 1), date(2026, 6, 30))  # 184 days in 2025, 181 in 2026
    first = hours_in_period(PRO_RATA, term, Y2025)
    second = hours_in_period(PRO_RATA, term, Y2026)
    assert first == Decimal(52) * 184 / 365  # 26.21
    assert to_tenths(first) == Decimal("26.2")
    assert to_tenths(second) == Decimal("25.8")  # 52 x 181 / 365 = 25.79
    assert first + second == Decimal(52)


def test_an_extension_adds_its_months_to_the_budget_and_its_days_to_the_grant() -> None:
    # 1-1-2026 to 31-12-2026 extended to 31-3-2027: 36 x 15 / 12 = 45 hours over 455 days,
    # 365 of them in 2026: 45 x 365 / 455 = 36.10
    term = GrantTerm(36, date(2026, 1, 1), date(2026, 12, 31), date(2027, 3, 31))
    assert to_tenths(hours_in_period(PRO_RATA, term, Y2026)) == Decimal("36.1")


def test_a_stopped_grant_counts_its_days_of_help_only() -> None:
    # 52 hours for 2026 (365 days), stopped from 1 April: 31 + 28 + 31 = 90 days of help,
    # 52 x 90 / 365 = 12.82; nothing in 2027 and the days after the stop give nothing
    term = GrantTerm(52, date(2026, 1, 1), date(2026, 12, 31), stopped_on=date(2026, 4, 1))
    assert to_tenths(hours_in_period(PRO_RATA, term, Y2026)) == Decimal("12.8")
    second_half = (date(2026, 7, 1), date(2026, 12, 31))
    assert hours_in_period(PRO_RATA, term, second_half) == 0


def test_a_half_year_grant_counts_its_budget_as_the_office_does() -> None:
    # 1 January to 30 June 2026: 6 started months. Pro rata the budget is 52 x 6 / 12 = 26
    # hours, all in 2026; budgeted as a whole year it is 52.
    term = GrantTerm(52, date(2026, 1, 1), date(2026, 6, 30))
    assert hours_in_period(PRO_RATA, term, Y2026) == 26
    assert hours_in_period(WHOLE_YEAR, term, Y2026) == 52


def test_a_grant_outside_the_period_or_of_no_days_gives_nothing() -> None:
    outside = GrantTerm(52, date(2024, 1, 1), date(2024, 12, 31))
    assert hours_in_period(PRO_RATA, outside, Y2025) == 0
    backwards = GrantTerm(52, date(2025, 3, 1), date(2025, 2, 28))
    assert hours_in_period(PRO_RATA, backwards, Y2025) == 0
    assert days_between(date(2025, 1, 2), date(2025, 1, 1)) == 0
    assert days_between(date(2025, 1, 1), date(2025, 1, 1)) == 1
    # a one-day grant wholly in the period keeps its whole budget (a year's when the office
    # does not budget pro rata, one month's of 48 hours = 4 when it does)
    one_day = GrantTerm(48, date(2025, 5, 5), date(2025, 5, 5))
    assert hours_in_period(WHOLE_YEAR, one_day, Y2025) == 48
    assert hours_in_period(PRO_RATA, one_day, Y2025) == 4


def test_tenths_round_half_up() -> None:
    assert to_tenths(Decimal("0.25")) == Decimal("0.3")
    assert to_tenths(Decimal("0.24999")) == Decimal("0.2")

"""A grant's hours pro rata to a report period, worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from steunpunt.domain.report_period import days_between, hours_in_period, to_tenths

Y2025 = (date(2025, 1, 1), date(2025, 12, 31))
Y2026 = (date(2026, 1, 1), date(2026, 12, 31))


def test_a_grant_across_two_years_is_split_by_its_days_and_counted_once() -> None:
    start, end = date(2025, 7, 1), date(2026, 6, 30)  # 184 days in 2025, 181 in 2026
    first = hours_in_period(52, start, end, None, Y2025)
    second = hours_in_period(52, start, end, None, Y2026)
    assert first == Decimal(52) * 184 / 365  # 26.21
    assert to_tenths(first) == Decimal("26.2")
    assert to_tenths(second) == Decimal("25.8")  # 52 x 181 / 365 = 25.79
    assert first + second == Decimal(52)


def test_an_extension_adds_its_months_to_the_budget_and_its_days_to_the_grant() -> None:
    # 1-1-2026 to 31-12-2026 extended to 31-3-2027: 36 x 15 / 12 = 45 hours over 455 days,
    # 365 of them in 2026: 45 x 365 / 455 = 36.10
    hours = hours_in_period(36, date(2026, 1, 1), date(2026, 12, 31), date(2027, 3, 31), Y2026)
    assert to_tenths(hours) == Decimal("36.1")


def test_a_grant_outside_the_period_or_of_no_days_gives_nothing() -> None:
    assert hours_in_period(52, date(2024, 1, 1), date(2024, 12, 31), None, Y2025) == 0
    assert hours_in_period(52, date(2025, 3, 1), date(2025, 2, 28), None, Y2025) == 0
    assert days_between(date(2025, 1, 2), date(2025, 1, 1)) == 0
    assert days_between(date(2025, 1, 1), date(2025, 1, 1)) == 1
    # a one-day grant wholly in the period keeps its whole budget
    assert hours_in_period(4, date(2025, 5, 5), date(2025, 5, 5), None, Y2025) == 4


def test_tenths_round_half_up() -> None:
    assert to_tenths(Decimal("0.25")) == Decimal("0.3")
    assert to_tenths(Decimal("0.24999")) == Decimal("0.2")

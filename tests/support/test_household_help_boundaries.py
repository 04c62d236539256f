"""Household help at its boundaries (found by mutation testing), each outcome worked by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from steunpunt.domain.support.household_help.budget import (
    DeliveredMonth,
    budget_status,
    granted_hours,
)
from steunpunt.domain.support.household_help.eligibility import (
    HouseholdHelpFacts,
    OtherGrant,
    evaluate,
)
from steunpunt.domain.support.household_help.period import last_day_of, months_text, year_from
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from tests.support.test_household_help_scenarios import FACTS, HOUSEHOLD, RULES

S = HouseholdHelpStatus


def explained(
    rule: str, facts: HouseholdHelpFacts = FACTS, rules: HouseholdHelpRules = RULES
) -> tuple[bool, str]:
    verdict = evaluate(rules, facts)
    (found,) = [result for result in verdict.results if result.rule == rule]
    return found.passed, found.explanation


# Lengths of a period.


def test_month_lengths_in_words() -> None:
    # 1 to 28 February 2026: exactly one month.
    assert months_text(date(2026, 2, 1), date(2026, 2, 28)) == "1 maand"
    # 31 January to 28 February: February is too short for the 31st, so one month too.
    assert months_text(date(2026, 1, 31), date(2026, 2, 28)) == "1 maand"
    # 20 January to 10 February: 22 days, not yet a month.
    assert months_text(date(2026, 1, 20), date(2026, 2, 10)) == "minder dan een maand"
    # 1 January to 15 February: one month and 15 days.
    assert months_text(date(2026, 1, 1), date(2026, 2, 15)) == "ruim 1 maand"


def test_a_year_of_help_ends_the_day_before_its_anniversary() -> None:
    assert year_from(date(2026, 11, 22)) == date(2027, 11, 21)
    assert year_from(date(2028, 2, 29)) == date(2029, 2, 28)  # no 29 February in 2029
    assert year_from(date(2026, 1, 1)) == date(2026, 12, 31)


def test_the_last_day_of_help_with_a_stop_date() -> None:
    end = date(2026, 12, 31)
    # Stopped per 31 December, the planned last day: the last day with help is 30 December.
    assert last_day_of(date(2026, 12, 31), None, end) == date(2026, 12, 30)
    # Stopped per 1 July: help until 30 June.
    assert last_day_of(end, None, date(2026, 7, 1)) == date(2026, 6, 30)
    # A stop after the end changes nothing; an extension moves the end.
    assert last_day_of(end, None, date(2027, 3, 1)) == end
    assert last_day_of(end, date(2027, 3, 31), None) == date(2027, 3, 31)


# Duration and extension.


def test_a_one_day_grant_is_a_period() -> None:
    one_day = replace(FACTS, ends_on=date(2026, 1, 1))
    assert explained("duur", one_day) == (
        True,
        "voldoet: 01-01-2026 t/m 01-01-2026, minder dan een maand, maximaal 12",
    )
    # 52 hours a year x 1 started month / 12 = 4.333, to the hundredth 4.33.
    assert granted_hours(RULES, one_day) == Decimal("4.33")


def test_no_extension_is_possible_when_the_office_allows_none() -> None:
    # Half a year, extended by three months: within 12 months, but extensions are 0 months.
    facts = replace(FACTS, ends_on=date(2026, 6, 30), extended_until=date(2026, 9, 30))
    assert explained("duur", facts, replace(RULES, extension_months=0)) == (
        False,
        "voldoet niet: verlengd tot 30-09-2026, maar verlengen is niet mogelijk",
    )


def test_an_extension_of_one_month_where_one_is_allowed() -> None:
    facts = replace(FACTS, extended_until=date(2027, 1, 31))
    passed, text = explained("duur", facts, replace(RULES, extension_months=1))
    assert passed and text.endswith("13 maanden, maximaal 13 (12 + 1 verlenging)")


def test_an_extension_to_the_end_itself_is_no_extension() -> None:
    facts = replace(FACTS, extended_until=date(2026, 12, 31))
    assert explained("duur", facts) == (
        False,
        "voldoet niet: verlenging tot 31-12-2026 ligt niet na de einddatum 31-12-2026",
    )


# Other grants: one day of overlap is overlap.


def test_one_shared_day_is_a_clash() -> None:
    # Another caregiver (no name known) had help on 1 January only: that day is shared.
    one_day = OtherGrant(5, 11, "", HOUSEHOLD, date(2026, 1, 1), date(2026, 1, 1), S.ENDED)
    assert explained("een_per_huishouden", replace(FACTS, other_grants=(one_day,))) == (
        False,
        "voldoet niet: een andere mantelzorger heeft al hulp op dit adres van 01-01-2026 t/m "
        "01-01-2026",
    )
    day_before = one_day._replace(starts_on=date(2025, 12, 31), ends_on=date(2025, 12, 31))
    assert explained("een_per_huishouden", replace(FACTS, other_grants=(day_before,)))[0]
    # This request of one day, the other's help all year: a clash as well.
    own_day = replace(FACTS, ends_on=date(2026, 6, 1), starts_on=date(2026, 6, 1))
    whole = one_day._replace(ends_on=date(2026, 12, 31))
    assert not explained("een_per_huishouden", replace(own_day, other_grants=(whole,)))[0]


def test_the_caregivers_own_overlapping_grants_are_named() -> None:
    first = OtherGrant(5, 10, "Jan", HOUSEHOLD, date(2025, 7, 1), date(2026, 2, 28), S.ENDED)
    second = OtherGrant(6, 10, "Jan", HOUSEHOLD, date(2026, 11, 1), date(2027, 10, 31), S.GRANTED)
    facts = replace(FACTS, other_grants=(first, second))
    assert explained("een_tegelijk", facts) == (
        False,
        "voldoet niet: mantelzorger heeft in deze periode al hulp van 01-07-2025 t/m "
        "28-02-2026, 01-11-2026 t/m 31-10-2027",
    )
    assert explained("een_tegelijk") == (
        True,
        "voldoet: geen andere hulp voor de mantelzorger in deze periode",
    )
    third = second._replace(grant_id=7, starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 31))
    assert explained("een_per_jaar", replace(FACTS, other_grants=(third, second)))[1] == (
        "voldoet niet: mantelzorger heeft in 2026 al hulp van 01-03-2026 t/m 31-03-2026, "
        "01-11-2026 t/m 31-10-2027"
    )


# The budget.


def test_a_budget_rounds_half_up_to_the_hundredth() -> None:
    # 37.5 hours a year x 1 month / 12 = 3.125: half up to 3.13.
    month = replace(FACTS, ends_on=date(2026, 1, 31), hours_per_year=Decimal("37.5"))
    assert granted_hours(RULES, month) == Decimal("3.13")


def test_a_period_of_more_than_twelve_months_gets_no_more_than_a_year() -> None:
    # 1 January 2026 - 15 January 2027 is 13 started months; the budget stays a year's, 52.
    long = replace(FACTS, ends_on=date(2027, 1, 15))
    assert granted_hours(RULES, long) == 52


def test_hours_outside_the_period_do_not_stop_the_checks_of_later_months() -> None:
    delivered = [DeliveredMonth(2025, 12, Decimal(4)), DeliveredMonth(2026, 3, Decimal(16))]
    status = budget_status(RULES, FACTS, delivered)
    # March: 3 x 31 / 7 = 13.29, shown as 13,3; 16 is more. Both months cost € 7,50 an hour:
    # 20 h x 750 = 15,000 cents.
    assert status.warnings == (
        "december 2025: 4 uur geleverd buiten 01-01-2026 t/m 31-12-2026",
        "maart 2026: 16 uur geleverd, meer dan 3 uur per week toestaat (13,3 uur)",
    )
    assert status.contribution_cents == 15000


def test_less_than_an_hour_a_week_is_a_weekly_maximum_too() -> None:
    small = replace(FACTS, hours_per_week=Decimal("0.75"), hours_per_year=Decimal(36))
    # April: 0.75 x 30 / 7 = 3.21, shown as 3,2; 10 hours is more.
    status = budget_status(RULES, small, [DeliveredMonth(2026, 4, Decimal(10))])
    assert status.warnings == (
        "april 2026: 10 uur geleverd, meer dan 0,75 uur per week toestaat (3,2 uur)",
    )


def test_the_weekly_maximum_of_a_part_month_rounds_half_up() -> None:
    # From 11 January: 21 days, 1.75 x 21 / 7 = 5.25, half up 5.3: 5.25 hours are allowed.
    late = replace(
        FACTS,
        starts_on=date(2026, 1, 11),
        ends_on=date(2027, 1, 10),
        hours_per_week=Decimal("1.75"),
    )
    assert budget_status(RULES, late, [DeliveredMonth(2026, 1, Decimal("5.25"))]).warnings == ()
    assert budget_status(RULES, late, [DeliveredMonth(2026, 1, Decimal("5.31"))]).warnings == (
        "januari 2026: 5,31 uur geleverd, meer dan 1,75 uur per week toestaat (5,3 uur)",
    )

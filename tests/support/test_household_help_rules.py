"""Household help for the caregiver: rule by rule and per office setting, with the Dutch reasons."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.rule_engine import RuleResult
from steunpunt.domain.support.household_help.budget import (
    BudgetStatus,
    DeliveredMonth,
    budget_status,
    granted_hours,
)
from steunpunt.domain.support.household_help.eligibility import (
    RULES,
    HouseholdHelpFacts,
    HouseholdHelpVerdict,
    OtherGrant,
    evaluate,
)
from steunpunt.domain.support.household_help.settings import (
    HouseholdHelpRules,
    check_rules,
    hours_text,
    rules_from_json,
    rules_to_json,
)
from steunpunt.domain.support.household_help.status import (
    HouseholdHelpStatus,
    allowed_next,
    check_transition,
)

RULES_DEFAULT = HouseholdHelpRules()
HOUSEHOLD = "3761 AB|12|"

FACTS = HouseholdHelpFacts(
    grant_id=None,
    caregiver_id=10,
    household_key=HOUSEHOLD,
    starts_on=date(2026, 1, 1),
    ends_on=date(2026, 12, 31),
    extended_until=None,
    hours_per_week=3,
    hours_per_year=52,
    caregiver_overloaded=None,
    household_has_wmo_help=False,
)

RULE_CODES = (
    "uren_per_week",
    "uren_per_jaar",
    "duur",
    "overbelast",
    "wmo",
    "een_per_huishouden",
    "een_tegelijk",
    "een_per_jaar",
)

S = HouseholdHelpStatus


def other(
    *,
    grant_id: int = 99,
    caregiver_id: int = 11,
    name: str = "Jan de Vries",
    household: str = HOUSEHOLD,
    starts_on: date = date(2026, 1, 1),
    ends_on: date = date(2026, 12, 31),
    status: HouseholdHelpStatus = S.RUNNING,
) -> OtherGrant:
    return OtherGrant(grant_id, caregiver_id, name, household, starts_on, ends_on, status)


def result(verdict: HouseholdHelpVerdict, rule: str) -> RuleResult:
    (found,) = [item for item in verdict.results if item.rule == rule]
    return found


def check(rule: str, rules: dict[str, Any], facts: dict[str, Any]) -> RuleResult:
    return result(evaluate(replace(RULES_DEFAULT, **rules), replace(FACTS, **facts)), rule)


def test_the_base_request_passes_every_rule_in_a_stable_order() -> None:
    verdict = evaluate(RULES_DEFAULT, FACTS)
    assert tuple(item.rule for item in verdict.results) == RULE_CODES
    assert tuple(rule.code for rule in RULES) == RULE_CODES
    assert verdict.eligible
    assert verdict.failures == ()


def test_a_failing_rule_makes_the_verdict_ineligible_and_is_listed() -> None:
    verdict = evaluate(RULES_DEFAULT, replace(FACTS, hours_per_week=4, household_has_wmo_help=True))
    assert not verdict.eligible
    assert [item.rule for item in verdict.failures] == ["uren_per_week", "wmo"]
    assert all(item.explanation.startswith("voldoet niet: ") for item in verdict.failures)


RULE_TABLE: list[tuple[str, dict[str, Any], dict[str, Any], bool, str]] = [
    # Hours per week, the maximum included; decimal commas.
    ("uren_per_week", {}, {}, True, "voldoet: 3 uur per week, maximaal 3"),
    ("uren_per_week", {}, {"hours_per_week": 2.5}, True, "voldoet: 2,5 uur per week, maximaal 3"),
    (
        "uren_per_week",
        {},
        {"hours_per_week": 3.5},
        False,
        "voldoet niet: 3,5 uur per week, maximaal 3",
    ),
    (
        "uren_per_week",
        {"max_hours_per_week": 1.5},
        {"hours_per_week": 2},
        False,
        "voldoet niet: 2 uur per week, maximaal 1,5",
    ),
    # Hours per year.
    ("uren_per_jaar", {}, {}, True, "voldoet: 52 uur per jaar, maximaal 52"),
    (
        "uren_per_jaar",
        {},
        {"hours_per_year": 60},
        False,
        "voldoet niet: 60 uur per jaar, maximaal 52",
    ),
    (
        "uren_per_jaar",
        {"max_hours_per_year": 36},
        {"hours_per_year": 40},
        False,
        "voldoet niet: 40 uur per jaar, maximaal 36",
    ),
    # Duration: 1 January to 31 December is exactly 12 months; a started month counts.
    ("duur", {}, {}, True, "voldoet: 01-01-2026 t/m 31-12-2026, 12 maanden, maximaal 12"),
    (
        "duur",
        {},
        {"starts_on": date(2026, 3, 15), "ends_on": date(2027, 3, 14)},
        True,
        "voldoet: 15-03-2026 t/m 14-03-2027, 12 maanden, maximaal 12",
    ),
    (
        "duur",
        {},
        {"ends_on": date(2026, 6, 15)},
        True,
        "voldoet: 01-01-2026 t/m 15-06-2026, ruim 5 maanden, maximaal 12",
    ),
    (
        "duur",
        {},
        {"ends_on": date(2026, 1, 10)},
        True,
        "voldoet: 01-01-2026 t/m 10-01-2026, minder dan een maand, maximaal 12",
    ),
    (
        "duur",
        {},
        {"ends_on": date(2027, 1, 1)},
        False,
        "voldoet niet: 01-01-2026 t/m 01-01-2027, ruim 12 maanden, maximaal 12",
    ),
    (
        "duur",
        {"max_months": 6},
        {},
        False,
        "voldoet niet: 01-01-2026 t/m 31-12-2026, 12 maanden, maximaal 6",
    ),
    (
        "duur",
        {},
        {"starts_on": date(2026, 2, 1), "ends_on": date(2026, 1, 1)},
        False,
        "voldoet niet: einddatum 01-01-2026 ligt voor de begindatum 01-02-2026",
    ),
    # Extension: within the limit, at the limit, beyond it, not allowed, not after the end.
    (
        "duur",
        {},
        {"extended_until": date(2027, 3, 31)},
        True,
        "voldoet: 01-01-2026 t/m 31-03-2027 met verlenging, 15 maanden, maximaal 18 "
        "(12 + 6 verlenging)",
    ),
    (
        "duur",
        {},
        {"extended_until": date(2027, 6, 30)},
        True,
        "voldoet: 01-01-2026 t/m 30-06-2027 met verlenging, 18 maanden, maximaal 18 "
        "(12 + 6 verlenging)",
    ),
    (
        "duur",
        {},
        {"extended_until": date(2027, 7, 1)},
        False,
        "voldoet niet: 01-01-2026 t/m 01-07-2027 met verlenging, ruim 18 maanden, maximaal 18 "
        "(12 + 6 verlenging)",
    ),
    (
        "duur",
        {"extension_months": 0},
        {"extended_until": date(2027, 3, 31)},
        False,
        "voldoet niet: verlengd tot 31-03-2027, maar verlengen is niet mogelijk",
    ),
    (
        "duur",
        {},
        {"extended_until": date(2026, 11, 30)},
        False,
        "voldoet niet: verlenging tot 30-11-2026 ligt niet na de einddatum 31-12-2026",
    ),
    (
        "duur",
        {},
        {"ends_on": date(2027, 2, 28), "extended_until": date(2027, 3, 31)},
        False,
        "voldoet niet: 01-01-2026 t/m 28-02-2027, 14 maanden, maximaal 12",
    ),
    # Overload (EDIZ): only a condition when the office sets it; unknown then fails.
    ("overbelast", {}, {}, True, "voldoet: geen voorwaarde voor overbelasting"),
    (
        "overbelast",
        {},
        {"caregiver_overloaded": False},
        True,
        "voldoet: geen voorwaarde voor overbelasting",
    ),
    (
        "overbelast",
        {"only_overloaded": True},
        {"caregiver_overloaded": True},
        True,
        "voldoet: mantelzorger is overbelast volgens de EDIZ",
    ),
    (
        "overbelast",
        {"only_overloaded": True},
        {"caregiver_overloaded": False},
        False,
        "voldoet niet: mantelzorger is niet overbelast volgens de EDIZ, "
        "de hulp is alleen voor overbelaste mantelzorgers",
    ),
    (
        "overbelast",
        {"only_overloaded": True},
        {"caregiver_overloaded": None},
        False,
        "voldoet niet: geen EDIZ-meting bekend, de hulp is alleen voor overbelaste mantelzorgers",
    ),
    # Wmo household help.
    ("wmo", {}, {}, True, "voldoet: het huishouden heeft geen huishoudelijke hulp uit de Wmo"),
    (
        "wmo",
        {},
        {"household_has_wmo_help": True},
        False,
        "voldoet niet: het huishouden heeft al huishoudelijke hulp uit de Wmo",
    ),
    (
        "wmo",
        {"no_wmo_household_help": False},
        {"household_has_wmo_help": True},
        True,
        "voldoet: huishoudelijke hulp uit de Wmo is geen bezwaar",
    ),
    # One caregiver per household at a time.
    (
        "een_per_huishouden",
        {},
        {},
        True,
        "voldoet: geen andere mantelzorger met hulp op dit adres in deze periode",
    ),
    (
        "een_per_huishouden",
        {},
        {"other_grants": (other(),)},
        False,
        "voldoet niet: Jan de Vries heeft al hulp op dit adres van 01-01-2026 t/m 31-12-2026",
    ),
    (
        "een_per_huishouden",
        {},
        {"other_grants": (other(household=" 3761 ab|12| "),)},
        False,
        "voldoet niet: Jan de Vries heeft al hulp op dit adres van 01-01-2026 t/m 31-12-2026",
    ),
    (
        "een_per_huishouden",
        {},
        {"other_grants": (other(starts_on=date(2025, 6, 1), ends_on=date(2026, 1, 1)),)},
        False,
        "voldoet niet: Jan de Vries heeft al hulp op dit adres van 01-06-2025 t/m 01-01-2026",
    ),
    (
        "een_per_huishouden",
        {},
        {
            "other_grants": (
                other(name="Jan de Vries", ends_on=date(2026, 3, 31)),
                other(grant_id=98, caregiver_id=12, name="Ayşe Yılmaz"),
            )
        },
        False,
        "voldoet niet: Jan de Vries heeft al hulp op dit adres van 01-01-2026 t/m 31-03-2026; "
        "Ayşe Yılmaz heeft al hulp op dit adres van 01-01-2026 t/m 31-12-2026",
    ),
    (
        "een_per_huishouden",
        {},
        {"other_grants": (other(starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)),)},
        True,
        "voldoet: geen andere mantelzorger met hulp op dit adres in deze periode",
    ),
    (
        "een_per_huishouden",
        {},
        {"other_grants": (other(starts_on=date(2026, 12, 31), ends_on=date(2027, 6, 30)),)},
        False,
        "voldoet niet: Jan de Vries heeft al hulp op dit adres van 31-12-2026 t/m 30-06-2027",
    ),
    (
        "een_per_huishouden",
        {},
        {"other_grants": (other(starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 30)),)},
        True,
        "voldoet: geen andere mantelzorger met hulp op dit adres in deze periode",
    ),
    (
        "een_per_huishouden",
        {},
        {"other_grants": (other(household="3761 AB|14|"),)},
        True,
        "voldoet: geen andere mantelzorger met hulp op dit adres in deze periode",
    ),
    (
        "een_per_huishouden",
        {},
        {"other_grants": (other(status=S.REFUSED),)},
        True,
        "voldoet: geen andere mantelzorger met hulp op dit adres in deze periode",
    ),
    (
        "een_per_huishouden",
        {},
        {"household_key": "", "other_grants": (other(household=""),)},
        True,
        "voldoet: geen andere mantelzorger met hulp op dit adres in deze periode",
    ),
    (
        # The extension counts: help until June 2027 overlaps a grant starting in 2027.
        "een_per_huishouden",
        {},
        {
            "extended_until": date(2027, 6, 30),
            "other_grants": (other(starts_on=date(2027, 3, 1), ends_on=date(2028, 2, 29)),),
        },
        False,
        "voldoet niet: Jan de Vries heeft al hulp op dit adres van 01-03-2027 t/m 29-02-2028",
    ),
    (
        "een_per_huishouden",
        {"one_caregiver_per_household": False},
        {"other_grants": (other(),)},
        True,
        "voldoet: meer mantelzorgers per huishouden toegestaan",
    ),
    # One grant per caregiver per calendar year of the start.
    ("een_per_jaar", {}, {}, True, "voldoet: geen andere hulp voor de mantelzorger in 2026"),
    (
        "een_per_jaar",
        {},
        {"other_grants": (other(caregiver_id=10, household="1234 AB|1|"),)},
        False,
        "voldoet niet: mantelzorger heeft in 2026 al hulp van 01-01-2026 t/m 31-12-2026",
    ),
    (
        "een_per_jaar",
        {},
        {
            "other_grants": (
                other(caregiver_id=10, starts_on=date(2025, 12, 1), ends_on=date(2026, 11, 30)),
            )
        },
        True,
        "voldoet: geen andere hulp voor de mantelzorger in 2026",
    ),
    (
        "een_per_jaar",
        {},
        {"other_grants": (other(caregiver_id=10, status=S.REFUSED),)},
        True,
        "voldoet: geen andere hulp voor de mantelzorger in 2026",
    ),
    (
        # The request itself (stored, e.g. after a bezwaar) is not another grant.
        "een_per_jaar",
        {},
        {"grant_id": 99, "other_grants": (other(caregiver_id=10),)},
        True,
        "voldoet: geen andere hulp voor de mantelzorger in 2026",
    ),
    (
        "een_per_jaar",
        {"one_grant_per_year": False},
        {"other_grants": (other(caregiver_id=10),)},
        True,
        "voldoet: meer aanvragen per jaar toegestaan",
    ),
]


@pytest.mark.parametrize(("rule", "rules", "facts", "passed", "explanation"), RULE_TABLE)
def test_each_rule_holds_or_fails_with_its_reason(
    rule: str, rules: dict[str, Any], facts: dict[str, Any], passed: bool, explanation: str
) -> None:
    assert check(rule, rules, facts) == RuleResult(rule, passed, explanation)


@pytest.mark.parametrize(("rule", "rules", "facts", "passed", "explanation"), RULE_TABLE)
def test_the_verdict_agrees_with_the_explained_rules(
    rule: str, rules: dict[str, Any], facts: dict[str, Any], passed: bool, explanation: str
) -> None:
    verdict = evaluate(replace(RULES_DEFAULT, **rules), replace(FACTS, **facts))
    assert verdict.eligible == all(item.passed for item in verdict.results)
    assert (rule in {item.rule for item in verdict.failures}) is not passed


def test_one_caregiver_per_household_does_not_count_the_caregivers_own_grant() -> None:
    verdict = evaluate(RULES_DEFAULT, replace(FACTS, other_grants=(other(caregiver_id=10),)))
    assert result(verdict, "een_per_huishouden").passed
    assert not result(verdict, "een_per_jaar").passed


# Statuses.

ALLOWED = [
    (S.REQUESTED, S.GRANTED),
    (S.REQUESTED, S.REFUSED),
    (S.GRANTED, S.RUNNING),
    (S.GRANTED, S.ENDED),
    (S.RUNNING, S.ENDED),
    (S.REFUSED, S.REQUESTED),
]


@pytest.mark.parametrize(("current", "new"), ALLOWED)
def test_allowed_status_changes(current: HouseholdHelpStatus, new: HouseholdHelpStatus) -> None:
    check_transition(current, new)
    assert new in allowed_next(current)


@pytest.mark.parametrize(
    ("current", "new"),
    [(current, new) for current in S for new in S if (current, new) not in ALLOWED],
)
def test_every_other_status_change_is_refused(
    current: HouseholdHelpStatus, new: HouseholdHelpStatus
) -> None:
    with pytest.raises(InvalidValue) as raised:
        check_transition(current, new)
    assert raised.value.message == (
        f"Huishoudelijke hulp met status '{current.label.lower()}' kan niet naar "
        f"'{new.label.lower()}'."
    )


def test_an_ended_grant_changes_no_more_with_a_dutch_message() -> None:
    assert allowed_next(S.ENDED) == frozenset()
    with pytest.raises(InvalidValue, match="status 'beëindigd' kan niet naar 'lopend'"):
        check_transition(S.ENDED, S.RUNNING)


def test_status_codes_and_labels() -> None:
    assert {status.value: status.label for status in S} == {
        "aangevraagd": "Aangevraagd",
        "toegekend": "Toegekend",
        "lopend": "Lopend",
        "beeindigd": "Beëindigd",
        "afgewezen": "Afgewezen",
    }


# Settings.


def test_the_defaults_follow_the_domain() -> None:
    assert asdict(RULES_DEFAULT) == {
        "max_hours_per_week": 3.0,
        "max_hours_per_year": 52.0,
        "max_months": 12,
        "extension_months": 6,
        "own_contribution_cents": 750,
        "only_overloaded": False,
        "no_wmo_household_help": True,
        "one_caregiver_per_household": True,
        "one_grant_per_year": True,
        "budget_pro_rata": True,
        "partial_month_pro_rata": True,
        "earlier_request_counts": True,
    }


def test_rules_survive_a_json_round_trip() -> None:
    rules = HouseholdHelpRules(
        max_hours_per_week=1.5,
        max_hours_per_year=36,
        max_months=6,
        extension_months=0,
        own_contribution_cents=1000,
        only_overloaded=True,
        no_wmo_household_help=False,
        one_caregiver_per_household=False,
        one_grant_per_year=False,
    )
    assert rules_from_json(rules_to_json(rules)) == rules


@pytest.mark.parametrize(
    "text",
    ["", "{", "not json", "[1, 2]", "null", "42", '"text"', "[" * 100_000],
)
def test_broken_json_gives_the_defaults(text: str) -> None:
    assert rules_from_json(text) == RULES_DEFAULT


def test_missing_unknown_and_mistyped_settings_fall_back_one_by_one() -> None:
    text = (
        '{"max_hours_per_week": 4, "max_hours_per_year": "52", "max_months": 9.5,'
        ' "extension_months": true, "own_contribution_cents": 500, "only_overloaded": 1,'
        ' "no_wmo_household_help": false, "one_grant_per_year": null, "retired_setting": 3,'
        ' "one_caregiver_per_household": NaN}'
    )
    rules = rules_from_json(text)
    assert rules == replace(
        RULES_DEFAULT,
        max_hours_per_week=4.0,
        own_contribution_cents=500,
        no_wmo_household_help=False,
    )
    assert isinstance(rules.max_hours_per_week, float)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1" + "0" * 400, "true"])
def test_a_weekly_maximum_that_is_no_finite_number_falls_back(number: str) -> None:
    assert rules_from_json(f'{{"max_hours_per_week": {number}}}') == RULES_DEFAULT


YEARLY_RANGE = "Vul een maximum per jaar van 0 tot en met 8784 uur in (de uren van een jaar)."
MONTHS_RANGE = "De hulp duurt 1 tot en met 120 maanden."
EXTENSION_RANGE = "Een verlenging is 0 tot en met 120 maanden; 0 is geen verlenging."
CONTRIBUTION_RANGE = "De eigen bijdrage per uur is van € 0 tot en met € 500."


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({}, {}),
        ({"max_hours_per_week": 40, "max_hours_per_year": 2080}, {}),
        ({"extension_months": 0, "own_contribution_cents": 0}, {}),
        (
            {"max_hours_per_week": 0},
            {"max_hours_per_week": "Vul een maximum per week van meer dan 0 uur in."},
        ),
        (
            {"max_hours_per_week": -1, "max_hours_per_year": -5},
            {
                "max_hours_per_week": "Vul een maximum per week van meer dan 0 uur in.",
                "max_hours_per_year": YEARLY_RANGE,
            },
        ),
        (
            {"max_hours_per_week": 40.5, "max_hours_per_year": 2500},
            {"max_hours_per_week": "Hoogstens 40 uur per week, een volle werkweek."},
        ),
        (
            {"max_hours_per_week": 4, "max_hours_per_year": 3.5},
            {"max_hours_per_year": "Het maximum per jaar is kleiner dan het maximum per week."},
        ),
        ({"max_hours_per_year": 9000}, {"max_hours_per_year": YEARLY_RANGE}),
        ({"max_months": 0}, {"max_months": MONTHS_RANGE}),
        ({"max_months": 121}, {"max_months": MONTHS_RANGE}),
        ({"extension_months": -1}, {"extension_months": EXTENSION_RANGE}),
        ({"extension_months": 10**6}, {"extension_months": EXTENSION_RANGE}),
        ({"own_contribution_cents": -750}, {"own_contribution_cents": CONTRIBUTION_RANGE}),
        ({"own_contribution_cents": 10**23}, {"own_contribution_cents": CONTRIBUTION_RANGE}),
        (
            {"max_hours_per_week": float("nan"), "max_hours_per_year": float("inf")},
            {
                "max_hours_per_week": "Vul een maximum per week van meer dan 0 uur in.",
                "max_hours_per_year": YEARLY_RANGE,
            },
        ),
    ],
)
def test_check_rules_names_each_impossible_setting(
    changes: dict[str, Any], errors: dict[str, str]
) -> None:
    assert check_rules(replace(RULES_DEFAULT, **changes)) == errors


@pytest.mark.parametrize(
    ("value", "text"),
    [(3, "3"), (3.0, "3"), (2.5, "2,5"), (13.3, "13,3"), (13.25, "13,25"), (0, "0")],
)
def test_hours_text_writes_decimal_commas(value: float, text: str) -> None:
    assert hours_text(value) == text


# Hour budget.


def months(*hours: float, year: int = 2026) -> list[DeliveredMonth]:
    """Hours from January on."""
    return [DeliveredMonth(year, number, value) for number, value in enumerate(hours, start=1)]


def test_under_budget_counts_hours_and_the_own_contribution() -> None:
    status = budget_status(RULES_DEFAULT, FACTS, months(12, 10.5, 12.5))
    assert status == BudgetStatus(
        granted_hours=52,
        used_hours=35,
        left_hours=17,
        contribution_cents=35 * 750,
        warnings=(),
    )


def test_nothing_delivered_yet() -> None:
    assert budget_status(RULES_DEFAULT, FACTS, []) == BudgetStatus(52, 0, 52, 0, ())


def test_over_the_yearly_budget_warns_and_leaves_negative_hours() -> None:
    status = budget_status(RULES_DEFAULT, FACTS, months(12, 12, 12, 12, 12, 4))
    assert status.used_hours == 64
    assert status.left_hours == -12
    assert status.warnings == ("12 uur boven het jaarbudget van 52 uur",)


def test_a_month_over_the_weekly_maximum_is_named() -> None:
    delivered = [DeliveredMonth(2026, 3, 16), DeliveredMonth(2026, 2, 12)]
    status = budget_status(RULES_DEFAULT, FACTS, delivered)
    # March: 3 x 31 / 7 = 13.29 hours allowed; February: 3 x 28 / 7 = 12, exactly used.
    assert status.warnings == (
        "maart 2026: 16 uur geleverd, meer dan 3 uur per week toestaat (13,3 uur)",
    )


def test_hours_of_one_month_entered_twice_are_added_up() -> None:
    delivered = [DeliveredMonth(2026, 4, 7), DeliveredMonth(2026, 4, 6.5)]
    status = budget_status(RULES_DEFAULT, FACTS, delivered)
    assert status.used_hours == 13.5
    assert status.warnings == (
        "april 2026: 13,5 uur geleverd, meer dan 3 uur per week toestaat (12,9 uur)",
    )


def test_a_grant_without_weekly_hours_has_a_yearly_budget_only() -> None:
    facts = replace(FACTS, hours_per_week=0)
    assert budget_status(RULES_DEFAULT, facts, [DeliveredMonth(2026, 3, 30)]).warnings == ()


def test_hours_outside_the_grant_period_are_counted_and_named() -> None:
    status = budget_status(RULES_DEFAULT, FACTS, [DeliveredMonth(2027, 1, 4)])
    assert status.used_hours == 4
    assert status.warnings == ("januari 2027: 4 uur geleverd buiten 01-01-2026 t/m 31-12-2026",)


@pytest.mark.parametrize(
    ("hours", "cents_per_hour", "used", "cents"),
    [
        ((2.5,), 750, "2.5", 1875),
        ((0.1,), 745, "0.1", 75),  # 74.5 cents rounds half up
        ((0.1, 0.2), 1000, "0.3", 300),  # no float noise: 0.1 + 0.2 is 0.3
        ((1.25, 2), 999, "3.25", 3247),  # 3246.75 cents
        ((), 750, "0", 0),
        ((10,), 0, "10", 0),
    ],
)
def test_own_contribution_in_whole_cents(
    hours: tuple[float, ...], cents_per_hour: int, used: str, cents: int
) -> None:
    rules = replace(RULES_DEFAULT, own_contribution_cents=cents_per_hour)
    status = budget_status(rules, FACTS, months(*hours))
    assert (status.used_hours, status.contribution_cents) == (Decimal(used), cents)


def test_an_extension_adds_its_months_pro_rata_to_the_budget() -> None:
    extended = replace(FACTS, extended_until=date(2027, 6, 30))
    assert granted_hours(RULES_DEFAULT, FACTS) == 52
    assert granted_hours(RULES_DEFAULT, extended) == 78
    # 52 + 52 x 4 / 12 = 69.333..., to the hundredth 69.33.
    until_may = replace(FACTS, extended_until=date(2027, 5, 15))
    assert granted_hours(RULES_DEFAULT, until_may) == Decimal("69.33")
    delivered = [DeliveredMonth(2026, month, 7) for month in range(1, 13)]
    status = budget_status(RULES_DEFAULT, extended, delivered)
    assert (status.granted_hours, status.used_hours, status.left_hours) == (78, 84, -6)
    assert status.warnings == ("6 uur boven het budget met verlenging van 78 uur",)
    assert budget_status(RULES_DEFAULT, extended, [DeliveredMonth(2027, 6, 3)]).warnings == ()

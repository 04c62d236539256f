"""The compliment's eligibility rules, rule by rule and per gemeente variant, with their Dutch reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.compliment.eligibility import (
    RULES,
    Verdict,
    amount_for,
    evaluate,
    full_months,
)
from steunpunt.domain.compliment.facts import ApplicationFacts
from steunpunt.domain.compliment.round_rules import (
    Applicant,
    CompensationForm,
    Residence,
    RoundRules,
)
from steunpunt.domain.rule_engine import RuleResult

ROUND = RoundRules(
    year=2026,
    municipality="Soest",
    opens_on=date(2026, 5, 1),
    closes_on=date(2026, 10, 15),
)

FACTS = ApplicationFacts(
    application_id=1,
    caregiver_id=10,
    care_recipient_id=20,
    received_on=date(2026, 5, 3),
    caregiver_birth_date=date(1960, 2, 1),
    caregiver_municipality="Amersfoort",
    caregiver_place="Amersfoort",
    recipient_municipality="Soest",
    recipient_place="Soest",
    hours_per_week=12,
    care_since=date(2025, 1, 1),
    recipient_in_wlz_institution=False,
    caregiver_registration_ended=False,
)

RULE_CODES = (
    "aanvraagperiode",
    "aanvrager",
    "uren",
    "duur",
    "woonplaats",
    "leeftijd",
    "wlz",
    "inschrijving",
)


def result(verdict: Verdict, rule: str) -> RuleResult:
    (found,) = [item for item in verdict.results if item.rule == rule]
    return found


def check(rule: str, rules: dict[str, Any], facts: dict[str, Any]) -> RuleResult:
    return result(evaluate(replace(ROUND, **rules), replace(FACTS, **facts)), rule)


def test_the_base_application_passes_every_rule_in_a_stable_order() -> None:
    verdict = evaluate(ROUND, FACTS)
    assert tuple(item.rule for item in verdict.results) == RULE_CODES
    assert verdict.eligible
    assert verdict.failures == ()


def test_a_failing_rule_makes_the_verdict_ineligible_and_is_listed() -> None:
    verdict = evaluate(ROUND, replace(FACTS, hours_per_week=6, caregiver_registration_ended=True))
    assert not verdict.eligible
    assert [item.rule for item in verdict.failures] == ["uren", "inschrijving"]


CG, NAASTE, BOTH = Applicant.CAREGIVER, Applicant.CARE_RECIPIENT, Applicant.BOTH

RULE_TABLE: list[tuple[str, dict[str, Any], dict[str, Any], bool, str]] = [
    # Who applies: the caregiver, the naaste, or both together (which any round accepts).
    ("aanvrager", {}, {}, True, "voldoet: aangevraagd door de mantelzorger"),
    (
        "aanvrager",
        {},
        {"applied_by": BOTH},
        True,
        "voldoet: aangevraagd door mantelzorger en naaste samen",
    ),
    (
        "aanvrager",
        {},
        {"applied_by": NAASTE},
        False,
        "voldoet niet: aangevraagd door de naaste, de gemeente vraagt een aanvraag van "
        "de mantelzorger",
    ),
    (
        "aanvrager",
        {"applicant": NAASTE},
        {"applied_by": NAASTE},
        True,
        "voldoet: aangevraagd door de naaste",
    ),
    (
        "aanvrager",
        {"applicant": NAASTE},
        {"applied_by": BOTH},
        True,
        "voldoet: aangevraagd door mantelzorger en naaste samen",
    ),
    (
        "aanvrager",
        {"applicant": NAASTE},
        {"applied_by": CG},
        False,
        "voldoet niet: aangevraagd door de mantelzorger, de gemeente vraagt een aanvraag van "
        "de naaste",
    ),
    (
        "aanvrager",
        {"applicant": BOTH},
        {"applied_by": BOTH},
        True,
        "voldoet: aangevraagd door mantelzorger en naaste samen",
    ),
    (
        "aanvrager",
        {"applicant": BOTH},
        {"applied_by": NAASTE},
        False,
        "voldoet niet: aangevraagd door de naaste, de gemeente vraagt een aanvraag van "
        "mantelzorger en naaste samen",
    ),
    # Application window, both ends included.
    (
        "aanvraagperiode",
        {},
        {},
        True,
        "voldoet: aanvraag ontvangen op 03-05-2026, binnen de aanvraagperiode "
        "01-05-2026 t/m 15-10-2026",
    ),
    (
        "aanvraagperiode",
        {},
        {"received_on": date(2026, 5, 1)},
        True,
        "voldoet: aanvraag ontvangen op 01-05-2026, binnen de aanvraagperiode "
        "01-05-2026 t/m 15-10-2026",
    ),
    (
        "aanvraagperiode",
        {},
        {"received_on": date(2026, 10, 15)},
        True,
        "voldoet: aanvraag ontvangen op 15-10-2026, binnen de aanvraagperiode "
        "01-05-2026 t/m 15-10-2026",
    ),
    (
        "aanvraagperiode",
        {},
        {"received_on": date(2026, 4, 30)},
        False,
        "voldoet niet: aanvraag ontvangen op 30-04-2026, vóór de aanvraagperiode "
        "01-05-2026 t/m 15-10-2026",
    ),
    (
        "aanvraagperiode",
        {},
        {"received_on": date(2026, 10, 16)},
        False,
        "voldoet niet: aanvraag ontvangen op 16-10-2026, na de aanvraagperiode "
        "01-05-2026 t/m 15-10-2026",
    ),
    # Hours per week.
    ("uren", {}, {}, True, "voldoet: 12 uur per week, minimaal 8"),
    ("uren", {}, {"hours_per_week": 8}, True, "voldoet: 8 uur per week, minimaal 8"),
    ("uren", {}, {"hours_per_week": 6}, False, "voldoet niet: 6 uur per week, minimaal 8"),
    ("uren", {}, {"hours_per_week": 7.5}, False, "voldoet niet: 7,5 uur per week, minimaal 8"),
    (
        "uren",
        {"min_hours_per_week": 4.5},
        {"hours_per_week": 4.5},
        True,
        "voldoet: 4,5 uur per week, minimaal 4,5",
    ),
    (
        "uren",
        {},
        {"hours_per_week": None},
        False,
        "voldoet niet: uren per week onbekend, minimaal 8",
    ),
    (
        "uren",
        {"min_hours_per_week": 0},
        {"hours_per_week": None},
        True,
        "voldoet: geen minimum aantal uren per week",
    ),
    # Months of care before the application was received (03-05-2026).
    (
        "duur",
        {},
        {"care_since": date(2026, 2, 3)},
        True,
        "voldoet: zorg sinds 03-02-2026, 3 maanden bij ontvangst van de aanvraag, minimaal 3",
    ),
    (
        "duur",
        {},
        {"care_since": date(2026, 2, 4)},
        False,
        "voldoet niet: zorg sinds 04-02-2026, 2 maanden bij ontvangst van de aanvraag, minimaal 3",
    ),
    (
        "duur",
        {},
        {"care_since": date(2026, 4, 1)},
        False,
        "voldoet niet: zorg sinds 01-04-2026, 1 maand bij ontvangst van de aanvraag, minimaal 3",
    ),
    (
        "duur",
        {},
        {"care_since": date(2026, 6, 1)},
        False,
        "voldoet niet: zorg sinds 01-06-2026, 0 maanden bij ontvangst van de aanvraag, minimaal 3",
    ),
    (
        "duur",
        {},
        {"care_since": None},
        False,
        "voldoet niet: begindatum van de zorg onbekend, minimaal 3 maanden",
    ),
    (
        "duur",
        {"min_months_of_care": 0},
        {"care_since": None},
        True,
        "voldoet: geen minimale duur van de zorg",
    ),
    # Minimum age on the day received.
    ("leeftijd", {}, {}, True, "voldoet: geen minimumleeftijd"),
    ("leeftijd", {}, {"caregiver_birth_date": None}, True, "voldoet: geen minimumleeftijd"),
    (
        "leeftijd",
        {"minimum_age": 18},
        {},
        True,
        "voldoet: mantelzorger is 66 jaar op 03-05-2026, minimaal 18",
    ),
    (
        "leeftijd",
        {"minimum_age": 18},
        {"caregiver_birth_date": date(2008, 5, 3)},
        True,
        "voldoet: mantelzorger is 18 jaar op 03-05-2026, minimaal 18",
    ),
    (
        "leeftijd",
        {"minimum_age": 18},
        {"caregiver_birth_date": date(2008, 5, 4)},
        False,
        "voldoet niet: mantelzorger is 17 jaar op 03-05-2026, minimaal 18",
    ),
    (
        "leeftijd",
        {"minimum_age": 18},
        {"caregiver_birth_date": None},
        False,
        "voldoet niet: geboortedatum van de mantelzorger onbekend, minimaal 18 jaar",
    ),
    # A naaste in a Wlz-instelling.
    ("wlz", {}, {}, True, "voldoet: naaste verblijft niet in een Wlz-instelling"),
    (
        "wlz",
        {},
        {"recipient_in_wlz_institution": True},
        False,
        "voldoet niet: naaste verblijft in een Wlz-instelling",
    ),
    (
        "wlz",
        {"exclude_wlz_institution": False},
        {"recipient_in_wlz_institution": True},
        True,
        "voldoet: verblijf in een Wlz-instelling is geen bezwaar",
    ),
    # The caregiver's registration.
    ("inschrijving", {}, {}, True, "voldoet: mantelzorger staat ingeschreven"),
    (
        "inschrijving",
        {},
        {"caregiver_registration_ended": True},
        False,
        "voldoet niet: inschrijving van de mantelzorger is beëindigd",
    ),
]


@pytest.mark.parametrize(("rule", "rules", "facts", "passed", "explanation"), RULE_TABLE)
def test_each_rule_holds_or_fails_with_its_reason(
    rule: str, rules: dict[str, Any], facts: dict[str, Any], passed: bool, explanation: str
) -> None:
    found = check(rule, rules, facts)
    assert found.passed is passed
    assert found.explanation == explanation


@pytest.mark.parametrize(("rule", "rules", "facts", "passed", "explanation"), RULE_TABLE)
def test_the_verdict_decided_without_sentences_agrees_with_the_explained_rules(
    rule: str, rules: dict[str, Any], facts: dict[str, Any], passed: bool, explanation: str
) -> None:
    verdict = evaluate(replace(ROUND, **rules), replace(FACTS, **facts))
    assert verdict.eligible is all(result.passed for result in verdict.results)
    assert verdict.failures == tuple(result for result in verdict.results if not result.passed)
    assert len(verdict.results) == len(RULES)


IN_SOEST = {"municipality": "Soest", "place": "Soest"}
IN_SOESTERBERG = {"municipality": "soest", "place": "Soesterberg"}
IN_AMERSFOORT = {"municipality": "Amersfoort", "place": "Amersfoort"}
IN_BAARN = {"municipality": "Baarn", "place": "Baarn"}


def lives(recipient: dict[str, str], caregiver: dict[str, str]) -> dict[str, Any]:
    return {
        "recipient_municipality": recipient["municipality"],
        "recipient_place": recipient["place"],
        "caregiver_municipality": caregiver["municipality"],
        "caregiver_place": caregiver["place"],
    }


@pytest.mark.parametrize(
    ("residence", "recipient", "caregiver", "passed", "explanation"),
    [
        (Residence.CARE_RECIPIENT, IN_SOEST, IN_AMERSFOORT, True, "voldoet: naaste woont in Soest"),
        (
            Residence.CARE_RECIPIENT,
            IN_SOESTERBERG,
            IN_AMERSFOORT,
            True,
            "voldoet: naaste woont in Soesterberg (gemeente Soest)",
        ),
        (
            Residence.CARE_RECIPIENT,
            IN_AMERSFOORT,
            IN_SOEST,
            False,
            "voldoet niet: naaste woont in Amersfoort, niet in Soest",
        ),
        (
            Residence.CAREGIVER,
            IN_AMERSFOORT,
            IN_SOEST,
            True,
            "voldoet: mantelzorger woont in Soest",
        ),
        (
            Residence.CAREGIVER,
            IN_SOEST,
            IN_BAARN,
            False,
            "voldoet niet: mantelzorger woont in Baarn, niet in Soest",
        ),
        (Residence.EITHER, IN_SOEST, IN_BAARN, True, "voldoet: naaste woont in Soest"),
        (
            Residence.EITHER,
            IN_AMERSFOORT,
            IN_SOESTERBERG,
            True,
            "voldoet: mantelzorger woont in Soesterberg (gemeente Soest)",
        ),
        (
            Residence.EITHER,
            IN_AMERSFOORT,
            IN_BAARN,
            False,
            "voldoet niet: naaste woont in Amersfoort en mantelzorger in Baarn, "
            "geen van beiden in Soest",
        ),
        (
            Residence.CARE_RECIPIENT,
            {"municipality": "", "place": ""},
            IN_SOEST,
            False,
            "voldoet niet: naaste woont in een onbekende plaats, niet in Soest",
        ),
        (
            Residence.CARE_RECIPIENT,
            {"municipality": "Amersfoort", "place": ""},
            IN_SOEST,
            False,
            "voldoet niet: naaste woont in Amersfoort, niet in Soest",
        ),
    ],
)
def test_residence_rule_per_gemeente_variant(
    residence: Residence,
    recipient: dict[str, str],
    caregiver: dict[str, str],
    passed: bool,
    explanation: str,
) -> None:
    found = check("woonplaats", {"residence": residence}, lives(recipient, caregiver))
    assert found.passed is passed
    assert found.explanation == explanation


@pytest.mark.parametrize(
    ("municipality", "passed"),
    [("Soest", True), ("SOEST", True), (" soest ", True), ("Soesterberg", False)],
)
def test_gemeente_is_compared_without_case(municipality: str, passed: bool) -> None:
    found = check("woonplaats", {}, {"recipient_municipality": municipality})
    assert found.passed is passed


@pytest.mark.parametrize(
    ("minimum_age", "birth_date", "eligible"),
    [
        (None, date(2012, 1, 1), True),  # a 14-year-old, no minimum age
        (None, None, True),
        (18, date(2012, 1, 1), False),
        (18, date(1990, 1, 1), True),
        (18, None, False),
    ],
)
def test_minimum_age_variants(
    minimum_age: int | None, birth_date: date | None, eligible: bool
) -> None:
    verdict = evaluate(
        replace(ROUND, minimum_age=minimum_age), replace(FACTS, caregiver_birth_date=birth_date)
    )
    assert verdict.eligible is eligible


YOUNG = {AgeBracket.UNDER_18: 5_000, AgeBracket.FROM_18_TO_24: 7_500}


@pytest.mark.parametrize(
    ("brackets", "birth_date", "amount"),
    [
        ({}, date(2012, 1, 1), 10_000),
        (YOUNG, date(2012, 1, 1), 5_000),
        (YOUNG, date(2008, 5, 4), 5_000),  # 18 the day after the application was received
        (YOUNG, date(2008, 5, 3), 7_500),  # 18 on the day received
        (YOUNG, date(2001, 5, 4), 7_500),  # 24
        (YOUNG, date(2001, 5, 3), 10_000),  # 25
        (YOUNG, None, 10_000),
        ({AgeBracket.UNKNOWN: 2_500}, None, 2_500),
    ],
)
def test_amount_by_age_bracket_on_the_day_received(
    brackets: dict[AgeBracket, int], birth_date: date | None, amount: int
) -> None:
    rules = replace(ROUND, amounts_by_bracket=brackets)
    assert amount_for(rules, replace(FACTS, caregiver_birth_date=birth_date)) == amount


@pytest.mark.parametrize(
    "facts",
    [
        {},
        {"hours_per_week": 6},
        {"received_on": date(2026, 10, 16)},
        {"recipient_municipality": "Amersfoort", "recipient_place": "Amersfoort"},
        {"caregiver_birth_date": date(2012, 1, 1)},
    ],
)
def test_voucher_form_does_not_change_the_rules(facts: dict[str, Any]) -> None:
    money = replace(ROUND, form=CompensationForm.MONEY, minimum_age=18, amounts_by_bracket=YOUNG)
    voucher = replace(money, form=CompensationForm.VOUCHER)
    application = replace(FACTS, **facts)
    assert evaluate(voucher, application).results == evaluate(money, application).results
    assert amount_for(voucher, application) == amount_for(money, application)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2026, 1, 31), date(2026, 2, 28), 0),
        (date(2026, 1, 31), date(2026, 3, 31), 2),
        (date(2026, 1, 15), date(2026, 4, 14), 2),
        (date(2026, 1, 15), date(2026, 4, 15), 3),
        (date(2025, 11, 1), date(2026, 2, 1), 3),
        (date(2026, 5, 1), date(2026, 4, 1), 0),
    ],
)
def test_full_months(start: date, end: date, months: int) -> None:
    assert full_months(start, end) == months


# --- rule choices as round settings --------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        # 30 November + 3 months falls on "30 February": the month ends on the 28th first
        (date(2025, 11, 30), date(2026, 2, 28), 3),
        (date(2025, 11, 30), date(2026, 2, 27), 2),
        (date(2023, 11, 30), date(2024, 2, 29), 3),  # a leap year: February has a 29th
        (date(2023, 11, 30), date(2024, 2, 28), 2),
        (date(2026, 1, 31), date(2026, 2, 28), 1),
        (date(2026, 1, 31), date(2026, 4, 30), 3),
        (date(2026, 1, 15), date(2026, 4, 14), 2),  # an ordinary day number is unchanged
    ],
)
def test_full_months_counted_to_the_end_of_a_short_month(
    start: date, end: date, months: int
) -> None:
    assert full_months(start, end, to_month_end=True) == months


@pytest.mark.parametrize(("to_month_end", "passed"), [(True, True), (False, False)])
def test_months_of_care_to_the_end_of_a_short_month_is_a_round_setting(
    to_month_end: bool, passed: bool
) -> None:
    outcome = check(
        "duur",
        {"min_months_of_care": 3, "count_to_month_end": to_month_end},
        {"care_since": date(2026, 1, 31), "received_on": date(2026, 4, 30)},
    )
    assert outcome.passed is passed
    assert ROUND.count_to_month_end  # the default: the usual legal way to count months


def test_a_peildatum_judges_the_age_on_that_day_not_on_the_day_received() -> None:
    rules = replace(ROUND, minimum_age=18, age_reference_date=date(2026, 1, 1))
    born = date(2008, 3, 15)  # 17 on 1 January 2026, 18 on 3 May 2026 (received)
    outcome = result(evaluate(rules, replace(FACTS, caregiver_birth_date=born)), "leeftijd")
    assert not outcome.passed
    assert outcome.explanation.endswith(
        "mantelzorger is 17 jaar op 01-01-2026 (peildatum), minimaal 18"
    )
    without = replace(rules, age_reference_date=None)
    assert evaluate(without, replace(FACTS, caregiver_birth_date=born)).eligible


def test_a_peildatum_chooses_the_age_bracket_of_the_amount() -> None:
    rules = replace(ROUND, amounts_by_bracket=YOUNG, age_reference_date=date(2026, 1, 1))
    born = date(2001, 3, 15)  # 24 on 1 January 2026 (18-24: € 75), 25 on 3 May 2026 (€ 100)
    assert amount_for(rules, replace(FACTS, caregiver_birth_date=born)) == 7_500
    assert (
        amount_for(
            replace(rules, age_reference_date=None), replace(FACTS, caregiver_birth_date=born)
        )
        == 10_000
    )


@pytest.mark.parametrize(
    ("rules", "facts", "rule", "passed", "explanation"),
    [
        # a minimum of 1 hour or 1 month is a minimum, not "no minimum"
        (
            {"min_hours_per_week": 1},
            {"hours_per_week": 0.5},
            "uren",
            False,
            "0,5 uur per week, minimaal 1",
        ),
        (
            {"min_hours_per_week": 1},
            {"hours_per_week": None},
            "uren",
            False,
            "uren per week onbekend, minimaal 1",
        ),
        (
            {"min_months_of_care": 1},
            {"care_since": date(2026, 4, 20)},  # 13 days before 3 May
            "duur",
            False,
            "zorg sinds 20-04-2026, 0 maanden bij ontvangst van de aanvraag, minimaal 1",
        ),
        (
            {"min_months_of_care": 1},
            {"care_since": None},
            "duur",
            False,
            "begindatum van de zorg onbekend, minimaal 1 maand",
        ),
    ],
)
def test_a_minimum_of_one_is_still_a_minimum(
    rules: dict[str, Any], facts: dict[str, Any], rule: str, passed: bool, explanation: str
) -> None:
    outcome = check(rule, rules, facts)
    assert outcome.passed is passed
    assert outcome.explanation.endswith(explanation)

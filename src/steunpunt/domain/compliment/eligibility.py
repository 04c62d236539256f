"""The compliment's eligibility rules: one pure function per rule, each explained in Dutch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from steunpunt.domain.age import age_on, bracket_for
from steunpunt.domain.compliment.facts import ApplicationFacts, RuleResult, Verdict
from steunpunt.domain.compliment.round_rules import Residence, RoundRules
from steunpunt.domain.dates import format_date
from steunpunt.domain.text import fold_name

Rule = Callable[[RoundRules, ApplicationFacts], RuleResult]

HOLDS = "voldoet"
FAILS = "voldoet niet"


def _result(rule: str, passed: bool, reason: str) -> RuleResult:
    return RuleResult(
        rule=rule, passed=passed, explanation=f"{HOLDS if passed else FAILS}: {reason}"
    )


def _hours(value: float) -> str:
    """``12.0`` -> ``"12"``, ``7.5`` -> ``"7,5"``."""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def _months(count: int) -> str:
    return f"{count} maand" if count == 1 else f"{count} maanden"


def full_months(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 when ``end`` is before ``start``).

    A month is complete on the same day number (31 January to 28 February is not yet a month).
    """
    months = (end.year - start.year) * 12 + end.month - start.month - int(end.day < start.day)
    return max(months, 0)


def check_window(rules: RoundRules, facts: ApplicationFacts) -> RuleResult:
    """Received between the opening and the closing date, both included."""
    period = f"de aanvraagperiode {format_date(rules.opens_on)} t/m {format_date(rules.closes_on)}"
    received = f"aanvraag ontvangen op {format_date(facts.received_on)}"
    if facts.received_on < rules.opens_on:
        return _result("aanvraagperiode", False, f"{received}, vóór {period}")
    if facts.received_on > rules.closes_on:
        return _result("aanvraagperiode", False, f"{received}, na {period}")
    return _result("aanvraagperiode", True, f"{received}, binnen {period}")


def check_hours(rules: RoundRules, facts: ApplicationFacts) -> RuleResult:
    """At least the minimum hours of care per week; unknown hours fail unless the minimum is 0."""
    minimum = _hours(rules.min_hours_per_week)
    if rules.min_hours_per_week <= 0:
        return _result("uren", True, "geen minimum aantal uren per week")
    if facts.hours_per_week is None:
        return _result("uren", False, f"uren per week onbekend, minimaal {minimum}")
    passed = facts.hours_per_week >= rules.min_hours_per_week
    return _result(
        "uren", passed, f"{_hours(facts.hours_per_week)} uur per week, minimaal {minimum}"
    )


def check_duration(rules: RoundRules, facts: ApplicationFacts) -> RuleResult:
    """Care began at least the minimum number of whole months before the application was received.

    An unknown start fails unless the round sets no minimum (0 months).
    """
    minimum = rules.min_months_of_care
    if minimum <= 0:
        return _result("duur", True, "geen minimale duur van de zorg")
    if facts.care_since is None:
        return _result(
            "duur", False, f"begindatum van de zorg onbekend, minimaal {_months(minimum)}"
        )
    months = full_months(facts.care_since, facts.received_on)
    return _result(
        "duur",
        months >= minimum,
        f"zorg sinds {format_date(facts.care_since)}, {_months(months)} bij ontvangst "
        f"van de aanvraag, minimaal {minimum}",
    )


def _lives_in(municipality: str, rules: RoundRules) -> bool:
    return bool(municipality.strip()) and fold_name(municipality) == fold_name(rules.municipality)


def _where(place: str, municipality: str) -> str:
    """The place a person lives in, as people say it; the gemeente only when the place is unknown."""
    return place.strip() or municipality.strip() or "een onbekende plaats"


def _where_inside(place: str, rules: RoundRules) -> str:
    """``"Soest"``, or ``"Soesterberg (gemeente Soest)"`` for a village of the gemeente."""
    if place.strip() and fold_name(place) != fold_name(rules.municipality):
        return f"{place.strip()} (gemeente {rules.municipality})"
    return rules.municipality


def check_residence(rules: RoundRules, facts: ApplicationFacts) -> RuleResult:
    """The naaste, the caregiver or either lives in the round's gemeente (compared without case)."""
    recipient = ("naaste", facts.recipient_place, facts.recipient_municipality)
    caregiver = ("mantelzorger", facts.caregiver_place, facts.caregiver_municipality)
    if rules.residence is Residence.CARE_RECIPIENT:
        people = [recipient]
    elif rules.residence is Residence.CAREGIVER:
        people = [caregiver]
    else:
        people = [recipient, caregiver]
    for who, place, municipality in people:
        if _lives_in(municipality, rules):
            return _result("woonplaats", True, f"{who} woont in {_where_inside(place, rules)}")
    if len(people) == 1:
        who, place, municipality = people[0]
        return _result(
            "woonplaats",
            False,
            f"{who} woont in {_where(place, municipality)}, niet in {rules.municipality}",
        )
    return _result(
        "woonplaats",
        False,
        f"naaste woont in {_where(recipient[1], recipient[2])} en mantelzorger in "
        f"{_where(caregiver[1], caregiver[2])}, geen van beiden in {rules.municipality}",
    )


def check_age(rules: RoundRules, facts: ApplicationFacts) -> RuleResult:
    """The caregiver is at least the minimum age on the day the application was received."""
    if rules.minimum_age is None:
        return _result("leeftijd", True, "geen minimumleeftijd")
    if facts.caregiver_birth_date is None:
        return _result(
            "leeftijd",
            False,
            f"geboortedatum van de mantelzorger onbekend, minimaal {rules.minimum_age} jaar",
        )
    age = age_on(facts.caregiver_birth_date, facts.received_on)
    return _result(
        "leeftijd",
        age >= rules.minimum_age,
        f"mantelzorger is {age} jaar op {format_date(facts.received_on)}, "
        f"minimaal {rules.minimum_age}",
    )


def check_wlz(rules: RoundRules, facts: ApplicationFacts) -> RuleResult:
    """A naaste in a Wlz-instelling is excluded when the round says so."""
    if not rules.exclude_wlz_institution:
        return _result("wlz", True, "verblijf in een Wlz-instelling is geen bezwaar")
    if facts.recipient_in_wlz_institution:
        return _result("wlz", False, "naaste verblijft in een Wlz-instelling")
    return _result("wlz", True, "naaste verblijft niet in een Wlz-instelling")


def check_registration(rules: RoundRules, facts: ApplicationFacts) -> RuleResult:
    """The caregiver's registration with the steunpunt has not ended."""
    if facts.caregiver_registration_ended:
        return _result("inschrijving", False, "inschrijving van de mantelzorger is beëindigd")
    return _result("inschrijving", True, "mantelzorger staat ingeschreven")


RULES: tuple[Rule, ...] = (
    check_window,
    check_hours,
    check_duration,
    check_residence,
    check_age,
    check_wlz,
    check_registration,
)
"""Every rule, in the order a verdict lists them."""


def evaluate(rules: RoundRules, facts: ApplicationFacts) -> Verdict:
    """Apply every rule of the round to one application; the verdict lists them all."""
    return Verdict(results=tuple(rule(rules, facts) for rule in RULES))


def amount_for(rules: RoundRules, facts: ApplicationFacts) -> int:
    """The amount in cents: the caregiver's age bracket on the day received, else the round amount."""
    bracket = bracket_for(facts.caregiver_birth_date, facts.received_on)
    return rules.amounts_by_bracket.get(bracket, rules.amount_cents)

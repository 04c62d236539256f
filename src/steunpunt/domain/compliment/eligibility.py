"""The compliment's eligibility rules: per rule, one pure function decides and one explains in Dutch."""

from __future__ import annotations

from datetime import date, timedelta

from steunpunt.domain import rule_engine
from steunpunt.domain.age import age_on, bracket_for
from steunpunt.domain.compliment.facts import ApplicationFacts
from steunpunt.domain.compliment.round_rules import Residence, RoundRules
from steunpunt.domain.dates import format_date
from steunpunt.domain.rule_engine import Rule
from steunpunt.domain.text import fold_name


def _hours(value: float) -> str:
    """``12.0`` -> ``"12"``, ``7.5`` -> ``"7,5"``."""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def _months(count: int) -> str:
    return f"{count} maand" if count == 1 else f"{count} maanden"


def full_months(start: date, end: date, to_month_end: bool = False) -> int:
    """Whole months from ``start`` to ``end`` (0 when ``end`` is before ``start``).

    A month is complete on the same day number (31 January to 28 February is not yet a month);
    ``to_month_end`` completes it on the last day of a month that has no such day number
    (31 January to 28 February is a month, 30 November to 28 February three).
    """
    short = end.day < start.day
    if to_month_end and short:
        short = (end + timedelta(days=1)).day != 1
    months = (end.year - start.year) * 12 + end.month - start.month - int(short)
    return max(months, 0)


def window_holds(rules: RoundRules, facts: ApplicationFacts) -> bool:
    """Received between the opening and the closing date, both included."""
    return rules.opens_on <= facts.received_on <= rules.closes_on


def explain_window(rules: RoundRules, facts: ApplicationFacts, passed: bool) -> str:
    period = f"de aanvraagperiode {format_date(rules.opens_on)} t/m {format_date(rules.closes_on)}"
    received = f"aanvraag ontvangen op {format_date(facts.received_on)}"
    if passed:
        return f"{received}, binnen {period}"
    return f"{received}, {'vóór' if facts.received_on < rules.opens_on else 'na'} {period}"


def applicant_holds(rules: RoundRules, facts: ApplicationFacts) -> bool:
    """The application came from whom the gemeente asks it from (both together always do)."""
    return rules.applicant.accepts(facts.applied_by)


def explain_applicant(rules: RoundRules, facts: ApplicationFacts, passed: bool) -> str:
    applied = f"aangevraagd door {facts.applied_by.label}"
    if passed:
        return applied
    return f"{applied}, de gemeente vraagt een aanvraag van {rules.applicant.label}"


def hours_hold(rules: RoundRules, facts: ApplicationFacts) -> bool:
    """At least the minimum hours of care per week; unknown hours fail unless the minimum is 0."""
    if rules.min_hours_per_week <= 0:
        return True
    return facts.hours_per_week is not None and facts.hours_per_week >= rules.min_hours_per_week


def explain_hours(rules: RoundRules, facts: ApplicationFacts, passed: bool) -> str:
    minimum = _hours(rules.min_hours_per_week)
    if rules.min_hours_per_week <= 0:
        return "geen minimum aantal uren per week"
    if facts.hours_per_week is None:
        return f"uren per week onbekend, minimaal {minimum}"
    return f"{_hours(facts.hours_per_week)} uur per week, minimaal {minimum}"


def duration_holds(rules: RoundRules, facts: ApplicationFacts) -> bool:
    """Care began at least the minimum number of whole months before the application was received.

    An unknown start fails unless the round sets no minimum (0 months).
    """
    if rules.min_months_of_care <= 0:
        return True
    return (
        facts.care_since is not None
        and _months_of_care(rules, facts.care_since, facts.received_on) >= rules.min_months_of_care
    )


def _months_of_care(rules: RoundRules, since: date, received_on: date) -> int:
    return full_months(since, received_on, to_month_end=rules.count_to_month_end)


def explain_duration(rules: RoundRules, facts: ApplicationFacts, passed: bool) -> str:
    minimum = rules.min_months_of_care
    if minimum <= 0:
        return "geen minimale duur van de zorg"
    if facts.care_since is None:
        return f"begindatum van de zorg onbekend, minimaal {_months(minimum)}"
    months = _months_of_care(rules, facts.care_since, facts.received_on)
    return (
        f"zorg sinds {format_date(facts.care_since)}, {_months(months)} bij ontvangst "
        f"van de aanvraag, minimaal {minimum}"
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


def _residents(rules: RoundRules, facts: ApplicationFacts) -> list[tuple[str, str, str]]:
    """Who must live in the gemeente, as (who, place, gemeente); any one of them is enough."""
    recipient = ("naaste", facts.recipient_place, facts.recipient_municipality)
    caregiver = ("mantelzorger", facts.caregiver_place, facts.caregiver_municipality)
    if rules.residence is Residence.CARE_RECIPIENT:
        return [recipient]
    if rules.residence is Residence.CAREGIVER:
        return [caregiver]
    return [recipient, caregiver]


def residence_holds(rules: RoundRules, facts: ApplicationFacts) -> bool:
    """The naaste, the caregiver or either lives in the round's gemeente (compared without case)."""
    return any(_lives_in(municipality, rules) for _, _, municipality in _residents(rules, facts))


def explain_residence(rules: RoundRules, facts: ApplicationFacts, passed: bool) -> str:
    people = _residents(rules, facts)
    for who, place, municipality in people:
        if _lives_in(municipality, rules):
            return f"{who} woont in {_where_inside(place, rules)}"
    if len(people) == 1:
        who, place, municipality = people[0]
        return f"{who} woont in {_where(place, municipality)}, niet in {rules.municipality}"
    return (
        f"naaste woont in {_where(facts.recipient_place, facts.recipient_municipality)} en "
        f"mantelzorger in {_where(facts.caregiver_place, facts.caregiver_municipality)}, "
        f"geen van beiden in {rules.municipality}"
    )


def age_day(rules: RoundRules, facts: ApplicationFacts) -> date:
    """The day the caregiver's age counts on: the round's peildatum, else the day received."""
    return rules.age_reference_date or facts.received_on


def age_holds(rules: RoundRules, facts: ApplicationFacts) -> bool:
    """The caregiver is at least the minimum age on the peildatum or the day received."""
    if rules.minimum_age is None:
        return True
    born = facts.caregiver_birth_date
    return born is not None and age_on(born, age_day(rules, facts)) >= rules.minimum_age


def explain_age(rules: RoundRules, facts: ApplicationFacts, passed: bool) -> str:
    if rules.minimum_age is None:
        return "geen minimumleeftijd"
    if facts.caregiver_birth_date is None:
        return f"geboortedatum van de mantelzorger onbekend, minimaal {rules.minimum_age} jaar"
    day = age_day(rules, facts)
    age = age_on(facts.caregiver_birth_date, day)
    peildatum = "" if rules.age_reference_date is None else " (peildatum)"
    return (
        f"mantelzorger is {age} jaar op {format_date(day)}{peildatum}, minimaal {rules.minimum_age}"
    )


def wlz_holds(rules: RoundRules, facts: ApplicationFacts) -> bool:
    """A naaste in a Wlz-instelling is excluded when the round says so."""
    return not (rules.exclude_wlz_institution and facts.recipient_in_wlz_institution)


def explain_wlz(rules: RoundRules, facts: ApplicationFacts, passed: bool) -> str:
    if not rules.exclude_wlz_institution:
        return "verblijf in een Wlz-instelling is geen bezwaar"
    if facts.recipient_in_wlz_institution:
        return "naaste verblijft in een Wlz-instelling"
    return "naaste verblijft niet in een Wlz-instelling"


def registration_holds(rules: RoundRules, facts: ApplicationFacts) -> bool:
    """The caregiver's registration with the steunpunt has not ended."""
    return not facts.caregiver_registration_ended


def explain_registration(rules: RoundRules, facts: ApplicationFacts, passed: bool) -> str:
    if passed:
        return "mantelzorger staat ingeschreven"
    return "inschrijving van de mantelzorger is beëindigd"


RULES: tuple[Rule[RoundRules, ApplicationFacts], ...] = (
    Rule("aanvraagperiode", window_holds, explain_window),
    Rule("aanvrager", applicant_holds, explain_applicant),
    Rule("uren", hours_hold, explain_hours),
    Rule("duur", duration_holds, explain_duration),
    Rule("woonplaats", residence_holds, explain_residence),
    Rule("leeftijd", age_holds, explain_age),
    Rule("wlz", wlz_holds, explain_wlz),
    Rule("inschrijving", registration_holds, explain_registration),
)
"""Every rule, in the order a verdict lists them."""


Verdict = rule_engine.Verdict[RoundRules, ApplicationFacts]


def evaluate(rules: RoundRules, facts: ApplicationFacts) -> Verdict:
    """Apply every rule of the round to one application."""
    return rule_engine.judge(RULES, rules, facts)


def amount_for(rules: RoundRules, facts: ApplicationFacts) -> int:
    """The amount in cents: the caregiver's age bracket on the age day, else the round amount."""
    bracket = bracket_for(facts.caregiver_birth_date, age_day(rules, facts))
    return rules.amounts_by_bracket.get(bracket, rules.amount_cents)

"""The rules of household help: per rule, one pure function decides and one explains in Dutch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from steunpunt.domain import rule_engine
from steunpunt.domain.dates import format_date
from steunpunt.domain.rule_engine import Rule
from steunpunt.domain.support.household_help.period import (
    fits_months,
    last_day_of,
    months_text,
    overlap,
)
from steunpunt.domain.support.household_help.settings import (
    HouseholdHelpRules,
    exact_hours,
    hours_text,
)
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus


class OtherGrant(NamedTuple):
    """Another grant in the register (the caller leaves out refused ones; the rules do too).

    ``ends_on`` is the end with any extension applied, or the last day of help when it stopped
    earlier. ``care_recipient_id`` is set when the help is in that naaste's household.
    """

    grant_id: int
    caregiver_id: int
    caregiver_name: str
    household_key: str
    starts_on: date
    ends_on: date
    status: HouseholdHelpStatus
    care_recipient_id: int | None = None


@dataclass(frozen=True)
class HouseholdHelpFacts:
    """One grant request as the rules see it; ``grant_id`` is None before it is stored.

    ``household_key`` is ``"postcode|huisnummer|toevoeging"`` of the household where the help is
    given; "" when unknown. ``care_recipient_id`` is set when the help is in the naaste's
    household: the same naaste is the same household, with or without a known address.
    ``caregiver_overloaded`` is None when no EDIZ assessment is known. ``stopped_on`` is the
    first day without help of a grant that was ended.
    """

    grant_id: int | None
    caregiver_id: int
    household_key: str
    starts_on: date
    ends_on: date
    extended_until: date | None
    hours_per_week: Decimal
    hours_per_year: Decimal
    caregiver_overloaded: bool | None
    household_has_wmo_help: bool
    other_grants: tuple[OtherGrant, ...] = ()
    care_recipient_id: int | None = None
    stopped_on: date | None = None

    @property
    def last_day(self) -> date:
        """The last day of help: the extension's end (else the end), or the day before the
        help stopped."""
        return last_day_of(self.ends_on, self.extended_until, self.stopped_on)


def _same_household(facts: HouseholdHelpFacts, grant: OtherGrant) -> bool:
    """The same naaste's household, or the same address (without spaces or case)."""
    if facts.care_recipient_id is not None and facts.care_recipient_id == grant.care_recipient_id:
        return True
    folded = "".join(facts.household_key.split()).casefold()
    return bool(folded) and folded == "".join(grant.household_key.split()).casefold()


def _counted(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> list[OtherGrant]:
    """The other grants that count: not this grant, not refused, and an undecided request only
    when it came in earlier and the office counts requests in the order they came in."""
    return [
        grant
        for grant in facts.other_grants
        if grant.grant_id != facts.grant_id
        and grant.status is not HouseholdHelpStatus.REFUSED
        and (
            grant.status is not HouseholdHelpStatus.REQUESTED
            or (
                rules.earlier_request_counts
                and (facts.grant_id is None or grant.grant_id < facts.grant_id)
            )
        )
    ]


def _overlapping(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> list[OtherGrant]:
    period = (facts.starts_on, facts.last_day)
    return [
        grant
        for grant in _counted(rules, facts)
        if overlap(period, (grant.starts_on, grant.ends_on))
    ]


def weekly_hours_hold(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """At most the maximum hours per week."""
    return exact_hours(facts.hours_per_week) <= exact_hours(rules.max_hours_per_week)


def explain_weekly_hours(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    return _hours_against(facts.hours_per_week, rules.max_hours_per_week, "week")


def yearly_hours_hold(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """At most the maximum hours per year."""
    return exact_hours(facts.hours_per_year) <= exact_hours(rules.max_hours_per_year)


def explain_yearly_hours(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    return _hours_against(facts.hours_per_year, rules.max_hours_per_year, "jaar")


def _hours_against(hours: Decimal, maximum: float, per: str) -> str:
    """``"4 uur per week, maximaal 3"``."""
    return f"{hours_text(hours)} uur per {per}, maximaal {hours_text(maximum)}"


def _extension_fails(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    until = facts.extended_until
    return until is not None and (
        rules.extension_months <= 0
        or until <= facts.ends_on
        or not fits_months(facts.starts_on, until, rules.max_months + rules.extension_months)
    )


def duration_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """The end is not before the start, the grant lasts at most ``max_months``, and an
    extension ends after the end and within ``max_months + extension_months`` of the start."""
    return (
        facts.ends_on >= facts.starts_on
        and fits_months(facts.starts_on, facts.ends_on, rules.max_months)
        and not _extension_fails(rules, facts)
    )


def explain_duration(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    start, end, until = facts.starts_on, facts.ends_on, facts.extended_until
    if end < start:
        return f"einddatum {format_date(end)} ligt voor de begindatum {format_date(start)}"
    period = f"{format_date(start)} t/m {format_date(end)}, {months_text(start, end)}"
    if until is None or not fits_months(start, end, rules.max_months):
        return f"{period}, maximaal {rules.max_months}"
    if rules.extension_months <= 0:
        return f"verlengd tot {format_date(until)}, maar verlengen is niet mogelijk"
    if until <= end:
        return f"verlenging tot {format_date(until)} ligt niet na de einddatum {format_date(end)}"
    limit = rules.max_months + rules.extension_months
    return (
        f"{format_date(start)} t/m {format_date(until)} met verlenging, "
        f"{months_text(start, until)}, maximaal {limit} "
        f"({rules.max_months} + {rules.extension_months} verlenging)"
    )


def burden_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """When the office asks for it, the EDIZ shows the caregiver overloaded; unknown fails."""
    return not rules.only_overloaded or facts.caregiver_overloaded is True


def explain_burden(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    if not rules.only_overloaded:
        return "geen voorwaarde voor overbelasting"
    if facts.caregiver_overloaded is None:
        return "geen EDIZ-meting bekend, de hulp is alleen voor overbelaste mantelzorgers"
    if facts.caregiver_overloaded:
        return "mantelzorger is overbelast volgens de EDIZ"
    return (
        "mantelzorger is niet overbelast volgens de EDIZ, "
        "de hulp is alleen voor overbelaste mantelzorgers"
    )


def wmo_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """A household with Wmo household help is excluded when the office says so."""
    return not (rules.no_wmo_household_help and facts.household_has_wmo_help)


def explain_wmo(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    if not rules.no_wmo_household_help:
        return "huishoudelijke hulp uit de Wmo is geen bezwaar"
    if facts.household_has_wmo_help:
        return "het huishouden heeft al huishoudelijke hulp uit de Wmo"
    return "het huishouden heeft geen huishoudelijke hulp uit de Wmo"


def _household_clashes(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> list[OtherGrant]:
    """Other caregivers' grants at the same household whose period overlaps this one."""
    return [
        grant
        for grant in _overlapping(rules, facts)
        if grant.caregiver_id != facts.caregiver_id and _same_household(facts, grant)
    ]


def household_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """One caregiver per household at a time, when the office says so."""
    return not rules.one_caregiver_per_household or not _household_clashes(rules, facts)


def explain_household(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    if not rules.one_caregiver_per_household:
        return "meer mantelzorgers per huishouden toegestaan"
    clashes = _household_clashes(rules, facts)
    if not clashes:
        return "geen andere mantelzorger met hulp op dit adres in deze periode"
    return "; ".join(
        f"{grant.caregiver_name or 'een andere mantelzorger'} heeft al hulp op dit adres van "
        f"{format_date(grant.starts_on)} t/m {format_date(grant.ends_on)}"
        for grant in clashes
    )


def _own_overlaps(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> list[OtherGrant]:
    """The caregiver's own other grants whose period overlaps this one."""
    return [
        grant for grant in _overlapping(rules, facts) if grant.caregiver_id == facts.caregiver_id
    ]


def one_at_a_time_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """A caregiver has one grant at a time: two overlapping grants would double the hours."""
    return not _own_overlaps(rules, facts)


def explain_one_at_a_time(
    rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool
) -> str:
    others = _own_overlaps(rules, facts)
    if not others:
        return "geen andere hulp voor de mantelzorger in deze periode"
    periods = ", ".join(
        f"{format_date(grant.starts_on)} t/m {format_date(grant.ends_on)}" for grant in others
    )
    return f"mantelzorger heeft in deze periode al hulp van {periods}"


def _same_year(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> list[OtherGrant]:
    """The caregiver's other grants that start in the calendar year this one starts."""
    return [
        grant
        for grant in _counted(rules, facts)
        if grant.caregiver_id == facts.caregiver_id and grant.starts_on.year == facts.starts_on.year
    ]


def per_year_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """One grant per caregiver per calendar year (of the start), when the office says so."""
    return not rules.one_grant_per_year or not _same_year(rules, facts)


def explain_per_year(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    year = facts.starts_on.year
    if not rules.one_grant_per_year:
        return "meer aanvragen per jaar toegestaan"
    others = _same_year(rules, facts)
    if not others:
        return f"geen andere hulp voor de mantelzorger in {year}"
    periods = ", ".join(
        f"{format_date(grant.starts_on)} t/m {format_date(grant.ends_on)}" for grant in others
    )
    return f"mantelzorger heeft in {year} al hulp van {periods}"


RULES: tuple[Rule[HouseholdHelpRules, HouseholdHelpFacts], ...] = (
    Rule("uren_per_week", weekly_hours_hold, explain_weekly_hours),
    Rule("uren_per_jaar", yearly_hours_hold, explain_yearly_hours),
    Rule("duur", duration_holds, explain_duration),
    Rule("overbelast", burden_holds, explain_burden),
    Rule("wmo", wmo_holds, explain_wmo),
    Rule("een_per_huishouden", household_holds, explain_household),
    Rule("een_tegelijk", one_at_a_time_holds, explain_one_at_a_time),
    Rule("een_per_jaar", per_year_holds, explain_per_year),
)
"""Every rule, in the order a verdict lists them."""


HouseholdHelpVerdict = rule_engine.Verdict[HouseholdHelpRules, HouseholdHelpFacts]


def evaluate(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> HouseholdHelpVerdict:
    """Apply every rule to one request."""
    return rule_engine.judge(RULES, rules, facts)

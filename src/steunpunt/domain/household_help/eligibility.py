"""The rules of household help: per rule, one pure function decides and one explains in Dutch."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from steunpunt.domain import rule_engine
from steunpunt.domain.compliment.eligibility import full_months
from steunpunt.domain.dates import format_date
from steunpunt.domain.household_help.settings import HouseholdHelpRules, hours_text
from steunpunt.domain.household_help.status import HouseholdHelpStatus
from steunpunt.domain.rule_engine import Rule


class OtherGrant(NamedTuple):
    """Another grant in the register (the caller leaves out refused ones; the rules do too).

    ``ends_on`` is the end with any extension applied, or the day the help actually stopped.
    """

    grant_id: int
    caregiver_id: int
    caregiver_name: str
    household_key: str
    starts_on: date
    ends_on: date
    status: HouseholdHelpStatus


@dataclass(frozen=True)
class HouseholdHelpFacts:
    """One grant request as the rules see it; ``grant_id`` is None before it is stored.

    ``household_key`` is ``"postcode|huisnummer|toevoeging"`` of the household where the help is
    given; "" when unknown (it then matches no other household). ``caregiver_overloaded`` is None
    when no EDIZ assessment is known.
    """

    grant_id: int | None
    caregiver_id: int
    household_key: str
    starts_on: date
    ends_on: date
    extended_until: date | None
    hours_per_week: float
    hours_per_year: float
    caregiver_overloaded: bool | None
    household_has_wmo_help: bool
    other_grants: tuple[OtherGrant, ...] = ()

    @property
    def last_day(self) -> date:
        """The last day of help: the extension's end, else the end."""
        if self.extended_until is not None and self.extended_until > self.ends_on:
            return self.extended_until
        return self.ends_on


def day_after(day: date) -> date:
    return day + timedelta(days=1)


def _months_after(day: date, months: int) -> date:
    """The same day ``months`` later, on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _length(start: date, last: date) -> tuple[int, bool]:
    """Whole months from ``start`` to the day after ``last``, and whether some days remain.

    1 January to 31 December is 12 months exactly; to 15 January of the next year "ruim 12".
    """
    after = day_after(last)
    months = full_months(start, after)
    return months, _months_after(start, months) < after


def _fits_months(start: date, last: date, limit: int) -> bool:
    """The period lasts at most ``limit`` months; a started month counts as a month."""
    months, more = _length(start, last)
    return months < limit or (months == limit and not more)


def _months_text(start: date, last: date) -> str:
    months, more = _length(start, last)
    if months == 0:
        return "minder dan een maand"
    text = "1 maand" if months == 1 else f"{months} maanden"
    return f"ruim {text}" if more else text


def _same_household(key: str, other: str) -> bool:
    """Compared without spaces or case; an unknown address matches nothing."""
    folded = "".join(key.split()).casefold()
    return bool(folded) and folded == "".join(other.split()).casefold()


def _counted(facts: HouseholdHelpFacts) -> list[OtherGrant]:
    """The other grants that count: not this grant, and not refused."""
    return [
        grant
        for grant in facts.other_grants
        if grant.grant_id != facts.grant_id and grant.status is not HouseholdHelpStatus.REFUSED
    ]


def weekly_hours_hold(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """At most the maximum hours per week."""
    return facts.hours_per_week <= rules.max_hours_per_week


def explain_weekly_hours(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    return (
        f"{hours_text(facts.hours_per_week)} uur per week, "
        f"maximaal {hours_text(rules.max_hours_per_week)}"
    )


def yearly_hours_hold(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """At most the maximum hours per year."""
    return facts.hours_per_year <= rules.max_hours_per_year


def explain_yearly_hours(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    return (
        f"{hours_text(facts.hours_per_year)} uur per jaar, "
        f"maximaal {hours_text(rules.max_hours_per_year)}"
    )


def _extension_fails(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    until = facts.extended_until
    return until is not None and (
        rules.extension_months <= 0
        or until <= facts.ends_on
        or not _fits_months(facts.starts_on, until, rules.max_months + rules.extension_months)
    )


def duration_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """The end is not before the start, the grant lasts at most ``max_months``, and an
    extension ends after the end and within ``max_months + extension_months`` of the start."""
    return (
        facts.ends_on >= facts.starts_on
        and _fits_months(facts.starts_on, facts.ends_on, rules.max_months)
        and not _extension_fails(rules, facts)
    )


def explain_duration(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    start, end, until = facts.starts_on, facts.ends_on, facts.extended_until
    if end < start:
        return f"einddatum {format_date(end)} ligt voor de begindatum {format_date(start)}"
    period = f"{format_date(start)} t/m {format_date(end)}, {_months_text(start, end)}"
    if until is None or not _fits_months(start, end, rules.max_months):
        return f"{period}, maximaal {rules.max_months}"
    if rules.extension_months <= 0:
        return f"verlengd tot {format_date(until)}, maar verlengen is niet mogelijk"
    if until <= end:
        return f"verlenging tot {format_date(until)} ligt niet na de einddatum {format_date(end)}"
    limit = rules.max_months + rules.extension_months
    return (
        f"{format_date(start)} t/m {format_date(until)} met verlenging, "
        f"{_months_text(start, until)}, maximaal {limit} "
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


def _household_clashes(facts: HouseholdHelpFacts) -> list[OtherGrant]:
    """Other caregivers' grants at the same household whose period overlaps this one."""
    return [
        grant
        for grant in _counted(facts)
        if grant.caregiver_id != facts.caregiver_id
        and _same_household(facts.household_key, grant.household_key)
        and grant.starts_on <= facts.last_day
        and facts.starts_on <= grant.ends_on
    ]


def household_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """One caregiver per household at a time, when the office says so."""
    return not rules.one_caregiver_per_household or not _household_clashes(facts)


def explain_household(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    if not rules.one_caregiver_per_household:
        return "meer mantelzorgers per huishouden toegestaan"
    clashes = _household_clashes(facts)
    if not clashes:
        return "geen andere mantelzorger met hulp op dit adres in deze periode"
    return "; ".join(
        f"{grant.caregiver_name or 'een andere mantelzorger'} heeft al hulp op dit adres van "
        f"{format_date(grant.starts_on)} t/m {format_date(grant.ends_on)}"
        for grant in clashes
    )


def _same_year(facts: HouseholdHelpFacts) -> list[OtherGrant]:
    """The caregiver's other grants that start in the calendar year this one starts."""
    return [
        grant
        for grant in _counted(facts)
        if grant.caregiver_id == facts.caregiver_id and grant.starts_on.year == facts.starts_on.year
    ]


def per_year_holds(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> bool:
    """One grant per caregiver per calendar year (of the start), when the office says so."""
    return not rules.one_grant_per_year or not _same_year(facts)


def explain_per_year(rules: HouseholdHelpRules, facts: HouseholdHelpFacts, passed: bool) -> str:
    year = facts.starts_on.year
    if not rules.one_grant_per_year:
        return "meer aanvragen per jaar toegestaan"
    others = _same_year(facts)
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
    Rule("een_per_jaar", per_year_holds, explain_per_year),
)
"""Every rule, in the order a verdict lists them."""


HouseholdHelpVerdict = rule_engine.Verdict[HouseholdHelpRules, HouseholdHelpFacts]


def evaluate(rules: HouseholdHelpRules, facts: HouseholdHelpFacts) -> HouseholdHelpVerdict:
    """Apply every rule to one request."""
    return rule_engine.judge(RULES, rules, facts)

"""The counts of the verantwoording report, each aggregated by the database in one query."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select

from steunpunt.db.compliment_models import ComplimentApplication, ComplimentRound
from steunpunt.db.models import Caregiver, CareRelation, Contact
from steunpunt.db.support_models import HouseholdHelpGrant, HouseholdHelpMonth, Partner, Referral
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.household_help.status import HouseholdHelpStatus

AnySelect = Select[*tuple[Any, ...]]
"""A query of any columns; the callers unpack its rows by position."""

UNKNOWN = "onbekend"
HELPED = (
    HouseholdHelpStatus.GRANTED.value,
    HouseholdHelpStatus.RUNNING.value,
    HouseholdHelpStatus.ENDED.value,
)


def _count(condition: ColumnElement[bool]) -> Any:
    """How many rows meet ``condition`` (a SUM of 1s, so several counts share one scan)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def active_on(day: date) -> ColumnElement[bool]:
    """Registered on ``day`` or before and not yet ended on it."""
    return and_(
        Caregiver.registered_on <= day,
        or_(Caregiver.ended_on.is_(None), Caregiver.ended_on > day),
    )


def in_municipality(municipality: str) -> ColumnElement[bool]:
    """The caregiver lives in the gemeente, as registered (the form writes every gemeente the
    same way); every caregiver when "" is given."""
    if not municipality:
        return literal(True)
    return Caregiver.municipality == municipality


def _caregivers_of(municipality: str) -> Any:
    """The ids of the gemeente's caregivers, from the report index alone."""
    return select(Caregiver.id).where(in_municipality(municipality))


def reach_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Registered at the start (the day before), new, ended, and registered at the end."""
    return select(
        _count(active_on(starts_on - timedelta(days=1))),
        _count(Caregiver.registered_on.between(starts_on, ends_on)),
        _count(Caregiver.ended_on.between(starts_on, ends_on)),
        _count(active_on(ends_on)),
    ).where(in_municipality(municipality))


def years_query(years: list[int], last_day: date, municipality: str) -> AnySelect:
    """Per year: registered on 31 December (or ``last_day`` in its own year), and new in it."""
    columns: list[Any] = []
    for year in years:
        end = min(date(year, 12, 31), last_day)
        columns.append(_count(active_on(end)))
        columns.append(_count(Caregiver.registered_on.between(date(year, 1, 1), end)))
    return select(*columns).where(in_municipality(municipality))


def age_query(ends_on: date, bounds: tuple[int, ...], municipality: str) -> AnySelect:
    """Caregivers registered at the end, per age bracket on that day (position 0 = youngest)."""
    whens: list[tuple[ColumnElement[bool], int]] = [(Caregiver.birth_date.is_(None), -1)]
    for position, bound in enumerate(bounds):
        # younger than ``bound``: born after the day ``bound`` years before the end
        born_after = _years_before(ends_on, bound)
        whens.append((Caregiver.birth_date > born_after, position))
    bracket = case(*whens, else_=len(bounds)).label("bracket")
    return (
        select(bracket, func.count())
        .where(active_on(ends_on), in_municipality(municipality))
        .group_by(bracket)
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def relation_query(ends_on: date, municipality: str) -> AnySelect:
    """Care relations of the caregivers registered at the end, per kind of relation."""
    registered = select(Caregiver.id).where(active_on(ends_on), in_municipality(municipality))
    return (
        select(CareRelation.relation_type, func.count())
        .where(CareRelation.caregiver_id.in_(registered))
        .group_by(CareRelation.relation_type)
    )


def source_query(ends_on: date, municipality: str) -> AnySelect:
    """Caregivers registered at the end, per way the steunpunt found them."""
    source = func.coalesce(Caregiver.source, UNKNOWN)
    return (
        select(source, func.count())
        .where(active_on(ends_on), in_municipality(municipality))
        .group_by(source)
    )


def overload_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Overloaded caregivers registered at the end, and how many got support in the period."""
    contact = exists().where(
        Contact.caregiver_id == Caregiver.id, Contact.contact_date.between(starts_on, ends_on)
    )
    referral = exists().where(
        Referral.caregiver_id == Caregiver.id, Referral.referred_on.between(starts_on, ends_on)
    )
    helped = exists().where(
        HouseholdHelpGrant.caregiver_id == Caregiver.id,
        HouseholdHelpGrant.status.in_(HELPED),
        HouseholdHelpGrant.starts_on <= ends_on,
        func.coalesce(HouseholdHelpGrant.extended_until, HouseholdHelpGrant.ends_on) >= starts_on,
    )
    return select(
        func.count(),
        _count(contact),
        _count(referral),
        _count(helped),
        _count(or_(contact, referral, helped)),
    ).where(Caregiver.overloaded.is_(True), active_on(ends_on), in_municipality(municipality))


def contact_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Contact moments in the period, per kind."""
    query: AnySelect = (
        select(Contact.kind, func.count())
        .where(Contact.contact_date.between(starts_on, ends_on))
        .group_by(Contact.kind)
    )
    if municipality:
        query = query.where(Contact.caregiver_id.in_(_caregivers_of(municipality)))
    return query


def compliment_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Applications of the rounds of the period's years: applied, granted, refused, paid, and
    the amounts granted and paid (in cents)."""
    granted = ComplimentApplication.status.in_(
        [ApplicationStatus.GRANTED.value, ApplicationStatus.PAID.value]
    )
    paid = ComplimentApplication.status == ApplicationStatus.PAID.value
    refused = ComplimentApplication.status == ApplicationStatus.REFUSED.value
    amount = func.coalesce(ComplimentApplication.amount_cents, 0)
    query: AnySelect = (
        select(
            func.count(),
            _count(granted),
            _count(refused),
            _count(paid),
            func.coalesce(func.sum(case((granted, amount), else_=0)), 0),
            func.coalesce(func.sum(case((paid, amount), else_=0)), 0),
        )
        .join(ComplimentRound, ComplimentRound.id == ComplimentApplication.round_id)
        .where(ComplimentRound.year.between(starts_on.year, ends_on.year))
    )
    if municipality:
        query = query.where(func.lower(ComplimentRound.municipality) == municipality.lower())
    return query


def household_help_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Grants running in the period: caregivers helped, grants, hours granted (per year)."""
    query: AnySelect = select(
        func.count(func.distinct(HouseholdHelpGrant.caregiver_id)),
        func.count(),
        func.coalesce(func.sum(HouseholdHelpGrant.hours_per_year), 0.0),
    ).where(*_grant_in_period(starts_on, ends_on))
    return _grant_municipality(query, municipality)


def hours_used_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Hours delivered in the months of the period, on those grants."""
    month = HouseholdHelpMonth.year * 100 + HouseholdHelpMonth.month
    first = starts_on.year * 100 + starts_on.month
    last = ends_on.year * 100 + ends_on.month
    query: AnySelect = (
        select(func.coalesce(func.sum(HouseholdHelpMonth.hours), 0.0))
        .join(HouseholdHelpGrant, HouseholdHelpGrant.id == HouseholdHelpMonth.grant_id)
        .where(
            HouseholdHelpMonth.year.between(starts_on.year, ends_on.year),
            month.between(first, last),
            *_grant_in_period(starts_on, ends_on),
        )
    )
    return _grant_municipality(query, municipality)


def _grant_in_period(starts_on: date, ends_on: date) -> list[ColumnElement[bool]]:
    last_day = func.coalesce(HouseholdHelpGrant.extended_until, HouseholdHelpGrant.ends_on)
    return [
        HouseholdHelpGrant.status.in_(HELPED),
        HouseholdHelpGrant.starts_on <= ends_on,
        last_day >= starts_on,
    ]


def _grant_municipality(query: AnySelect, municipality: str) -> AnySelect:
    if not municipality:
        return query
    return query.where(HouseholdHelpGrant.caregiver_id.in_(_caregivers_of(municipality)))


def referral_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Referrals made in the period, per partner and outcome (None: still open)."""
    query: AnySelect = (
        select(Partner.name, Partner.kind, Referral.outcome, func.count())
        .join(Partner, Partner.id == Referral.partner_id)
        .where(Referral.referred_on.between(starts_on, ends_on))
        .group_by(Partner.name, Partner.kind, Referral.outcome)
    )
    if municipality:
        query = query.where(Referral.caregiver_id.in_(_caregivers_of(municipality)))
    return query


def municipalities_query() -> AnySelect:
    """Every gemeente caregivers live in, as registered."""
    return (
        select(Caregiver.municipality)
        .where(Caregiver.municipality != "")
        .group_by(Caregiver.municipality)
        .order_by(func.count().desc())
    )

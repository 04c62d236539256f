"""The counts of the verantwoording report, each aggregated by the database in one query.

Every query counts per gemeente at once: its first column is the caregivers' gemeente as
registered ("" for none), and it gives one row (or one row per code) for each gemeente with
something to count. Given a gemeente, it counts only that one.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from steunpunt.db.caregivers.models import Caregiver, CareRelation, Contact
from steunpunt.db.compliment.models import (
    ApplicationStatusChange,
    ComplimentApplication,
    PaymentReversal,
)
from steunpunt.db.support.models import (
    BurdenAssessment,
    HouseholdHelpGrant,
    HouseholdHelpMonth,
    Partner,
    Referral,
)
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus

AnySelect = Select[*tuple[Any, ...]]
"""A query of any columns; the callers unpack its rows by position."""

UNKNOWN = "onbekend"
GEMEENTE = Caregiver.municipality
"""The first column of every count: the caregivers' gemeente, as registered."""
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


def reach_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Registered at the start (the day before), new, ended, and registered at the end."""
    return (
        select(
            GEMEENTE,
            _count(active_on(starts_on - timedelta(days=1))),
            _count(Caregiver.registered_on.between(starts_on, ends_on)),
            _count(Caregiver.ended_on.between(starts_on, ends_on)),
            _count(active_on(ends_on)),
        )
        .where(in_municipality(municipality))
        .group_by(GEMEENTE)
    )


def years_query(years: list[int], last_day: date, municipality: str) -> AnySelect:
    """Per year: registered on 31 December (or ``last_day`` in its own year), and new in it."""
    columns: list[Any] = [GEMEENTE]
    for year in years:
        end = min(date(year, 12, 31), last_day)
        columns.append(_count(active_on(end)))
        columns.append(_count(Caregiver.registered_on.between(date(year, 1, 1), end)))
    return select(*columns).where(in_municipality(municipality)).group_by(GEMEENTE)


def age_query(ends_on: date, bounds: tuple[int, ...], municipality: str) -> AnySelect:
    """Caregivers registered at the end, per age bracket on that day (position 0 = youngest)."""
    whens: list[tuple[ColumnElement[bool], int]] = [(Caregiver.birth_date.is_(None), -1)]
    for position, bound in enumerate(bounds):
        # younger than ``bound``: born after the day ``bound`` years before the end
        born_after = _years_before(ends_on, bound)
        whens.append((Caregiver.birth_date > born_after, position))
    bracket = case(*whens, else_=len(bounds)).label("bracket")
    return (
        select(GEMEENTE, bracket, func.count())
        .where(active_on(ends_on), in_municipality(municipality))
        .group_by(GEMEENTE, bracket)
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def relation_query(ends_on: date, municipality: str) -> AnySelect:
    """Care relations of the caregivers registered at the end, per kind of relation."""
    per_caregiver = _per_caregiver(CareRelation.caregiver_id, CareRelation.relation_type)
    return _summed_per_gemeente(per_caregiver, active_on(ends_on), in_municipality(municipality))


def source_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Caregivers newly registered in the period, per way the steunpunt found them."""
    source = func.coalesce(Caregiver.source, UNKNOWN)
    return (
        select(GEMEENTE, source, func.count())
        .where(Caregiver.registered_on.between(starts_on, ends_on), in_municipality(municipality))
        .group_by(GEMEENTE, source)
    )


def _none_later(
    row: Any, later: Any, owner: str, moment: str, in_time: ColumnElement[bool]
) -> ColumnElement[bool]:
    """No ``later`` row of the same ``owner`` column, ``in_time``, is later than ``row`` by its
    ``moment`` column (the same moment: a higher id): ``row`` is the owner's latest then."""
    row_moment, later_moment = getattr(row, moment), getattr(later, moment)
    return ~exists().where(
        getattr(later, owner) == getattr(row, owner),
        in_time,
        or_(
            later_moment > row_moment,
            and_(later_moment == row_moment, later.id > row.id),
        ),
    )


def _overloaded_at(ends_on: date, overload_from: int) -> Any:
    """Ids of caregivers whose latest EDIZ-plus on or before ``ends_on`` scores
    ``overload_from`` or more."""
    measured, later = BurdenAssessment, aliased(BurdenAssessment)
    return select(measured.caregiver_id).where(
        measured.assessed_on <= ends_on,
        measured.total >= overload_from,
        _none_later(measured, later, "caregiver_id", "assessed_on", later.assessed_on <= ends_on),
    )


def referral_counted() -> ColumnElement[bool]:
    """A referral counts while its caregiver was registered: not dated after their end date."""
    return or_(Caregiver.ended_on.is_(None), Referral.referred_on <= Caregiver.ended_on)


def overload_query(
    starts_on: date, ends_on: date, municipality: str, overload_from: int
) -> AnySelect:
    """Caregivers registered at the end whose latest EDIZ-plus on or before the end scores
    ``overload_from`` or more, and how many of them got support in the period."""
    contact = exists().where(
        Contact.caregiver_id == Caregiver.id, Contact.contact_date.between(starts_on, ends_on)
    )
    referral = exists().where(
        Referral.caregiver_id == Caregiver.id,
        Referral.referred_on.between(starts_on, ends_on),
        referral_counted(),
    )
    helped = exists().where(
        HouseholdHelpGrant.caregiver_id == Caregiver.id, *_grant_in_period(starts_on, ends_on)
    )
    return (
        select(
            GEMEENTE,
            func.count(),
            _count(contact),
            _count(referral),
            _count(helped),
            _count(or_(contact, referral, helped)),
        )
        .where(
            active_on(ends_on),
            in_municipality(municipality),
            Caregiver.id.in_(_overloaded_at(ends_on, overload_from)),
        )
        .group_by(GEMEENTE)
    )


def contact_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Contact moments in the period, per kind."""
    per_caregiver = _per_caregiver(
        Contact.caregiver_id, Contact.kind, Contact.contact_date.between(starts_on, ends_on)
    )
    return _summed_per_gemeente(per_caregiver, in_municipality(municipality))


def _per_caregiver(caregiver_id: Any, code: Any, *where: ColumnElement[bool]) -> Any:
    """Rows counted per caregiver and code, before their caregivers are looked up: each
    caregiver is then read once, in id order (twice as fast as a lookup per row)."""
    return (
        select(caregiver_id.label("caregiver_id"), code.label("code"), func.count().label("n"))
        .where(*where)
        .group_by(caregiver_id, code)
        .subquery()
    )


def _summed_per_gemeente(per_caregiver: Any, *where: ColumnElement[bool]) -> AnySelect:
    """The counts of :func:`_per_caregiver` per gemeente and code, for caregivers ``where``."""
    code = per_caregiver.c.code
    return (
        select(GEMEENTE, code, func.sum(per_caregiver.c.n))
        .join(per_caregiver, per_caregiver.c.caregiver_id == Caregiver.id)
        .where(*where)
        .group_by(GEMEENTE, code)
    )


def _last_change_before(moment: datetime) -> ColumnElement[bool]:
    """An application's last status change before ``moment``: the one that set its status
    then."""
    change, later = ApplicationStatusChange, aliased(ApplicationStatusChange)
    return and_(
        change.application_id == ComplimentApplication.id,
        change.changed_at < moment,
        _none_later(change, later, "application_id", "changed_at", later.changed_at < moment),
    )


def compliment_query(
    starts_on: date, ends_on: date, municipality: str, period_over: datetime
) -> AnySelect:
    """Applications received in the period from the gemeente's caregivers (whatever round):
    applied, and granted, refused and paid at ``period_over`` (the moment the period ended),
    with the amounts granted and paid (in cents)."""
    status = ApplicationStatusChange.to_status
    granted = status.in_([ApplicationStatus.GRANTED.value, ApplicationStatus.PAID.value])
    paid = status == ApplicationStatus.PAID.value
    refused = status == ApplicationStatus.REFUSED.value
    # A grant in a payment batch at the period end that was reversed later counted with the
    # amount it had then, which the first reversal after the period end recorded.
    reversed_later = (
        select(PaymentReversal.amount_cents)
        .where(
            PaymentReversal.application_id == ComplimentApplication.id,
            PaymentReversal.recorded_at >= period_over,
        )
        .order_by(PaymentReversal.recorded_at, PaymentReversal.id)
        .limit(1)
        .scalar_subquery()
    )
    cents = func.coalesce(reversed_later, ComplimentApplication.amount_cents, 0)
    per_caregiver = (
        select(
            ComplimentApplication.caregiver_id,
            func.count().label("applied"),
            _count(granted).label("granted"),
            _count(refused).label("refused"),
            _count(paid).label("paid"),
            func.sum(case((granted, cents), else_=0)).label("granted_cents"),
            func.sum(case((paid, cents), else_=0)).label("paid_cents"),
        )
        .outerjoin(ApplicationStatusChange, _last_change_before(period_over))
        .where(ComplimentApplication.received_on.between(starts_on, ends_on))
        .group_by(ComplimentApplication.caregiver_id)
        .subquery()
    )
    columns = per_caregiver.c
    return (
        select(
            GEMEENTE,
            *(
                func.sum(column)
                for column in (
                    columns.applied,
                    columns.granted,
                    columns.refused,
                    columns.paid,
                    columns.granted_cents,
                    columns.paid_cents,
                )
            ),
        )
        .join(per_caregiver, columns.caregiver_id == Caregiver.id)
        .where(in_municipality(municipality))
        .group_by(GEMEENTE)
    )


def household_help_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Grants running in the period: caregivers helped, and grants."""
    query = select(
        GEMEENTE, func.count(func.distinct(HouseholdHelpGrant.caregiver_id)), func.count()
    )
    return _grants_per_gemeente(query, starts_on, ends_on, municipality).group_by(GEMEENTE)


def grant_terms_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """The same grants per start, end, extension, stop and hours per year, with how many share
    them: what their hours in the period are worked out from."""
    terms = (
        HouseholdHelpGrant.starts_on,
        HouseholdHelpGrant.ends_on,
        HouseholdHelpGrant.extended_until,
        HouseholdHelpGrant.stopped_on,
        HouseholdHelpGrant.hours_per_year,
    )
    query = select(GEMEENTE, *terms, func.count())
    return _grants_per_gemeente(query, starts_on, ends_on, municipality).group_by(GEMEENTE, *terms)


def hours_used_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Hours delivered in the months of the period, on those grants."""
    month = HouseholdHelpMonth.year * 100 + HouseholdHelpMonth.month
    first = starts_on.year * 100 + starts_on.month
    last = ends_on.year * 100 + ends_on.month
    query = (
        select(GEMEENTE, func.sum(HouseholdHelpMonth.hours))
        .select_from(HouseholdHelpMonth)
        .join(HouseholdHelpGrant, HouseholdHelpGrant.id == HouseholdHelpMonth.grant_id)
        .where(
            HouseholdHelpMonth.year.between(starts_on.year, ends_on.year),
            month.between(first, last),
        )
    )
    return _grants_per_gemeente(query, starts_on, ends_on, municipality).group_by(GEMEENTE)


def _grant_in_period(starts_on: date, ends_on: date) -> list[ColumnElement[bool]]:
    """Granted help whose days (up to its end or its later extension, and before the day it
    stopped) touch the period."""
    return [
        HouseholdHelpGrant.status.in_(HELPED),
        HouseholdHelpGrant.starts_on <= ends_on,
        or_(
            HouseholdHelpGrant.ends_on >= starts_on,
            HouseholdHelpGrant.extended_until >= starts_on,
        ),
        or_(HouseholdHelpGrant.stopped_on.is_(None), HouseholdHelpGrant.stopped_on > starts_on),
    ]


def _grants_per_gemeente(
    query: AnySelect, starts_on: date, ends_on: date, municipality: str
) -> AnySelect:
    """``query`` over the grants running in the period, with their caregivers' gemeente."""
    return query.join(Caregiver, Caregiver.id == HouseholdHelpGrant.caregiver_id).where(
        *_grant_in_period(starts_on, ends_on), in_municipality(municipality)
    )


def referral_query(starts_on: date, ends_on: date, municipality: str) -> AnySelect:
    """Referrals made in the period while the caregiver was registered, per partner and
    outcome at the end of the period (None: still open then)."""
    closed = and_(Referral.closed_on <= ends_on, Referral.outcome.is_not(None))
    outcome = case((closed, Referral.outcome), else_=None).label("outcome")
    return (
        select(GEMEENTE, Partner.name, Partner.kind, outcome, func.count())
        .join(Partner, Partner.id == Referral.partner_id)
        .join(Caregiver, Caregiver.id == Referral.caregiver_id)
        .where(
            Referral.referred_on.between(starts_on, ends_on),
            referral_counted(),
            in_municipality(municipality),
        )
        .group_by(GEMEENTE, Partner.name, Partner.kind, outcome)
    )


def municipalities_query() -> AnySelect:
    """Every gemeente caregivers live in, as registered."""
    return (
        select(Caregiver.municipality)
        .where(Caregiver.municipality != "")
        .group_by(Caregiver.municipality)
        .order_by(func.count().desc())
    )

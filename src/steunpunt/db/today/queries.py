"""Query builders for the worklist: each kind of due work, the marks, later measurements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    case,
    extract,
    func,
    literal,
    select,
    type_coerce,
)

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.caregivers.queries import is_active
from steunpunt.db.compliment.models import ComplimentApplication, ComplimentRound
from steunpunt.db.support.models import BurdenAssessment, HouseholdHelpGrant, Partner, Referral
from steunpunt.db.today.models import WorklistMark
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.support.household_help.status import BUDGET_STATUSES
from steunpunt.domain.today.worklist import months_before

Columns = TypeVarTuple("Columns")

_NAME = (Caregiver.first_name, Caregiver.infix, Caregiver.last_name)


def marks(today: date) -> Select[str, bool | None, datetime]:
    """Keys of items done or snoozed past ``today``: whether snoozed, and when marked."""
    return select(
        WorklistMark.item_key, WorklistMark.snoozed_until > today, WorklistMark.updated_at
    ).where(WorklistMark.done.is_(True) | (WorklistMark.snoozed_until > today))


def mark(key: str) -> Select[WorklistMark]:
    """The mark of one item, if it has one."""
    return select(WorklistMark).where(WorklistMark.item_key == key)


def latest_measurements(caregiver_ids: Sequence[int]) -> Select[int, datetime | None]:
    """When each of the caregivers' latest burden measurement was entered."""
    return (
        select(BurdenAssessment.caregiver_id, func.max(BurdenAssessment.created_at))
        .where(BurdenAssessment.caregiver_id.in_(caregiver_ids))
        .group_by(BurdenAssessment.caregiver_id)
    )


def referrals_due(today: date) -> Select[int, int, date | None, str, str, str, str]:
    """Open referrals of active caregivers whose follow-up date has come."""
    return (
        select(Referral.id, Referral.caregiver_id, Referral.follow_up_on, Partner.name, *_NAME)
        .join(Partner, Partner.id == Referral.partner_id)
        .join(Caregiver, Caregiver.id == Referral.caregiver_id)
        .where(Referral.closed_on.is_(None), Referral.follow_up_on <= today, is_active(today))
    )


def evaluations_due(today: date) -> Select[int, int, date | None, str, str, str]:
    """Running household-help grants of active caregivers whose evaluation date has come."""
    grant = HouseholdHelpGrant
    query = select(grant.id, grant.caregiver_id, grant.evaluation_on, *_NAME)
    return _running_grants(query, today).where(grant.evaluation_on <= today)


def maybe_over_budget(
    today: date, rules: HouseholdHelpRules
) -> Select[int, int, date, date, date | None, Decimal, Decimal, str, str, str]:
    """Running grants of active caregivers that may have used more hours than their budget.

    The database compares with a lower bound of the budget, in hundredths x 12: a grant has at
    least as many started months as the calendar months it touches less one (12 when the office
    does not go pro rata); the service computes the exact budget of the few rows found.
    """
    grant = HouseholdHelpGrant
    used, per_year = (
        type_coerce(grant.hours_used, Integer),
        type_coerce(grant.hours_per_year, Integer),
    )
    months: ColumnElement[int] = literal(12)
    if rules.budget_pro_rata:
        gap = (extract("year", grant.ends_on) - extract("year", grant.starts_on)) * 12 + (
            extract("month", grant.ends_on) - extract("month", grant.starts_on)
        )
        months = case((gap > 12, 12), else_=gap)
    query = select(
        grant.id,
        grant.caregiver_id,
        grant.starts_on,
        grant.ends_on,
        grant.extended_until,
        grant.hours_per_year,
        grant.hours_used,
        *_NAME,
    )
    return _running_grants(query, today).where(used * 12 > per_year * months)


def _running_grants(query: Select[*Columns], today: date) -> Select[*Columns]:
    """``query`` of grants whose hours are being used, of active caregivers (joined)."""
    return query.join(Caregiver, Caregiver.id == HouseholdHelpGrant.caregiver_id).where(
        HouseholdHelpGrant.status.in_([status.value for status in BUDGET_STATUSES]),
        is_active(today),
    )


def without_contact(today: date, months: int) -> Select[int, date | None, str, str, str]:
    """Overloaded, active caregivers whose last contact is ``months`` or more ago (or never)."""
    last = Caregiver.last_contact_on
    return select(Caregiver.id, last, *_NAME).where(
        Caregiver.overloaded.is_(True),
        last.is_(None) | (last <= months_before(today, months)),
        is_active(today),
    )


def round_work(today: date) -> Select[int, str, int, int | None, int | None]:
    """Per compliment round: applications waiting for a decision, controlebrieven overdue."""
    waiting = (ApplicationStatus.RECEIVED.value, ApplicationStatus.IN_REVIEW.value)
    awaiting = ApplicationStatus.AWAITING_CONTROL_LETTER.value
    overdue = (ComplimentApplication.status == awaiting) & (
        ComplimentApplication.control_letter_due_on < today
    )
    return (
        select(
            ComplimentRound.id,
            ComplimentRound.municipality,
            ComplimentRound.year,
            func.sum(ComplimentApplication.status.in_(waiting).cast(Integer)),
            func.sum(overdue.cast(Integer)),
        )
        .join(ComplimentApplication, ComplimentApplication.round_id == ComplimentRound.id)
        .group_by(ComplimentRound.id, ComplimentRound.municipality, ComplimentRound.year)
    )

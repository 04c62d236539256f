"""The daily worklist: follow-ups due, evaluations, budgets, overloaded caregivers out of
sight, and the compliment round's waiting work; items can be marked done or snoozed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import TypeVarTuple

from sqlalchemy import Integer, Row, Select, func, select, type_coerce
from sqlalchemy.orm import Session

from steunpunt.db.caregiver_queries import is_active
from steunpunt.db.compliment_models import ComplimentApplication, ComplimentRound
from steunpunt.db.models import Caregiver
from steunpunt.db.support_models import (
    BurdenAssessment,
    HouseholdHelpGrant,
    Partner,
    Referral,
    WorklistMark,
)
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.household_help.budget import budget_hours
from steunpunt.domain.household_help.settings import HouseholdHelpRules
from steunpunt.domain.worklist import (
    WorkKind,
    WorklistSettings,
    months_before,
    worklist_settings_from_json,
    worklist_settings_to_json,
)
from steunpunt.services.dto import Actor
from steunpunt.services.household_help import BUDGET_STATUSES
from steunpunt.services.household_help_records import read_rules
from steunpunt.services.office_settings import WORKLIST, read_setting, write_setting
from steunpunt.services.session_scope import SessionScope
from steunpunt.services.support_dto import WorkItem

log = logging.getLogger(__name__)

Columns = TypeVarTuple("Columns")

_NAME = (Caregiver.first_name, Caregiver.infix, Caregiver.last_name)


class WorklistService:
    """What needs doing today, from every part of the register."""

    def __init__(self, scope: SessionScope, today: Callable[[], date]) -> None:
        self._scope = scope
        self._today = today

    def settings(self) -> WorklistSettings:
        with self._scope() as session:
            return read_setting(session, WORKLIST, worklist_settings_from_json)

    def save_settings(self, actor: Actor, settings: WorklistSettings) -> None:
        with self._scope() as session:
            write_setting(session, WORKLIST, worklist_settings_to_json(settings.check()))
            log.info("Worklist settings saved by staff %s", actor.staff_id)

    def items(self) -> list[WorkItem]:
        """Everything due, oldest first; done and snoozed items are left out."""
        today = self._today()
        with self._scope() as session:
            settings = read_setting(session, WORKLIST, worklist_settings_from_json)
            marks = {
                key: (snoozed, marked_at)
                for key, snoozed, marked_at in session.execute(
                    select(
                        WorklistMark.item_key,
                        WorklistMark.snoozed_until > today,
                        WorklistMark.updated_at,
                    ).where(WorklistMark.done.is_(True) | (WorklistMark.snoozed_until > today))
                )
            }
            found = [
                *_referrals(session, today),
                *_evaluations(session, today),
                *_over_budget(session, today, read_rules(session)),
                *_without_contact(session, today, settings),
                *_rounds(session, today),
            ]
        items = [item for item in found if not _hidden(item, marks.get(item.key))]
        return sorted(items, key=lambda item: (item.due_on or today, item.kind, item.who))

    def mark_done(self, actor: Actor, key: str) -> None:
        self._mark(actor, key, done=True, snoozed_until=None)

    def snooze(self, actor: Actor, key: str, until: date) -> None:
        self._mark(actor, key, done=False, snoozed_until=until)

    def _mark(self, actor: Actor, key: str, done: bool, snoozed_until: date | None) -> None:
        with self._scope() as session:
            row = session.scalar(select(WorklistMark).where(WorklistMark.item_key == key))
            if row is None:
                row = WorklistMark(item_key=key)
                session.add(row)
            row.done = done
            row.snoozed_until = snoozed_until
            row.marked_by_id = actor.staff_id


def _hidden(item: WorkItem, mark: tuple[bool | None, datetime] | None) -> bool:
    """Snoozed, or done unless a measurement was entered after it was marked done."""
    if mark is None:
        return False
    snoozed, marked_at = mark
    return bool(snoozed) or item.measured_at is None or item.measured_at <= marked_at


def _fetch(session: Session, query: Select[*Columns]) -> Sequence[Row[*Columns]]:
    """All rows at once: iterating a result makes SQLAlchemy ask row by row."""
    return session.connection().execute(query).all()


def _referrals(session: Session, today: date) -> Iterator[WorkItem]:
    rows = _fetch(
        session,
        select(Referral.id, Referral.caregiver_id, Referral.follow_up_on, Partner.name, *_NAME)
        .join(Partner, Partner.id == Referral.partner_id)
        .join(Caregiver, Caregiver.id == Referral.caregiver_id)
        .where(Referral.closed_on.is_(None), Referral.follow_up_on <= today, is_active(today)),
    )
    for referral_id, caregiver_id, due, partner, *name in rows:
        yield WorkItem(
            f"verwijzing:{referral_id}:{due}",
            WorkKind.REFERRAL_FOLLOW_UP,
            due,
            tuple(name),
            (partner, due),
            caregiver_id=caregiver_id,
        )


def _evaluations(session: Session, today: date) -> Iterator[WorkItem]:
    rows = _fetch(
        session,
        select(
            HouseholdHelpGrant.id,
            HouseholdHelpGrant.caregiver_id,
            HouseholdHelpGrant.evaluation_on,
            *_NAME,
        )
        .join(Caregiver, Caregiver.id == HouseholdHelpGrant.caregiver_id)
        .where(
            HouseholdHelpGrant.status.in_([status.value for status in BUDGET_STATUSES]),
            HouseholdHelpGrant.evaluation_on <= today,
            is_active(today),
        ),
    )
    for grant_id, caregiver_id, due, *name in rows:
        yield WorkItem(
            f"evaluatie:{grant_id}:{due}",
            WorkKind.EVALUATION,
            due,
            tuple(name),
            (due,),
            caregiver_id=caregiver_id,
        )


def _over_budget(session: Session, today: date, rules: HouseholdHelpRules) -> Iterator[WorkItem]:
    """Running grants of active caregivers whose delivered hours passed their budget (with any
    extension; pro rata for a shorter grant when the office says so)."""
    grant = HouseholdHelpGrant
    # No budget is below a twelfth of the hours per year (one month): compared in hundredths.
    used, per_year = (
        type_coerce(grant.hours_used, Integer),
        type_coerce(grant.hours_per_year, Integer),
    )
    rows = _fetch(
        session,
        select(
            grant.id,
            grant.caregiver_id,
            grant.starts_on,
            grant.ends_on,
            grant.extended_until,
            grant.hours_per_year,
            grant.hours_used,
            *_NAME,
        )
        .join(Caregiver, Caregiver.id == grant.caregiver_id)
        .where(
            grant.status.in_([status.value for status in BUDGET_STATUSES]),
            used * 12 > per_year,
            is_active(today),
        ),
    )
    for grant_id, caregiver_id, starts_on, ends_on, extended, per_year_hours, hours, *name in rows:
        budget = budget_hours(rules, per_year_hours, starts_on, ends_on, extended)
        if hours <= budget:
            continue
        yield WorkItem(
            f"budget:{grant_id}:{float(hours):g}",
            WorkKind.OVER_BUDGET,
            None,
            tuple(name),
            (hours, budget),
            caregiver_id=caregiver_id,
        )


def _without_contact(
    session: Session, today: date, settings: WorklistSettings
) -> Iterator[WorkItem]:
    """Overloaded, active caregivers whose last contact is some months ago (or never).

    The item's key holds the last contact; when the office wants it, an item marked done comes
    back once a new measurement (still or again overloaded) is entered.
    """
    months = settings.months_without_contact
    cutoff = months_before(today, months)
    last = Caregiver.last_contact_on
    measured = (
        select(func.max(BurdenAssessment.created_at))
        .where(BurdenAssessment.caregiver_id == Caregiver.id)
        .scalar_subquery()
    )
    rows = _fetch(
        session,
        select(Caregiver.id, last, measured, *_NAME).where(
            Caregiver.overloaded.is_(True),
            last.is_(None) | (last <= cutoff),
            is_active(today),
        ),
    )
    returns = settings.no_contact_returns_on_new_measurement
    for caregiver_id, last_contact, measured_at, *name in rows:
        yield WorkItem(
            f"contact:{caregiver_id}:{last_contact or 'nooit'}",
            WorkKind.NO_CONTACT,
            None if last_contact is None else months_before(last_contact, -months),
            tuple(name),
            (last_contact,),
            caregiver_id=caregiver_id,
            measured_at=measured_at if returns else None,
        )


def _rounds(session: Session, today: date) -> Iterator[WorkItem]:
    """Per compliment round: applications waiting for a decision, controlebrieven overdue."""
    waiting = (ApplicationStatus.RECEIVED.value, ApplicationStatus.IN_REVIEW.value)
    awaiting = ApplicationStatus.AWAITING_CONTROL_LETTER.value
    overdue = (ComplimentApplication.status == awaiting) & (
        ComplimentApplication.control_letter_due_on < today
    )
    rows = _fetch(
        session,
        select(
            ComplimentRound.id,
            ComplimentRound.municipality,
            ComplimentRound.year,
            func.sum(ComplimentApplication.status.in_(waiting).cast(Integer)),
            func.sum(overdue.cast(Integer)),
        )
        .join(ComplimentApplication, ComplimentApplication.round_id == ComplimentRound.id)
        .group_by(ComplimentRound.id, ComplimentRound.municipality, ComplimentRound.year),
    )
    for round_id, municipality, year, open_count, late_count in rows:
        title = f"Mantelzorgcompliment {municipality} {year}"
        if open_count:
            yield WorkItem(
                f"aanvragen:{round_id}:{open_count}",
                WorkKind.APPLICATIONS_WAITING,
                None,
                (title,),
                (open_count,),
                round_id=round_id,
            )
        if late_count:
            yield WorkItem(
                f"controlebrieven:{round_id}:{late_count}",
                WorkKind.CONTROL_LETTERS_OVERDUE,
                None,
                (title,),
                (late_count,),
                round_id=round_id,
            )

"""The daily worklist: follow-ups due, evaluations, budgets, overloaded caregivers out of
sight, and the compliment round's waiting work; items can be marked done or snoozed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Row,
    Select,
    case,
    extract,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.caregivers.queries import is_active
from steunpunt.db.compliment.models import ComplimentApplication, ComplimentRound
from steunpunt.db.support.models import (
    BurdenAssessment,
    HouseholdHelpGrant,
    Partner,
    Referral,
    WorklistMark,
)
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.support.household_help.budget import budget_hours
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.today.worklist import (
    WorkKind,
    WorklistSettings,
    months_before,
    worklist_settings_from_json,
    worklist_settings_to_json,
)
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.office_settings import WORKLIST, read_setting, write_setting
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.support.dto import WorkItem
from steunpunt.services.support.household_help import BUDGET_STATUSES
from steunpunt.services.support.household_help_records import read_rules

log = logging.getLogger(__name__)

Columns = TypeVarTuple("Columns")

_NAME = (Caregiver.first_name, Caregiver.infix, Caregiver.last_name)
CHUNK = 500
"""Caregiver ids per query, well below SQLite's limit on bound values."""


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
                *_without_contact(session, today, settings.months_without_contact),
                *_rounds(session, today),
            ]
            returns = settings.no_contact_returns_on_new_measurement
            back = _measured_again(session, found, marks) if returns else set()
        items = [item for item in found if item.key not in marks or item.key in back]
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


def _measured_again(
    session: Session, found: Sequence[WorkItem], marks: Mapping[str, tuple[bool | None, datetime]]
) -> set[str]:
    """Keys of "geen contact" items marked done before a new measurement of the caregiver was
    entered (the caregiver is overloaded, so that measurement showed it again)."""
    done = {
        item.caregiver_id: item.key
        for item in found
        if item.kind is WorkKind.NO_CONTACT and item.key in marks and not marks[item.key][0]
    }
    ids = sorted(caregiver for caregiver in done if caregiver is not None)
    back: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        rows = _fetch(
            session,
            select(BurdenAssessment.caregiver_id, func.max(BurdenAssessment.created_at))
            .where(BurdenAssessment.caregiver_id.in_(ids[start : start + CHUNK]))
            .group_by(BurdenAssessment.caregiver_id),
        )
        back.update(
            done[caregiver]
            for caregiver, entered in rows
            if entered is not None and entered > marks[done[caregiver]][1]
        )
    return back


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
    used, per_year = (
        type_coerce(grant.hours_used, Integer),
        type_coerce(grant.hours_per_year, Integer),
    )
    # A lower bound of the budget, in hundredths x 12: a grant has at least as many started
    # months as the calendar months it touches less one (12 when the office does not go pro rata).
    months: ColumnElement[int] = literal(12)
    if rules.budget_pro_rata:
        gap = (extract("year", grant.ends_on) - extract("year", grant.starts_on)) * 12 + (
            extract("month", grant.ends_on) - extract("month", grant.starts_on)
        )
        months = case((gap > 12, 12), else_=gap)
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
            used * 12 > per_year * months,
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


def _without_contact(session: Session, today: date, months: int) -> Iterator[WorkItem]:
    """Overloaded, active caregivers whose last contact is ``months`` or more ago (or never)."""
    cutoff = months_before(today, months)
    last = Caregiver.last_contact_on
    rows = _fetch(
        session,
        select(Caregiver.id, last, *_NAME).where(
            Caregiver.overloaded.is_(True),
            last.is_(None) | (last <= cutoff),
            is_active(today),
        ),
    )
    for caregiver_id, last_contact, *name in rows:
        yield WorkItem(
            f"contact:{caregiver_id}:{last_contact or 'nooit'}",
            WorkKind.NO_CONTACT,
            None if last_contact is None else months_before(last_contact, -months),
            tuple(name),
            (last_contact,),
            caregiver_id=caregiver_id,
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

"""The daily worklist: follow-ups due, evaluations, budgets, overloaded caregivers out of
sight, and the compliment round's waiting work; items can be marked done or snoozed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TypeVarTuple

from sqlalchemy import Row, Select
from sqlalchemy.orm import Session

from steunpunt.db.today import queries
from steunpunt.db.today.models import WorklistMark
from steunpunt.domain.support.household_help.budget import budget_hours
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.today.worklist import (
    WorkKind,
    WorklistSettings,
    months_before,
    worklist_settings_from_json,
    worklist_settings_to_json,
)
from steunpunt.services.caregivers.caseload import NOT_YOURS, assigned_ids, caseload_owner
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotPermitted
from steunpunt.services.kernel.office_settings import WORKLIST, read_setting, write_setting
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.support.household_help_records import read_rules
from steunpunt.services.today.dto import WorkItem

log = logging.getLogger(__name__)

Columns = TypeVarTuple("Columns")

CHUNK = 500
"""Caregiver ids per query, well below SQLite's limit on bound values."""


class WorklistService:
    """What needs doing today, from every part of the register."""

    def __init__(self, scope: SessionScope, today: Callable[[], date]) -> None:
        self._scope = scope
        self._today = today

    @reads
    def settings(self) -> WorklistSettings:
        with self._scope() as session:
            return read_setting(session, WORKLIST, worklist_settings_from_json)

    @writes
    def save_settings(self, actor: Actor, settings: WorklistSettings) -> None:
        with self._scope() as session:
            write_setting(session, WORKLIST, worklist_settings_to_json(settings.check()))
            log.info("Worklist settings saved by staff %s", actor.staff_id)

    @reads
    def items(self) -> list[WorkItem]:
        """Everything due, oldest first; done and snoozed items are left out."""
        return self._due(False, self._scope.reader)

    @reads
    def done_items(self) -> list[WorkItem]:
        """The items still due that were marked done ("Afgehandeld"), oldest first."""
        return self._due(True, self._scope.reader)

    @writes
    def mark_done(self, actor: Actor, key: str) -> None:
        self._mark(actor, key, done=True, snoozed_until=None)

    @writes
    def snooze(self, actor: Actor, key: str, until: date) -> None:
        self._mark(actor, key, done=False, snoozed_until=until)

    @writes
    def reopen(self, actor: Actor, key: str) -> None:
        """Put an item marked done or snoozed back on the list (undo, or from "Afgehandeld")."""
        self._mark(actor, key, done=False, snoozed_until=None)

    def _due(self, done: bool, reader: Actor | None) -> list[WorkItem]:
        """The due items without a mark (or back after a new measurement), or those marked done;
        a vrijwilliger's only those of their own caregivers (no round work)."""
        today = self._today()
        owner = caseload_owner(reader)
        with self._scope() as session:
            own = None if owner is None else assigned_ids(session, owner)
            settings = read_setting(session, WORKLIST, worklist_settings_from_json)
            marks = {
                key: (snoozed, marked_at)
                for key, snoozed, marked_at in session.execute(queries.marks(today))
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
        shown = {item.key for item in found if item.key not in marks or item.key in back}
        if done:
            shown = {key for key, (snoozed, _at) in marks.items() if not snoozed} - shown
        items = [
            item
            for item in found
            if item.key in shown and (own is None or item.caregiver_id in own)
        ]
        return sorted(items, key=lambda item: (item.due_on or today, item.kind, item.who))

    def _mark(self, actor: Actor, key: str, done: bool, snoozed_until: date | None) -> None:
        """Mark an item; a vrijwilliger only one of their own list (done or not)."""
        if caseload_owner(actor) is not None:
            own = {
                item.key for done_items in (False, True) for item in self._due(done_items, actor)
            }
            if key not in own:
                raise NotPermitted(NOT_YOURS)
        with self._scope() as session:
            row = session.scalar(queries.mark(key))
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
        rows = _fetch(session, queries.latest_measurements(ids[start : start + CHUNK]))
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
    rows = _fetch(session, queries.referrals_due(today))
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
    rows = _fetch(session, queries.evaluations_due(today))
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
    rows = _fetch(session, queries.maybe_over_budget(today, rules))
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
    rows = _fetch(session, queries.without_contact(today, months))
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
    rows = _fetch(session, queries.round_work(today))
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

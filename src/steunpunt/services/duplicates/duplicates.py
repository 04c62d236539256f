"""The duplicate use cases: scan the register, decide "niet dezelfde", merge two caregivers and
undo a merge.

A merge is one transaction: the survivor gets the chosen values, every row of the other person
(found from the metadata: ``db/duplicates/merge.py``) moves to the survivor and the other is
removed, with a snapshot that undoes all of it as long as none of those rows changed since.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.duplicates.merge import (
    MovedRow,
    RemovedRow,
    decode_row,
    dumps,
    move_back,
    move_rows,
    put_back,
    whole_row,
)
from steunpunt.db.duplicates.models import CaregiverMerge, DuplicateDecision
from steunpunt.db.duplicates.queries import caregivers_by_id
from steunpunt.db.kernel.base import utc_now
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.db.kernel.tables import metadata
from steunpunt.db.support.models import BurdenAssessment
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.duplicates.merge_fields import (
    MERGE_FIELDS,
    MergeField,
    proposed_side,
    survivor_side,
)
from steunpunt.services.caregivers.register import WHAT
from steunpunt.services.duplicates import people, refusals
from steunpunt.services.duplicates.dto import (
    DuplicatePair,
    FieldChoice,
    MergeProposal,
    MergeRecord,
    MergeResult,
)
from steunpunt.services.duplicates.register_pairs import RegisterPairs
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.errors import NotAllowed, StaleEdit
from steunpunt.services.kernel.records import STALE_MESSAGE, load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

DERIVED_COLUMNS = ("last_contact_on", "burden_level", "overloaded")
"""Survivor columns that follow from the moved rows and come back on undo."""
SAME_PERSON = "Een mantelzorger kan niet met zichzelf worden samengevoegd."


class DuplicateService:
    """Likely duplicates in the register, and what a person decides about them."""

    def __init__(self, scope: SessionScope, register: RegisterPairs) -> None:
        self._scope = scope
        self._register = register

    @reads
    def scan(self) -> list[DuplicatePair]:
        """Every likely pair in the register not decided "niet dezelfde", strongest first."""
        with self._scope() as session:
            pairs = self._register.pairs(session)
            shown = people.summaries(
                session, {i for pair in pairs for i in (pair.first_id, pair.second_id)}
            )
        return [
            DuplicatePair(
                shown[pair.first_id],
                shown[pair.second_id],
                tuple(reason.value for reason in pair.reasons),
                pair.score,
            )
            for pair in pairs
        ]

    @writes
    def not_same(self, actor: Actor, first_id: int, second_id: int) -> None:
        """Remember that two caregivers are different people: the scan shows them no more."""
        low, high = sorted((first_id, second_id))
        if low == high:
            raise NotAllowed(SAME_PERSON)
        with self._scope() as session:
            load(session, Caregiver, low, WHAT)
            load(session, Caregiver, high, WHAT)
            known = session.scalar(
                select(DuplicateDecision.id).where(
                    DuplicateDecision.first_caregiver_id == low,
                    DuplicateDecision.second_caregiver_id == high,
                )
            )
            if known is None:
                session.add(
                    DuplicateDecision(
                        first_caregiver_id=low,
                        second_caregiver_id=high,
                        decided_by_id=actor.staff_id,
                    )
                )
            record(
                session,
                actor,
                AuditKind.NOT_SAME,
                caregiver_id=low,
                details={"mantelzorgers": [low, high]},
            )

    @reads
    def merge_proposal(self, first_id: int, second_id: int) -> MergeProposal:
        """Who survives (more history) and, per field, both values and the proposed one."""
        if first_id == second_id:
            raise NotAllowed(SAME_PERSON)
        with self._scope() as session:
            first = load(session, Caregiver, first_id, WHAT)
            second = load(session, Caregiver, second_id, WHAT)
            history = people.history(session, [first_id, second_id])
            side = survivor_side(history[first_id], history[second_id], first_id, second_id)
            survivor, other = (first, second) if side == 0 else (second, first)
            survivor_newer = survivor.updated_at >= other.updated_at
            fields = []
            for field in MERGE_FIELDS:
                kept, taken = _values(survivor, field), _values(other, field)
                pick = proposed_side(field, kept, taken, survivor_newer)
                fields.append(
                    FieldChoice(
                        field.key,
                        field.label,
                        people.shown(field, kept),
                        people.shown(field, taken),
                        survivor.id if pick == 0 else other.id,
                    )
                )
            return MergeProposal(
                people.summary_of(survivor),
                people.summary_of(other),
                history[survivor.id],
                history[other.id],
                tuple(fields),
                ((survivor.id, survivor.version), (other.id, other.version)),
            )

    @writes
    def merge(
        self,
        actor: Actor,
        survivor_id: int,
        other_id: int,
        chosen_values: Mapping[str, int],
        expected_versions: Mapping[int, int],
    ) -> MergeResult:
        """Merge ``other_id`` into ``survivor_id`` in one transaction.

        ``chosen_values`` name per field (``MERGE_FIELDS`` key) whose value survives, by
        caregiver id; a field not named keeps the survivor's. Refused with the reason when it
        would give the survivor a second grant in one year or two applications in one round
        for the same naaste, and :class:`StaleEdit` when either changed since the proposal.
        """
        if survivor_id == other_id:
            raise NotAllowed(SAME_PERSON)
        with self._scope() as session:
            survivor = load(session, Caregiver, survivor_id, WHAT)
            other = load(session, Caregiver, other_id, WHAT)
            for person in (survivor, other):
                if expected_versions.get(person.id) != person.version:
                    raise StaleEdit(STALE_MESSAGE.format(what=f"Mantelzorger {person.name.full}"))
            refusals.refuse_double_grants(session, survivor_id, other_id)
            refusals.refuse_shared_rows(session, survivor_id, other_id)
            before = {
                column: _plain(getattr(survivor, column))
                for field in MERGE_FIELDS
                for column in field.columns
            } | {column: _plain(getattr(survivor, column)) for column in DERIVED_COLUMNS}
            merged_row = whole_row(session, "caregiver", other_id)
            derived = _derived_after(session, survivor, other)
            session.expunge(other)
            moved, removed = move_rows(session, survivor_id, other_id)
            session.execute(delete(Caregiver).where(Caregiver.id == other_id))
            for field in MERGE_FIELDS:
                if chosen_values.get(field.key) == other_id:
                    for column in field.columns:
                        setattr(survivor, column, merged_row_value(merged_row, column))
            for column, value in derived.items():
                setattr(survivor, column, value)
            session.flush()
            merge = CaregiverMerge(
                survivor_id=survivor_id,
                merged_uuid=merged_row["uuid"],
                merged_by_id=actor.staff_id,
                snapshot_json=dumps(
                    {
                        "caregiver": merged_row,
                        "moved": [vars(row) for row in moved],
                        "removed": [vars(row) for row in removed],
                        "survivor_before": before,
                        "survivor_version": survivor.version,
                    }
                ),
            )
            session.add(merge)
            session.flush()
            record(
                session,
                actor,
                AuditKind.MERGED,
                caregiver_id=survivor_id,
                record_table="caregiver_merge",
                record_id=merge.id,
                details={
                    "samengevoegd": other_id,
                    "overgezet": len(moved),
                    "vervallen": len(removed),
                },
            )
            return MergeResult(merge.id, survivor_id, len(moved))

    @writes
    def undo_merge(self, actor: Actor, merge_id: int) -> None:
        """Bring the merged-away person and every moved row back as they were, and the
        survivor's fields; refused, naming what blocks it, when any of them changed since."""
        with self._scope() as session:
            merge = load(session, CaregiverMerge, merge_id, "Deze samenvoeging")
            if merge.undone_at is not None:
                raise NotAllowed("Deze samenvoeging is al ongedaan gemaakt.")
            if not merge.snapshot_json:
                raise NotAllowed(
                    "Deze samenvoeging kan niet meer ongedaan worden gemaakt: de gegevens van de "
                    "mantelzorger zijn verwijderd."
                )
            snapshot = json.loads(merge.snapshot_json)
            moved = [MovedRow(**row) for row in snapshot["moved"]]
            removed = [RemovedRow(**row) for row in snapshot["removed"]]
            merged = snapshot["caregiver"]
            survivor = session.get(Caregiver, merge.survivor_id)
            blockers = refusals.undo_blockers(session, survivor, snapshot, moved, removed)
            if blockers:
                raise NotAllowed(
                    "Samenvoegen kan niet ongedaan worden gemaakt, want na het samenvoegen is "
                    f"gewijzigd: {'; '.join(blockers)}. Er is niets veranderd."
                )
            assert survivor is not None  # a missing survivor is a blocker
            put_back(session, "caregiver", merged)
            move_back(session, moved)
            for row in removed:
                put_back(session, row.table, row.values)
            for column in snapshot["survivor_before"]:
                setattr(survivor, column, merged_row_value(snapshot["survivor_before"], column))
            merge.undone_at = utc_now()
            record(
                session,
                actor,
                AuditKind.MERGE_UNDONE,
                caregiver_id=merge.survivor_id,
                record_table="caregiver_merge",
                record_id=merge.id,
                details={"terug": merged["id"], "teruggezet": len(moved) + len(removed)},
            )

    @reads
    def merges(self) -> list[MergeRecord]:
        """Every merge, newest first, with whether it can still be undone."""
        with self._scope() as session:
            rows = session.execute(
                select(CaregiverMerge, StaffMember.name)
                .outerjoin(StaffMember, StaffMember.id == CaregiverMerge.merged_by_id)
                .order_by(CaregiverMerge.merged_at.desc(), CaregiverMerge.id.desc())
            ).all()
            survivors = caregivers_by_id(session, {merge.survivor_id for merge, _name in rows})
            records = []
            for merge, staff_name in rows:
                survivor = survivors.get(merge.survivor_id)
                snapshot = json.loads(merge.snapshot_json) if merge.snapshot_json else None
                records.append(
                    MergeRecord(
                        merge.id,
                        merge.survivor_id,
                        survivor.name.full if survivor is not None else "",
                        people.name_in(snapshot["caregiver"]) if snapshot else "(verwijderd)",
                        people.local(merge.merged_at),
                        staff_name or "",
                        None if merge.undone_at is None else people.local(merge.undone_at),
                        merge.undone_at is None and snapshot is not None,
                    )
                )
            return records


def merged_row_value(row: Mapping[str, Any], column: str) -> Any:
    """One caregiver column from an encoded row, typed again."""
    return decode_row(metadata.tables["caregiver"], {column: row[column]})[column]


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _values(caregiver: Caregiver, field: MergeField) -> tuple[object, ...]:
    return tuple(getattr(caregiver, column) for column in field.columns)


def _derived_after(session: Session, survivor: Caregiver, other: Caregiver) -> dict[str, Any]:
    """The survivor's latest contact and burden band once the other's rows are theirs."""
    derived: dict[str, Any] = {}
    if other.last_contact_on and (
        survivor.last_contact_on is None or other.last_contact_on > survivor.last_contact_on
    ):
        derived["last_contact_on"] = other.last_contact_on
    latest = dict(
        session.execute(
            select(BurdenAssessment.caregiver_id, func.max(BurdenAssessment.assessed_on))
            .where(BurdenAssessment.caregiver_id.in_([survivor.id, other.id]))
            .group_by(BurdenAssessment.caregiver_id)
        ).all()
    )
    theirs, ours = latest.get(other.id), latest.get(survivor.id)
    if theirs is not None and (ours is None or theirs > ours):
        derived["burden_level"] = other.burden_level
        derived["overloaded"] = other.overloaded
    return derived

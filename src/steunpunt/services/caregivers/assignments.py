"""Use cases of the caseload: assign caregivers to vrijwilligers, and see who has whom."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, CaregiverAssignment
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.roles import Role
from steunpunt.services.caregivers.caseload import require_caregiver
from steunpunt.services.kernel.actor import Actor, StaffMemberView
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)


class CaregiverAssignmentService:
    """Which vrijwilligers a caregiver is assigned to (one or more), from the form or in bulk."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    @reads
    def volunteers(self) -> list[StaffMemberView]:
        """The active staff members with the role vrijwilliger, by name."""
        query = (
            select(StaffMember)
            .where(StaffMember.active.is_(True), StaffMember.role == Role.VRIJWILLIGER.value)
            .order_by(StaffMember.name)
        )
        with self._scope() as session:
            return [StaffMemberView(s.id, s.name, s.active) for s in session.scalars(query)]

    @reads
    def volunteers_of(self, caregiver_id: int) -> list[StaffMemberView]:
        """The vrijwilligers ``caregiver_id`` is assigned to, by name."""
        query = (
            select(StaffMember)
            .join(CaregiverAssignment, CaregiverAssignment.staff_id == StaffMember.id)
            .where(CaregiverAssignment.caregiver_id == caregiver_id)
            .order_by(StaffMember.name)
        )
        with self._scope() as session:
            require_caregiver(session, self._scope.reader, caregiver_id)
            return [StaffMemberView(s.id, s.name, s.active) for s in session.scalars(query)]

    @writes
    def assign(self, actor: Actor, caregiver_ids: Sequence[int], staff_ids: Sequence[int]) -> int:
        """Assign every caregiver to every vrijwilliger; returns how many assignments are new."""
        with self._scope() as session:
            _require_volunteers(session, staff_ids)
            known = set(
                session.scalars(select(Caregiver.id).where(Caregiver.id.in_(list(caregiver_ids))))
            )
            pairs = select(CaregiverAssignment.caregiver_id, CaregiverAssignment.staff_id).where(
                CaregiverAssignment.caregiver_id.in_(list(known)),
                CaregiverAssignment.staff_id.in_(list(staff_ids)),
            )
            existing = {(caregiver, staff) for caregiver, staff in session.execute(pairs)}
            new = [
                (caregiver_id, staff_id)
                for caregiver_id in sorted(known)
                for staff_id in dict.fromkeys(staff_ids)
                if (caregiver_id, staff_id) not in existing
            ]
            session.add_all(CaregiverAssignment(caregiver_id=c, staff_id=s) for c, s in new)
            log.info("%s assignments made by staff %s", len(new), actor.staff_id)
            return len(new)

    @writes
    def unassign(
        self, actor: Actor, caregiver_ids: Sequence[int], staff_ids: Sequence[int]
    ) -> None:
        """Take the caregivers out of the caseload of the vrijwilligers ``staff_ids``."""
        with self._scope() as session:
            session.execute(
                delete(CaregiverAssignment).where(
                    CaregiverAssignment.caregiver_id.in_(list(caregiver_ids)),
                    CaregiverAssignment.staff_id.in_(list(staff_ids)),
                )
            )
            log.info("Assignments removed by staff %s", actor.staff_id)


def _require_volunteers(session: Session, staff_ids: Sequence[int]) -> None:
    """Refuse when one of ``staff_ids`` is no active vrijwilliger."""
    found = set(
        session.scalars(
            select(StaffMember.id).where(
                StaffMember.id.in_(list(staff_ids)),
                StaffMember.active.is_(True),
                StaffMember.role == Role.VRIJWILLIGER.value,
            )
        )
    )
    if not staff_ids or found != set(staff_ids):
        raise NotAllowed(
            "Kies een of meer actieve vrijwilligers om de mantelzorgers aan toe te wijzen."
        )

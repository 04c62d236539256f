"""A vrijwilliger's caseload: the caregivers assigned to them, the only ones they may see."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import CaregiverAssignment, CareRelation
from steunpunt.db.caregivers.queries import in_caseload
from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotPermitted

NOT_YOURS = (
    "Deze mantelzorger is niet aan u toegewezen. U kunt alleen de mantelzorgers van uw "
    "eigen caseload inzien."
)


def caseload_owner(actor: Actor | None) -> int | None:
    """The staff id whose caseload limits what ``actor`` sees (None: the whole register)."""
    return actor.staff_id if actor is not None and actor.role is Role.VRIJWILLIGER else None


def require_caregiver(session: Session, actor: Actor | None, caregiver_id: int | None) -> None:
    """Refuse with :class:`NotPermitted` when ``caregiver_id`` is not in ``actor``'s caseload."""
    owner = caseload_owner(actor)
    if owner is None:
        return
    assigned = session.scalar(
        select(CaregiverAssignment.id).where(
            CaregiverAssignment.caregiver_id == caregiver_id,
            CaregiverAssignment.staff_id == owner,
        )
    )
    if assigned is None:
        raise NotPermitted(NOT_YOURS, caregiver_id=caregiver_id)


def require_recipient(session: Session, actor: Actor | None, care_recipient_id: int) -> None:
    """Refuse a naaste who cares for none of the caregivers of ``actor``'s caseload."""
    owner = caseload_owner(actor)
    if owner is None:
        return
    linked = session.scalar(
        select(CareRelation.id).where(
            CareRelation.care_recipient_id == care_recipient_id,
            in_caseload(owner, CareRelation.caregiver_id),
        )
    )
    if linked is None:
        raise NotPermitted(NOT_YOURS, care_recipient_id=care_recipient_id)


def assigned_ids(session: Session, staff_id: int) -> set[int]:
    """The ids of the caregivers assigned to the vrijwilliger ``staff_id``."""
    query = select(CaregiverAssignment.caregiver_id).where(CaregiverAssignment.staff_id == staff_id)
    return set(session.scalars(query))

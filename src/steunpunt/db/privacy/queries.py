"""Who is anonymised, who may not be yet, and who is past the retention period."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from steunpunt.db.caregivers.models import Caregiver, CareRelation
from steunpunt.db.compliment.models import ComplimentApplication, PaymentBatch
from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.compliment.status import ApplicationStatus

OPEN_STATUSES = (
    ApplicationStatus.RECEIVED.value,
    ApplicationStatus.IN_REVIEW.value,
    ApplicationStatus.AWAITING_CONTROL_LETTER.value,
    ApplicationStatus.GRANTED.value,
)
"""An application in one of these is not finished: decided and paid, or refused."""


def anonymised_ids(among: Collection[int] | None = None) -> Select[int | None]:
    """Ids of the caregivers whose data was erased (the audit keeps who they were, by id),
    of all or only ``among`` these."""
    found = select(AuditEvent.caregiver_id).where(
        AuditEvent.kind == AuditKind.ERASED.value, AuditEvent.caregiver_id.is_not(None)
    )
    return found if among is None else found.where(AuditEvent.caregiver_id.in_(among))


def not_anonymised() -> ColumnElement[bool]:
    return Caregiver.id.not_in(anonymised_ids())


def open_application_counts(ids: Collection[int]) -> Select[int, int]:
    """Per caregiver among ``ids``: applications still open (not decided, or granted unpaid)."""
    return (
        select(ComplimentApplication.caregiver_id, func.count())
        .where(
            ComplimentApplication.caregiver_id.in_(ids),
            ComplimentApplication.status.in_(OPEN_STATUSES),
        )
        .group_by(ComplimentApplication.caregiver_id)
    )


def unconfirmed_payment_counts(ids: Collection[int]) -> Select[int, int]:
    """Per caregiver among ``ids``: applications in a payment batch not yet confirmed paid."""
    return (
        select(ComplimentApplication.caregiver_id, func.count())
        .join(PaymentBatch, PaymentBatch.id == ComplimentApplication.payment_batch_id)
        .where(ComplimentApplication.caregiver_id.in_(ids), PaymentBatch.confirmed_at.is_(None))
        .group_by(ComplimentApplication.caregiver_id)
    )


def past_retention(cutoff: date) -> Select[*tuple[Any, ...]]:
    """Caregivers not anonymised whose end date, or (still registered) last contact or
    registration, is on or before ``cutoff``: the retention period has run out."""
    return (
        select(
            Caregiver.id,
            Caregiver.first_name,
            Caregiver.infix,
            Caregiver.last_name,
            Caregiver.registered_on,
            Caregiver.ended_on,
            Caregiver.last_contact_on,
        )
        .where(
            or_(
                Caregiver.ended_on <= cutoff,
                and_(
                    Caregiver.ended_on.is_(None),
                    func.coalesce(Caregiver.last_contact_on, Caregiver.registered_on) <= cutoff,
                ),
            ),
            not_anonymised(),
        )
        .order_by(Caregiver.sort_name, Caregiver.id)
    )


def naasten_to_erase(ids: Collection[int]) -> Select[int]:
    """Naasten of the caregivers ``ids`` cared for by no one else who keeps their data: no
    relation with a caregiver outside ``ids`` who is not anonymised."""
    other = CareRelation.__table__.alias("other")
    kept = (
        select(other.c.id)
        .where(
            other.c.care_recipient_id == CareRelation.care_recipient_id,
            other.c.caregiver_id.not_in(ids),
            other.c.caregiver_id.not_in(anonymised_ids()),
        )
        .exists()
    )
    return (
        select(CareRelation.care_recipient_id)
        .where(CareRelation.caregiver_id.in_(ids), ~kept)
        .distinct()
    )

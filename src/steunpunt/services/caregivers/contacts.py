"""Use cases for contact moments with a caregiver."""

from __future__ import annotations

import logging

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, Contact
from steunpunt.domain.caregivers.contact import ContactData
from steunpunt.services.caregivers.caseload import require_caregiver
from steunpunt.services.caregivers.dto import ContactView
from steunpunt.services.caregivers.mapping import contact_view
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.records import load, load_for_edit, refuse_stale
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import writes

log = logging.getLogger(__name__)

WHAT = "Dit contactmoment"


class ContactService:
    """Record, correct and remove contact moments."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    @writes
    def add(self, actor: Actor, caregiver_id: int, data: ContactData) -> ContactView:
        with self._scope() as session:
            require_caregiver(session, actor, caregiver_id)
            load(session, Caregiver, caregiver_id, "Deze mantelzorger")
            row = Contact(caregiver_id=caregiver_id)
            _apply(row, data)
            session.add(row)
            session.flush()
            _keep_last_contact(session, caregiver_id)
            session.refresh(row)
            log.info("Contact %s added by staff %s", row.id, actor.staff_id)
            return contact_view(row)

    @writes
    def update(
        self, actor: Actor, contact_id: int, expected_version: int, data: ContactData
    ) -> ContactView:
        with refuse_stale(WHAT), self._scope() as session:
            row = load_for_edit(session, Contact, contact_id, expected_version, WHAT)
            require_caregiver(session, actor, row.caregiver_id)
            _apply(row, data)
            session.flush()
            _keep_last_contact(session, row.caregiver_id)
            session.refresh(row)
            return contact_view(row)

    @writes
    def remove(self, actor: Actor, contact_id: int, expected_version: int) -> None:
        with self._scope() as session:
            row = load_for_edit(session, Contact, contact_id, expected_version, WHAT)
            require_caregiver(session, actor, row.caregiver_id)
            session.delete(row)
            session.flush()
            _keep_last_contact(session, row.caregiver_id)
            log.info("Contact %s removed by staff %s", contact_id, actor.staff_id)


def _keep_last_contact(session: Session, caregiver_id: int) -> None:
    """The caregiver's latest contact date, which the worklist reads without the contacts.

    A plain UPDATE, so recording a contact does not make an open caregiver form stale.
    """
    latest = select(func.max(Contact.contact_date)).where(Contact.caregiver_id == caregiver_id)
    session.execute(
        update(Caregiver)
        .where(Caregiver.id == caregiver_id)
        .values(last_contact_on=latest.scalar_subquery())
        .execution_options(synchronize_session=False)
    )


def _apply(row: Contact, data: ContactData) -> None:
    row.contact_date = data.contact_date
    row.kind = data.kind.value
    row.staff_member_id = data.staff_id
    row.note = data.note

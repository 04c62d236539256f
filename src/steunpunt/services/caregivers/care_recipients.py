"""Use cases for naasten and the caregiver-naaste relations between them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, CareRelation
from steunpunt.db.caregivers.queries import in_caseload
from steunpunt.domain.caregivers.care_recipient import CareRecipientData, RelationData
from steunpunt.domain.text import fold
from steunpunt.services.caregivers.caseload import caseload_owner, require_recipient
from steunpunt.services.caregivers.dto import (
    CareRecipientDetail,
    CareRecipientSummary,
    RelationView,
)
from steunpunt.services.caregivers.mapping import (
    apply_care_recipient,
    apply_relation,
    care_recipient_data,
    latest_consent,
    relation_view,
    store_consent,
)
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load, load_for_edit, refuse_stale
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

WHAT = "Deze naaste"
WHAT_RELATION = "Deze koppeling"


class CareRecipientService:
    """Create and edit naasten, and link them to caregivers."""

    def __init__(self, scope: SessionScope, today: Callable[[], date]) -> None:
        self._scope = scope
        self._today = today

    @reads
    def get(self, care_recipient_id: int) -> CareRecipientDetail:
        with self._scope() as session:
            reader = self._scope.reader
            require_recipient(session, reader, care_recipient_id)
            row = load(session, CareRecipient, care_recipient_id, WHAT)
            return _detail(session, row, caseload_owner(reader))

    @reads
    def find(self, text: str, limit: int = 50) -> list[CareRecipientSummary]:
        """Naasten whose name or place contains every typed word, for linking."""
        caregivers = (
            select(func.count(CareRelation.id))
            .where(CareRelation.care_recipient_id == CareRecipient.id)
            .scalar_subquery()
        )
        query = select(CareRecipient, caregivers).order_by(CareRecipient.sort_name).limit(limit)
        for word in fold(text).split():
            haystack = func.lower(
                CareRecipient.first_name + " " + CareRecipient.last_name + " " + CareRecipient.place
            )
            query = query.where(
                (CareRecipient.sort_name.contains(word, autoescape=True))
                | haystack.contains(word, autoescape=True)
            )
        with self._scope() as session:
            return [
                CareRecipientSummary(r.id, r.name.full, r.birth_date, r.place, count)
                for r, count in session.execute(query)
            ]

    @writes
    def create_for_caregiver(
        self,
        actor: Actor,
        caregiver_id: int,
        data: CareRecipientData,
        relation: RelationData,
    ) -> RelationView:
        """Register a new naaste and link it to the caregiver in one step."""
        with self._scope() as session:
            load(session, Caregiver, caregiver_id, "Deze mantelzorger")
            recipient = CareRecipient()
            apply_care_recipient(recipient, data)
            session.add(recipient)
            session.flush()
            store_consent(session, recipient, data.consent, actor.staff_id, self._today(), False)
            link = _new_relation(session, caregiver_id, recipient.id, relation)
            log.info("Care recipient %s created by staff %s", recipient.id, actor.staff_id)
            return relation_view(link)

    @writes
    def update(
        self,
        actor: Actor,
        care_recipient_id: int,
        expected_version: int,
        data: CareRecipientData,
    ) -> CareRecipientDetail:
        with refuse_stale(WHAT), self._scope() as session:
            row = load_for_edit(session, CareRecipient, care_recipient_id, expected_version, WHAT)
            apply_care_recipient(row, data)
            store_consent(session, row, data.consent, actor.staff_id, self._today(), True)
            session.flush()
            return _detail(session, row)

    @writes
    def link(
        self, actor: Actor, caregiver_id: int, care_recipient_id: int, relation: RelationData
    ) -> RelationView:
        """Link an existing naaste to a caregiver; a pair can be linked only once."""
        with self._scope() as session:
            load(session, Caregiver, caregiver_id, "Deze mantelzorger")
            load(session, CareRecipient, care_recipient_id, WHAT)
            existing = session.scalar(
                select(CareRelation.id).where(
                    CareRelation.caregiver_id == caregiver_id,
                    CareRelation.care_recipient_id == care_recipient_id,
                )
            )
            if existing is not None:
                raise NotAllowed("Deze naaste is al gekoppeld aan deze mantelzorger.")
            try:
                link = _new_relation(session, caregiver_id, care_recipient_id, relation)
            except IntegrityError as error:
                raise NotAllowed("Deze naaste is al gekoppeld aan deze mantelzorger.") from error
            log.info(
                "Care recipient %s linked to caregiver %s by staff %s",
                care_recipient_id,
                caregiver_id,
                actor.staff_id,
            )
            return relation_view(link)

    @writes
    def update_relation(
        self, actor: Actor, relation_id: int, expected_version: int, data: RelationData
    ) -> RelationView:
        with refuse_stale(WHAT_RELATION), self._scope() as session:
            row = load_for_edit(session, CareRelation, relation_id, expected_version, WHAT_RELATION)
            apply_relation(row, data)
            session.flush()
            return relation_view(row)

    @writes
    def unlink(self, actor: Actor, relation_id: int, expected_version: int) -> None:
        """Remove the link; the naaste stays registered (erasing a person is a privacy action)."""
        with self._scope() as session:
            row = load_for_edit(session, CareRelation, relation_id, expected_version, WHAT_RELATION)
            session.delete(row)
            log.info("Relation %s removed by staff %s", relation_id, actor.staff_id)


def _new_relation(
    session: Session, caregiver_id: int, care_recipient_id: int, data: RelationData
) -> CareRelation:
    link = CareRelation(caregiver_id=caregiver_id, care_recipient_id=care_recipient_id)
    apply_relation(link, data)
    session.add(link)
    session.flush()
    session.refresh(link)
    return link


def _detail(
    session: Session, row: CareRecipient, caseload: int | None = None
) -> CareRecipientDetail:
    """The naaste with their caregivers (with ``caseload``: only that vrijwilliger's)."""
    mine = [] if caseload is None else [in_caseload(caseload, CareRelation.caregiver_id)]
    relations = session.scalars(
        select(CareRelation)
        .where(CareRelation.care_recipient_id == row.id, *mine)
        .options(selectinload(CareRelation.caregiver), selectinload(CareRelation.care_recipient))
        .order_by(CareRelation.id)
    ).all()
    return CareRecipientDetail(
        id=row.id,
        uuid=row.uuid,
        version=row.version,
        data=care_recipient_data(row, latest_consent(session, care_recipient_id=row.id)),
        relations=tuple(relation_view(r) for r in relations),
    )

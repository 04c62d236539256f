"""Use cases of the caregiver register: find, open, create and edit mantelzorgers."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from steunpunt.db.caregivers.models import Caregiver, CareRelation, Contact
from steunpunt.db.caregivers.queries import (
    caregiver_count_query,
    caregiver_ids_query,
    in_caseload,
    vocabulary_query,
)
from steunpunt.domain.address import Address
from steunpunt.domain.age import age_on, bracket_for
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.caregivers.caregiver import CaregiverData
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.caregivers.search import Vocabulary
from steunpunt.domain.names import PersonName
from steunpunt.domain.support.burden import BurdenLevel
from steunpunt.services.caregivers.caseload import caseload_owner, require_caregiver
from steunpunt.services.caregivers.dto import CaregiverDetail, CaregiverPage, CaregiverRow
from steunpunt.services.caregivers.mapping import (
    apply_caregiver,
    caregiver_data,
    contact_view,
    latest_consent,
    relation_view,
    store_consent,
)
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.records import load, load_for_edit, refuse_stale
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

WHAT = "Deze mantelzorger"
VOCABULARY_SECONDS = 60.0
"""How long the known woonplaatsen and tussenvoegsels are trusted before they are read again
(a save here refreshes them at once; this covers saves from elsewhere, such as another desktop)."""

_ROW_COLUMNS = (
    Caregiver.id,
    Caregiver.first_name,
    Caregiver.infix,
    Caregiver.last_name,
    Caregiver.initials,
    Caregiver.birth_date,
    Caregiver.street,
    Caregiver.house_number,
    Caregiver.house_number_suffix,
    Caregiver.postcode,
    Caregiver.place,
    Caregiver.phone,
    Caregiver.email,
    Caregiver.registered_on,
    Caregiver.ended_on,
    Caregiver.burden_level,
    Caregiver.overloaded,
)


class CaregiverService:
    """Search, read and write caregivers; every write names the acting staff member."""

    def __init__(self, scope: SessionScope, today: Callable[[], date]) -> None:
        self._scope = scope
        self._today = today
        self._vocabulary: Vocabulary | None = None
        self._vocabulary_read_at = 0.0

    @reads
    def search_ids(self, criteria: CaregiverFilter) -> list[int]:
        """The ids of all matching caregivers in display order (for small results)."""
        query = caregiver_ids_query(
            criteria, self._today(), self._scope.dialect, self.vocabulary()
        ).where(*self._caseload())
        with self._scope() as session:
            return list(session.scalars(query))

    @reads
    def search(self, criteria: CaregiverFilter, limit: int) -> CaregiverPage:
        """How many caregivers match, and the first ``limit`` of them in display order."""
        today, dialect, vocabulary = self._today(), self._scope.dialect, self.vocabulary()
        with self._scope() as session:
            query = caregiver_count_query(criteria, today, dialect, vocabulary)
            query = query.where(*self._caseload())
            total = int(session.scalar(query) or 0)
        rows = self.page(criteria, 0, limit) if total else []
        return CaregiverPage(total, 0, tuple(rows))

    @reads
    def page(self, criteria: CaregiverFilter, offset: int, limit: int) -> list[CaregiverRow]:
        """Rows ``offset`` to ``offset + limit`` of the matching caregivers, in display order."""
        query = caregiver_ids_query(
            criteria, self._today(), self._scope.dialect, self.vocabulary()
        ).where(*self._caseload())
        with self._scope() as session:
            ids = list(session.scalars(query.limit(limit).offset(offset)))
        return self.rows(ids)

    @reads
    def vocabulary(self) -> Vocabulary:
        """The register's woonplaatsen and tussenvoegsels, for reading typed words."""
        now = time.monotonic()
        if self._vocabulary is None or now - self._vocabulary_read_at > VOCABULARY_SECONDS:
            with self._scope() as session:
                pairs = session.execute(vocabulary_query()).all()
            self._vocabulary = Vocabulary((p for p, _ in pairs), (i for _, i in pairs))
            self._vocabulary_read_at = now
        return self._vocabulary

    @reads
    def rows(self, ids: Sequence[int]) -> list[CaregiverRow]:
        """List rows for ``ids``, in the same order; ids that no longer exist are skipped."""
        if not ids:
            return []
        today = self._today()
        with self._scope() as session:
            result = session.connection().execute(
                select(*_ROW_COLUMNS).where(Caregiver.id.in_(list(ids)), *self._caseload())
            )
            by_id = {row.id: _list_row(row, today) for row in result}
        return [by_id[i] for i in ids if i in by_id]

    @reads
    def get(self, caregiver_id: int) -> CaregiverDetail:
        with self._scope() as session:
            reader = self._scope.reader
            require_caregiver(session, reader, caregiver_id)
            row = load(session, Caregiver, caregiver_id, WHAT)
            return _detail(session, row, caseload_owner(reader))

    @writes
    def open(self, actor: Actor, caregiver_id: int) -> CaregiverDetail:
        """A person opens the record: the detail, and its view recorded in the audit trail.

        A database that cannot be written (read-only) shows the record without the record of
        the view: it cannot hold one.
        """
        with self._scope() as session:
            detail = _detail(session, load(session, Caregiver, caregiver_id, WHAT))
            if not self._scope.read_only:
                record(session, actor, AuditKind.VIEWED, caregiver_id=caregiver_id)
            return detail

    @writes
    def create(self, actor: Actor, data: CaregiverData) -> CaregiverDetail:
        with self._scope() as session:
            row = Caregiver()
            apply_caregiver(row, data)
            session.add(row)
            session.flush()
            store_consent(session, row, data.consent, actor.staff_id, self._today(), False)
            log.info("Caregiver %s created by staff %s", row.id, actor.staff_id)
            self._vocabulary = None
            return _detail(session, row)

    @writes
    def update(
        self, actor: Actor, caregiver_id: int, expected_version: int, data: CaregiverData
    ) -> CaregiverDetail:
        """Save an edit; refused with :class:`StaleEdit` when someone saved in between."""
        with refuse_stale(WHAT), self._scope() as session:
            row = load_for_edit(session, Caregiver, caregiver_id, expected_version, WHAT)
            apply_caregiver(row, data)
            store_consent(session, row, data.consent, actor.staff_id, self._today(), True)
            session.flush()
            log.info("Caregiver %s updated by staff %s", row.id, actor.staff_id)
            self._vocabulary = None
            return _detail(session, row)

    @reads
    def count(self) -> int:
        with self._scope() as session:
            query = select(func.count(Caregiver.id)).where(*self._caseload())
            return int(session.scalar(query) or 0)

    def _caseload(self) -> list[ColumnElement[bool]]:
        """The condition that limits a query to the reader's caseload (for a vrijwilliger)."""
        owner = caseload_owner(self._scope.reader)
        return [] if owner is None else [in_caseload(owner)]


def _list_row(row: Any, today: date) -> CaregiverRow:
    ended_on = row.ended_on
    return CaregiverRow(
        id=row.id,
        name=PersonName(row.first_name, row.infix, row.last_name, row.initials).sorted_form,
        birth_date=row.birth_date,
        age=age_on(row.birth_date, today) if row.birth_date else None,
        bracket=bracket_for(row.birth_date, today),
        street_line=Address(row.street, row.house_number, row.house_number_suffix).street_line,
        postcode=row.postcode,
        place=row.place,
        phone=row.phone,
        email=row.email,
        registered_on=row.registered_on,
        active=ended_on is None or ended_on > today,
        burden_level=BurdenLevel(row.burden_level) if row.burden_level else None,
        overloaded=row.overloaded,
    )


def _detail(session: Session, row: Caregiver, caseload: int | None = None) -> CaregiverDetail:
    """The caregiver as the form shows it; with ``caseload``, the naasten's other caregivers
    only as far as that vrijwilliger may see them."""
    relations = session.scalars(
        select(CareRelation)
        .where(CareRelation.caregiver_id == row.id)
        .options(selectinload(CareRelation.care_recipient))
        .order_by(CareRelation.id)
    ).all()
    contacts = session.scalars(
        select(Contact)
        .where(Contact.caregiver_id == row.id)
        .options(selectinload(Contact.staff_member))
        .order_by(Contact.contact_date.desc(), Contact.id.desc())
    ).all()
    recipient_ids = [r.care_recipient_id for r in relations]
    co_caregivers = _co_caregivers(session, row.id, recipient_ids, caseload)
    return CaregiverDetail(
        id=row.id,
        uuid=row.uuid,
        version=row.version,
        data=caregiver_data(row, latest_consent(session, caregiver_id=row.id)),
        relations=tuple(
            replace(
                relation_view(r), co_caregivers=tuple(co_caregivers.get(r.care_recipient_id, ()))
            )
            for r in relations
        ),
        contacts=tuple(contact_view(c) for c in contacts),
    )


def _co_caregivers(
    session: Session, caregiver_id: int, recipient_ids: list[int], caseload: int | None
) -> dict[int, list[str]]:
    """For each naaste, the names of its caregivers other than ``caregiver_id``."""
    if not recipient_ids:
        return {}
    rows = session.execute(
        select(CareRelation.care_recipient_id, Caregiver)
        .join(Caregiver, Caregiver.id == CareRelation.caregiver_id)
        .where(
            CareRelation.care_recipient_id.in_(recipient_ids),
            CareRelation.caregiver_id != caregiver_id,
            *([] if caseload is None else [in_caseload(caseload, CareRelation.caregiver_id)]),
        )
        .order_by(Caregiver.sort_name)
    )
    names: dict[int, list[str]] = {}
    for recipient_id, caregiver in rows:
        names.setdefault(recipient_id, []).append(caregiver.name.full)
    return names

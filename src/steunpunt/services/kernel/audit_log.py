"""Use cases of the audit log: read it filtered and paged, export it, and note events."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVarTuple

from sqlalchemy import Select, func, select

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.db.kernel.errors import DatabaseDamaged
from steunpunt.domain.audit import AuditFilter, AuditKind, field_label, table_label
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.names import PersonName
from steunpunt.io.audit_workbook import AuditLine, write_audit_workbook
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import WITHHELD, record, record_people
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

Ts = TypeVarTuple("Ts")

PAGE = 100
"""Events the log shows at a time."""
EXPORT_CHUNK = 5000


@dataclass(frozen=True)
class AuditEventView:
    """One event as the audit log shows it."""

    id: int
    at: datetime
    """Local time."""
    staff_id: int | None
    staff_name: str
    kind: str
    caregiver_id: int | None
    caregiver_name: str
    care_recipient_id: int | None
    record_table: str | None
    record_id: int | None
    summary: str

    @property
    def kind_label(self) -> str:
        known = AuditKind._value2member_map_.get(self.kind)
        return known.label if isinstance(known, AuditKind) else self.kind

    @property
    def record_label(self) -> str:
        return table_label(self.record_table)


@dataclass(frozen=True)
class AuditPage:
    """A page of the log and how many events the filter finds in all."""

    total: int
    offset: int
    events: tuple[AuditEventView, ...]


class AuditService:
    """The audit trail: the log filtered and paged, per caregiver, exported, and noted."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    @property
    def staging_journal(self) -> Path | None:
        """Where a document being written is noted until it is whole (a use case that
        records a file it makes hands this to the writer; see ``io/atomic.py``)."""
        return self._scope.staging_journal

    @reads
    def events(self, criteria: AuditFilter, offset: int = 0, limit: int = PAGE) -> AuditPage:
        """The events ``criteria`` find, newest first, ``limit`` from ``offset``."""
        with self._scope() as session:
            total = int(session.scalar(_filtered(select(func.count(AuditEvent.id)), criteria)) or 0)
            rows = session.execute(
                _ordered(_filtered(_view_query(), criteria)).offset(offset).limit(limit)
            ).all()
        return AuditPage(total, offset, tuple(_view(row) for row in rows))

    @reads
    def for_caregiver(self, caregiver_id: int, limit: int = 500) -> list[AuditEventView]:
        """Who viewed or changed this caregiver's record, newest first."""
        return list(self.events(AuditFilter(caregiver_ids=(caregiver_id,)), 0, limit).events)

    @writes
    def export(self, actor: Actor, criteria: AuditFilter, target: Path) -> int:
        """Write the events ``criteria`` find to the Excel file ``target``; returns how many.

        The export itself is recorded; a file whose export could not be recorded is removed.
        """
        if target.suffix.lower() != ".xlsx":
            raise InvalidValue("Kies een bestandsnaam die eindigt op .xlsx.")
        count = write_audit_workbook(target, self._lines(criteria), self._scope.staging_journal)
        details = {"bestand": "auditlog", "gebeurtenissen": count, "filter": _described(criteria)}
        self.note(actor, AuditKind.EXPORT, details=details, made=(target,))
        return count

    @writes
    def note(
        self,
        actor: Actor | None,
        kind: AuditKind,
        *,
        caregiver_id: int | None = None,
        care_recipient_id: int | None = None,
        details: Mapping[str, object] | None = None,
        people: Sequence[int] = (),
        made: Sequence[Path] = (),
    ) -> None:
        """Record an event that happened outside a database session (a file made, a sign-in),
        and one for each caregiver in ``people`` (the file held them: their history shows it).

        The files ``made`` are removed when their making cannot be recorded, unless the
        database is damaged: then exporting is the way out, and the files are kept. A read-only
        database cannot hold the event: there nothing is recorded.
        """
        if self._scope.read_only:
            log.info("Audit event %s not recorded: the database is read-only", kind.value)
            return
        try:
            with self._scope() as session:
                record(
                    session,
                    actor,
                    kind,
                    caregiver_id=caregiver_id,
                    care_recipient_id=care_recipient_id,
                    details=details,
                )
                included = ((caregiver, None) for caregiver in people)
                record_people(session, actor, kind, included, details=details)
        except DatabaseDamaged:
            if not made:
                raise
            # Exporting is the way out of a damaged database: the file is kept, the log says so.
            log.warning("Audit event %s for a file not recorded: database damaged", kind.value)
        except BaseException:
            for file in made:
                file.unlink(missing_ok=True)
            raise

    def _lines(self, criteria: AuditFilter) -> Iterator[AuditLine]:
        """The events in pages, so a large log streams into the workbook."""
        offset = 0
        while True:
            page = self.events(criteria, offset, EXPORT_CHUNK)
            for event in page.events:
                yield (
                    event.at,
                    event.staff_name,
                    event.kind_label,
                    event.caregiver_id,
                    event.caregiver_name,
                    event.care_recipient_id,
                    event.record_label,
                    event.record_id,
                    event.summary,
                )
            offset += len(page.events)
            if not page.events or offset >= page.total:
                return


def _view_query() -> Select[AuditEvent, str, str | None, str]:
    return select(
        AuditEvent,
        Caregiver.first_name,
        Caregiver.infix,
        Caregiver.last_name,
    ).outerjoin(Caregiver, Caregiver.id == AuditEvent.caregiver_id)


def _filtered(query: Select[*Ts], criteria: AuditFilter) -> Select[*Ts]:
    if criteria.caregiver_ids is not None:
        query = query.where(AuditEvent.caregiver_id.in_(criteria.caregiver_ids))
    if criteria.staff_id is not None:
        query = query.where(AuditEvent.staff_id == criteria.staff_id)
    if criteria.kind is not None:
        query = query.where(AuditEvent.kind == criteria.kind.value)
    if criteria.start is not None:
        query = query.where(AuditEvent.at >= _utc(datetime.combine(criteria.start, time())))
    if criteria.end is not None:
        end = datetime.combine(criteria.end + timedelta(days=1), time())
        query = query.where(AuditEvent.at < _utc(end))
    return query


def _ordered(query: Select[*Ts]) -> Select[*Ts]:
    return query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def _utc(local: datetime) -> datetime:
    """A local moment as the naive UTC the database compares."""
    return local.astimezone(UTC).replace(tzinfo=None)


def _view(row: Any) -> AuditEventView:
    event: AuditEvent = row[0]
    name = (
        PersonName(row.first_name, row.infix, row.last_name).sorted_form
        if row.last_name is not None
        else ""
    )
    at = event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC)
    return AuditEventView(
        event.id,
        at.astimezone().replace(tzinfo=None),
        event.staff_id,
        event.staff_name or "(het programma)",
        event.kind,
        event.caregiver_id,
        name,
        event.care_recipient_id,
        event.record_table,
        event.record_id,
        summary(event.details_json),
    )


def summary(details_json: str) -> str:
    """The details of an event in one readable line: fields as old → new, ids and counts."""
    try:
        details = json.loads(details_json or "{}")
    except ValueError:
        return details_json
    if not isinstance(details, dict):
        return str(details)
    parts: list[str] = []
    for key, value in details.items():
        if key == "velden" and isinstance(value, dict):
            parts.extend(_field(name, change) for name, change in value.items())
        elif isinstance(value, list):
            parts.append(f"{key}: {_ids(value)}")
        else:
            parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _field(column: str, change: object) -> str:
    name = field_label(column)
    if isinstance(change, list) and len(change) == 2:
        old, new = change
        if old is None:
            return f"{name}: {new}"
        if new is None:
            return f"{name}: {old} (verwijderd)"
        if old == new == WITHHELD:
            return f"{name}: gewijzigd {WITHHELD}"
        return f"{name}: {old} → {new}"
    return f"{name}: {change}"


def _ids(values: Sequence[object], shown: int = 20) -> str:
    text = ", ".join(str(value) for value in values[:shown])
    return text + (f" … ({len(values)} in totaal)" if len(values) > shown else "")


def _described(criteria: AuditFilter) -> dict[str, object]:
    """The filter of an export, as ids and dates (never names)."""
    described: dict[str, object] = {}
    if criteria.caregiver_ids is not None:
        described["mantelzorgers"] = list(criteria.caregiver_ids)
    if criteria.staff_id is not None:
        described["gebruiker"] = criteria.staff_id
    if criteria.kind is not None:
        described["soort"] = criteria.kind.value
    if criteria.start is not None:
        described["van"] = criteria.start.isoformat()
    if criteria.end is not None:
        described["tot en met"] = criteria.end.isoformat()
    return described

"""Recording the audit trail: who created, changed, deleted, viewed or exported what.

Row changes are recorded by the session scope's events, in the same transaction as the work:
one event per row written through the ORM (its fields with old and new values) and one per
statement that writes many rows at once (its table and row count). These are inserted on the
session's connection, so they are not announced as changes of their own. Views, exports,
mailings, prints and sign-ins are recorded by their use case with :func:`record`; a file or
mailing about many people adds one event per person with :func:`record_people`, so each one's
history shows it. The acting staff member is the one the use-case wrapper names for the call
(:func:`acting`). Personal data (``db/kernel/personal_data.py``) is recorded by field name only.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Table, insert, inspect
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.base import NEVER_SET, NO_VALUE
from sqlalchemy.orm.state import InstanceState

from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.db.kernel.base import Base, new_uuid, utc_now
from steunpunt.db.kernel.personal_data import is_personal
from steunpunt.domain.audit import AuditKind
from steunpunt.services.kernel.actor import Actor

_ACTOR: ContextVar[Actor | None] = ContextVar("steunpunt.audit.actor", default=None)
"""The staff member the running use case acts for; None for the program itself."""

UNRECORDED_TABLES = frozenset({"audit_event", "mailing", "sent_letter", "house_style_snapshot"})
"""Tables whose rows are not recorded one by one: the audit itself, and the letter log, whose
mailing or print is recorded as one event with what it contained."""
BOOKKEEPING_COLUMNS = frozenset(
    {"id", "uuid", "created_at", "updated_at", "version", "search_text", "sort_name"}
)
"""Columns that change with every write or follow from others: not listed as changed."""
HIDDEN_COLUMNS = frozenset({"password_hash"})
"""Columns whose values never enter the audit: only that they changed."""
HIDDEN = "(verborgen)"
WITHHELD = "(niet bewaard)"
"""What the audit shows for a value of personal data: erasure must leave no copy behind."""


@contextmanager
def acting(actor: Actor | None) -> Iterator[None]:
    """Record what happens in this block as done by ``actor`` (when one is named)."""
    if actor is None:
        yield
        return
    token = _ACTOR.set(actor)
    try:
        yield
    finally:
        _ACTOR.reset(token)


def record(
    session: Session,
    actor: Actor | None,
    kind: AuditKind,
    *,
    caregiver_id: int | None = None,
    care_recipient_id: int | None = None,
    record_table: str | None = None,
    record_id: int | None = None,
    details: Mapping[str, object] | None = None,
) -> None:
    """Add one audit event to ``session``: it is written with the session's work or not at all.

    ``details`` hold ids and counts, never copies of personal data that was shown or exported.
    """
    session.add(
        AuditEvent(
            **_event(actor, kind, caregiver_id, care_recipient_id, record_table, record_id, details)
        )
    )


def record_people(
    session: Session,
    actor: Actor | None,
    kind: AuditKind,
    people: Iterable[tuple[int, int | None]],
    *,
    record_table: str | None = None,
    record_id: int | None = None,
    details: Mapping[str, object] | None = None,
) -> None:
    """One event per person (caregiver, naaste or None) an export, mailing or payment file
    included, each naming them: a person's history finds them by the indexed ids, not in
    another event's details. Inserted at once, in the session's transaction."""
    shared = _event(actor, kind, None, None, record_table, record_id, details)
    shared["at"] = utc_now()  # one moment for all, instead of a default per row
    events = [
        {
            **shared,
            "uuid": new_uuid(),
            "caregiver_id": caregiver_id,
            "care_recipient_id": care_recipient_id,
        }
        for caregiver_id, care_recipient_id in people
    ]
    if events:
        session.connection().execute(insert(AuditEvent), events)


def _event(
    actor: Actor | None,
    kind: AuditKind,
    caregiver_id: int | None,
    care_recipient_id: int | None,
    record_table: str | None,
    record_id: int | None,
    details: Mapping[str, object] | None,
) -> dict[str, Any]:
    """The column values of one audit event."""
    return {
        "staff_id": None if actor is None else actor.staff_id,
        "staff_name": "" if actor is None else actor.name[:100],
        "kind": kind.value,
        "caregiver_id": caregiver_id,
        "care_recipient_id": care_recipient_id,
        "record_table": record_table,
        "record_id": record_id,
        "details_json": json.dumps(details or {}, ensure_ascii=False, default=_plain),
    }


def record_flush(session: Session, _context: UOWTransaction) -> None:
    """After a flush: one event per row it created, changed or deleted (ids are known now).

    The events are inserted at once on the session's connection, in the same transaction.
    """
    actor = _ACTOR.get()
    events: list[dict[str, Any]] = []
    dirty = (row for row in session.dirty if session.is_modified(row))
    for kind, rows in (
        (AuditKind.CREATED, session.new),
        (AuditKind.CHANGED, dirty),
        (AuditKind.DELETED, session.deleted),
    ):
        for row in list(rows):
            state = inspect(row)
            table = state.mapper.local_table
            if not isinstance(table, Table) or table.name in UNRECORDED_TABLES:
                continue
            fields = _fields(state, kind, table.name)
            if kind is AuditKind.CHANGED and not fields:
                continue
            caregiver_id, care_recipient_id = _people(session, table, state.dict)
            record_id = state.dict.get("id")
            details = {"velden": fields}
            events.append(
                _event(actor, kind, caregiver_id, care_recipient_id, table.name, record_id, details)
            )
    if events:
        session.connection().execute(insert(AuditEvent), events)


def record_statement(state: ORMExecuteState) -> Any:
    """An UPDATE, DELETE or INSERT statement on many rows: one event with its row count."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return None
    table: Any = state.statement.table  # type: ignore[attr-defined]
    if table.name in UNRECORDED_TABLES:
        return None
    result = state.invoke_statement()
    kind = (
        AuditKind.CHANGED
        if state.is_update
        else AuditKind.DELETED
        if state.is_delete
        else AuditKind.CREATED
    )
    parameters = state.parameters
    rows = len(parameters) if isinstance(parameters, list) else getattr(result, "rowcount", -1)
    details = {"opdracht": kind.value, "rijen": rows}
    event = _event(_ACTOR.get(), kind, None, None, table.name, None, details)
    state.session.connection().execute(insert(AuditEvent), [event])
    return result


def _fields(state: InstanceState[Any], kind: AuditKind, table: str) -> dict[str, list[object]]:
    """The fields a write set, each as [old, new]; a delete gives the values it removed."""
    columns = _columns(state.mapper)
    shown = functools.partial(_shown, table)
    if kind is AuditKind.CHANGED:
        fields: dict[str, list[object]] = {}
        for name, old in state.committed_state.items():
            if name not in columns:
                continue
            before = None if old in (NO_VALUE, NEVER_SET) else old
            after = state.dict.get(name)
            if before != after:
                fields[name] = [shown(name, before), shown(name, after)]
        return fields
    values = ((name, state.dict.get(name)) for name in columns)
    return {
        name: [None, shown(name, value)]
        if kind is AuditKind.CREATED
        else [shown(name, value), None]
        for name, value in values
        if value is not None and value != ""
    }


@functools.cache
def _columns(mapper: Mapper[Any]) -> frozenset[str]:
    """The attributes of ``mapper`` that are recorded: its columns but the bookkeeping."""
    return frozenset(a.key for a in mapper.column_attrs) - BOOKKEEPING_COLUMNS


def _shown(table: str, name: str, value: object) -> object:
    """A value as the audit keeps it: plain JSON; personal data, binary data and secrets not
    copied."""
    if value is None or value == "":
        return value
    if is_personal(table, name):
        return WITHHELD
    if name in HIDDEN_COLUMNS:
        return HIDDEN
    return _plain(value)


def _plain(value: object) -> object:
    if isinstance(value, bytes):
        return f"(binair, {len(value)} bytes)"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _people(
    session: Session, table: Table, values: Mapping[str, Any]
) -> tuple[int | None, int | None]:
    """The caregiver and naaste a row belongs to: its own columns, else its parent row's."""
    if table.name == "caregiver":
        return values.get("id"), None
    if table.name == "care_recipient":
        return None, values.get("id")
    if "caregiver_id" in table.c or "care_recipient_id" in table.c:
        return values.get("caregiver_id"), values.get("care_recipient_id")
    for key in table.foreign_keys:
        parent = key.column.table
        parent_id = values.get(key.parent.name)
        if "caregiver_id" in parent.c and parent_id is not None:
            return _parent_people(session, parent, parent_id)
    return None, None


def _parent_people(session: Session, parent: Any, parent_id: int) -> tuple[int | None, int | None]:
    model = next(
        (m.class_ for m in Base.registry.mappers if m.local_table is parent),
        None,
    )
    if model is None:
        return None, None
    with session.no_autoflush:
        row = session.get(model, parent_id)
    if row is None:
        return None, None
    return getattr(row, "caregiver_id", None), getattr(row, "care_recipient_id", None)

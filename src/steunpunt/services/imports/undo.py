"""Undoing an import: its new caregivers removed, the fields it filled emptied again, except
for people changed by hand since (those are kept and named)."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, delete, exists, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, CareRelation
from steunpunt.db.imports.models import ImportRow
from steunpunt.db.imports.queries import caregiver_rows, chunks
from steunpunt.db.kernel.tables import metadata
from steunpunt.domain.imports.merge import FILLABLE
from steunpunt.domain.imports.plan import Written
from steunpunt.domain.names import full_name
from steunpunt.services.imports.dto import UndoResult
from steunpunt.services.imports.writing import Target, Writer

CAREGIVER = cast(Table, Caregiver.__table__)
RECIPIENT = cast(Table, CareRecipient.__table__)
RELATION = cast(Table, CareRelation.__table__)
"""The tables themselves: statements on them skip the ORM's bookkeeping of loaded rows."""
OWN_TABLES = frozenset({"caregiver", "care_relation", "import_row"})
"""Tables an import writes about a caregiver itself (checked on their own)."""


@dataclass(frozen=True)
class _Row:
    """One written row of the run, as stored."""

    outcome: Written
    caregiver_id: int
    care_recipient_id: int | None
    relation_id: int | None
    caregiver_version: int
    before: dict[str, Any]


def _rows(session: Session, run_id: int) -> list[_Row]:
    query = (
        select(
            ImportRow.outcome,
            ImportRow.caregiver_id,
            ImportRow.care_recipient_id,
            ImportRow.relation_id,
            ImportRow.caregiver_version,
            ImportRow.filled_json,
        )
        .where(ImportRow.run_id == run_id, ImportRow.caregiver_id.is_not(None))
        .order_by(ImportRow.source_row)
    )
    return [
        _Row(Written(row[0]), row[1] or 0, row[2], row[3], row[4], json.loads(row[5] or "{}"))
        for row in session.execute(query)
    ]


def undo_rows(session: Session, run_id: int, moment: datetime) -> UndoResult:
    """Undo the rows run ``run_id`` wrote (the caller marks the run undone)."""
    rows = _rows(session, run_id)
    made = {row.caregiver_id for row in rows if row.outcome is Written.NEW}
    merged = {row.caregiver_id for row in rows} - made
    current = caregiver_rows(session, made | merged, (*FILLABLE, "infix", "last_name"))
    version = {row.caregiver_id: row.caregiver_version for row in rows}
    changed = {key for key, values in current.items() if values["version"] != version[key]}
    changed |= _worked_on(session, rows, made - changed)
    removable = (made & current.keys()) - changed
    restorable = (merged & current.keys()) - changed
    undoing = removable | restorable
    undone = [row for row in rows if row.caregiver_id in undoing]
    relations = [row.relation_id for row in undone if row.relation_id is not None]
    recipients = [row.care_recipient_id for row in undone if row.care_recipient_id is not None]
    for chunk in chunks(relations):
        session.execute(delete(RELATION).where(RELATION.c.id.in_(chunk), RELATION.c.version == 1))
    for chunk in chunks(sorted(removable)):
        session.execute(delete(CAREGIVER).where(CAREGIVER.c.id.in_(chunk)))
    _remove_naasten(session, recipients)
    _restore(session, [row for row in undone if row.caregiver_id in restorable], current, moment)
    kept = sorted(
        full_name(values["first_name"], values["infix"], values["last_name"])
        or f"mantelzorger nr. {key}"  # erased since
        for key, values in current.items()
        if key in changed
    )
    return UndoResult(len(removable), len(restorable), tuple(kept))


def _worked_on(session: Session, rows: Sequence[_Row], made: Collection[int]) -> set[int]:
    """The caregivers this import made about whom something was recorded since: a contact,
    a measurement, another naaste, or the naaste or relation it made changed."""
    own_relations = {row.relation_id for row in rows if row.relation_id is not None}
    busy: set[int] = set()
    for chunk in chunks(sorted(made)):
        for table in metadata.sorted_tables:
            column = table.c.get("caregiver_id")
            if table.name in OWN_TABLES or column is None or not column.foreign_keys:
                continue
            busy.update(session.scalars(select(column).distinct().where(column.in_(chunk))))
        relations = select(CareRelation.caregiver_id, CareRelation.id, CareRelation.version)
        for caregiver_id, relation_id, version in session.execute(
            relations.where(CareRelation.caregiver_id.in_(chunk))
        ):
            if relation_id not in own_relations or version != 1:
                busy.add(caregiver_id)
    by_recipient = {
        row.care_recipient_id: row.caregiver_id
        for row in rows
        if row.care_recipient_id is not None and row.caregiver_id in made
    }
    for chunk in chunks(sorted(by_recipient)):
        changed = select(CareRecipient.id).where(
            CareRecipient.id.in_(chunk), CareRecipient.version != 1
        )
        busy.update(by_recipient[key] for key in session.scalars(changed))
    return busy


def _remove_naasten(session: Session, recipients: Sequence[int]) -> None:
    """Remove the naasten the import made that no one cares for any more and no one changed."""
    cared_for: ColumnElement[bool] = exists().where(RELATION.c.care_recipient_id == RECIPIENT.c.id)
    for chunk in chunks(sorted(recipients)):
        session.execute(
            delete(RECIPIENT).where(RECIPIENT.c.id.in_(chunk), RECIPIENT.c.version == 1, ~cared_for)
        )


def _restore(
    session: Session,
    rows: Sequence[_Row],
    current: dict[int, dict[str, Any]],
    moment: datetime,
) -> None:
    """Put back the values merged caregivers had before the import filled them."""
    targets: dict[int, Target] = {}
    for row in rows:
        if not row.before:
            continue  # it only added a naaste
        values = current[row.caregiver_id]
        target = targets.setdefault(
            row.caregiver_id, Target(dict(values), row.caregiver_id, values["version"])
        )
        for name, before in row.before.items():
            target.values[name] = before
    if targets:
        Writer(session, moment, None, 0).update_filled(list(targets.values()))

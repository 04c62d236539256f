"""Fill a database with generated Dutch demo data: caregivers, naasten, contacts and consents."""

from __future__ import annotations

import logging
import time as clock
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, CareRelation, Consent, Contact
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.demo.care import Batch, CareSituations

log = logging.getLogger(__name__)

BATCH_SIZE = 1000  # caregivers per transaction, at least
LARGE_BATCH = 5000  # per transaction in large fills: fewer commits rewrite fewer index pages


def fill_demo_database(
    engine: Engine,
    caregivers: int,
    *,
    seed: int = 2026,
    progress: Callable[[int, int], bool] | None = None,
    today: date | None = None,
) -> int:
    """Fill with generated Dutch caregivers, naasten, relations, contacts, consents; returns caregivers added."""
    if caregivers <= 0:
        return 0
    started = clock.perf_counter()
    situations = CareSituations(seed, today or date.today())
    staff_ids = _staff_ids(engine, situations.staff_names)
    size = max(BATCH_SIZE, min(LARGE_BATCH, caregivers // 20))
    sizes = [min(size, caregivers - done) for done in range(0, caregivers, size)]
    added = 0
    for size in sizes:
        batch = situations.batch(size, staff_ids)
        with engine.begin() as connection:
            _insert(connection, batch)
        added += len(batch.caregivers)
        if progress is not None and not progress(added, caregivers):
            log.info("Demo fill cancelled after %s caregivers", added)
            break
    log.info("Demo fill: %s caregivers added in %.1f s", added, clock.perf_counter() - started)
    return added


def _staff_ids(engine: Engine, names: list[str]) -> list[int]:
    """The first active staff members, completed with generated ones."""
    with engine.begin() as connection:
        query = select(StaffMember.id).where(StaffMember.active.is_(True)).order_by(StaffMember.id)
        ids = list(connection.scalars(query.limit(len(names))))
        missing = [{"name": name, "active": True} for name in names[len(ids) :]]
        if missing:
            statement = insert(StaffMember).returning(StaffMember.id, sort_by_parameter_order=True)
            ids.extend(connection.scalars(statement, missing))
    return ids


def _insert(connection: Connection, batch: Batch) -> None:
    """Core executemany inserts; the FTS triggers index the caregivers' search text."""
    now = func.current_timestamp()
    ids = {
        "caregiver_id": insert_with_ids(connection, Caregiver, batch.caregivers),
        "care_recipient_id": insert_with_ids(connection, CareRecipient, batch.recipients),
    }
    for model, rows in (
        (CareRelation, batch.relations),
        (Contact, batch.contacts),
        (Consent, batch.consents),
    ):
        for row in rows:
            for key, known in ids.items():
                if row.get(key) is not None:
                    row[key] = known[row[key]]
        if rows:
            connection.execute(
                insert(model).values(created_at=now, updated_at=now, version=1), rows
            )
    latest = (
        select(func.max(Contact.contact_date))
        .where(Contact.caregiver_id == Caregiver.id)
        .scalar_subquery()
    )
    connection.execute(
        update(Caregiver)
        .where(Caregiver.id.in_(ids["caregiver_id"]))
        .values(last_contact_on=latest)
    )


def insert_with_ids(connection: Connection, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows that carry their uuid; the new ids in the order of ``rows``.

    The ids RETURNING hands back are matched by uuid: asking for parameter order instead
    makes SQLite insert row by row. The timestamps come from the database clock, as binding
    a datetime per row costs more than the insert itself.
    """
    if not rows:
        return []
    now = func.current_timestamp()
    statement = insert(model).values(created_at=now, updated_at=now, version=1)
    returned = connection.execute(statement.returning(model.uuid, model.id), rows)
    by_uuid: dict[str, int] = {row_uuid: row_id for row_uuid, row_id in returned}
    return [by_uuid[row["uuid"]] for row in rows]

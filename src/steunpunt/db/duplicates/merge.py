"""Moving a caregiver's rows to another and back: the rows of every table that refers to one.

The tables are found from the metadata (every foreign key to ``caregiver.id``), each with its
:class:`MergeRule`; a table without one stops the merge (and a test), so a new table cannot be
forgotten. The moves are set-based (one UPDATE per table); what they moved is returned as plain
values for the merge's snapshot, with each row's version after the move, so undo can tell
whether anyone changed it since.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Column, RowMapping, Table, bindparam, delete, insert, select, tuple_, update
from sqlalchemy.orm import Session

from steunpunt.db.kernel.tables import metadata


class MergeRule(Enum):
    """What happens to the merged-away person's rows of one table."""

    MOVE = "move"
    """The row moves to the survivor."""
    KEEP_ONE = "keep_one"
    """Moves, unless the survivor has one with the same ``same`` columns: then it is removed."""
    REFUSE_SHARED = "refuse_shared"
    """Moves; both having one with the same ``same`` columns refuses the merge."""
    REMOVE = "remove"
    """Removed (kept in the snapshot): it is about the two as different people."""


@dataclass(frozen=True)
class Rule:
    """A table's rule and the columns that, with the caregiver, make a row unique."""

    kind: MergeRule
    same: tuple[str, ...] = ()


_MOVE = Rule(MergeRule.MOVE)

MERGE_RULES: Mapping[tuple[str, str], Rule] = {
    ("care_relation", "caregiver_id"): Rule(MergeRule.KEEP_ONE, ("care_recipient_id",)),
    ("caregiver_assignment", "caregiver_id"): Rule(MergeRule.KEEP_ONE, ("staff_id",)),
    ("compliment_application", "caregiver_id"): Rule(
        MergeRule.REFUSE_SHARED, ("round_id", "care_recipient_id")
    ),
    ("consent", "caregiver_id"): _MOVE,
    ("contact", "caregiver_id"): _MOVE,
    ("burden_assessment", "caregiver_id"): _MOVE,
    ("referral", "caregiver_id"): _MOVE,
    ("household_help_grant", "caregiver_id"): _MOVE,
    ("sent_letter", "caregiver_id"): _MOVE,
    ("caregiver_merge", "survivor_id"): _MOVE,
    # an imported person merged into another: the import's undo then finds the survivor
    # changed since and keeps it (named); undoing the merge moves the row back
    ("import_row", "caregiver_id"): _MOVE,
    ("duplicate_decision", "first_caregiver_id"): Rule(MergeRule.REMOVE),
    ("duplicate_decision", "second_caregiver_id"): Rule(MergeRule.REMOVE),
}
"""Per table and column referring to a caregiver: what a merge does with its rows."""


DATE_COLUMNS: Mapping[str, str] = {
    "contact": "contact_date",
    "consent": "given_on",
    "compliment_application": "received_on",
    "sent_letter": "sent_on",
    "burden_assessment": "assessed_on",
    "referral": "referred_on",
    "household_help_grant": "starts_on",
}
"""The date that tells a person which row of a table is meant (a contact of 20-11-2026)."""


class UnhandledTable(LookupError):
    """A table refers to caregivers but has no merge rule: a programming error."""


def caregiver_references() -> list[tuple[Table, Column[Any]]]:
    """Every table and column with a foreign key to ``caregiver.id``, in dependency order."""
    found = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            if any(key.column.table.name == "caregiver" for key in column.foreign_keys):
                found.append((table, column))
    return found


def _references() -> Iterator[tuple[Table, Column[Any], Rule]]:
    for table, column in caregiver_references():
        rule = MERGE_RULES.get((table.name, column.name))
        if rule is None:
            raise UnhandledTable(f"{table.name}.{column.name} has no merge rule")
        yield table, column, rule


def shared_rows(session: Session, survivor_id: int, other_id: int) -> list[tuple[str, int]]:
    """The rows (table, id of the other's row) that both have and that refuse the merge."""
    found = []
    for table, column, rule in _references():
        if rule.kind is not MergeRule.REFUSE_SHARED:
            continue
        shared = _same_as_survivor(session, table, column, rule, survivor_id, other_id)
        found += [(table.name, row_id) for row_id in shared]
    return found


def _same_as_survivor(
    session: Session, table: Table, column: Column[Any], rule: Rule, survivor_id: int, other_id: int
) -> list[int]:
    """Ids of the other's rows whose ``same`` columns the survivor has a row with too."""
    same = [table.c[name] for name in rule.same]
    survivors = select(*same).where(column == survivor_id)
    statement = select(table.c.id).where(column == other_id, tuple_(*same).in_(survivors))
    return list(session.scalars(statement))


@dataclass(frozen=True)
class MovedRow:
    """One row moved from the merged-away person: its old owner and the version after the move."""

    table: str
    column: str
    id: int
    old_caregiver_id: int
    version: int
    old_updated_at: str


@dataclass(frozen=True)
class RemovedRow:
    """A row of the merged-away person removed by the merge, whole, to put back on undo."""

    table: str
    id: int
    values: dict[str, Any]


def move_rows(
    session: Session, survivor_id: int, other_id: int
) -> tuple[list[MovedRow], list[RemovedRow]]:
    """Move every row of ``other_id`` to ``survivor_id`` by the rules; what moved and what went."""
    moved: list[MovedRow] = []
    removed: list[RemovedRow] = []
    for table, column, rule in _references():
        gone: list[int] = []
        if rule.kind is MergeRule.REMOVE:
            gone = list(session.scalars(select(table.c.id).where(column == other_id)))
        elif rule.kind is MergeRule.KEEP_ONE:
            gone = _same_as_survivor(session, table, column, rule, survivor_id, other_id)
        if gone:
            rows = session.execute(select(table).where(table.c.id.in_(gone))).mappings()
            removed += [RemovedRow(table.name, row["id"], encode_row(table, row)) for row in rows]
            session.execute(delete(table).where(table.c.id.in_(gone)))
        if rule.kind is MergeRule.REMOVE:
            continue
        before = session.execute(
            select(table.c.id, table.c.version, table.c.updated_at).where(column == other_id)
        ).all()
        if not before:
            continue
        session.execute(
            update(table)
            .where(column == other_id)
            .values({column.name: survivor_id, "version": table.c.version + 1})
        )
        moved += [
            MovedRow(table.name, column.name, row_id, other_id, version + 1, _encode(updated_at))
            for row_id, version, updated_at in before
        ]
    return moved, removed


def unchanged_since(
    session: Session, moved: Sequence[MovedRow], survivor_id: int
) -> list[tuple[str, int, bool]]:
    """The moved rows changed since the merge: (table, id, still there) for each."""
    blockers = []
    by_table: dict[tuple[str, str], list[MovedRow]] = {}
    for row in moved:
        by_table.setdefault((row.table, row.column), []).append(row)
    for (table_name, column_name), rows in by_table.items():
        table = metadata.tables[table_name]
        column = table.c[column_name]
        now = {
            row_id: (owner, version)
            for row_id, owner, version in session.execute(
                select(table.c.id, column, table.c.version).where(
                    table.c.id.in_([row.id for row in rows])
                )
            )
        }
        for row in rows:
            current = now.get(row.id)
            if current != (survivor_id, row.version):
                blockers.append((table_name, row.id, current is not None))
    return blockers


def row_date(session: Session, table_name: str, row_id: int) -> date | None:
    """The date that names a row for a person (see :data:`DATE_COLUMNS`), when it has one."""
    column = DATE_COLUMNS.get(table_name)
    if column is None:
        return None
    table = metadata.tables[table_name]
    found = session.scalar(select(table.c[column]).where(table.c.id == row_id))
    return found if isinstance(found, date) else None


def move_back(session: Session, moved: Sequence[MovedRow]) -> None:
    """Give every moved row its old owner, version and moment of change back."""
    by_table: dict[tuple[str, str], list[MovedRow]] = {}
    for row in moved:
        by_table.setdefault((row.table, row.column), []).append(row)
    for (table_name, column_name), rows in by_table.items():
        table = metadata.tables[table_name]
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(
                {
                    column_name: bindparam("owner"),
                    "version": bindparam("old_version"),
                    "updated_at": bindparam("old_updated_at"),
                }
            )
        )
        session.connection().execute(
            statement,
            [
                {
                    "row_id": row.id,
                    "owner": row.old_caregiver_id,
                    "old_version": row.version - 1,
                    "old_updated_at": datetime.fromisoformat(row.old_updated_at),
                }
                for row in rows
            ],
        )


def missing_references(
    session: Session, table_name: str, values: Mapping[str, Any], returning_id: int
) -> list[str]:
    """The tables a row to put back refers to where the row it names is gone (the caregiver
    ``returning_id`` comes back first)."""
    table = metadata.tables[table_name]
    missing = []
    for key in table.foreign_keys:
        value = values.get(key.parent.name)
        if value is None or (key.column.table.name == "caregiver" and value == returning_id):
            continue
        target = key.column.table
        if session.scalar(select(key.column).where(key.column == value)) is None:
            missing.append(target.name)
    return missing


def put_back(session: Session, table_name: str, values: Mapping[str, Any]) -> None:
    """Insert a removed row as it was."""
    table = metadata.tables[table_name]
    session.execute(insert(table).values(decode_row(table, values)))


def row_exists(session: Session, table_name: str, row_id: int, uuid: str) -> bool:
    """Whether a row with this id or uuid is in ``table_name``."""
    table = metadata.tables[table_name]
    found = select(table.c.id).where((table.c.id == row_id) | (table.c.uuid == uuid))
    return session.scalar(found) is not None


def whole_row(session: Session, table_name: str, row_id: int) -> dict[str, Any]:
    """Every column of one row, as plain JSON values."""
    table = metadata.tables[table_name]
    row = session.execute(select(table).where(table.c.id == row_id)).mappings().one()
    return encode_row(table, row)


def encode_row(table: Table, row: RowMapping) -> dict[str, Any]:
    """A row's columns as JSON values (dates and moments as ISO text)."""
    return {column.name: _encode(row[column.name]) for column in table.columns}


def decode_row(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """The column values of an encoded row, typed again."""
    decoded = {}
    for column in table.columns:
        value = values.get(column.name)
        if isinstance(value, str):
            kind = _python_type(column)
            if kind is datetime:
                value = datetime.fromisoformat(value)
            elif kind is date:
                value = date.fromisoformat(value)
            elif kind is Decimal:
                value = Decimal(value)
        decoded[column.name] = value
    return decoded


def _python_type(column: Column[Any]) -> type | None:
    try:
        kind: type = column.type.python_type
    except NotImplementedError:
        return None
    return kind


def _encode(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def dumps(snapshot: Mapping[str, Any]) -> str:
    """The snapshot as stored."""
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True)

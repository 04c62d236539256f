"""Writing a checked import in one transaction: new caregivers, merges, naasten, the run's rows.

Rows go in with one statement per table (executemany), not one ORM object each: 20,000 rows
are written in seconds. The ORM's hooks do not run on these statements, so the search text and
the sort name are computed here as the hooks would; the FTS triggers index the search text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import (
    Caregiver,
    CareRecipient,
    CareRelation,
    caregiver_search_text,
)
from steunpunt.db.imports.models import ImportRow
from steunpunt.db.imports.queries import caregiver_rows, chunks
from steunpunt.db.kernel.base import new_uuid
from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.domain.imports.merge import (
    FILLABLE,
    care_recipient_values,
    caregiver_values,
    fills,
    relation_values,
    same_naaste,
)
from steunpunt.domain.imports.plan import Action, ImportPlan, Person, PlannedRow, Written
from steunpunt.domain.names import PersonName
from steunpunt.domain.progress import Progress

STOPPED = "Het importeren is gestopt; er is niets opgeslagen."
STEP = 1000
"""Rows per statement between two progress reports."""
NameParts = tuple[str, str, str]


@dataclass
class Target:
    """A caregiver the import writes to: one it makes, or one in the register it fills."""

    values: dict[str, Any]
    """The caregiver's columns as they will be (fills applied)."""
    caregiver_id: int | None = None
    """None: made by this import (the id is known once inserted)."""
    version: int = 1
    naasten: list[NameParts] = field(default_factory=list)
    filled: bool = False


@dataclass
class WrittenRow:
    """A row of the file that writes: its target, what it filled, the naaste it makes."""

    source_row: int
    outcome: Written
    target: Target
    before: dict[str, Any]
    recipient: dict[str, Any] | None = None
    relation: dict[str, Any] | None = None


@dataclass
class Writes:
    """Everything one import will write."""

    rows: list[WrittenRow]
    skipped: int

    @property
    def made(self) -> list[Target]:
        return _unique(row.target for row in self.rows if row.target.caregiver_id is None)

    @property
    def filled(self) -> list[Target]:
        return _unique(
            row.target for row in self.rows if row.target.caregiver_id and row.target.filled
        )


def _unique(targets: Iterable[Target]) -> list[Target]:
    seen: dict[int, Target] = {}
    for target in targets:
        seen.setdefault(id(target), target)
    return list(seen.values())


def prepare(session: Session, plan: ImportPlan, actions: Mapping[int, Action]) -> Writes:
    """Decide, row by row in the file's order, what each row writes."""
    existing = _register_targets(session, plan, actions)
    by_row: dict[int, Target] = {}
    written: list[WrittenRow] = []
    skipped = 0
    for row in plan.rows:
        action = actions.get(row.source_row)
        if action is None:
            continue
        if action is Action.SKIP:
            skipped += 1
            continue
        assert row.person is not None
        target = _merge_target(row, existing, by_row) if action is Action.MERGE else None
        if target is None:
            target = Target(caregiver_values(row.person.caregiver))
            outcome, before = Written.NEW, {}
        else:
            outcome, before = Written.MERGED, _fill(target, row.person)
        by_row[row.source_row] = target
        entry = WrittenRow(row.source_row, outcome, target, before)
        _add_naaste(entry, row.person)
        written.append(entry)
    return Writes(written, skipped)


def _register_targets(
    session: Session, plan: ImportPlan, actions: Mapping[int, Action]
) -> dict[int, Target]:
    """The register's caregivers the rows merge into, with their columns and naasten."""
    ids = {
        row.candidates[0].caregiver_id
        for row in plan.rows
        if actions.get(row.source_row) is Action.MERGE and row.candidates[0].caregiver_id
    }
    found = caregiver_rows(session, ids, (*FILLABLE, "infix", "last_name"))
    gone = sorted(ids - found.keys())
    if gone:
        raise InvalidValue(
            f"{len(gone)} mantelzorgers om mee samen te voegen staan niet meer in het register. "
            "Controleer het bestand opnieuw; er is niets opgeslagen."
        )
    targets = {
        key: Target({name: value for name, value in row.items()}, key, row["version"])
        for key, row in found.items()
    }
    for chunk in chunks(sorted(ids)):
        query = (
            select(
                CareRelation.caregiver_id,
                CareRecipient.first_name,
                CareRecipient.infix,
                CareRecipient.last_name,
            )
            .join(CareRecipient, CareRecipient.id == CareRelation.care_recipient_id)
            .where(CareRelation.caregiver_id.in_(chunk))
        )
        for caregiver_id, first, infix, last in session.execute(query):
            targets[caregiver_id].naasten.append((first, infix, last))
    return targets


def _merge_target(
    row: PlannedRow, existing: Mapping[int, Target], by_row: Mapping[int, Target]
) -> Target | None:
    """Whom the row merges into: a register caregiver, or the one an earlier row of the file
    wrote (None when that row wrote nothing: this row is then new)."""
    best = row.candidates[0]
    if best.caregiver_id is not None:
        return existing[best.caregiver_id]
    return by_row.get(cast(int, best.source_row))


def _fill(target: Target, person: Person) -> dict[str, Any]:
    """Fill the target's empty fields from ``person``; the values they had before."""
    filled = fills(target.values, caregiver_values(person.caregiver))
    before = {name: _plain(target.values.get(name)) for name in filled}
    target.values.update(filled)
    target.filled = target.filled or bool(filled)
    return before


def _plain(value: object) -> object:
    """A column value as JSON keeps it (only empty values are ever replaced)."""
    return value if value is None or isinstance(value, str | int) else str(value)


def _add_naaste(entry: WrittenRow, person: Person) -> None:
    """The naaste and relation the row makes, unless its caregiver has that naaste already."""
    if person.care_recipient is None or person.relation is None:
        return
    name = person.care_recipient.name
    parts = (name.first_name, name.infix, name.last_name)
    if any(same_naaste(parts, known) for known in entry.target.naasten):
        return
    entry.target.naasten.append(parts)
    entry.recipient = care_recipient_values(person.care_recipient)
    entry.relation = relation_values(person.relation)


class Writer:
    """Writes prepared rows with progress; a stop raises ``Cancelled`` (the caller rolls back)."""

    def __init__(
        self, session: Session, moment: datetime, progress: Progress | None, total: int
    ) -> None:
        self._session = session
        self._moment = moment
        self._progress = progress
        self._total = max(total, 1)
        self._done = 0

    def step(self, count: int) -> None:
        self._done += count
        if self._progress is not None and not self._progress(
            min(self._done, self._total), self._total
        ):
            raise Cancelled(STOPPED)

    def insert(self, model: Any, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert ``rows`` (each given a uuid); their new ids in order."""
        table = model.__table__
        statement = (
            insert(table)
            .values(created_at=self._moment, updated_at=self._moment, version=1)
            .returning(table.c.uuid, table.c.id)
        )
        ids: list[int] = []
        for chunk in chunks(rows, STEP):
            for row in chunk:
                row["uuid"] = new_uuid()
            returned: dict[str, int] = dict(self._session.execute(statement, list(chunk)).all())
            ids.extend(returned[row["uuid"]] for row in chunk)
            self.step(len(chunk))
        return ids

    def update_filled(self, targets: Sequence[Target]) -> None:
        """Write the filled fields of register caregivers, each version checked and raised."""
        table = cast(Table, Caregiver.__table__)
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(
                {
                    **{name: bindparam(f"v_{name}") for name in (*FILLABLE, "search_text")},
                    "sort_name": bindparam("v_sort_name"),
                    "version": table.c.version + 1,
                    "updated_at": self._moment,
                }
            )
        )
        for chunk in chunks(targets, STEP):
            parameters = [
                {
                    "b_id": target.caregiver_id,
                    "b_version": target.version,
                    **{f"v_{name}": target.values[name] for name in FILLABLE},
                    "v_search_text": search_text(target.values),
                    "v_sort_name": sort_name(target.values),
                }
                for target in chunk
            ]
            result = self._session.execute(statement, parameters)
            if getattr(result, "rowcount", len(chunk)) != len(chunk):
                raise InvalidValue(
                    "Iemand anders wijzigde intussen mantelzorgers uit dit bestand. "
                    "Controleer het bestand opnieuw; er is niets opgeslagen."
                )
            for target in chunk:
                target.version += 1
            self.step(len(chunk))


def search_text(values: Mapping[str, Any]) -> str:
    """The search text the ORM's hook would compute for a caregiver with these columns."""
    return caregiver_search_text(cast(Caregiver, SimpleNamespace(**values)))


def sort_name(values: Mapping[str, Any]) -> str:
    return PersonName(values["first_name"], values["infix"], values["last_name"]).sort_key


def write(
    session: Session,
    writes: Writes,
    run_id: int,
    moment: datetime,
    progress: Progress | None,
) -> None:
    """Write everything ``writes`` holds, then one ``import_row`` per row written."""
    made, filled = writes.made, writes.filled
    naming = [row for row in writes.rows if row.recipient is not None]
    total = len(made) + len(filled) + 2 * len(naming) + len(writes.rows)
    writer = Writer(session, moment, progress, total)
    writer.step(0)
    caregivers = [
        {
            **target.values,
            "search_text": search_text(target.values),
            "sort_name": sort_name(target.values),
        }
        for target in made
    ]
    for target, caregiver_id in zip(made, writer.insert(Caregiver, caregivers), strict=True):
        target.caregiver_id = caregiver_id
    writer.update_filled(filled)
    recipients = writer.insert(CareRecipient, [dict(row.recipient or {}) for row in naming])
    relations = writer.insert(
        CareRelation,
        [
            {
                **(row.relation or {}),
                "caregiver_id": row.target.caregiver_id,
                "care_recipient_id": recipient_id,
            }
            for row, recipient_id in zip(naming, recipients, strict=True)
        ],
    )
    made_by = {
        id(row): pair
        for row, pair in zip(naming, zip(recipients, relations, strict=True), strict=True)
    }
    writer.insert(
        ImportRow, [_import_row(run_id, row, made_by.get(id(row))) for row in writes.rows]
    )


def _import_row(run_id: int, row: WrittenRow, made: tuple[int, int] | None) -> dict[str, Any]:
    """The ``import_row`` of a written row: where it came from, what it made or filled."""
    recipient_id, relation_id = made or (None, None)
    return {
        "run_id": run_id,
        "source_row": row.source_row,
        "outcome": row.outcome.value,
        "caregiver_id": row.target.caregiver_id,
        "care_recipient_id": recipient_id,
        "relation_id": relation_id,
        "caregiver_version": row.target.version,
        "filled_json": json.dumps(row.before, ensure_ascii=False) if row.before else "",
    }

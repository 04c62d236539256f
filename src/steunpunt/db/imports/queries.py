"""The register as the import needs it: everyone's matching keys, names, rows to fill."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.domain.names import full_name

CHUNK = 5000
"""Ids per ``IN (…)`` list: well under SQLite's limit of bound variables."""

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def caregiver_names(session: Session, ids: Collection[int]) -> dict[int, str]:
    """``"Jan de Vries"`` for each of ``ids`` that exists."""
    names: dict[int, str] = {}
    for chunk in chunks(sorted(ids)):
        query = select(Caregiver.id, Caregiver.first_name, Caregiver.infix, Caregiver.last_name)
        for row in session.execute(query.where(Caregiver.id.in_(chunk))):
            names[row[0]] = full_name(row[1], row[2], row[3])
    return names


def caregiver_rows(
    session: Session, ids: Collection[int], columns: Sequence[str]
) -> dict[int, dict[str, Any]]:
    """The ``columns`` (and id and version) of each of ``ids`` that exists, by id."""
    table = Caregiver.__table__
    wanted = [table.c.id, table.c.version, *(table.c[name] for name in columns)]
    found: dict[int, dict[str, Any]] = {}
    for chunk in chunks(sorted(ids)):
        for row in session.execute(select(*wanted).where(table.c.id.in_(chunk))):
            found[row.id] = dict(row._mapping)
    return found

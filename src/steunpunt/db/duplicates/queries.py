"""The duplicate scan's reads: every caregiver's key in one narrow query, summaries, decisions."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TypeVarTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.duplicates.models import DuplicateDecision
from steunpunt.domain.duplicates.similarity import PersonKey
from steunpunt.domain.phone import phone_digits

KeyRow = TypeVarTuple("KeyRow")

CHUNK = 900
"""Ids per ``IN`` list: below SQLite's old limit of 999 bound values."""

_KEY_COLUMNS = (
    Caregiver.id,
    Caregiver.first_name,
    Caregiver.infix,
    Caregiver.last_name,
    Caregiver.initials,
    Caregiver.birth_date,
    Caregiver.postcode,
    Caregiver.house_number,
    Caregiver.phone,
    Caregiver.email,
)


def person_keys(session: Session, ids: Collection[int] | None = None) -> list[PersonKey]:
    """What duplicate finding compares of every caregiver (or of ``ids``), in one query each."""
    base = select(*_KEY_COLUMNS)
    wanted = sorted(ids or ())
    statements = (
        [base]
        if ids is None
        else [
            base.where(Caregiver.id.in_(wanted[start : start + CHUNK]))
            for start in range(0, len(wanted), CHUNK)
        ]
    )
    return [key for statement in statements for key in _keys(session, statement)]


def _keys(session: Session, statement: Select[*KeyRow]) -> Iterator[PersonKey]:
    for row in session.execute(statement).mappings():
        phone = row["phone"]
        yield PersonKey(
            row["id"],
            row["first_name"],
            row["infix"],
            row["last_name"],
            row["initials"],
            row["birth_date"],
            row["postcode"],
            row["house_number"],
            phone_digits(phone) if phone else "",
            row["email"],
        )


def decided_pairs(session: Session) -> set[tuple[int, int]]:
    """Every pair decided "niet dezelfde", lower id first."""
    rows = session.execute(
        select(DuplicateDecision.first_caregiver_id, DuplicateDecision.second_caregiver_id)
    )
    return {(first, second) for first, second in rows}


def caregivers_by_id(session: Session, ids: Collection[int]) -> dict[int, Caregiver]:
    """The caregiver rows of ``ids`` (those that still exist), in chunks."""
    wanted = sorted(ids)
    found: dict[int, Caregiver] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        for caregiver in session.scalars(select(Caregiver).where(Caregiver.id.in_(chunk))):
            found[caregiver.id] = caregiver
    return found

"""The duplicate scan's reads: every caregiver's key in one narrow query, summaries, decisions."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.duplicates.models import DuplicateDecision
from steunpunt.domain.duplicates.similarity import PersonKey
from steunpunt.domain.phone import phone_digits

CHUNK = 900
"""Ids per ``IN`` list: below SQLite's old limit of 999 bound values."""


def person_keys(session: Session) -> list[PersonKey]:
    """What the matching rule compares of every caregiver, in one query of only those columns
    (plain rows from the connection: 100,000 of them in well under a second); the duplicate
    scan and the import's plan both match against these."""
    rows = session.connection().execute(
        select(
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
    )
    return [
        PersonKey(
            key, first, infix, last, initials, born, postcode, number, phone_digits(phone), email
        )
        for key, first, infix, last, initials, born, postcode, number, phone, email in rows
    ]


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

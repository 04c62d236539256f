"""The people of a pair or a merge as the screens show them, and what tells them apart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, Contact
from steunpunt.db.compliment.models import ComplimentApplication
from steunpunt.db.duplicates.queries import caregivers_by_id
from steunpunt.db.support.models import BurdenAssessment
from steunpunt.domain.dates import format_date
from steunpunt.domain.duplicates.merge_fields import MergeField
from steunpunt.services.duplicates.dto import PersonSummary


def local(moment: datetime) -> datetime:
    """A stored moment (UTC) in the computer's time, as the screens show it."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone().replace(tzinfo=None)


def shown(field: MergeField, values: Sequence[object]) -> str:
    """A field's value as the merge dialog shows it."""
    if field.key == "address":
        street, number, suffix, postcode, place, _municipality = values
        line = " ".join(
            str(part) for part in (street, number if number is not None else "", suffix) if part
        )
        return ", ".join(part for part in (line, f"{postcode} {place}".strip()) if part)
    (value,) = values
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else str(value)


def name_in(row: Mapping[str, Any]) -> str:
    """The name in a caregiver row kept in a snapshot."""
    parts = (
        row.get("first_name") or row.get("initials") or "",
        row.get("infix"),
        row.get("last_name"),
    )
    return " ".join(part for part in parts if part)


def summary_of(caregiver: Caregiver) -> PersonSummary:
    return PersonSummary(
        caregiver.id,
        caregiver.name.full,
        caregiver.birth_date,
        caregiver.address.one_line,
        caregiver.phone,
        caregiver.email,
        caregiver.registered_on,
    )


def summaries(session: Session, ids: set[int]) -> dict[int, PersonSummary]:
    return {key: summary_of(row) for key, row in caregivers_by_id(session, ids).items()}


def history(session: Session, ids: Sequence[int]) -> dict[int, int]:
    """Applications, contacts and measurements per caregiver."""
    counts = dict.fromkeys(ids, 0)
    for model in (ComplimentApplication, Contact, BurdenAssessment):
        rows = session.execute(
            select(model.caregiver_id, func.count())
            .where(model.caregiver_id.in_(ids))
            .group_by(model.caregiver_id)
        )
        for caregiver_id, count in rows:
            counts[caregiver_id] += count
    return counts

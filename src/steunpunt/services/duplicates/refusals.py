"""Why a merge or its undo is refused: a second grant in one year, rows changed since."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.compliment.models import ComplimentApplication, ComplimentRound
from steunpunt.db.duplicates.merge import (
    MovedRow,
    RemovedRow,
    missing_references,
    row_date,
    row_exists,
    shared_rows,
    unchanged_since,
)
from steunpunt.domain.audit import table_label
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.dates import format_date
from steunpunt.services.duplicates.people import name_in
from steunpunt.services.kernel.errors import NotAllowed

GRANTS = (ApplicationStatus.GRANTED.value, ApplicationStatus.PAID.value)


def refuse_double_grants(session: Session, survivor_id: int, other_id: int) -> None:
    """Refuse a merge after which one person would have two grants in one year."""
    rows = session.execute(
        select(ComplimentApplication.caregiver_id, ComplimentRound.year, ComplimentApplication.id)
        .join(ComplimentRound, ComplimentRound.id == ComplimentApplication.round_id)
        .where(
            ComplimentApplication.caregiver_id.in_([survivor_id, other_id]),
            ComplimentApplication.status.in_(GRANTS),
        )
        .order_by(ComplimentApplication.id)
    ).all()
    years: dict[int, dict[int, list[int]]] = {}
    for caregiver_id, year, application_id in rows:
        years.setdefault(year, {}).setdefault(caregiver_id, []).append(application_id)
    for year, by_person in sorted(years.items()):
        if len(by_person) == 2:
            ids = sorted(i for found in by_person.values() for i in found)
            raise NotAllowed(
                f"Samenvoegen kan niet: beide mantelzorgers hebben in {year} een "
                f"mantelzorgcompliment toegekend gekregen (aanvragen {', '.join(map(str, ids))}). "
                "Eén persoon krijgt er maar één per jaar; samengevoegd zou hij er twee hebben."
            )


def refuse_shared_rows(session: Session, survivor_id: int, other_id: int) -> None:
    """Refuse a merge after which one person would have two applications in one round for
    the same naaste."""
    shared = shared_rows(session, survivor_id, other_id)
    if shared:
        raise NotAllowed(
            "Samenvoegen kan niet: beiden hebben in dezelfde ronde een aanvraag voor dezelfde "
            f"naaste (aanvraag {', '.join(str(row_id) for _table, row_id in shared)}). Handel "
            "eerst een van beide aanvragen af of verwijder hem."
        )


def undo_blockers(
    session: Session,
    survivor: Caregiver | None,
    snapshot: Mapping[str, Any],
    moved: Sequence[MovedRow],
    removed: Sequence[RemovedRow],
) -> list[str]:
    """What changed since the merge, each named in Dutch; empty when undo can go ahead."""
    merged = snapshot["caregiver"]
    if survivor is None:
        return ["de mantelzorger die overbleef bestaat niet meer"]
    blockers = []
    if survivor.version != snapshot["survivor_version"]:
        blockers.append(f"de gegevens van mantelzorger {survivor.name.full}")
    if row_exists(session, "caregiver", merged["id"], merged["uuid"]):
        blockers.append(f"het nummer van {name_in(merged)} is aan een andere mantelzorger gegeven")
    for table, row_id, still_there in unchanged_since(session, moved, survivor.id):
        day = row_date(session, table, row_id)
        what = f"{table_label(table)} {row_id}" + (f" van {format_date(day)}" if day else "")
        blockers.append(what if still_there else f"{what} (verwijderd)")
    for row in removed:
        for gone in missing_references(session, row.table, row.values, merged["id"]):
            blockers.append(
                f"{table_label(row.table)} {row.id}: {table_label(gone)} bestaat niet meer"
            )
    return blockers

"""Query builders for the caregiver list: search, filters and sorting, done by the database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, literal_column, or_, select, text

from steunpunt.db.models import Caregiver
from steunpunt.domain.age import AgeBracket, birth_date_range
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.postcode import compact_postcode_query
from steunpunt.domain.text import fold

_PHONE_LIKE = re.compile(r"^[\d\s\-+()]+$")
_TRIGRAM = 3


class SortKey(StrEnum):
    """Columns the list can be sorted on."""

    NAME = "naam"
    BIRTH_DATE = "geboortedatum"
    ADDRESS = "adres"
    POSTCODE = "postcode"
    PLACE = "woonplaats"
    PHONE = "telefoon"
    EMAIL = "email"
    REGISTERED_ON = "ingeschreven"
    STATUS = "status"


@dataclass(frozen=True)
class CaregiverFilter:
    """What the caregiver list shows: search text, filters and order."""

    text: str = ""
    active: ActiveFilter = ActiveFilter.ACTIVE
    bracket: AgeBracket | None = None
    sort: SortKey = SortKey.NAME
    descending: bool = False


def search_terms(text: str) -> list[str]:
    """Split typed text into folded terms; a postcode or phone number stays one term."""
    postcode = compact_postcode_query(text)
    if postcode is not None:
        return [postcode.lower()]
    if _PHONE_LIKE.match(text) and sum(ch.isdigit() for ch in text) >= _TRIGRAM:
        return [_phone_query_digits(text)]
    return fold(text).split()


def _phone_query_digits(text: str) -> str:
    """Digits as stored: Dutch numbers nationally (``+31 (0)6`` -> ``06``), others without ``00``."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if text.strip().startswith("+") or digits.startswith("00"):
        digits = digits.removeprefix("00")
        if digits.startswith("31"):
            national = digits[2:]
            digits = national if national.startswith("0") else "0" + national
    return digits


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_condition(terms: list[str], dialect: str) -> ColumnElement[bool] | None:
    """Every term must occur in the search text; FTS5 trigram on SQLite for terms of 3+."""
    if not terms:
        return None
    conditions: list[ColumnElement[bool]] = []
    long_terms = [t for t in terms if len(t) >= _TRIGRAM]
    short_terms = terms if dialect != "sqlite" else [t for t in terms if len(t) < _TRIGRAM]
    if dialect == "sqlite" and long_terms:
        match = " AND ".join(_fts_phrase(t) for t in long_terms)
        fts_ids: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(text("caregiver_fts"))
            .where(text("caregiver_fts MATCH :fts_query").bindparams(fts_query=match))
        )
        conditions.append(Caregiver.id.in_(fts_ids))
    conditions.extend(
        Caregiver.search_text.like(_like_pattern(t), escape="\\") for t in short_terms
    )
    return and_(*conditions)


def is_active(today: date) -> ColumnElement[bool]:
    """Active means: no end date, or an end date still to come."""
    return or_(Caregiver.ended_on.is_(None), Caregiver.ended_on > today)


def active_condition(active: ActiveFilter, today: date) -> ColumnElement[bool] | None:
    if active is ActiveFilter.ALL:
        return None
    return is_active(today) if active is ActiveFilter.ACTIVE else ~is_active(today)


def bracket_condition(bracket: AgeBracket | None, today: date) -> ColumnElement[bool] | None:
    if bracket is None:
        return None
    if bracket is AgeBracket.UNKNOWN:
        return Caregiver.birth_date.is_(None)
    born_after, born_on_or_before = birth_date_range(bracket, today)
    conditions = []
    if born_after is not None:
        conditions.append(Caregiver.birth_date > born_after)
    if born_on_or_before is not None:
        conditions.append(Caregiver.birth_date <= born_on_or_before)
    return and_(*conditions)


def _order_by(sort: SortKey, descending: bool, today: date) -> list[Any]:
    status = case((is_active(today), 0), else_=1)
    columns: dict[SortKey, list[Any]] = {
        SortKey.NAME: [Caregiver.sort_name],
        SortKey.BIRTH_DATE: [Caregiver.birth_date],
        SortKey.ADDRESS: [Caregiver.street, Caregiver.house_number],
        SortKey.POSTCODE: [Caregiver.postcode, Caregiver.house_number],
        SortKey.PLACE: [Caregiver.place],
        SortKey.PHONE: [Caregiver.phone],
        SortKey.EMAIL: [Caregiver.email],
        SortKey.REGISTERED_ON: [Caregiver.registered_on],
        SortKey.STATUS: [status, Caregiver.sort_name],
    }
    keys = [*columns[sort], Caregiver.id]
    return [key.desc() for key in keys] if descending else keys


def caregiver_ids_query(criteria: CaregiverFilter, today: date, dialect: str) -> Select[int]:
    """The ids of the caregivers that match, in display order."""
    query = select(Caregiver.id)
    for condition in (
        _text_condition(search_terms(criteria.text), dialect),
        active_condition(criteria.active, today),
        bracket_condition(criteria.bracket, today),
    ):
        if condition is not None:
            query = query.where(condition)
    return query.order_by(*_order_by(criteria.sort, criteria.descending, today))

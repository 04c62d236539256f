"""The caregiver search in SQL: the readings of typed text as conditions (FTS5 on SQLite)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    false,
    literal_column,
    or_,
    select,
    text,
)

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.domain.caregivers.search import (
    Anywhere,
    Condition,
    InfixIn,
    PlaceIn,
    PostcodeStart,
    SearchQuery,
    SurnameStart,
)


def unindexed(column: Any, scan_in_order: bool) -> Any:
    """The column, or, to walk the sort order's index instead, the same column written
    ``+caregiver.column`` so SQLite will not pick this filter's index and sort afterwards."""
    if not scan_in_order:
        return column
    return literal_column(f"+{Caregiver.__tablename__}.{column.key}", type_=column.type)


def search_condition(
    query: SearchQuery, dialect: str, scan_in_order: bool
) -> ColumnElement[bool] | None:
    """Everyone matching one of the query's readings; None when the query asks nothing.

    Conditions shared by every reading are written once, outside the alternatives.
    """
    if not query.readings:
        return false()
    common = frozenset.intersection(*query.readings)
    builder = _Builder(dialect, scan_in_order)
    clauses = builder.all_of(common)
    alternatives = builder.any_of([reading - common for reading in query.readings])
    if alternatives is not None:
        clauses.append(alternatives)
    return and_(*clauses) if clauses else None


class _Builder:
    """Writes conditions for one dialect, with or without walking the sort order's index."""

    def __init__(self, dialect: str, scan_in_order: bool) -> None:
        self.dialect = dialect
        self.postcode = unindexed(Caregiver.postcode, scan_in_order)
        self.sort_name = unindexed(Caregiver.sort_name, scan_in_order)
        self.infix = unindexed(Caregiver.infix, scan_in_order)
        self.place = unindexed(Caregiver.place, scan_in_order)

    def all_of(self, conditions: Iterable[Condition]) -> list[ColumnElement[bool]]:
        """One clause per condition; plain words share one text-index match."""
        ordered = sorted(conditions, key=repr)
        words = [c.word for c in ordered if isinstance(c, Anywhere) and not c.places]
        clauses = [self.text_match(words)] if words else []
        clauses.extend(
            self.one(c) for c in ordered if not (isinstance(c, Anywhere) and not c.places)
        )
        return clauses

    def any_of(self, readings: list[frozenset[Condition]]) -> ColumnElement[bool] | None:
        """One of the readings; None when one of them asks nothing (everyone matches).

        Each reading is written whole, even where readings share a condition: then every
        alternative has a condition an index can answer (a place, a tussenvoegsel, text-index
        ids), so SQLite counts the alternatives from their indexes instead of a full scan.
        """
        if not all(readings):
            return None
        return or_(*(and_(*self.all_of(reading)) for reading in readings))

    def one(self, condition: Condition) -> ColumnElement[bool]:
        match condition:
            case PostcodeStart(prefix):
                return _starts_with(self.postcode, prefix)
            case SurnameStart(prefix):
                return _starts_with(self.sort_name, prefix)
            case InfixIn(infixes):
                return self.infix.in_(sorted(infixes))  # type: ignore[no-any-return]
            case PlaceIn(places):
                return self.place.in_(sorted(places))  # type: ignore[no-any-return]
            case Anywhere(word, places) if places:
                return or_(self.place.in_(sorted(places)), self.text_match([word]))
            case Anywhere(word):
                return self.text_match([word])
        raise AssertionError(condition)  # pragma: no cover

    def text_match(self, terms: Sequence[str]) -> ColumnElement[bool]:
        """Every term is a piece of the search text (SQLite: FTS5 trigram, else LIKE)."""
        if self.dialect != "sqlite":
            return and_(*(Caregiver.search_text.like(_like_pattern(t), escape="\\") for t in terms))
        fts_ids: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(text("caregiver_fts"))
            .where(
                text("caregiver_fts MATCH :fts_query").bindparams(
                    bindparam("fts_query", " AND ".join(_fts_phrase(t) for t in terms), unique=True)
                )
            )
        )
        return Caregiver.id.in_(fts_ids)


def _starts_with(column: Any, prefix: str) -> ColumnElement[bool]:
    """A range an index can use, unlike LIKE on a case-sensitive column."""
    return and_(column >= prefix, column < prefix + "\uffff")


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"

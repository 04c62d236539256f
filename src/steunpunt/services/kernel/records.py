"""Loading rows by id and checking versions: the shared steps of every edit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from steunpunt.db.kernel.base import Tracked
from steunpunt.services.kernel.errors import NotFound, StaleEdit

RowT = TypeVar("RowT", bound=Tracked)

STALE_MESSAGE = (
    "{what} is intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen en staat "
    "nog in het formulier. Sluit het formulier en open het opnieuw om de nieuwe gegevens te zien."
)


def load(session: Session, model: type[RowT], row_id: int, what: str) -> RowT:
    """The row with ``row_id`` or :class:`NotFound` naming ``what`` in Dutch."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"{what} bestaat niet meer; misschien is het verwijderd.")
    return row


def load_for_edit(
    session: Session, model: type[RowT], row_id: int, expected_version: int, what: str
) -> RowT:
    """Like :func:`load`, but refuse when the row changed since the editor read it."""
    row = load(session, model, row_id, what)
    if row.version != expected_version:
        raise StaleEdit(STALE_MESSAGE.format(what=what))
    return row


@contextmanager
def refuse_stale(what: str) -> Iterator[None]:
    """Turn a change by someone else, found when the edit is written, into :class:`StaleEdit`."""
    try:
        yield
    except StaleDataError as error:
        raise StaleEdit(STALE_MESSAGE.format(what=what)) from error

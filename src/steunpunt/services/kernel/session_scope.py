"""Short database sessions for service calls, with storage errors turned into Dutch messages."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from steunpunt.db.kernel.engine import database_file as file_of
from steunpunt.db.kernel.errors import DatabaseDamaged, DatabaseLocked
from steunpunt.domain.errors import KnownProblem
from steunpunt.io.staging_journal import staging_journal
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record_flush, record_statement
from steunpunt.services.kernel.changes import ChangeFeed, ChangeRecorder
from steunpunt.services.kernel.integrity import DAMAGED

log = logging.getLogger(__name__)

_STORAGE_MESSAGES = (
    (
        "locked",
        "De database is bezet door een andere gebruiker of ander programma. "
        "Probeer het over een ogenblik opnieuw; er is niets opgeslagen.",
    ),
    (
        "busy",
        "De database is bezet. Probeer het over een ogenblik opnieuw; er is niets opgeslagen.",
    ),
    ("full", "De schijf is vol. Maak ruimte vrij en probeer het opnieuw; er is niets opgeslagen."),
    (
        "readonly",
        "De database is alleen-lezen. Controleer de rechten op de map; er is niets opgeslagen.",
    ),
    ("disk i/o", "De schijf gaf een fout bij het schrijven. Er is niets opgeslagen."),
)


_CHANGES = "steunpunt.changes"
"""Key in ``Session.info`` under which a session collects what its flushes wrote."""


class SessionScope:
    """Opens one session per service call: commit on success, roll back on any error.

    What a committed session wrote goes to the listeners of :attr:`changes`; a session that
    rolls back announces nothing. Every row it writes is recorded in the audit trail, in the
    same transaction.
    """

    def __init__(
        self,
        factory: sessionmaker[Session],
        changes: ChangeFeed | None = None,
        reader: Actor | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self._factory = factory
        self.changes = changes or ChangeFeed()
        self.reader = reader
        """Who reads through this scope: the signed-in user whose permission and caseload
        every use case without an ``actor`` argument is held to (None: the program itself)."""
        self.read_only = read_only
        """The database cannot be written: reading records no view in the audit trail."""
        if factory not in _RECORDING:
            for name, listener in _RECORDERS:
                event.listen(factory, name, listener)
            _RECORDING.add(factory)

    def with_reader(self, reader: Actor) -> SessionScope:
        """The same database and change feed, read on behalf of ``reader``."""
        return SessionScope(self._factory, self.changes, reader, read_only=self.read_only)

    @property
    def dialect(self) -> str:
        bind = self._factory.kw["bind"]
        return str(bind.dialect.name)

    @property
    def database_file(self) -> Path | None:
        """The SQLite file the sessions work on (None for a server database)."""
        return file_of(self._factory.kw["bind"])

    @property
    def staging_journal(self) -> Path | None:
        """Where files being made for this database are noted until they are whole or gone:
        a killed run's are removed at the next start (``services/letters/leftovers.py``)."""
        return staging_journal(self.database_file)

    @contextmanager
    def __call__(self) -> Iterator[Session]:
        session = self._factory()
        try:
            yield session
            session.commit()
        except OperationalError as error:
            session.rollback()
            raise storage_problem(error) from error
        except DatabaseError as error:
            session.rollback()
            if "malformed" not in str(error.orig):
                raise
            log.error("Damaged database page read: %s", error.orig)
            raise DatabaseDamaged(DAMAGED) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        recorder: ChangeRecorder | None = session.info.pop(_CHANGES, None)
        if recorder is not None and (written := recorder.changes()):
            self.changes.publish(written)


def _recorder(session: Session) -> ChangeRecorder:
    recorder: ChangeRecorder = session.info.setdefault(_CHANGES, ChangeRecorder())
    return recorder


def _record_flush(session: Session, _context: UOWTransaction) -> None:
    """After a flush: the rows it inserted, updated or deleted (ids are known by now)."""
    recorder = _recorder(session)
    dirty = (row for row in session.dirty if session.is_modified(row))
    for row in chain(session.new, dirty, session.deleted):
        state = inspect(row)
        recorder.row(state.mapper.local_table.name, state.dict)


def _record_statement(state: ORMExecuteState) -> None:
    """An UPDATE, DELETE or INSERT statement run on the session: its table's topic."""
    if state.is_update or state.is_delete or state.is_insert:
        table: Any = state.statement.table  # type: ignore[attr-defined]
        _recorder(state.session).table(table.name)


def _forget(session: Session) -> None:
    """A rollback: what was flushed before it was never written."""
    session.info.pop(_CHANGES, None)


_RECORDERS: tuple[tuple[str, Any], ...] = (
    ("after_flush", _record_flush),
    ("after_flush", record_flush),
    ("do_orm_execute", _record_statement),
    ("do_orm_execute", record_statement),
    ("after_rollback", _forget),
)

_RECORDING: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()
"""The factories whose sessions already record. Not ``event.contains``: SQLAlchemy keys its
registry by ``id()``, so a new factory at a collected one's address looked registered and
its sessions never announced what they wrote."""


def storage_problem(error: OperationalError) -> KnownProblem:
    """Translate a driver error about locking or the disk into a Dutch message."""
    text = str(error.orig).lower()
    for fragment, message in _STORAGE_MESSAGES:
        if fragment in text:  # the computer's state, told to the user: not a program fault
            log.warning("Storage refused: %s", text)
            return DatabaseLocked(message)
    log.error("Storage error: %s", text)
    return KnownProblem("De database gaf een onverwachte fout; er is niets opgeslagen.")

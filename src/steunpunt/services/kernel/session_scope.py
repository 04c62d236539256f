"""Short database sessions for service calls, with storage errors turned into Dutch messages."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from steunpunt.db.kernel.errors import DatabaseLocked
from steunpunt.domain.errors import KnownProblem

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


class SessionScope:
    """Opens one session per service call: commit on success, roll back on any error."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    @property
    def dialect(self) -> str:
        bind = self._factory.kw["bind"]
        return str(bind.dialect.name)

    @contextmanager
    def __call__(self) -> Iterator[Session]:
        session = self._factory()
        try:
            yield session
            session.commit()
        except OperationalError as error:
            session.rollback()
            raise storage_problem(error) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


def storage_problem(error: OperationalError) -> KnownProblem:
    """Translate a driver error about locking or the disk into a Dutch message."""
    text = str(error.orig).lower()
    log.error("Storage error: %s", text)
    for fragment, message in _STORAGE_MESSAGES:
        if fragment in text:
            return DatabaseLocked(message)
    return KnownProblem("De database gaf een onverwachte fout; er is niets opgeslagen.")

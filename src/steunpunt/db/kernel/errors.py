"""Known problems with the database file, each with a Dutch message."""

from __future__ import annotations

import sqlite3

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.file_errors import dutch_cause


class DatabaseUnreadable(KnownProblem):
    """The file is no database, is damaged, or is not a Steunpunt database."""


class DatabaseTooNew(KnownProblem):
    """The database was written by a newer version of Steunpunt."""


class DatabaseKeyRefused(KnownProblem):
    """The data key does not open the encrypted database (another database's key, or damage)."""


class EncryptionFailed(KnownProblem):
    """A plain database could not be encrypted; it is untouched and no copy is left."""


class DatabaseLocked(KnownProblem):
    """Another program holds the database, or the disk refuses to write."""


class DatabaseMissing(KnownProblem):
    """The database file is empty (0 bytes) or gone, although this folder had one before."""


class DatabaseReadOnly(KnownProblem):
    """The database or its folder cannot be written (read-only medium or rights)."""


class DatabaseDamaged(KnownProblem):
    """SQLite's own check found damaged pages in an otherwise readable database."""


class BackupFailed(KnownProblem):
    """A backup could not be written or put back; no partial file is left."""


class BackupUnusable(KnownProblem):
    """The chosen backup is no complete, undamaged Steunpunt database; nothing was restored."""


class BackupOfOtherKey(BackupUnusable):
    """The backup does not open with the open database's key: made on another computer (the
    recovery key its key file holds opens it) or by another steunpunt."""


DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
"""What the plain and the encrypted SQLite driver raise (SQLCipher's errors are its own)."""

_SQLITE_CAUSES = (
    ("full", "de schijf is vol"),
    ("readonly", "de database is alleen-lezen"),
    ("locked", "de database is in gebruik door een ander programma"),
    ("busy", "de database is in gebruik door een ander programma"),
    ("disk i/o", "de schijf gaf een fout"),
)


def storage_cause(error: BaseException) -> str | None:
    """What the disk or the database file refused, in a few Dutch words (None: something else)."""
    if isinstance(error, OSError):
        return dutch_cause(error)
    driver_error = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(driver_error, DRIVER_ERRORS):
        text = str(driver_error).lower()
        return next((cause for fragment, cause in _SQLITE_CAUSES if fragment in text), None)
    return None

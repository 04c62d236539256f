"""The one way to open an SQLite file: plain (Python's sqlite3) or encrypted (SQLCipher).

An encrypted database is opened with its raw 32-byte data key (AES-256; no key derivation per
connection, that happens once when the key is unwrapped) and a larger page cache: at SQLCipher's
default cache size trigram searches were several times slower than plain SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, cast
from urllib.parse import urlparse
from urllib.request import url2pathname

import sqlcipher3.dbapi2 as sqlcipher

from steunpunt.db.kernel.errors import DatabaseKeyRefused

DATA_KEY_BYTES = 32
"""An AES-256 key."""

CACHE_KIB = 65536
"""The page cache of an encrypted connection (64 MiB): decrypted pages stay in memory."""

PROGRESS_STEPS = 20000
"""How many virtual-machine steps of a long copy between two questions whether to go on."""

_PLAIN_HEADER = b"SQLite format 3\x00"


def driver(key: bytes | None) -> ModuleType:
    """The DB-API module for a database with ``key`` (None: Python's own sqlite3)."""
    return sqlite3 if key is None else cast(ModuleType, sqlcipher)


def connect(
    database: str | Path, key: bytes | None = None, *, uri: bool = False, **options: Any
) -> sqlite3.Connection:
    """A connection to ``database``; with ``key`` an encrypted one, the key checked first.

    ``options`` are those of :func:`sqlite3.connect`. SQLCipher's connection has the same
    interface as sqlite3's (it is a fork of it), hence the one return type. Raises
    :class:`DatabaseKeyRefused` when ``key`` does not open an existing file.
    """
    if key is None:
        return cast(sqlite3.Connection, sqlite3.connect(database, uri=uri, **options))
    if len(key) != DATA_KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    connection = sqlcipher.connect(str(database), uri=uri, **options)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute(
            "PRAGMA cipher_log_level = NONE"
        )  # a wrong key is our message, not stderr
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher.DatabaseError as error:
        connection.close()
        if "not a database" not in str(error):
            raise
        raise _refused(_file_of(database, uri)) from error
    except BaseException:
        connection.close()
        raise
    return cast(sqlite3.Connection, connection)


def _file_of(database: str | Path, uri: bool) -> Path:
    return Path(url2pathname(urlparse(str(database)).path)) if uri else Path(database)


def _refused(file: Path) -> DatabaseKeyRefused:
    if is_plain(file):
        return DatabaseKeyRefused(
            f"Het databasebestand {file.name} is niet versleuteld, maar er hoort wel een sleutel "
            "bij. Er is niets veranderd; neem contact op met uw beheerder."
        )
    return DatabaseKeyRefused(
        f"Het databasebestand {file.name} kan met deze sleutel niet worden geopend: de sleutel "
        "hoort bij een andere database, of het bestand is beschadigd. Er is niets veranderd. "
        "Zet zo nodig een reservekopie terug en open die met de herstelsleutel van het steunpunt."
    )


def is_plain(file: Path) -> bool:
    """Whether ``file`` starts as an unencrypted SQLite database (an encrypted one looks random)."""
    try:
        with file.open("rb") as handle:
            return handle.read(len(_PLAIN_HEADER)) == _PLAIN_HEADER
    except OSError:
        return False


def export_encrypted(
    plain_file: Path, target: Path, key: bytes, keep_going: Callable[[], bool] | None = None
) -> None:
    """Write an encrypted copy of ``plain_file`` to the new file ``target`` (``sqlcipher_export``).

    ``plain_file`` is only read; ``target`` must not exist yet and is removed again when the
    copy fails. The copy is one transaction: one sync to disk instead of one per table.
    ``keep_going`` is asked now and then on the way; False interrupts the copy (the driver's
    ``OperationalError``).
    """
    if target.exists():
        raise FileExistsError(target)
    connection = sqlcipher.connect(str(plain_file), isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        if keep_going is not None:
            connection.set_progress_handler(lambda: not keep_going(), PROGRESS_STEPS)
        connection.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        connection.execute("BEGIN")
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute("COMMIT")
        connection.execute("DETACH DATABASE encrypted")
    except BaseException:
        connection.close()
        for leftover in (target, target.with_name(target.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    connection.close()

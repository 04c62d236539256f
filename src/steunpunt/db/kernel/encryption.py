"""An existing plain database encrypted into a new file beside it, checked before it is used.

The plain file is only read. The copy is written under a hidden name, then checked: SQLite's
quick check (every page decrypts and is well formed, as for a backup; the full integrity check
took twice as long at 100,000 caregivers) and the rows of every table counted against the
plain file. Putting it in place of the plain file (and removing the plain copies) is the
caller's next step.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from steunpunt.db.kernel import cipher
from steunpunt.db.kernel.errors import DRIVER_ERRORS, EncryptionFailed, storage_cause
from steunpunt.domain.errors import Cancelled

log = logging.getLogger(__name__)

_FAILED: tuple[type[Exception], ...] = (OSError, *DRIVER_ERRORS)


def encrypted_copy_for(database_file: Path) -> Path:
    """Where the encrypted copy of ``database_file`` is made (hidden, beside it)."""
    return database_file.with_name(f".{database_file.name}.versleuteld")


def make_encrypted_copy(
    plain_file: Path, key: bytes, keep_going: Callable[[], bool] | None = None
) -> Path:
    """The checked, encrypted copy of ``plain_file`` under ``key``; :class:`EncryptionFailed`
    in Dutch (nothing left behind, the plain file untouched) when it cannot be made or checked.

    ``keep_going`` is asked now and then during the copy; False stops it with
    :class:`Cancelled` (nothing left behind either).
    """
    target = encrypted_copy_for(plain_file)
    remove_encrypted_copy(target)  # a copy killed halfway before
    stopped = False

    def going_on() -> bool:
        nonlocal stopped
        stopped = keep_going is not None and not keep_going()
        return not stopped

    try:
        cipher.export_encrypted(plain_file, target, key, going_on)
        problem = _problem(plain_file, target, key)
    except _FAILED as error:
        remove_encrypted_copy(target)
        if stopped:
            raise Cancelled(
                "Het versleutelen is afgebroken; de database is niet veranderd."
            ) from error
        cause = storage_cause(error) or "de database kon niet worden gelezen"
        raise EncryptionFailed(
            f"Het versleutelen is niet gelukt: {cause}. De database is niet veranderd."
        ) from error
    if problem:
        remove_encrypted_copy(target)
        log.error("Encrypted copy differs: %s", problem)
        raise EncryptionFailed(
            "Het versleutelen is niet gelukt: de versleutelde kopie klopte niet met de database "
            "en is weggegooid. De database is niet veranderd."
        )
    log.info("Encrypted copy made and checked: %s", target.name)
    return target


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """The number of rows in every table of the database on ``connection``."""
    tables = connection.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for (name,) in tables
    }


def _problem(plain_file: Path, target: Path, key: bytes) -> str | None:
    """What is wrong with the copy, or None."""
    plain = cipher.connect(f"{plain_file.resolve().as_uri()}?mode=ro", uri=True)
    copy = cipher.connect(target, key)
    try:
        verdict = copy.execute("PRAGMA quick_check").fetchall()
        if verdict != [("ok",)]:
            return f"quick check: {verdict[:3]}"
        expected, found = row_counts(plain), row_counts(copy)
        if expected != found:
            return f"row counts differ: {sorted(set(expected.items()) ^ set(found.items()))[:5]}"
        return None
    finally:
        plain.close()
        copy.close()


def remove_encrypted_copy(file: Path) -> None:
    """Remove an encrypted copy (and SQLite's files beside it) that was not put in place."""
    for leftover in (file, *(file.with_name(file.name + s) for s in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)

"""Consistent copies of a SQLite database in the backup folder, and putting one back.

A copy is written under a hidden temporary name, checked, and only then given its name: the
backup folder never holds a half-written copy, and a file that is not a complete Steunpunt
database is neither listed nor restored.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import cast

from sqlalchemy import Engine

from steunpunt.db.kernel import cipher
from steunpunt.db.kernel.database_file import companions
from steunpunt.db.kernel.engine import engine_key
from steunpunt.db.kernel.errors import (
    DRIVER_ERRORS,
    BackupFailed,
    BackupUnusable,
    DatabaseKeyRefused,
    storage_cause,
)

log = logging.getLogger(__name__)

_HEADER = b"SQLite format 3\x00"
_WRITE_ERRORS: tuple[type[Exception], ...] = (OSError, *DRIVER_ERRORS)
_READ_ERRORS: tuple[type[Exception], ...] = (DatabaseKeyRefused, *DRIVER_ERRORS)


def backup_database(engine: Engine, backup_dir: Path, reason: str, keep: int = 10) -> Path:
    """Copy the engine's SQLite database with SQLite's backup API; prune old copies.

    The copy is consistent even while the program has the database open (WAL mode); an
    encrypted database gives a copy encrypted with the same key. Raises :class:`BackupFailed`
    (nothing left behind) when it cannot be written or does not check.
    """
    if engine.dialect.name != "sqlite":
        raise TypeError("backup_database works on SQLite databases only")
    key = engine_key(engine)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"steunpunt-{stamp}-{reason}.sqlite"
    partial = backup_dir / f".{target.name}.part"
    raw = engine.raw_connection()
    try:
        source = cast(sqlite3.Connection, raw.driver_connection)  # or SQLCipher's, alike
        backup_dir.mkdir(parents=True, exist_ok=True)
        for killed in backup_dir.glob(".steunpunt-*.sqlite.part"):  # a backup killed halfway
            _remove(killed)
        _copy(source, partial, key)
        if not _sound(partial, key):
            raise sqlite3.DatabaseError("the copy does not pass quick_check")
        os.replace(partial, target)
    except _WRITE_ERRORS as error:
        _remove(partial)
        log.warning("Backup failed: %s", type(error).__name__)
        raise BackupFailed(
            f"De reservekopie kon niet worden gemaakt: {_cause(error)}. "
            "Er is geen onvolledige kopie achtergebleven; de database is niet veranderd."
        ) from error
    finally:
        raw.close()
    log.info("Backup written: %s", target.name)
    _prune(backup_dir, keep)
    return target


def list_backups(backup_dir: Path, key: bytes | None = None) -> list[Path]:
    """Backups that are complete Steunpunt databases (opened with ``key``), newest first."""
    if not backup_dir.is_dir():
        return []
    found = sorted(backup_dir.glob("steunpunt-*.sqlite"), reverse=True)
    return [backup for backup in found if is_complete_backup(backup, key)]


def is_complete_backup(file: Path, key: bytes | None = None) -> bool:
    """Whether ``file`` looks like a whole Steunpunt database: a full SQLite file with its
    schema version (a cheap check for lists; a restore checks every page). An encrypted file
    shows nothing of itself: only opening it with ``key`` tells."""
    try:
        size = file.stat().st_size
        with file.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    if key is not None:
        return size > 0 and _revision(file, key) is not None
    if len(header) < 100 or not header.startswith(_HEADER):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or size % page_size or (pages and size < pages * page_size):
        return False
    return _revision(file, None) is not None


def _revision(file: Path, key: bytes | None) -> str | None:
    try:
        with _reading(file, key) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except _READ_ERRORS:
        return None
    return str(row[0]) if row else None


def _sound(file: Path, key: bytes | None) -> bool:
    """Whether every page of ``file`` checks and it carries a schema version."""
    try:
        with _reading(file, key) as connection:
            verdict = connection.execute("PRAGMA quick_check").fetchone()
    except _READ_ERRORS:
        return False
    return verdict == ("ok",) and _revision(file, key) is not None


@contextmanager
def _reading(file: Path, key: bytes | None) -> Iterator[sqlite3.Connection]:
    """A read-only connection that leaves no trace beside ``file``."""
    connection = cipher.connect(f"{file.resolve().as_uri()}?mode=ro&immutable=1", key, uri=True)
    try:
        yield connection
    finally:
        connection.close()


def _prune(backup_dir: Path, keep: int) -> None:
    for old in sorted(backup_dir.glob("steunpunt-*.sqlite"), reverse=True)[keep:]:
        try:
            old.unlink()
        except OSError:
            log.warning("Could not remove old backup %s", old.name)


def restore_backup(backup: Path, database_file: Path, key: bytes | None = None) -> Path | None:
    """Put ``backup`` in place of ``database_file``; the old file is renamed, never overwritten.

    Returns the new name of the old file (None when there was none). A backup that is not a
    complete, undamaged Steunpunt database (opened with ``key``) is refused with
    :class:`BackupUnusable` before anything is touched.
    """
    if not (is_complete_backup(backup, key) and _sound(backup, key)):
        raise BackupUnusable(
            f"De reservekopie {backup.name} is onvolledig, beschadigd of geen Steunpunt-database "
            "en wordt niet teruggezet. Er is niets veranderd; kies een andere reservekopie."
        )
    partial = database_file.with_name(f".{database_file.name}.terugzetten")
    try:
        with _reading(backup, key) as source:
            _copy(source, partial, key)
    except _WRITE_ERRORS as error:
        _remove(partial)
        raise BackupFailed(
            f"De reservekopie kon niet worden teruggezet: {_cause(error)}. Er is niets veranderd."
        ) from error
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved: Path | None = None
    if database_file.exists():
        # Kept under a second name first, so that the database file is never missing: a
        # program killed halfway leaves the old register in place, not an empty new one.
        moved = database_file.with_name(f"{database_file.name}.vervangen-{stamp}")
        _keep_as(database_file, moved)
        for companion in companions(database_file):
            companion.rename(
                moved.with_name(moved.name + companion.name[len(database_file.name) :])
            )
    os.replace(partial, database_file)
    log.info("Backup %s restored; previous file kept as %s", backup.name, moved)
    return moved


def _keep_as(file: Path, kept: Path) -> None:
    """A second name for ``file`` (a copy where the disk has no hard links)."""
    try:
        os.link(file, kept)
    except OSError:
        shutil.copy2(file, kept)


def _copy(source: sqlite3.Connection, target: Path, key: bytes | None) -> None:
    """A consistent copy of an open database into a new file (SQLite's backup API); the copy
    of an encrypted database is encrypted with the same ``key``."""
    _remove(target)
    destination = cipher.connect(target, key)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()


def _remove(file: Path) -> None:
    for leftover in (file, file.with_name(file.name + "-journal")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            log.warning("Could not remove %s", leftover.name)


def _cause(error: Exception) -> str:
    return storage_cause(error) or "de kopie was niet in orde"

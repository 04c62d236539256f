"""Consistent copies of a SQLite database in the backup folder."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

log = logging.getLogger(__name__)


def backup_database(engine: Engine, backup_dir: Path, reason: str, keep: int = 10) -> Path:
    """Copy the engine's SQLite database with SQLite's backup API; prune old copies.

    The copy is consistent even while the program has the database open (WAL mode).
    """
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"steunpunt-{stamp}-{reason}.sqlite"
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        if not isinstance(source, sqlite3.Connection):
            raise TypeError("backup_database works on SQLite databases only")
        _copy(source, target)
    finally:
        raw.close()
    log.info("Backup written: %s", target.name)
    _prune(backup_dir, keep)
    return target


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob("steunpunt-*.sqlite"), reverse=True)


def _prune(backup_dir: Path, keep: int) -> None:
    for old in list_backups(backup_dir)[keep:]:
        try:
            old.unlink()
        except OSError:
            log.warning("Could not remove old backup %s", old.name)


def restore_backup(backup: Path, database_file: Path) -> Path | None:
    """Put ``backup`` in place of ``database_file``; the old file is renamed, never overwritten.

    Returns the new name of the old file (None when there was none).
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved: Path | None = None
    if database_file.exists():
        moved = database_file.with_name(f"{database_file.name}.vervangen-{stamp}")
        database_file.rename(moved)
        for suffix in ("-wal", "-shm"):
            companion = database_file.with_name(database_file.name + suffix)
            if companion.exists():
                companion.rename(moved.with_name(moved.name + suffix))
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        _copy(source, database_file)
    finally:
        source.close()
    log.info("Backup %s restored; previous file kept as %s", backup.name, moved)
    return moved


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of an open database into a new file (SQLite's backup API)."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()

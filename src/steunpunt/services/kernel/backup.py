"""Backups for the window and the command line: a copy made by hand, the copies kept, and
putting one back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from steunpunt.db.kernel.backup import backup_database, list_backups, restore_backup
from steunpunt.services.kernel.use_case import reads, writes

MANUAL = "handmatig"
"""The reason in the file name of a backup made by hand."""


@writes
def make_backup(engine: Engine, backup_dir: Path, keep: int) -> Path:
    """A consistent, checked copy of the open database in ``backup_dir``; only the newest
    ``keep`` stay.

    Raises :class:`BackupFailed` (a known problem, no partial file left) when the folder
    cannot be written (full disk, no permission).
    """
    return backup_database(engine, backup_dir, reason=MANUAL, keep=keep)


@reads
def backups(backup_dir: Path) -> list[Path]:
    """The complete backups in ``backup_dir``, newest first."""
    return list_backups(backup_dir)


@writes
def restore(backup: Path, database_file: Path) -> Path | None:
    """Put ``backup`` in place of the (closed) ``database_file``, which is kept renamed.

    Raises :class:`BackupUnusable` for a backup that is not a complete Steunpunt database,
    with the current database untouched.
    """
    return restore_backup(backup, database_file)

"""Backups for the window and the command line: a copy made by hand, and the copies kept."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from steunpunt.db.kernel.backup import backup_database, list_backups
from steunpunt.services.kernel.use_case import reads, writes

MANUAL = "handmatig"
"""The reason in the file name of a backup made by hand."""


@writes
def make_backup(engine: Engine, backup_dir: Path, keep: int) -> Path:
    """A consistent copy of the open database in ``backup_dir``; only the newest ``keep`` stay.

    Raises ``OSError`` when the folder cannot be written (full disk, no permission).
    """
    return backup_database(engine, backup_dir, reason=MANUAL, keep=keep)


@reads
def backups(backup_dir: Path) -> list[Path]:
    """The backups in ``backup_dir``, newest first."""
    return list_backups(backup_dir)

"""The database file before it is opened: there, empty, or on a place that cannot be written."""

from __future__ import annotations

import errno
import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

COMPANIONS = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database it has used."""


def companions(database_file: Path) -> list[Path]:
    """The companion files SQLite left beside ``database_file``."""
    found = (database_file.with_name(database_file.name + suffix) for suffix in COMPANIONS)
    return [file for file in found if file.exists()]


def is_empty(database_file: Path) -> bool:
    """Whether ``database_file`` exists but holds nothing (0 bytes)."""
    return database_file.is_file() and database_file.stat().st_size == 0


REFUSED = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
"""What a read-only medium or missing rights answer; a full disk (ENOSPC) is not read-only."""


def folder_writable(folder: Path) -> bool:
    """Whether a file can be made in ``folder`` (made when missing): tried, not guessed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError as error:
        return error.errno not in REFUSED


def file_writable(database_file: Path) -> bool:
    """Whether ``database_file`` can be opened for writing (nothing is written)."""
    try:
        with database_file.open("r+b"):
            return True
    except OSError as error:
        return error.errno not in REFUSED


def set_aside(database_file: Path, label: str) -> Path:
    """Rename ``database_file`` and its companions to ``<name>.<label>-<stamp>``; never delete."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = database_file.with_name(f"{database_file.name}.{label}-{stamp}")
    for companion in companions(database_file):
        companion.rename(moved.with_name(moved.name + companion.name[len(database_file.name) :]))
    database_file.rename(moved)
    log.info("Database file set aside as %s", moved.name)
    return moved


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError:
        log.warning("Could not flush the folder %s", folder.name)

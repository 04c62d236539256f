"""The notes of staging folders in use, beside the database: a killed run's are found later.

Each staging folder in use has a note (a small file naming it, and then every file put in
place from it before the run recorded them) that its run holds locked.
The operating system lets go of the lock when the run ends, also when it is killed; so a note
that can be locked belongs to a run that is over, and one that cannot to a run at work.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

STAGING_PREFIX = ".steunpunt-"
STAGING_SUFFIX = ".tmp"
"""A staging folder is named ``.steunpunt-<random>.tmp``; nothing else is ever removed as one."""


def staging_journal(database_file: Path | None) -> Path | None:
    """The folder beside the database where each staging folder in use is noted (None for a
    server database)."""
    if database_file is None:
        return None
    return database_file.with_name(f".{database_file.name}-staging")


class Note:
    """The note of one staging folder, held locked until :meth:`remove`."""

    def __init__(self, journal: Path, staging: Path) -> None:
        self.file = journal / f"{staging.name}.txt"
        journal.mkdir(exist_ok=True)
        self._handle: IO[str] | None = self.file.open("w", encoding="utf-8")
        if not _lock(self._handle):
            raise OSError(f"the note {self.file.name} is held by another run")
        self._handle.write(str(staging.resolve()))
        self._handle.flush()

    def add(self, target: Path) -> None:
        """Note a file about to be put in place: until the note goes, it is not recorded."""
        assert self._handle is not None
        self._handle.write(f"\n{target.resolve()}")
        self._handle.flush()

    def remove(self) -> None:
        """Let go of the note and delete it (its staging folder is gone)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        self.file.unlink(missing_ok=True)


def notes(journal: Path) -> list[Path]:
    """Every note in ``journal``."""
    return sorted(journal.glob(f"{STAGING_PREFIX}*{STAGING_SUFFIX}.txt"))


@dataclass(frozen=True)
class Noted:
    """What a note of a run that is over names: its staging folder and the files it put in
    place without recording them."""

    staging: Path
    published: tuple[Path, ...]


@contextmanager
def unheld(note: Path) -> Iterator[Noted | None]:
    """What a note names, when no run holds the note (else None, also while a note is still
    being written); the note stays locked for the duration."""
    try:
        handle = note.open("r+", encoding="utf-8")
    except OSError:
        yield None
        return
    try:
        if not _lock(handle):
            yield None
            return
        named = [Path(line) for line in handle.read().splitlines() if line.strip()]
        yield Noted(named[0], tuple(named[1:])) if named else None
    finally:
        handle.close()


def _lock(handle: IO[str]) -> bool:
    """Lock the file without waiting; False when another run holds it."""
    try:
        handle.seek(0)  # Windows locks from the position on: every run locks the first byte
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True

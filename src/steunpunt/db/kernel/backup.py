"""Consistent, verified copies of a SQLite database in the backup folder.

A backup is a folder ``steunpunt-<moment>-<reason>/`` holding the database (encrypted with the
same data key), its key file when it has one, and ``manifest.json`` (date, program version,
schema revision, rows of every table). It is written as a hidden ``.part`` folder, verified
(opened with the key, SQLite's quick check, the rows against the manifest) and only then
renamed to its name in one step: the backup folder never shows a half or unverified copy.
Single-file backups of earlier versions (``steunpunt-*.sqlite``) are still listed and restored.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import cast

from sqlalchemy import Engine

from steunpunt import __version__
from steunpunt.db.kernel import cipher
from steunpunt.db.kernel.backup_check import (
    READ_ERRORS,
    count_rows,
    reading,
    revision,
    tables_check,
)
from steunpunt.db.kernel.database_file import sync_folder
from steunpunt.db.kernel.engine import database_file, engine_key
from steunpunt.db.kernel.errors import DRIVER_ERRORS, BackupFailed, storage_cause
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.domain.backups.manifest import (
    BackupEntry,
    Manifest,
    manifest_from_json,
    manifest_to_json,
)
from steunpunt.domain.backups.reasons import AUTOMATIC
from steunpunt.domain.backups.rotation import to_keep
from steunpunt.domain.backups.settings import BackupSettings
from steunpunt.domain.errors import Cancelled
from steunpunt.domain.progress import Progress

log = logging.getLogger(__name__)

DATABASE = "steunpunt.sqlite"
MANIFEST = "manifest.json"
_HEADER = b"SQLite format 3\x00"
_WRITE_ERRORS: tuple[type[Exception], ...] = (OSError, *DRIVER_ERRORS)
COPY_STEP_PAGES = 2048
"""Pages copied between two progress reports (8 MiB: a few dozen steps at 100,000 caregivers)."""


class NotVerified(Exception):
    """The copy just written does not check; it is removed."""


_FAILURES: tuple[type[Exception], ...] = (*_WRITE_ERRORS, NotVerified)
_UNREADABLE: tuple[type[Exception], ...] = (OSError, *READ_ERRORS)


def backup_database(
    engine: Engine, backup_dir: Path, reason: str, progress: Progress | None = None
) -> Path:
    """Copy the engine's SQLite database with SQLite's backup API into a verified backup folder.

    The copy is consistent even while the program has the database open (WAL mode); the rows
    in its manifest are counted in the same snapshot. ``progress`` hears of the copy (its last
    report, all pages copied, is followed by the verification). Raises :class:`BackupFailed`
    when it cannot be written or does not verify, :class:`Cancelled` when ``progress`` asked
    to stop; either way nothing is left behind.
    """
    if engine.dialect.name != "sqlite":
        raise TypeError("backup_database works on SQLite databases only")
    key = engine_key(engine)
    made = datetime.now()
    target = backup_dir / f"steunpunt-{made:%Y%m%d-%H%M%S-%f}-{reason}"
    partial = backup_dir / f".{target.name}.part"
    raw = engine.raw_connection()
    try:
        source = cast(sqlite3.Connection, raw.driver_connection)  # or SQLCipher's, alike
        backup_dir.mkdir(parents=True, exist_ok=True)
        for killed in backup_dir.glob(".steunpunt-*.part"):  # a backup killed halfway
            _remove(killed)
        partial.mkdir()
        manifest = _write_copy(source, partial / DATABASE, key, made, reason, progress)
        key_file = key_file_for(database_file(engine) or Path(DATABASE))
        if key_file.exists():
            shutil.copyfile(key_file, key_file_for(partial / DATABASE))
        _write_manifest(partial, manifest)
        verify(partial, key)
        _flush_folder(partial)
        os.replace(partial, target)
        sync_folder(backup_dir)
    except _FAILURES as error:
        _remove(partial)
        log.warning("Backup failed: %s", type(error).__name__)
        raise BackupFailed(
            f"De reservekopie kon niet worden gemaakt: {_cause(error)}. "
            "Er is geen onvolledige kopie achtergebleven; de database is niet veranderd."
        ) from error
    except Cancelled:
        _remove(partial)
        log.info("Backup cancelled")
        raise
    finally:
        raw.close()
    log.info("Backup written: %s", target.name)
    return target


def copy_backup(backup: Path, folder: Path, key: bytes | None) -> Path:
    """A verified copy of the backup folder ``backup`` in ``folder`` (a USB disk, a share).

    Raises :class:`BackupFailed` (nothing left behind) when it cannot be written or verified.
    """
    target = folder / backup.name
    partial = folder / f".{backup.name}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove(partial)
        shutil.copytree(backup, partial)
        verify(partial, key)
        _flush_folder(partial)
        os.replace(partial, target)
        sync_folder(folder)
    except _FAILURES as error:
        _remove(partial)
        log.warning("Second backup failed: %s", type(error).__name__)
        raise BackupFailed(
            f"De reservekopie in {folder} kon niet worden gemaakt: {_cause(error)}. "
            "Er is geen onvolledige kopie achtergebleven."
        ) from error
    return target


def verify(folder: Path, key: bytes | None) -> Manifest:
    """The manifest of the backup in ``folder`` once its database checks against it: opened
    with ``key``, SQLite's quick check of every table, the schema revision and every table's
    rows.
    Raises :class:`NotVerified` otherwise."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise NotVerified("no readable manifest")
    file = folder / DATABASE
    try:
        if file.stat().st_size != manifest.size:
            raise NotVerified("the database is not the size the manifest says")
        sound = tables_check(file, key, manifest.rows)
        with reading(file, key) as connection:
            found = (revision(connection), count_rows(connection))
    except _UNREADABLE as error:
        raise NotVerified(type(error).__name__) from error
    if not sound:
        raise NotVerified("the integrity check fails")
    if found != (manifest.revision, manifest.rows):
        raise NotVerified("the rows differ from the manifest")
    return manifest


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of the backup in ``folder``; None when it has no readable one."""
    try:
        return manifest_from_json((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def backup_entries(backup_dir: Path, key: bytes | None = None) -> list[BackupEntry]:
    """The complete backups in ``backup_dir``, newest first: folders whose manifest matches
    their database (read without opening it), and earlier single-file backups that are whole
    Steunpunt databases (opened with ``key``)."""
    if not backup_dir.is_dir():
        return []
    entries: list[BackupEntry] = []
    for path in backup_dir.glob("steunpunt-*"):
        if path.is_dir():
            manifest = read_manifest(path)
            if manifest is not None and _size(path / DATABASE) == manifest.size:
                entries.append(BackupEntry(path, manifest.made, manifest.reason, manifest))
        elif path.suffix == ".sqlite" and is_complete_backup(path, key):
            made, reason = _from_name(path)
            entries.append(BackupEntry(path, made, reason, None))
    return sorted(entries, key=lambda entry: (entry.made, entry.path.name), reverse=True)


def list_backups(backup_dir: Path, key: bytes | None = None) -> list[Path]:
    """The complete backups in ``backup_dir`` (folders and old single files), newest first."""
    return [entry.path for entry in backup_entries(backup_dir, key)]


def rotate(backup_dir: Path, settings: BackupSettings) -> list[Path]:
    """Remove the backups rotation does not keep (``settings``); returns those removed."""
    entries = backup_entries(backup_dir)
    automatic = {entry.made for entry in entries if entry.reason == AUTOMATIC}
    kept = to_keep((entry.made for entry in entries), settings, automatic)
    removed = [entry.path for entry in entries if entry.made not in kept]
    for path in removed:
        _remove(path)
    return removed


def is_complete_backup(file: Path, key: bytes | None = None) -> bool:
    """Whether the single file ``file`` looks like a whole Steunpunt database: a full SQLite
    file with its schema version (a cheap check for lists; a restore checks every page). An
    encrypted file shows nothing of itself: only opening it with ``key`` tells."""
    try:
        size = file.stat().st_size
        with file.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    if key is None:
        if len(header) < 100 or not header.startswith(_HEADER):
            return False
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        if page_size < 512 or size % page_size or (pages and size < pages * page_size):
            return False
    try:
        with reading(file, key) as connection:
            return size > 0 and revision(connection) is not None
    except READ_ERRORS:
        return False


def _write_copy(
    source: sqlite3.Connection,
    target: Path,
    key: bytes | None,
    made: datetime,
    reason: str,
    progress: Progress | None,
) -> Manifest:
    """Copy ``source`` into ``target`` and count its rows, both in one read snapshot."""
    source.execute("BEGIN")
    try:
        rows = count_rows(source)
        at = revision(source)
        copy_database(source, target, key, progress)
    finally:
        source.execute("COMMIT")
    if at is None:
        raise sqlite3.DatabaseError("the database has no schema revision")
    return Manifest(made, reason, __version__, at, key is not None, target.stat().st_size, rows)


def _write_manifest(folder: Path, manifest: Manifest) -> None:
    with (folder / MANIFEST).open("w", encoding="utf-8") as handle:
        handle.write(manifest_to_json(manifest))
        handle.flush()
        os.fsync(handle.fileno())


def copy_database(
    source: sqlite3.Connection, target: Path, key: bytes | None, progress: Progress | None = None
) -> None:
    """A consistent copy of an open database into a new file (SQLite's backup API), flushed to
    disk; the copy of an encrypted database is encrypted with the same ``key``. ``progress``
    hears of every step; when it asks to stop, :class:`Cancelled` is raised."""
    _remove(target)
    destination = cipher.connect(target, key)

    def step_done(_status: int, remaining: int, total: int) -> None:
        assert progress is not None
        if not progress(total - remaining, total):
            raise Cancelled("Het maken van de reservekopie is afgebroken.")

    try:
        # The copy is flushed once, whole, below: a copy cut short by a crash is never named.
        destination.execute("PRAGMA synchronous = OFF")
        if progress is None:
            source.backup(destination)
        else:
            source.backup(destination, pages=COPY_STEP_PAGES, progress=step_done)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _flush_folder(folder: Path) -> None:
    """Every file in ``folder`` and the folder itself on disk, before it is renamed into place:
    a power cut after the rename cannot leave a backup whose key file or manifest is empty."""
    for file in folder.iterdir():
        if file.is_file():
            with file.open("rb+") as handle:
                os.fsync(handle.fileno())
    sync_folder(folder)


def _remove(path: Path) -> None:
    """Remove a file (with its journal) or a folder; a failure is logged, not raised."""
    try:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
            path.with_name(path.name + "-journal").unlink(missing_ok=True)
    except OSError:
        log.warning("Could not remove %s", path.name)


def _size(file: Path) -> int | None:
    try:
        return file.stat().st_size
    except OSError:
        return None


def _from_name(file: Path) -> tuple[datetime, str]:
    """The moment and reason in the name of a single-file backup (its file time otherwise)."""
    parts = file.stem.split("-", 4)
    try:
        return datetime.strptime("-".join(parts[1:4]), "%Y%m%d-%H%M%S-%f"), parts[4]
    except (ValueError, IndexError):
        return datetime.fromtimestamp(file.stat().st_mtime), ""


def _cause(error: Exception) -> str:
    if isinstance(error, NotVerified):
        return "de controle van de kopie gaf een fout (de kopie is verwijderd)"
    return storage_cause(error) or "de kopie was niet in orde"

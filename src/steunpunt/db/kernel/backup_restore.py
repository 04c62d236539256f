"""Putting a backup back in place of the database, with its key file; refused with the reason
when the backup is damaged, foreign, from a newer version or made with another key."""

from __future__ import annotations

import logging
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from steunpunt.db.kernel.backup import (
    DATABASE,
    MANIFEST,
    NotVerified,
    copy_database,
    is_complete_backup,
    read_manifest,
    verify,
)
from steunpunt.db.kernel.backup_check import READ_ERRORS, pages_check, reading, revision
from steunpunt.db.kernel.database_file import companions
from steunpunt.db.kernel.errors import (
    DRIVER_ERRORS,
    BackupFailed,
    BackupOfOtherKey,
    BackupUnusable,
    DatabaseKeyRefused,
    storage_cause,
)
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.db.kernel.migrate import is_known_revision

log = logging.getLogger(__name__)

_WRITE_ERRORS: tuple[type[Exception], ...] = (OSError, *DRIVER_ERRORS)
_UNREADABLE: tuple[type[Exception], ...] = (OSError, *READ_ERRORS)
NOTHING_CHANGED = "Er is niets veranderd; kies een andere reservekopie."


def backup_folder_of(chosen: Path) -> Path:
    """The backup a chosen path means: a backup folder, or the database file inside one."""
    if chosen.name == DATABASE and (chosen.parent / MANIFEST).exists():
        return chosen.parent
    return chosen


def backup_key_file(backup: Path) -> Path | None:
    """The key file kept with ``backup`` (a backup folder or the database in one); None when
    it has none (a plain backup, or a single file of an earlier version)."""
    backup = backup_folder_of(backup)
    kept = key_file_for(backup / DATABASE)
    return kept if backup.is_dir() and kept.is_file() else None


def check_backup(backup: Path, key: bytes | None) -> None:
    """Raise :class:`BackupUnusable` with the reason when ``backup`` cannot be put back: not
    complete, damaged, not a Steunpunt database, from a newer version, or not opened by ``key``."""
    backup = backup_folder_of(backup)
    database = backup / DATABASE if backup.is_dir() else backup
    if backup.is_dir() and read_manifest(backup) is None:
        _refuse(backup, "heeft geen leesbaar overzicht (manifest) en is dus geen volledige kopie")
    try:
        with reading(database, key) as connection:
            at = revision(connection)
    except DatabaseKeyRefused:
        _refuse(
            backup,
            "is versleuteld met een andere sleutel (van een andere computer of een ander "
            "steunpunt), of is geen Steunpunt-database. Een kopie van een andere computer van "
            "dit steunpunt zet u terug met de herstelsleutel: steunpunt restore KOPIE "
            "--recovery-key",
            BackupOfOtherKey,
        )
    except _UNREADABLE:
        _refuse(backup, "is onvolledig, beschadigd of geen Steunpunt-database")
    if at is None:
        _refuse(backup, "is geen Steunpunt-database")
    if not is_known_revision(at):
        _refuse(
            backup,
            "is gemaakt door een nieuwere versie van Steunpunt; werk het programma eerst bij",
        )
    if not _sound(backup, database, key):
        _refuse(backup, "is beschadigd: de controle vond fouten of de rijen kloppen niet")


def _sound(backup: Path, database: Path, key: bytes | None) -> bool:
    """A backup folder against its manifest; an old single file by SQLite's check alone."""
    if backup.is_dir():
        try:
            verify(backup, key)
        except NotVerified:
            return False
        return True
    if not is_complete_backup(database, key):
        return False
    try:
        with reading(database, key) as connection:
            return pages_check(connection)
    except READ_ERRORS:
        return False


def restore_backup(backup: Path, database_file: Path, key: bytes | None = None) -> Path | None:
    """Put ``backup`` (a backup folder with its key file, or an old single file) in place of
    the closed ``database_file``; the old file is renamed, never overwritten.

    Returns the new name of the old file (None when there was none). A backup that
    :func:`check_backup` refuses raises :class:`BackupUnusable` before anything is touched.
    """
    backup = backup_folder_of(backup)
    check_backup(backup, key)
    source = backup / DATABASE if backup.is_dir() else backup
    kept_keys = key_file_for(source) if backup.is_dir() else None
    partial = database_file.with_name(f".{database_file.name}.terugzetten")
    key_file = key_file_for(database_file)
    partial_keys = key_file.with_name(f".{key_file.name}.terugzetten")
    try:
        with reading(source, key) as connection:
            copy_database(connection, partial, key)
        if kept_keys is not None and kept_keys.exists():
            shutil.copyfile(kept_keys, partial_keys)
    except _WRITE_ERRORS as error:
        for leftover in (partial, partial_keys):
            leftover.unlink(missing_ok=True)
        raise BackupFailed(
            "De reservekopie kon niet worden teruggezet: "
            f"{storage_cause(error) or 'de kopie was niet in orde'}. Er is niets veranderd."
        ) from error
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    moved: Path | None = None
    if database_file.exists():
        # Kept under a second name first, so that the database file is never missing: a
        # program killed halfway leaves the old register in place, not an empty new one.
        moved = database_file.with_name(f"{database_file.name}.vervangen-{stamp}")
        _keep_as(database_file, moved)
        if key_file.exists():
            _keep_as(key_file, key_file_for(moved))
        for companion in companions(database_file):
            companion.rename(
                moved.with_name(moved.name + companion.name[len(database_file.name) :])
            )
    # The backup opens with the same data key as the database (checked above), so the old and
    # the new key file both open either database: a kill between these two steps loses nothing.
    if partial_keys.exists():
        os.replace(partial_keys, key_file)
    os.replace(partial, database_file)
    log.info("Backup %s restored; previous file kept as %s", backup.name, moved)
    return moved


def _refuse(backup: Path, reason: str, kind: type[BackupUnusable] = BackupUnusable) -> NoReturn:
    raise kind(
        f"De reservekopie {backup.name} {reason}. Zij wordt niet teruggezet. {NOTHING_CHANGED}"
    )


def _keep_as(file: Path, kept: Path) -> None:
    """A second name for ``file`` (a copy where the disk has no hard links)."""
    try:
        os.link(file, kept)
    except OSError:
        shutil.copy2(file, kept)

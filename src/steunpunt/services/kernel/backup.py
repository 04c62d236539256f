"""Backups for the window and the command line: made by hand or automatically, kept by
rotation, listed with their manifest, and put back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine

from steunpunt.db.kernel.backup import (
    backup_database,
    backup_entries,
    copy_backup,
    rotate,
)
from steunpunt.db.kernel.backup_check import READ_ERRORS, pages_check, reading, revision
from steunpunt.db.kernel.backup_restore import backup_key_file, check_backup, restore_backup
from steunpunt.db.kernel.engine import create_engine_for, engine_key, sqlite_url
from steunpunt.db.kernel.errors import DRIVER_ERRORS, BackupFailed, BackupUnusable
from steunpunt.db.kernel.keyfile import unlock_with_password, unlock_with_recovery_key
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.backups.manifest import BackupEntry
from steunpunt.domain.backups.reasons import BEFORE_RESTORE, MANUAL
from steunpunt.domain.backups.settings import (
    BackupSettings,
    backup_settings_from_json,
    backup_settings_to_json,
)
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.progress import Progress
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit_log import AuditService
from steunpunt.services.kernel.office_settings import BACKUPS, read_setting, write_setting
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

DAY_SECONDS = 24 * 60 * 60
_NOT_READ: tuple[type[Exception], ...] = (KnownProblem, *DRIVER_ERRORS)
"""What a current database that its backup's key cannot read raises."""


class BackupService:
    """The office's backups: making them, their settings, the warning when none is recent."""

    def __init__(self, scope: SessionScope, audit: AuditService, today: Callable[[], date]):
        self._scope = scope
        self._audit = audit
        self._today = today

    @reads
    def settings(self) -> BackupSettings:
        with self._scope() as session:
            return read_setting(session, BACKUPS, backup_settings_from_json)

    @writes
    def save_settings(self, actor: Actor, settings: BackupSettings) -> None:
        """Store the settings; a number out of range is refused in Dutch."""
        with self._scope() as session:
            write_setting(session, BACKUPS, backup_settings_to_json(settings.check()))

    @writes
    def make(
        self,
        engine: Engine,
        backup_dir: Path,
        reason: str = MANUAL,
        progress: Progress | None = None,
    ) -> Path:
        """A verified backup of the open database in ``backup_dir`` and in the second folder
        of the settings, each then rotated; ``progress`` hears how far the copy is.

        Raises :class:`BackupFailed` (no partial copy left, the failure recorded) when a copy
        cannot be written or does not verify, :class:`Cancelled` when ``progress`` asked to
        stop (nothing left either).
        """
        settings = self.settings()
        try:
            made = backup_database(engine, backup_dir, reason, progress)
            rotate(backup_dir, settings)
            if settings.second_folder:
                second = Path(settings.second_folder)
                copy_backup(made, second, engine_key(engine))
                rotate(second, settings)
        except BackupFailed as failed:
            self._audit.note(None, AuditKind.BACKUP_FAILED, details={"reden": failed.message})
            raise
        return made

    @reads
    def due(self, backup_dir: Path) -> bool:
        """Whether an automatic backup is due: they are on, and the last is a day old."""
        if not self.settings().automatic:
            return False
        newest = backups(backup_dir)
        return not newest or (datetime.now() - newest[0].made).total_seconds() >= DAY_SECONDS

    @reads
    def warning(self, backup_dir: Path) -> str | None:
        """A Dutch warning when the newest backup is older than the settings allow."""
        days = self.settings().warn_after_days
        newest = backups(backup_dir)
        if not newest:
            return "Er is nog geen reservekopie gemaakt. Kies Bestand › Reservekopie maken."
        age = (self._today() - newest[0].made.date()).days
        if age <= days:
            return None
        return (
            f"De laatste reservekopie is {age} dagen oud (van {newest[0].made:%d-%m-%Y}). "
            "Kies Bestand › Reservekopie maken."
        )

    @writes
    def before_restore(
        self,
        actor: Actor,
        engine: Engine,
        backup: Path,
        backup_dir: Path,
        recovery_key: str = "",
    ) -> Path | None:
        """Check ``backup`` against the open database's key (or, for a backup made on another
        computer, the key its key file gives to the steunpunt's ``recovery_key``), then back
        up the open database.

        Raises :class:`BackupUnusable` with the reason (nothing changed) for a backup that
        cannot be put back, :class:`SecretRefused` for a recovery key that does not fit.
        Returns the backup of the current database; None when it could not be made (a
        damaged database: the restore keeps the old file under another name).
        """
        check_backup(backup, _backup_key(backup, engine, recovery_key))
        try:
            return self.make(engine, backup_dir, BEFORE_RESTORE)
        except BackupFailed:
            log.warning("No backup of the current database before the restore")
            return None


@reads
def backups(backup_dir: Path) -> list[BackupEntry]:
    """The complete backups in ``backup_dir``, newest first, each with its manifest."""
    return backup_entries(backup_dir)


@writes
def restore(
    backup: Path, database_file: Path, engine: Engine | None = None, recovery_key: str = ""
) -> Path | None:
    """Put ``backup`` (with its key file) in place of the closed ``database_file``, which is
    kept renamed; the backup must open with the data key of ``engine``, the engine the
    database was open with (None: a plain database), or with the key its own key file gives
    to the steunpunt's ``recovery_key`` (a backup made on another computer).

    Raises :class:`BackupUnusable` with the reason for a backup that cannot be put back
    (damaged, foreign, newer, another key), with the current database untouched.
    """
    return restore_backup(backup, database_file, _backup_key(backup, engine, recovery_key))


def needs_key(backup: Path) -> bool:
    """Whether ``backup`` is encrypted: it has a key file, which a password or the recovery
    key must unlock before anyone has signed in."""
    return backup_key_file(backup) is not None


@writes
def restore_before_sign_in(
    backup: Path,
    database_file: Path,
    backup_dir: Path,
    *,
    login: str = "",
    password: str = "",
    recovery_key: str = "",
) -> Path | None:
    """At start, when the database cannot be opened (so no one signed in): put ``backup`` in
    place of ``database_file`` with the key its own key file gives to ``login`` and
    ``password``, or to the steunpunt's ``recovery_key``.

    The current file is first backed up when that key reads it; otherwise the restore keeps
    it under a second name (a damaged file is set aside, never deleted). A wrong password or
    key is :class:`SecretRefused`, a backup that cannot be put back :class:`BackupUnusable`:
    then nothing is changed. Returns the backup of the current file (None: none was made).
    """
    if recovery_key or not needs_key(backup):
        key = _backup_key(backup, None, recovery_key)
    else:
        key = _password_key(backup, login, password)
    check_backup(backup, key)
    saved = _back_up_readable(database_file, key, backup_dir)
    restore_backup(backup, database_file, key)
    return saved


def _sound_database(database_file: Path, key: bytes | None) -> bool:
    """Whether ``key`` reads ``database_file`` as an undamaged Steunpunt database; the file is
    only read."""
    if not database_file.is_file():
        return False
    try:
        with reading(database_file, key) as connection:
            return revision(connection) is not None and pages_check(connection)
    except READ_ERRORS:
        return False


def _backup_key(backup: Path, engine: Engine | None, recovery_key: str) -> bytes | None:
    """The data key that opens ``backup``: the open database's, or the one its key file
    gives to ``recovery_key``."""
    if not recovery_key:
        return None if engine is None else engine_key(engine)
    return unlock_with_recovery_key(_key_file(backup, "de herstelsleutel"), recovery_key)


def _password_key(backup: Path, login: str, password: str) -> bytes:
    """The data key that ``backup``'s own key file gives to an account's login and password."""
    return unlock_with_password(_key_file(backup, "een wachtwoord"), login, password).data_key


def _key_file(backup: Path, secret: str) -> Path:
    key_file = backup_key_file(backup)
    if key_file is None:
        raise BackupUnusable(
            f"De reservekopie {backup.name} heeft geen sleutelbestand: {secret} kan haar niet "
            "openen. Er is niets veranderd."
        )
    return key_file


def _back_up_readable(database_file: Path, key: bytes | None, backup_dir: Path) -> Path | None:
    """A backup of ``database_file`` before it is replaced, when ``key`` still reads it as a
    sound Steunpunt database (an empty, damaged or foreign file is left exactly as it is)."""
    if not _sound_database(database_file, key):
        return None
    engine = create_engine_for(sqlite_url(database_file), key)
    try:
        return backup_database(engine, backup_dir, BEFORE_RESTORE)
    except _NOT_READ as failed:
        log.warning(
            "No backup of the current database before the restore (%s)", type(failed).__name__
        )
        return None
    finally:
        engine.dispose()

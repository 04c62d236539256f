"""Opening a database for the window or the command line: engine, migration, services."""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine

from steunpunt.db.kernel import database_file as files
from steunpunt.db.kernel.backup import list_backups
from steunpunt.db.kernel.engine import (
    create_engine_for,
    create_read_only_engine,
    make_session_factory,
    sqlite_url,
)
from steunpunt.db.kernel.errors import DatabaseMissing, DatabaseReadOnly
from steunpunt.db.kernel.migrate import MigrationResult, check_current, migrate
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.key_ring import KeyRingAccess
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services, build_services
from steunpunt.services.letters.leftovers import clear_leftovers
from steunpunt.settings import load_settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenDatabase:
    """A migrated database with its services; who acts comes from signing in."""

    file: Path
    engine: Engine
    services: Services
    migration: MigrationResult
    read_only: bool = False
    """The file or its folder cannot be written: everything can be read, nothing saved."""
    encrypted: bool = False
    """Opened with its data key; False for a plain database from before encryption."""

    @cached_property
    def actor(self) -> Actor:
        """The first staff member, made when asked: who acts where no one signs in (the
        self-test's scratch database, the tests). The window and the commands act as the
        person who signed in."""
        return self.services.staff.default_actor(_login_name())

    def acting_as(self, actor: Actor) -> OpenDatabase:
        """The same open database, its services bound to ``actor`` who signed in: every use
        case is held to their role and caseload, and they are who acts."""
        bound = replace(self, services=self.services.acting_as(actor))
        bound.__dict__["actor"] = actor  # the cached property, answered
        return bound

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    database_file: Path,
    paths: AppPaths,
    *,
    new_register: bool = False,
    key_ring: KeyRingAccess | None = None,
) -> OpenDatabase:
    """Open ``database_file``, migrate it and build the services.

    ``key_ring``: the key file and the data key of an encrypted database, unwrapped by signing
    in (``entrance.py``); None for a plain database.

    A new, empty database is made only where none was before, or when the person chose
    ``new_register``. Raises :class:`steunpunt.domain.errors.KnownProblem` with a Dutch message
    when the file cannot be used; the file is then left exactly as it was. A file that cannot
    be written is opened read-only when it needs no migration.
    """
    if new_register and files.is_empty(database_file):
        files.set_aside(database_file, "leeg")
    if not new_register:
        refuse_missing(database_file, paths)
    if database_file.exists() and not (
        files.file_writable(database_file) and files.folder_writable(database_file.parent)
    ):
        return _open_read_only(database_file, key_ring)
    if not files.folder_writable(database_file.parent):
        raise DatabaseReadOnly(
            f"In de map {database_file.parent} kan niet worden geschreven (alleen-lezen), dus "
            "daar kan geen database worden gemaakt. Kies een map waarin u mag schrijven."
        )
    existed = database_file.exists()
    engine = create_engine_for(sqlite_url(database_file), _key(key_ring))
    try:
        result = migrate(engine, paths.backup_dir, database_file if existed else None)
        clear_leftovers(engine)
        services = build_services(make_session_factory(engine), key_ring=key_ring)
    except BaseException:
        engine.dispose()
        raise
    log.info("Database opened (revision %s)", result.to_revision)
    return OpenDatabase(database_file, engine, services, result, encrypted=key_ring is not None)


def _key(key_ring: KeyRingAccess | None) -> bytes | None:
    return None if key_ring is None else key_ring.data_key


def _open_read_only(database_file: Path, key_ring: KeyRingAccess | None) -> OpenDatabase:
    """Open a database that cannot be written, when it needs no migration; changes nothing."""
    immutable = not files.folder_writable(database_file.parent) and not files.companions(
        database_file
    )
    engine = create_read_only_engine(database_file, immutable=immutable, key=_key(key_ring))
    try:
        result = check_current(engine)
        services = build_services(make_session_factory(engine), read_only=True, key_ring=key_ring)
    except BaseException:
        engine.dispose()
        raise
    log.warning("Database opened read-only (revision %s)", result.to_revision)
    return OpenDatabase(
        database_file, engine, services, result, read_only=True, encrypted=key_ring is not None
    )


def refuse_missing(database_file: Path, paths: AppPaths) -> None:
    """Refuse an empty file, and a missing one where this folder had a database before."""
    restore = (
        "Zet een reservekopie terug of begin bewust met een nieuw, leeg register; dat kan in "
        "het venster van Steunpunt."
    )
    if files.is_empty(database_file):
        raise DatabaseMissing(
            f"Het databasebestand {database_file} is leeg (0 bytes): de gegevens staan er niet "
            f"meer in. Er is niets veranderd. {restore}"
        )
    if not database_file.exists() and had_database(database_file, paths):
        raise DatabaseMissing(
            f"Het databasebestand {database_file} ontbreekt, terwijl hier eerder een database "
            f"was. Er is geen nieuw bestand gemaakt. {restore}"
        )


def had_database(database_file: Path, paths: AppPaths) -> bool:
    """Whether ``database_file`` was in use before: files SQLite left beside it, or, for the
    file this data folder uses, the settings of an earlier session or backups."""
    if files.companions(database_file):
        return True
    settings = load_settings(paths.settings_file)
    in_use = Path(settings.database_file) if settings.database_file else paths.database_file
    if in_use.absolute() != database_file.absolute():
        return False
    return paths.settings_file.exists() or bool(list_backups(paths.backup_dir))


def _login_name() -> str:
    try:
        return getpass.getuser().capitalize()
    except (KeyError, OSError):
        return "Medewerker"

"""Bring a database to the schema this program needs, safely.

Before an upgrade the database is copied to the backup folder; a database written by a newer
version is refused. Alembic is imported only when there is something to migrate, so an
up-to-date database opens without paying for it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from steunpunt.db.kernel.backup import backup_database
from steunpunt.db.kernel.engine import create_read_only_engine, engine_key
from steunpunt.db.kernel.engine import database_file as file_of
from steunpunt.db.kernel.errors import (
    DatabaseKeyRefused,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    DatabaseUnreadable,
    storage_cause,
)
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.domain.errors import KnownProblem

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

HEAD_REVISION = "0017"
"""The newest revision in ``migrations/versions``; a test keeps the two in step."""

MIGRATIONS_PACKAGE = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class MigrationResult:
    """What happened on opening: the revisions before and after, and the backup made."""

    from_revision: str | None
    to_revision: str
    backup_file: Path | None


def current_revision(engine: Engine) -> str | None:
    """The database's Alembic revision; None for an empty database.

    Raises :class:`DatabaseUnreadable` for a file that is no (Steunpunt) database.
    """
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseUnreadable(
                        "Dit bestand is een database, maar niet van Steunpunt. "
                        "Kies een ander bestand."
                    )
                return None
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
            if row is None and tables - {"alembic_version"}:
                raise _unreadable(RuntimeError("alembic_version is empty"))
            return str(row[0]) if row else None
    except OperationalError as error:
        if "locked" in str(error).lower():
            raise DatabaseLocked(
                "De database is in gebruik door een ander programma. "
                "Sluit dat programma en probeer het opnieuw."
            ) from error
        raise _unreadable(error, engine) from error
    except DatabaseError as error:
        raise _unreadable(error, engine) from error


def _unreadable(error: Exception, engine: Engine | None = None) -> KnownProblem:
    """Unreadable in Dutch; an encrypted database opened without its key says so."""
    file = file_of(engine) if engine is not None and engine_key(engine) is None else None
    if file is not None and key_file_for(file).exists():
        return DatabaseKeyRefused(
            f"Het databasebestand {file.name} is versleuteld en opent alleen na aanmelden met "
            "een wachtwoord of met de herstelsleutel van het steunpunt. Er is niets veranderd."
        )
    log.error("Database unreadable: %s", error)
    return DatabaseUnreadable(
        "Het databasebestand kan niet worden gelezen: het is geen database of het is beschadigd. "
        "Er is niets aan het bestand veranderd."
    )


def migrate(engine: Engine, backup_dir: Path, database_file: Path | None) -> MigrationResult:
    """Upgrade to :data:`HEAD_REVISION`, with a backup first when the database had data."""
    if database_file is not None and _journal_mode_would_change(database_file):
        # The engine switches connections to WAL, which rewrites the file's header: check a
        # file that may be refused read-only first, so that it is left exactly as it was.
        _refuse_too_new(_read_only_revision(database_file))
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return MigrationResult(revision, revision, None)
    _refuse_too_new(revision)
    backup = None
    if revision is not None and database_file is not None:
        backup = backup_database(engine, backup_dir, reason=f"voor-migratie-{revision}")
    try:
        _upgrade(engine)
    except Exception as error:
        log.exception("Migration from %s failed", revision)
        cause = storage_cause(error)
        raise KnownProblem(
            "De database kon niet worden bijgewerkt naar deze versie van Steunpunt"
            + (f": {cause}. " if cause else ". ")
            + (f"Er staat een reservekopie van vóór het bijwerken in {backup}. " if backup else "")
            + "Neem contact op met uw beheerder."
        ) from error
    log.info("Database migrated from %s to %s", revision, HEAD_REVISION)
    return MigrationResult(revision, HEAD_REVISION, backup)


def check_current(engine: Engine) -> MigrationResult:
    """For a database that cannot be written: refuse it unless it is at :data:`HEAD_REVISION`."""
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return MigrationResult(revision, revision, None)
    _refuse_too_new(revision)
    raise DatabaseReadOnly(
        "Deze database moet worden bijgewerkt naar deze versie van Steunpunt, maar zij staat "
        "op een plek waar niet geschreven kan worden (alleen-lezen). Kopieer het bestand naar "
        "een map waarin u mag schrijven en open het daar; er is niets veranderd."
    )


def _refuse_too_new(revision: str | None) -> None:
    if revision is not None and revision != HEAD_REVISION and not is_known_revision(revision):
        raise DatabaseTooNew(
            "Deze database is gemaakt met een nieuwere versie van Steunpunt. "
            "Installeer de nieuwste versie om haar te openen; er is niets veranderd."
        )


def _journal_mode_would_change(database_file: Path) -> bool:
    """Whether ``database_file`` is an SQLite database in rollback-journal (not WAL) mode.

    A file with a hot journal beside it needs a writing connection to recover, so it is not
    checked read-only first.
    """
    if database_file.with_name(database_file.name + "-journal").exists():
        return False
    try:
        with database_file.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header.startswith(b"SQLite format 3\x00") and header[18] != 2


def _read_only_revision(database_file: Path) -> str | None:
    """Like :func:`current_revision`, on a read-only connection that changes nothing."""
    engine = create_read_only_engine(database_file)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_PACKAGE))
    return config


def _script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def is_known_revision(revision: str) -> bool:
    """Whether this program's migrations contain ``revision`` (else the database is newer)."""
    from alembic.util.exc import CommandError

    try:
        return _script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def script_head() -> str | None:
    """The head revision according to Alembic (a test compares it with HEAD_REVISION)."""
    return _script_directory().get_current_head()


def _upgrade(engine: Engine) -> None:
    from alembic import command

    config = _alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        driver: Any = connection.connection.driver_connection
        if sqlite:
            # Batch operations drop and recreate tables; with foreign keys on, dropping the old
            # caregiver table would cascade into its contacts, relations and consents.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
            # Python's sqlite3 begins a transaction only before INSERT, UPDATE or DELETE: a
            # CREATE or DROP ran on its own, so a migration killed halfway left tables of a
            # revision that was never recorded. Begin explicitly: all of it or nothing.
            begins_itself, driver.isolation_level = driver.isolation_level, None
        try:
            with connection.begin():
                if sqlite:
                    connection.exec_driver_sql("BEGIN")
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"Migration left {len(broken)} broken foreign keys")
        finally:
            if sqlite:
                driver.isolation_level = begins_itself
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()

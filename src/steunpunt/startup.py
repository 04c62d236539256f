"""Opening a database for the window or the command line: engine, migration, services."""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from steunpunt.db.kernel.engine import create_engine_for, make_session_factory, sqlite_url
from steunpunt.db.kernel.migrate import MigrationResult, migrate
from steunpunt.logging_setup import configure_logging
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services, build_services
from steunpunt.services.letters.leftovers import clear_leftovers

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenDatabase:
    """A migrated database with its services and the staff member acting by default."""

    file: Path
    engine: Engine
    services: Services
    actor: Actor
    migration: MigrationResult

    def close(self) -> None:
        self.engine.dispose()


def open_database(database_file: Path, paths: AppPaths) -> OpenDatabase:
    """Open (or create) ``database_file``, migrate it and build the services.

    Raises :class:`steunpunt.domain.errors.KnownProblem` with a Dutch message when the file
    cannot be used; the file is then left exactly as it was.
    """
    database_file.parent.mkdir(parents=True, exist_ok=True)
    existed = database_file.exists()
    engine = create_engine_for(sqlite_url(database_file))
    try:
        result = migrate(engine, paths.backup_dir, database_file if existed else None)
        clear_leftovers(engine)
        services = build_services(make_session_factory(engine))
        actor = services.staff.default_actor(_login_name())
    except BaseException:
        engine.dispose()
        raise
    log.info("Database opened (revision %s)", result.to_revision)
    return OpenDatabase(database_file, engine, services, actor, result)


def open_for_command(paths: AppPaths) -> OpenDatabase:
    """Start the log and open the user's database for a command (a known problem is raised)."""
    configure_logging(paths.log_dir)
    return open_database(paths.database_file, paths)


def _login_name() -> str:
    try:
        return getpass.getuser().capitalize()
    except (KeyError, OSError):
        return "Medewerker"

"""Small composable fixtures: paths, a migrated database, services, a fixed day."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import Engine

from steunpunt.db.kernel.engine import create_engine_for, make_session_factory, sqlite_url
from steunpunt.db.kernel.migrate import migrate
from steunpunt.paths import AppPaths, resolve_paths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services, build_services

pytest_plugins = ["tests.ui_fixtures", "tests.log_guard"]

TODAY = date(2026, 11, 22)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    """A data folder of its own for every test."""
    return resolve_paths(tmp_path / "data").ensure()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the newest revision, made once and copied per test."""
    folder = tmp_path_factory.mktemp("template")
    file = folder / "template.sqlite"
    engine = create_engine_for(sqlite_url(file))
    migrate(engine, folder / "backups", None)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return file


@pytest.fixture
def database_file(migrated_template: Path, app_paths: AppPaths) -> Path:
    shutil.copy(migrated_template, app_paths.database_file)
    return app_paths.database_file


@pytest.fixture
def engine(database_file: Path) -> Iterator[Engine]:
    engine = create_engine_for(sqlite_url(database_file))
    yield engine
    engine.dispose()


@pytest.fixture
def services(engine: Engine, today: date) -> Services:
    return build_services(make_session_factory(engine), today=lambda: today)


@pytest.fixture
def actor(services: Services) -> Actor:
    return services.staff.default_actor("Tester")


@pytest.fixture
def demo_sign_in(monkeypatch: pytest.MonkeyPatch) -> str:
    """Commands sign in as the demo beheerder, as a script would (``STEUNPUNT_USER`` and
    ``STEUNPUNT_PASSWORD``); gives the login."""
    from steunpunt.demo.accounts import DEMO_LOGIN, DEMO_PASSWORD

    monkeypatch.setenv("STEUNPUNT_USER", DEMO_LOGIN)
    monkeypatch.setenv("STEUNPUNT_PASSWORD", DEMO_PASSWORD)
    return DEMO_LOGIN

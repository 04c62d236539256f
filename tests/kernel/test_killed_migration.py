"""A migration killed halfway: the register stays at its old revision with all its rows, and
the next start brings it up to date."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from steunpunt.cli import main
from steunpunt.db.kernel.migrate import HEAD_REVISION
from steunpunt.paths import AppPaths, resolve_paths
from tests.kernel.test_migrations import OLD_0001, OLD_COUNTS, counts, revision_in_file
from tests.kill import run_and_die_at

pytestmark = pytest.mark.kill


@pytest.fixture
def old(tmp_path: Path) -> AppPaths:
    """A data folder whose register was written by the first version."""
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copy(OLD_0001, paths.database_file)
    return paths


def sound(database_file: Path) -> bool:
    connection = sqlite3.connect(database_file)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("point", "call"),
    [
        ("steunpunt.db.kernel.migrate:_upgrade", 1),  # the backup made, nothing migrated yet
        ("alembic.op:create_table", 1),  # in the first migration
        ("alembic.op:batch_alter_table", 9),  # halfway, rebuilding a table
        ("alembic.op:create_table", 15),  # in the last migration
    ],
)
def test_a_migration_that_dies_leaves_the_old_register_and_the_next_start_finishes_it(
    old: AppPaths, point: str, call: int
) -> None:
    command = ["backup", "--data-dir", str(old.data_dir)]
    assert run_and_die_at(point, command, call=call)
    assert sound(old.database_file)
    assert revision_in_file(old.database_file) == "0001"  # all or nothing: one transaction
    assert counts(old.database_file) == OLD_COUNTS
    (before,) = old.backup_dir.glob("*voor-migratie-0001*")  # the copy made before it began
    assert counts(before / "steunpunt.sqlite") == OLD_COUNTS

    assert main(command) == 0
    assert revision_in_file(old.database_file) == HEAD_REVISION
    assert counts(old.database_file) == OLD_COUNTS
    assert sound(old.database_file)

"""Backups that fail (a full disk) leave nothing behind; only complete backups are offered and
put back."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine

from steunpunt.cli import main
from steunpunt.db.kernel import backup as backup_module
from steunpunt.db.kernel.errors import BackupFailed, BackupUnusable
from steunpunt.domain.errors import KnownProblem
from steunpunt.paths import AppPaths, resolve_paths
from steunpunt.services.kernel.backup import backups, make_backup, restore
from steunpunt.startup import open_database
from steunpunt.ui.main_window import MainWindow
from tests.helpers import database_with_caregivers
from tests.kill import run_and_die_at
from tests.widgets import Answers

pytestmark = pytest.mark.usefixtures("demo_sign_in")
"""Commands on a demo database sign in as its beheerder."""

DATA = Path(__file__).parent.parent / "data"


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy step writes part of the file, then the disk is full."""

    def half_copy(_source: sqlite3.Connection, target: Path, _key: bytes | None) -> None:
        target.write_bytes(b"SQLite format 3\x00" + bytes(4000))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "_copy", half_copy)


def test_a_backup_on_a_full_disk_is_refused_in_dutch_and_leaves_no_file(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    fill_the_disk(monkeypatch)
    with pytest.raises(BackupFailed) as caught:
        make_backup(engine, folder, keep=10)
    assert caught.value.message.startswith(
        "De reservekopie kon niet worden gemaakt: de schijf is vol."
    )
    assert list(folder.iterdir()) == []
    assert backups(folder) == []


def test_sqlites_own_disk_full_error_is_a_known_problem(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_source: sqlite3.Connection, target: Path, _key: bytes | None) -> None:
        target.write_bytes(bytes(100))
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module, "_copy", full)
    with pytest.raises(BackupFailed, match="de schijf is vol"):
        make_backup(engine, tmp_path / "backups", keep=10)
    assert list((tmp_path / "backups").iterdir()) == []


def test_the_window_says_a_failed_backup_in_dutch(
    window: MainWindow, app_paths: AppPaths, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_the_disk(monkeypatch)
    window.make_backup()
    (text,) = answers.texts
    assert text.startswith("De reservekopie kon niet worden gemaakt: de schijf is vol.")
    assert list(app_paths.backup_dir.iterdir()) == []


def test_the_backup_before_a_migration_on_a_full_disk_leaves_the_database_as_it_was(
    app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    database_file = app_paths.database_file
    shutil.copy(DATA / "steunpunt-0012.sqlite", database_file)
    before = database_file.read_bytes()
    fill_the_disk(monkeypatch)
    with pytest.raises(KnownProblem) as caught:
        open_database(database_file, app_paths)
    assert "de schijf is vol" in caught.value.message
    assert list(app_paths.backup_dir.iterdir()) == []
    connection = sqlite3.connect(database_file)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0012",)
    connection.close()
    assert len(database_file.read_bytes()) == len(before)


def plant(folder: Path, name: str, content: bytes) -> Path:
    file = folder / f"steunpunt-{name}.sqlite"
    file.write_bytes(content)
    return file


def test_only_complete_steunpunt_databases_are_offered_for_restore(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    good = make_backup(engine, folder, keep=10)
    whole = good.read_bytes()
    plant(folder, "20990101-000000-000000-leeg", b"")
    plant(folder, "20990101-000001-000000-half", whole[: len(whole) // 2 + 7])
    plant(folder, "20990101-000002-000000-afgekapt", whole[:-4096])
    foreign = folder / "steunpunt-20990101-000003-000000-vreemd.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE boodschappen (naam TEXT)")
    connection.commit()
    connection.close()
    plant(folder, "20990101-000004-000000-tekst", b"geen database" * 100)
    assert backups(folder) == [good]


def test_restoring_a_bad_backup_is_refused_and_the_database_untouched(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    engine.dispose()
    before = database_file.read_bytes()
    folder = tmp_path / "backups"
    folder.mkdir()
    for bad in (b"", b"SQLite format 3\x00" + bytes(4000)):
        with pytest.raises(BackupUnusable) as caught:
            restore(plant(folder, "20990101-000000-000000-slecht", bad), database_file)
        assert "wordt niet teruggezet" in caught.value.message
        assert database_file.read_bytes() == before
        assert sorted(p.name for p in database_file.parent.iterdir() if "vervangen" in p.name) == []


def test_restoring_a_damaged_backup_is_refused(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    good = make_backup(engine, tmp_path / "backups", keep=10)
    engine.dispose()
    data = bytearray(good.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size * 2 : page_size * 3] = bytes([0xAB]) * page_size
    good.write_bytes(bytes(data))
    before = database_file.read_bytes()
    with pytest.raises(BackupUnusable):
        restore(good, database_file)
    assert database_file.read_bytes() == before


def test_a_good_backup_is_put_back_and_the_old_file_kept(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    good = make_backup(engine, tmp_path / "backups", keep=10)
    engine.dispose()
    moved = restore(good, database_file)
    assert moved is not None and moved.exists()
    connection = sqlite3.connect(database_file)
    assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
    connection.close()


@pytest.mark.kill
def test_a_restore_killed_before_the_copy_is_in_place_leaves_the_old_database(
    engine: Engine, database_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_backup(engine, tmp_path / "backups", keep=10)
    engine.dispose()
    before = database_file.read_bytes()
    real_replace = os.replace

    def killed_at_the_last_step(source: Path, target: Path) -> None:
        if Path(target) == database_file:
            raise SystemExit(9)  # the program is gone; nothing after this line runs
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", killed_at_the_last_step)
    with pytest.raises(SystemExit):
        restore(good, database_file)
    assert database_file.read_bytes() == before  # the register is there, not an empty one
    (kept,) = database_file.parent.glob("steunpunt.sqlite.vervangen-*")
    assert kept.read_bytes() == before


@pytest.mark.kill
def test_a_backup_killed_before_it_is_checked_is_never_offered_and_the_next_one_clears_it(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data").ensure()
    database_with_caregivers(paths.database_file, paths, 5)  # plain: backups of it are listed
    assert run_and_die_at(
        "steunpunt.db.kernel.backup:_sound", ["backup", "--data-dir", str(paths.data_dir)]
    )
    assert [p.name.endswith(".part") for p in paths.backup_dir.iterdir()] == [True]
    assert backups(paths.backup_dir) == []
    assert main(["backup", "--data-dir", str(paths.data_dir)]) == 0
    (made,) = paths.backup_dir.iterdir()
    assert backups(paths.backup_dir) == [made]

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
from steunpunt.db.kernel.engine import create_engine_for, make_session_factory, sqlite_url
from steunpunt.db.kernel.errors import BackupFailed, BackupUnusable
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.db.kernel.migrate import migrate
from steunpunt.domain.backups.settings import BackupSettings
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.keys.recovery import format_recovery_key, new_recovery_secret
from steunpunt.paths import AppPaths, resolve_paths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.backup import backups, restore
from steunpunt.services.kernel.container import Services, build_services
from steunpunt.startup import open_database
from steunpunt.ui.main_window import MainWindow
from tests.helpers import caregiver_data, open_demo
from tests.kernel.test_encrypted_database import KEY, OTHER_KEY
from tests.kill import run_and_die_at
from tests.widgets import Answers

pytestmark = pytest.mark.usefixtures("demo_sign_in")
"""Commands on a demo database sign in as its beheerder."""

DATA = Path(__file__).parent.parent / "data"


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy step writes part of the file, then the disk is full."""

    def half_copy(
        _source: sqlite3.Connection, target: Path, _key: bytes | None, _progress: object
    ) -> None:
        target.write_bytes(b"SQLite format 3\x00" + bytes(4000))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "copy_database", half_copy)


def test_a_backup_on_a_full_disk_is_refused_in_dutch_and_leaves_no_file(
    services: Services, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    fill_the_disk(monkeypatch)
    with pytest.raises(BackupFailed) as caught:
        services.backups.make(engine, folder)
    assert caught.value.message.startswith(
        "De reservekopie kon niet worden gemaakt: de schijf is vol."
    )
    assert list(folder.iterdir()) == []
    assert backups(folder) == []


def test_sqlites_own_disk_full_error_is_a_known_problem(
    services: Services, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(
        _source: sqlite3.Connection, target: Path, _key: bytes | None, _progress: object
    ) -> None:
        target.write_bytes(bytes(100))
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module, "copy_database", full)
    with pytest.raises(BackupFailed, match="de schijf is vol"):
        services.backups.make(engine, tmp_path / "backups")
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


def single_file(backup: Path) -> Path:
    """The backup as an earlier version made it: one file in the backup folder."""
    old = backup.parent / f"{backup.name}.sqlite"
    shutil.copyfile(backup / "steunpunt.sqlite", old)
    shutil.rmtree(backup)
    return old


def test_only_complete_backups_are_offered_for_restore(
    services: Services, engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    good = services.backups.make(engine, folder)
    old = single_file(services.backups.make(engine, folder))
    whole = old.read_bytes()
    plant(folder, "20990101-000000-000000-leeg", b"")
    plant(folder, "20990101-000001-000000-half", whole[: len(whole) // 2 + 7])
    plant(folder, "20990101-000002-000000-afgekapt", whole[:-4096])
    foreign = folder / "steunpunt-20990101-000003-000000-vreemd.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE boodschappen (naam TEXT)")
    connection.commit()
    connection.close()
    plant(folder, "20990101-000004-000000-tekst", b"geen database" * 100)
    cut = shutil.copytree(good, folder / "steunpunt-20990101-000005-000000-afgebroken")
    with (cut / "steunpunt.sqlite").open("r+b") as handle:
        handle.truncate(4096)
    shutil.copytree(good, folder / "steunpunt-20990101-000006-000000-zonder").joinpath(
        "manifest.json"
    ).unlink()
    assert [entry.path for entry in backups(folder)] == [old, good]


def refused(backup: Path, database_file: Path, engine: Engine | None = None) -> str:
    """The reason a restore of ``backup`` is refused; the database file stays as it was."""
    before = database_file.read_bytes()
    with pytest.raises(BackupUnusable) as caught:
        restore(backup, database_file, engine)
    assert database_file.read_bytes() == before
    assert [p.name for p in database_file.parent.iterdir() if "vervangen" in p.name] == []
    return caught.value.message


def test_restoring_a_bad_backup_is_refused_and_the_database_untouched(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    engine.dispose()
    folder = tmp_path / "backups"
    folder.mkdir()
    for bad in (b"", b"SQLite format 3\x00" + bytes(4000)):
        message = refused(plant(folder, "20990101-000000-000000-slecht", bad), database_file)
        assert "wordt niet teruggezet" in message


def damage(database: Path) -> None:
    data = bytearray(database.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size * 2 : page_size * 3] = bytes([0xAB]) * page_size
    database.write_bytes(bytes(data))


def test_restoring_a_damaged_backup_is_refused(
    services: Services, engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    good = services.backups.make(engine, tmp_path / "backups")
    old = single_file(services.backups.make(engine, tmp_path / "backups"))
    engine.dispose()
    damage(good / "steunpunt.sqlite")
    damage(old)
    assert "is beschadigd" in refused(good, database_file)
    assert "is beschadigd" in refused(old, database_file)


def test_a_foreign_backup_is_refused(
    services: Services, engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    good = services.backups.make(engine, tmp_path / "backups")
    engine.dispose()
    (good / "steunpunt.sqlite").unlink()
    connection = sqlite3.connect(good / "steunpunt.sqlite")
    connection.execute("CREATE TABLE boodschappen (naam TEXT)")
    connection.commit()
    connection.close()
    assert "is geen Steunpunt-database" in refused(good, database_file)


def test_a_backup_from_a_newer_version_is_refused(
    services: Services, engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    good = services.backups.make(engine, tmp_path / "backups")
    engine.dispose()
    connection = sqlite3.connect(good / "steunpunt.sqlite")
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    assert "nieuwere versie van Steunpunt" in refused(good, database_file)


def test_a_backup_with_another_key_is_refused(tmp_path: Path) -> None:
    mine = create_engine_for(sqlite_url(tmp_path / "steunpunt.sqlite"), KEY)
    migrate(mine, tmp_path / "backups", None)
    theirs = create_engine_for(sqlite_url(tmp_path / "ander.sqlite"), OTHER_KEY)
    migrate(theirs, tmp_path / "backups", None)
    services = build_services(make_session_factory(theirs))
    foreign = services.backups.make(theirs, tmp_path / "backups")
    theirs.dispose()
    mine.dispose()
    message = refused(foreign, tmp_path / "steunpunt.sqlite", mine)
    assert "is versleuteld met een andere sleutel" in message


def test_a_good_backup_is_put_back_with_its_key_file_and_the_old_file_kept(
    services: Services, actor: Actor, engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    key_file_for(database_file).write_bytes(b"sleutels van toen")
    good = services.backups.make(engine, tmp_path / "backups")
    services.caregivers.create(actor, caregiver_data())
    key_file_for(database_file).write_bytes(b"sleutels van nu")
    engine.dispose()
    moved = restore(good / "steunpunt.sqlite", database_file)
    assert moved is not None and moved.exists()
    assert key_file_for(moved).read_bytes() == b"sleutels van nu"
    assert key_file_for(database_file).read_bytes() == b"sleutels van toen"
    connection = sqlite3.connect(database_file)
    assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert connection.execute("SELECT count(*) FROM caregiver").fetchone() == (0,)
    connection.close()


@pytest.mark.kill
def test_a_restore_killed_before_the_copy_is_in_place_leaves_the_old_database(
    services: Services,
    engine: Engine,
    database_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = services.backups.make(engine, tmp_path / "backups")
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


@pytest.fixture
def demo(tmp_path: Path) -> AppPaths:
    paths = resolve_paths(tmp_path / "data")
    assert main(["demo", "--data-dir", str(paths.data_dir), "--caregivers", "5"]) == 0
    return paths


@pytest.mark.kill
def test_a_backup_killed_before_it_is_verified_is_never_offered_and_the_next_one_clears_it(
    demo: AppPaths,
) -> None:
    assert run_and_die_at(
        "steunpunt.db.kernel.backup:verify", ["backup", "--data-dir", str(demo.data_dir)]
    )
    assert [p.name.endswith(".part") for p in demo.backup_dir.iterdir()] == [True]
    assert backups(demo.backup_dir) == []
    assert main(["backup", "--data-dir", str(demo.data_dir)]) == 0
    (made,) = demo.backup_dir.iterdir()
    assert [entry.path for entry in backups(demo.backup_dir)] == [made]


def caregivers_in(paths: AppPaths) -> int:
    opened = open_demo(paths.data_dir)
    try:
        return opened.services.caregivers.count()
    finally:
        opened.close()


@pytest.mark.kill
@pytest.mark.parametrize(
    ("point", "call"),
    [
        ("steunpunt.db.kernel.backup:verify", 1),  # backing up the current database
        ("steunpunt.db.kernel.backup_restore:copy_database", 1),  # copying the backup in
        ("steunpunt.db.kernel.backup_restore:_keep_as", 1),  # keeping the old file
        ("os:replace", 2),  # the moment the copy is put in place
    ],
)
def test_a_restore_killed_anywhere_leaves_a_complete_database(
    demo: AppPaths, point: str, call: int
) -> None:
    """Restoring a backup of 5 caregivers over a register of 6."""
    assert main(["backup", "--data-dir", str(demo.data_dir)]) == 0
    (made,) = demo.backup_dir.iterdir()
    opened = open_demo(demo.data_dir)
    opened.services.caregivers.create(opened.actor, caregiver_data())
    opened.close()
    command = ["restore", str(made), "--data-dir", str(demo.data_dir)]
    assert run_and_die_at(point, command, call=call)
    assert caregivers_in(demo) in (5, 6)  # the old register or the restored one, whole
    assert main(command) == 0
    assert caregivers_in(demo) == 5


def test_a_second_folder_gets_a_verified_copy_and_a_vanished_one_leaves_nothing(
    services: Services, actor: Actor, engine: Engine, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    services.backups.save_settings(actor, BackupSettings(second_folder=str(usb)))
    made = services.backups.make(engine, tmp_path / "backups")
    assert [entry.path.name for entry in backups(usb)] == [made.name]
    shutil.rmtree(usb)
    usb.write_text("de USB-schijf is eruit getrokken", encoding="utf-8")
    with pytest.raises(BackupFailed) as caught:
        services.backups.make(engine, tmp_path / "backups")
    assert caught.value.message.startswith(f"De reservekopie in {usb} kon niet worden gemaakt")
    assert usb.read_text(encoding="utf-8") == "de USB-schijf is eruit getrokken"


def test_a_second_folder_that_fills_up_halfway_keeps_no_half_copy(
    services: Services,
    actor: Actor,
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb"
    services.backups.save_settings(actor, BackupSettings(second_folder=str(usb)))

    def full_disk(_source: Path, target: Path) -> None:
        target.mkdir()
        (target / "steunpunt.sqlite").write_bytes(b"SQLite format 3\x00")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copytree", full_disk)
    with pytest.raises(BackupFailed, match="de schijf is vol"):
        services.backups.make(engine, tmp_path / "backups")
    assert list(usb.iterdir()) == [] and backups(usb) == []


def test_the_command_line_restores_a_backup_and_refuses_a_damaged_one(
    demo: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["backup", "--data-dir", str(demo.data_dir)]) == 0
    (made,) = demo.backup_dir.iterdir()
    opened = open_demo(demo.data_dir)
    opened.services.caregivers.create(opened.actor, caregiver_data())
    opened.close()
    damaged = shutil.copytree(made, demo.data_dir / "beschadigd")
    damage(damaged / "steunpunt.sqlite")
    capsys.readouterr()
    assert main(["restore", str(damaged), "--data-dir", str(demo.data_dir)]) == 1
    refusal = capsys.readouterr().err
    assert "De reservekopie beschadigd is" in refusal and "Er is niets veranderd" in refusal
    assert caregivers_in(demo) == 6  # signing in was recorded; nothing else changed
    assert list(demo.data_dir.glob("*vervangen*")) == []

    monkeypatch.setenv("STEUNPUNT_USER", "medewerker")
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "mantelzorg-medewerker")
    assert main(["restore", str(made), "--data-dir", str(demo.data_dir)]) == 1
    assert "reservekopie" in capsys.readouterr().err and caregivers_in(demo) == 6

    monkeypatch.setenv("STEUNPUNT_USER", "beheerder")
    monkeypatch.setenv("STEUNPUNT_PASSWORD", "mantelzorg-beheerder")
    monkeypatch.setenv("STEUNPUNT_HERSTELSLEUTEL", "ABCD-EFGH")
    command = ["restore", str(made), "--recovery-key", "--data-dir", str(demo.data_dir)]
    assert main(command) == 1
    assert "Een herstelsleutel heeft 40 tekens" in capsys.readouterr().err
    monkeypatch.setenv("STEUNPUNT_HERSTELSLEUTEL", format_recovery_key(new_recovery_secret()))
    assert main(command) == 1
    assert "hoort niet bij deze database" in capsys.readouterr().err and caregivers_in(demo) == 6
    assert main(["restore", str(made / "steunpunt.sqlite"), "--data-dir", str(demo.data_dir)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Reservekopie {made / 'steunpunt.sqlite'} teruggezet.")
    assert "voor-terugzetten" in said
    assert caregivers_in(demo) == 5

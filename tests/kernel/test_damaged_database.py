"""A database with damaged pages: found in the background after opening, told in Dutch with the
way out (export what can be read, restore a backup); the window does not wait for the check."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.cli import main
from steunpunt.db.kernel.backup import list_backups
from steunpunt.db.kernel.errors import DatabaseDamaged
from steunpunt.entrance import Entered
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import SignedIn
from steunpunt.services.kernel.actor import Actor
from steunpunt.settings import Settings
from steunpunt.startup import open_database
from steunpunt.ui import database_dialogs
from steunpunt.ui.caregivers.export_dialog import ExportDialog
from steunpunt.ui.tasks import SynchronousTaskRunner
from tests.helpers import database_with_caregivers
from tests.log_guard import ErrorRecords
from tests.widgets import on_exec

DAMAGED_INDEX = "ix_referral_partner"
"""An index that start-up does not read: the database opens, only the check finds the damage."""

DAMAGE_LOGGED = ["Database damaged (%d findings), first: %s"]


def damage_a_page(file: Path, name: str = DAMAGED_INDEX) -> None:
    """Overwrite the first page of table or index ``name`` with garbage; the header (page 1)
    stays intact."""
    with sqlite3.connect(file) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (page,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()
    connection.close()
    assert page > 1
    with file.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xa5" * page_size)


@pytest.fixture
def damaged(app_paths: AppPaths, migrated_template: Path) -> Path:
    """The data folder's database with one caregiver and a damaged page; a sound backup of it."""
    shutil.copy(migrated_template, app_paths.database_file)
    database_with_caregivers(app_paths.database_file, app_paths, 1)
    shutil.copy(
        app_paths.database_file,
        app_paths.backup_dir / "steunpunt-20261101-120000-000000-handmatig.sqlite",
    )
    header = app_paths.database_file.read_bytes()[:100]
    damage_a_page(app_paths.database_file)
    assert app_paths.database_file.read_bytes()[:100] == header
    return app_paths.database_file


def test_the_self_test_reports_damaged_pages_in_dutch(
    damaged: Path,
    app_paths: AppPaths,
    capsys: pytest.CaptureFixture[str],
    logged_errors: ErrorRecords,
) -> None:
    assert main(["self-test", "--data-dir", str(app_paths.data_dir)]) == 1
    said = capsys.readouterr().out
    assert "FOUT: De database is beschadigd" in said
    assert "steunpunt export" in said
    for english in ("Tree", "page", "malformed", "btree"):
        assert english not in said
    assert logged_errors.templates() == DAMAGE_LOGGED


def test_the_self_test_passes_a_sound_database_with_data(
    app_paths: AppPaths, migrated_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(migrated_template, app_paths.database_file)
    database_with_caregivers(app_paths.database_file, app_paths, 3)
    assert main(["self-test", "--data-dir", str(app_paths.data_dir)]) == 0
    assert "OK: database is onbeschadigd." in capsys.readouterr().out


def damage_box(window: object) -> QMessageBox | None:
    boxes = [
        box
        for box in window.findChildren(QMessageBox)  # type: ignore[attr-defined]
        if box.isVisible() and box.windowTitle() == "Database beschadigd"
    ]
    return boxes[0] if boxes else None


def click(box: QMessageBox, text: str) -> None:
    next(button for button in box.buttons() if button.text() == text).click()


def test_the_window_opens_then_says_the_database_is_damaged_with_the_way_out(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    damaged: Path,
    app_paths: AppPaths,
    logged_errors: ErrorRecords,
) -> None:
    checked: list[object] = []
    check = database_dialogs.find_damage
    monkeypatch.setattr(
        database_dialogs, "find_damage", lambda engine: checked.append(engine) or check(engine)
    )
    exported = on_exec(monkeypatch, ExportDialog, lambda dialog: dialog.windowTitle())
    monkeypatch.setattr(application, "choose_backup", lambda _p, folder: list_backups(folder)[0])
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)
    monkeypatch.setattr(
        application,
        "sign_in_at_start",
        lambda door, *_given: Entered(door.plain_database, SignedIn(Actor(1, "Els"), False)),
    )
    program = application.Application(app_paths, Settings())
    program.runner = SynchronousTaskRunner()
    opened = open_database(damaged, app_paths)
    window = program.show(opened, opened.actor)
    assert window.isVisible() and checked == []  # the window does not wait for the check
    assert program.database is not None

    qtbot.waitUntil(lambda: damage_box(window) is not None)
    box = damage_box(window)
    assert box is not None and "De database is beschadigd" in box.text()
    assert "exporteren" in box.text() and "reservekopie terug" in box.text()
    click(box, "Lijst exporteren…")
    assert len(exported) == 1

    program._check_database(program.database)  # asked again: this time the backup is restored
    qtbot.waitUntil(lambda: damage_box(window) is not None)
    box = damage_box(window)
    assert box is not None
    click(box, "Reservekopie terugzetten…")
    assert program.window is not window and program.database is not None
    assert program.database.services.caregivers.count() == 1
    qtbot.waitUntil(lambda: len(checked) == 3)
    assert damage_box(program.window) is None  # the restored database is sound
    kept = [p for p in app_paths.data_dir.iterdir() if ".vervangen-" in p.name]
    assert len(kept) == 1  # the damaged file is kept beside it, never overwritten
    program.window.close()
    program.database.close()
    assert logged_errors.templates() == DAMAGE_LOGGED * 2


def test_reading_a_damaged_page_is_a_dutch_message_not_a_crash(
    app_paths: AppPaths, migrated_template: Path, logged_errors: ErrorRecords
) -> None:
    shutil.copy(migrated_template, app_paths.database_file)
    database_with_caregivers(app_paths.database_file, app_paths, 1)
    damage_a_page(app_paths.database_file, "caregiver")
    database = open_database(app_paths.database_file, app_paths)
    try:
        with pytest.raises(DatabaseDamaged) as refused:
            database.services.caregivers.get(1)
    finally:
        database.close()
    assert refused.value.message.startswith("De database is beschadigd")
    assert logged_errors.templates() == ["Damaged database page read: %s"]

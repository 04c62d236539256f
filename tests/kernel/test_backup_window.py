"""Backups in the window: restoring from the Bestand menu, the settings in Beheer, the warning
in Vandaag, and the automatic backups."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.domain.backups.settings import BackupSettings
from steunpunt.entrance import Entered
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import SignedIn
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.backup import backups
from steunpunt.settings import Settings
from steunpunt.startup import OpenDatabase, open_database
from steunpunt.ui.backups.automatic import backup_on_closing
from steunpunt.ui.backups.chooser import BackupChooser
from steunpunt.ui.backups.settings_dialog import BackupSettingsDialog
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import SynchronousTaskRunner
from tests.helpers import caregiver_data
from tests.widgets import Answers, in_dialog, menu_entry, row_texts


@pytest.fixture(autouse=True)
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    return said


def test_restoring_from_the_file_menu_backs_up_first_and_restarts_on_the_copy(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    migrated_template: Path,
    app_paths: AppPaths,
) -> None:
    shutil.copy(migrated_template, app_paths.database_file)
    opened = open_database(app_paths.database_file, app_paths)
    actor = opened.actor
    opened.services.caregivers.create(actor, caregiver_data(first_name="Els"))
    made = opened.services.backups.make(opened.engine, app_paths.backup_dir)
    opened.services.caregivers.create(actor, caregiver_data(first_name="Piet"))
    monkeypatch.setattr(
        application,
        "sign_in_at_start",
        lambda door, *_given: Entered(door.plain_database, SignedIn(actor, False)),
    )
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)  # the damage check, run within the test
    program = application.Application(app_paths, Settings())
    program.runner = SynchronousTaskRunner()
    window = program.show(opened, actor)
    qtbot.addWidget(window)
    shown: list[list[str]] = []

    def choose(chooser: BackupChooser) -> None:
        shown.append(row_texts(chooser.table, 0))
        chooser.accept()

    in_dialog(qtbot, menu_entry(window, "Reservekopie terugzetten…").trigger, BackupChooser, choose)
    assert shown[0][1:3] == ["handmatig", "1"]  # reason, caregivers
    assert program.window is not window and program.database is not None
    qtbot.addWidget(program.window)
    qtbot.wait(20)
    assert program.database.services.caregivers.count() == 1
    (before, restored) = backups(app_paths.backup_dir)
    assert restored.path == made and before.reason == "voor-terugzetten"
    assert before.manifest is not None and before.manifest.rows["caregiver"] == 2
    program.window.close()
    program.database.close()


def test_the_backup_settings_are_kept_from_beheer(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, tmp_path: Path
) -> None:
    def change(dialog: BackupSettingsDialog) -> None:
        dialog.automatic.setChecked(False)
        dialog.second_folder.setText(str(tmp_path / "usb"))
        dialog.daily.setValue(3)
        dialog.warn_after_days.setValue(2)
        dialog.save()

    in_dialog(
        qtbot,
        menu_entry(window, "Reservekopie-instellingen…").trigger,
        BackupSettingsDialog,
        change,
    )
    assert opened.services.backups.settings() == BackupSettings(
        automatic=False, second_folder=str(tmp_path / "usb"), daily=3, warn_after_days=2
    )


def age(backup: Path, days: int) -> None:
    manifest = json.loads((backup / "manifest.json").read_text(encoding="utf-8"))
    manifest["made"] = (datetime.now() - timedelta(days=days)).isoformat()
    (backup / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_vandaag_warns_when_the_newest_backup_is_too_old(
    window: MainWindow, app_paths: AppPaths
) -> None:
    warning = window.today_view.backup_warning
    assert warning.isVisible() and warning.text().startswith("Er is nog geen reservekopie gemaakt.")
    window.make_backup()
    assert not warning.isVisible()
    (made,) = backups(app_paths.backup_dir)
    age(made.path, 8)
    window.today_view.refresh()
    assert warning.isVisible() and warning.text().startswith(
        "De laatste reservekopie is 8 dagen oud"
    )
    age(made.path, 7)
    window.today_view.refresh()
    assert not warning.isVisible()


def test_the_daily_backup_is_made_when_the_last_is_a_day_old(
    window: MainWindow, opened: OpenDatabase, app_paths: AppPaths, actor_is_beheerder: Actor
) -> None:
    window.automatic_backups.run_if_due()
    (first,) = backups(app_paths.backup_dir)
    assert first.reason == "automatisch"
    window.automatic_backups.run_if_due()
    assert len(backups(app_paths.backup_dir)) == 1  # not due yet
    age(first.path, 1)
    window.automatic_backups.run_if_due()
    assert [entry.reason for entry in backups(app_paths.backup_dir)] == ["automatisch"] * 2
    opened.services.backups.save_settings(actor_is_beheerder, BackupSettings(automatic=False))
    age(backups(app_paths.backup_dir)[0].path, 2)
    window.automatic_backups.run_if_due()
    backup_on_closing(window.context, opened)
    assert len(backups(app_paths.backup_dir)) == 2


def test_a_backup_is_made_when_the_program_closes(
    window: MainWindow, opened: OpenDatabase, app_paths: AppPaths
) -> None:
    backup_on_closing(window.context, opened)
    (made,) = backups(app_paths.backup_dir)
    assert made.reason == "automatisch"


def test_a_failed_automatic_backup_is_said_in_the_window(
    window: MainWindow, app_paths: AppPaths, answers: Answers
) -> None:
    app_paths.backup_dir.rmdir()
    app_paths.backup_dir.write_text("geen map", encoding="utf-8")
    window.automatic_backups.run_if_due()
    (text,) = answers.texts
    assert text.startswith("De reservekopie kon niet worden gemaakt: ")


@pytest.fixture
def actor_is_beheerder(opened: OpenDatabase) -> Actor:
    return opened.actor

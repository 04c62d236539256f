"""Encrypted backups put back where the key is not at hand: at start, before anyone signed in (a
password from the backup's own key file, or the recovery key), and in the window, a backup made
on another computer of the same steunpunt (its recovery key)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.entrance import Entered, Entrance
from steunpunt.paths import AppPaths, resolve_paths
from steunpunt.services.kernel.backup import backups
from steunpunt.settings import Settings
from steunpunt.ui.accounts.recovery_sign_in import RecoveryKeySignInDialog
from steunpunt.ui.accounts.sign_in_dialogs import SignInDialog
from steunpunt.ui.backups.chooser import BackupChooser
from steunpunt.ui.backups.unlock import BackupKeyDialog
from steunpunt.ui.database_dialogs import ProblemChoice
from steunpunt.ui.tasks import SynchronousTaskRunner
from tests.helpers import add_caregiver
from tests.widgets import Answers, drive_on_exec, in_dialog, menu_entry, press_ok, retype

PASSWORD = "paars konijn op de fiets"
THEIRS = "oranje vos springt hoog"


def new_register(paths: AppPaths, password: str = PASSWORD, caregivers: int = 2) -> Entered:
    """An encrypted register of the beheerder Els with ``caregivers`` caregivers."""
    made = Entrance(paths.database_file, paths).create_first_beheerder(
        "Els de Wit", "els", password, password
    )
    for number in range(caregivers):
        add_caregiver(made.services, made.signed_in.actor, first_name=f"Nummer{number}")
    return made


def test_a_damaged_start_restores_an_encrypted_backup_after_a_password(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = new_register(app_paths)
    backup = register.services.backups.make(register.database.engine, app_paths.backup_dir)
    add_caregiver(register.services, register.signed_in.actor, first_name="Later")
    register.close()
    key_file = key_file_for(app_paths.database_file)
    key_file.write_bytes(b"beschadigd")  # the start cannot open the database
    before = app_paths.database_file.read_bytes()
    problems: list[str] = []

    def ask(_parent: object, message: str, *_args: object, **_kw: object) -> ProblemChoice:
        problems.append(message)
        return ProblemChoice.RESTORE if len(problems) == 1 else ProblemChoice.QUIT

    monkeypatch.setattr(application, "ask_about_problem", ask)
    monkeypatch.setattr(application, "choose_backup", lambda _parent, _folder: backup)
    said: list[str] = []

    def unlock(dialog: BackupKeyDialog) -> None:
        retype(qtbot, dialog.login, "els")
        retype(qtbot, dialog.password, "verkeerd wachtwoord hier")
        press_ok(qtbot, dialog)
        said.append(dialog.error.text())
        assert app_paths.database_file.read_bytes() == before  # the current file untouched
        assert key_file.read_bytes() == b"beschadigd"
        retype(qtbot, dialog.password, PASSWORD)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    drive_on_exec(monkeypatch, qtbot, BackupKeyDialog, unlock)
    entrance = application.open_with_recovery(app_paths.database_file, app_paths)

    assert "sleutelbestand" in problems[0] and len(problems) == 1
    assert said == ["De inlognaam of het wachtwoord klopt niet. Er is niets veranderd."]
    assert entrance is not None
    entered = entrance.sign_in("els", PASSWORD)
    assert entered.services.caregivers.count() == 2  # the rows of the backup
    entered.close()
    kept = [p.name for p in app_paths.data_dir.iterdir() if ".vervangen-" in p.name]
    assert len(kept) == 2  # the old database and its damaged key file, set aside
    saved = [entry for entry in backups(app_paths.backup_dir) if entry.path != backup]
    assert [entry.reason for entry in saved] == ["voor-terugzetten"]
    assert saved[0].manifest is not None and saved[0].manifest.rows["caregiver"] == 3


def test_a_missing_database_at_start_restores_with_the_recovery_key(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = new_register(app_paths)
    recovery_key = register.recovery_key
    assert recovery_key is not None
    backup = register.services.backups.make(register.database.engine, app_paths.backup_dir)
    register.close()
    app_paths.database_file.unlink()
    choices = iter([ProblemChoice.RESTORE])
    monkeypatch.setattr(application, "ask_about_problem", lambda *_a, **_k: next(choices))
    monkeypatch.setattr(application, "choose_backup", lambda _parent, _folder: backup)

    def unlock(dialog: BackupKeyDialog) -> None:
        retype(qtbot, dialog.recovery_key, recovery_key)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    drive_on_exec(monkeypatch, qtbot, BackupKeyDialog, unlock)
    entrance = application.open_with_recovery(app_paths.database_file, app_paths)
    assert entrance is not None
    entered = entrance.sign_in("els", PASSWORD)
    assert entered.services.caregivers.count() == 2
    entered.close()


def test_the_window_restores_a_backup_of_another_computer_with_its_recovery_key(
    qtbot: QtBot,
    app_paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: Answers,
) -> None:
    there = resolve_paths(tmp_path / "andere-computer").ensure()
    other = new_register(there, THEIRS, caregivers=3)
    their_key = other.recovery_key
    assert their_key is not None
    their_backup = other.services.backups.make(other.database.engine, there.backup_dir)
    other.close()
    here = new_register(app_paths)
    copied = app_paths.backup_dir / their_backup.name
    shutil.copytree(their_backup, copied)
    own_key = here.recovery_key
    assert own_key is not None
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)
    program = application.Application(app_paths, Settings())
    program.runner = SynchronousTaskRunner()
    window = program.show(here.database, here.signed_in.actor)
    qtbot.addWidget(window)
    reopened: list[Entrance] = []

    def enter_again(file: Path, paths: AppPaths) -> None:
        reopened.append(Entrance(file, paths))  # the sign-in, below, with their recovery key

    monkeypatch.setattr(application, "enter", enter_again)
    said: list[str] = []

    def recovery(dialog: BackupKeyDialog) -> None:
        assert dialog.login.isHidden() and dialog.password.isHidden()
        retype(qtbot, dialog.recovery_key, own_key)  # this computer's key: not theirs
        press_ok(qtbot, dialog)
        said.append(dialog.error.text())
        retype(qtbot, dialog.recovery_key, their_key)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    drive_on_exec(monkeypatch, qtbot, BackupKeyDialog, recovery)

    def choose(chooser: BackupChooser) -> None:
        [row] = [
            r for r in range(chooser.table.rowCount()) if chooser.table.item(r, 2).text() == "3"
        ]
        chooser.table.selectRow(row)
        chooser.accept()

    in_dialog(qtbot, menu_entry(window, "Reservekopie terugzetten…").trigger, BackupChooser, choose)

    assert said[0].startswith("Deze herstelsleutel hoort niet bij deze database")
    [entrance] = reopened
    recovered = entrance.open_with_recovery_key(their_key)
    assert recovered.database.services.caregivers.count() == 3  # the other computer's rows
    recovered.close()
    assert answers.texts == []


def damage_the_first_page(file: Path) -> None:
    """The first page no longer decrypts; the key file beside it is sound."""
    damaged = bytearray(file.read_bytes())
    damaged[:4096] = bytes(4096)
    file.write_bytes(bytes(damaged))


def answer_problems(monkeypatch: pytest.MonkeyPatch, choice: ProblemChoice) -> list[str]:
    """The start's problem dialog answered with ``choice``; returns the problems it said."""
    problems: list[str] = []

    def ask(_parent: object, message: str, *_args: object, **_kw: object) -> ProblemChoice:
        problems.append(message)
        return choice

    monkeypatch.setattr(application, "ask_about_problem", ask)
    return problems


def test_a_damaged_encrypted_database_found_at_sign_in_offers_the_way_back(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = new_register(app_paths)
    backup = register.services.backups.make(register.database.engine, app_paths.backup_dir)
    register.close()
    damage_the_first_page(app_paths.database_file)
    problems = answer_problems(monkeypatch, ProblemChoice.RESTORE)
    monkeypatch.setattr(application, "choose_backup", lambda _parent, _folder: backup)
    signed_in: list[str] = []

    def sign_in(dialog: SignInDialog) -> None:
        retype(qtbot, dialog.login, "els")
        retype(qtbot, dialog.password, PASSWORD)
        press_ok(qtbot, dialog)
        signed_in.append(dialog.error.text())

    def unlock(dialog: BackupKeyDialog) -> None:
        retype(qtbot, dialog.login, "els")
        retype(qtbot, dialog.password, PASSWORD)
        press_ok(qtbot, dialog)

    drive_on_exec(monkeypatch, qtbot, SignInDialog, sign_in)
    drive_on_exec(monkeypatch, qtbot, BackupKeyDialog, unlock)
    entered = application.enter(app_paths.database_file, app_paths)

    assert entered is not None and entered.services.caregivers.count() == 2
    entered.close()
    assert len(problems) == 1 and "kan met deze sleutel niet worden geopend" in problems[0]
    assert signed_in == ["", ""]  # the damage ended the first sign-in, not a red line in it
    kept = [p.name for p in app_paths.data_dir.iterdir() if ".vervangen-" in p.name]
    assert kept  # the damaged file set aside, never deleted


def test_a_damaged_encrypted_database_opened_with_the_recovery_key_offers_the_way_back(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = new_register(app_paths)
    recovery_key = register.recovery_key
    assert recovery_key is not None
    register.close()
    damage_the_first_page(app_paths.database_file)
    problems = answer_problems(monkeypatch, ProblemChoice.QUIT)

    def type_the_key(dialog: RecoveryKeySignInDialog) -> None:
        retype(qtbot, dialog.key, recovery_key)
        press_ok(qtbot, dialog)

    drive_on_exec(monkeypatch, qtbot, RecoveryKeySignInDialog, type_the_key)
    drive_on_exec(monkeypatch, qtbot, SignInDialog, lambda dialog: dialog.recovery.click())
    assert application.enter(app_paths.database_file, app_paths) is None
    assert len(problems) == 1 and "kan met deze sleutel niet worden geopend" in problems[0]

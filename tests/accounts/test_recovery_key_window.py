"""The recovery key in the window: Beheer › Nieuwe herstelsleutel, and opening with it from the
sign-in at start when every password is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.entrance import Entered, Entrance
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.errors import SignInRefused
from steunpunt.ui.accounts.recovery_key_dialog import RecoveryKeyDialog
from steunpunt.ui.accounts.recovery_sign_in import RecoveryKeySignInDialog, TakeOverDialog
from steunpunt.ui.accounts.sign_in_dialogs import SignInDialog
from steunpunt.ui.main_window import MainWindow
from tests.helpers import add_caregiver
from tests.ui_fixtures import make_context
from tests.widgets import (
    Answers,
    DialogsInTurn,
    click,
    drive_on_exec,
    in_dialog,
    menu_entry,
    press_ok,
    retype,
    tick,
    type_text,
)

PASSWORD = "paars konijn op de fiets"
NEW = "blauwe reiger vangt vis"
OTHER_KEY = "AEBA-GBAF-AYDQ-QCIK-BMGA-2DQP-CAIR-EEYU-H6OC-MBBF"
"""A well-formed recovery key of another steunpunt."""


@pytest.fixture
def register(app_paths: AppPaths) -> Entered:
    """A new encrypted register of the beheerder Els, with one caregiver."""
    made = Entrance(app_paths.database_file, app_paths).create_first_beheerder(
        "Els de Wit", "els", PASSWORD, PASSWORD
    )
    add_caregiver(made.services, made.signed_in.actor, first_name="Wilhelmina")
    return made


def opens_with(paths: AppPaths, recovery_key: str) -> bool:
    try:
        Entrance(paths.database_file, paths).open_with_recovery_key(recovery_key).close()
    except SignInRefused:
        return False
    return True


def test_beheer_makes_a_new_recovery_key_after_a_clear_confirmation(
    qtbot: QtBot, register: Entered, app_paths: AppPaths, answers: Answers
) -> None:
    old = register.recovery_key
    assert old is not None
    context = make_context(register.services, register.signed_in.actor, app_paths)
    window = MainWindow(context, register.database)
    qtbot.addWidget(window)
    entry = menu_entry(window, "Nieuwe herstelsleutel…")
    key_file = key_file_for(app_paths.database_file)
    before = key_file.read_bytes()

    answers.question_answer = QMessageBox.StandardButton.Cancel
    entry.trigger()
    assert "de oude herstelsleutel werkt daarna niet meer" in answers.texts[0].lower()
    assert key_file.read_bytes() == before

    answers.question_answer = QMessageBox.StandardButton.Yes
    shown: list[str] = []

    def read(dialog: RecoveryKeyDialog) -> None:
        shown.append(dialog.key.text())
        assert not dialog.ok.isEnabled()
        tick(qtbot, dialog.written)
        press_ok(qtbot, dialog)

    in_dialog(qtbot, entry.trigger, RecoveryKeyDialog, read)
    [new] = shown
    window.close()
    register.close()
    assert not opens_with(app_paths, old)
    assert opens_with(app_paths, new)


def test_all_passwords_lost_the_recovery_key_opens_the_register_at_start(
    qtbot: QtBot,
    register: Entered,
    app_paths: AppPaths,
    program_state: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recovery_key = register.recovery_key
    assert recovery_key is not None
    register.close()
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)
    refused: list[str] = []

    def lost(dialog: SignInDialog) -> None:
        assert dialog.recovery.isVisible()
        click(qtbot, dialog.recovery)

    def type_key(dialog: RecoveryKeySignInDialog) -> None:
        type_text(dialog.key, OTHER_KEY)
        press_ok(qtbot, dialog)
        refused.append(dialog.error.text())
        retype(qtbot, dialog.key, recovery_key.lower().replace("-", " "))
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    def take_over(dialog: TakeOverDialog) -> None:
        assert dialog.account.currentText() == "Els de Wit (els)"
        type_text(dialog.password, NEW)
        type_text(dialog.repeated, NEW)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    seen: list[tuple[str, int]] = []

    def shown(window: MainWindow) -> None:
        def look() -> None:
            seen.append((window.context.actor.name, window.context.services.caregivers.count()))
            window.close()

        QTimer.singleShot(0, look)

    drive_on_exec(monkeypatch, qtbot, RecoveryKeySignInDialog, type_key)
    drive_on_exec(monkeypatch, qtbot, TakeOverDialog, take_over)
    turns = DialogsInTurn([(SignInDialog, lost)])
    assert application.run(app_paths, on_shown=shown) == 0
    turns.check()

    assert refused == [
        "Deze herstelsleutel opent de database niet: hij hoort bij een ander steunpunt, of er "
        "is sindsdien een nieuwe gemaakt. Er is niets veranderd."
    ]
    assert seen == [("Els de Wit", 1)]
    with pytest.raises(SignInRefused):
        Entrance(app_paths.database_file, app_paths).sign_in("els", PASSWORD)
    Entrance(app_paths.database_file, app_paths).sign_in("els", NEW).close()


def test_a_plain_database_offers_no_recovery_key(qtbot: QtBot) -> None:
    dialog = SignInDialog(lambda _login, _password: None)
    qtbot.addWidget(dialog)
    assert dialog.recovery.isHidden()

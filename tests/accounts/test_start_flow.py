"""Starting the program: sign in, and a password that must be changed is changed before the
register shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.domain.roles import Role
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import AccountData
from steunpunt.startup import OpenDatabase
from steunpunt.ui.accounts.sign_in_dialogs import NewPasswordDialog, SignInDialog
from steunpunt.ui.main_window import MainWindow
from tests.widgets import DialogsInTurn, press_ok, type_text

PASSWORD = "paars konijn op de fiets"
HANDED_OVER = "groene olifant zingt zacht"
OWN = "rode kater slaapt lang"


def register_shown() -> bool:
    return any(
        isinstance(widget, MainWindow) and widget.isVisible()
        for widget in QApplication.topLevelWidgets()
    )


def test_an_account_that_must_change_its_password_does_so_before_the_register_shows(
    qtbot: QtBot,
    opened: OpenDatabase,
    app_paths: AppPaths,
    program_state: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    accounts = opened.services.accounts
    els = accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor
    accounts.add(els, AccountData("Piet", "piet", Role.MEDEWERKER), HANDED_OVER, HANDED_OVER)
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)
    asked: list[str] = []

    def sign_in(dialog: SignInDialog) -> None:
        type_text(dialog.login, "piet")
        type_text(dialog.password, HANDED_OVER)
        press_ok(qtbot, dialog)

    def choose(dialog: NewPasswordDialog) -> None:
        assert not register_shown()
        asked.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        type_text(dialog.password, OWN)
        type_text(dialog.repeated, HANDED_OVER)
        press_ok(qtbot, dialog)
        assert "niet gelijk" in dialog.error.text() and not register_shown()
        type_text(dialog.password, OWN)
        type_text(dialog.repeated, OWN)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    seen: list[tuple[object, list[str]]] = []

    def shown(window: MainWindow) -> None:
        def look() -> None:
            status = [label.text() for label in window.statusBar().findChildren(QLabel)]
            seen.append((window.context.actor, status))
            window.close()

        QTimer.singleShot(0, look)

    turns = DialogsInTurn([(SignInDialog, sign_in), (NewPasswordDialog, choose)])
    assert application.run(app_paths, on_shown=shown) == 0
    turns.check()

    assert "Piet, uw wachtwoord is opnieuw ingesteld" in asked[0]
    actor, status = seen[0]
    assert getattr(actor, "name", None) == "Piet"
    assert any(text.startswith("Aangemeld: Piet (medewerker)") for text in status)
    signed_in = accounts.sign_in("piet", OWN)
    assert not signed_in.must_change_password


def test_giving_up_on_the_new_password_opens_nothing(
    qtbot: QtBot,
    opened: OpenDatabase,
    app_paths: AppPaths,
    program_state: None,
) -> None:
    accounts = opened.services.accounts
    els = accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor
    accounts.add(els, AccountData("Piet", "piet", Role.MEDEWERKER), HANDED_OVER, HANDED_OVER)
    shown: list[MainWindow] = []

    def sign_in(dialog: SignInDialog) -> None:
        type_text(dialog.login, "piet")
        type_text(dialog.password, HANDED_OVER)
        press_ok(qtbot, dialog)

    turns = DialogsInTurn([(SignInDialog, sign_in), (NewPasswordDialog, QDialog.reject)])
    assert application.run(app_paths, on_shown=shown.append) == 0
    turns.check()

    assert shown == [] and not register_shown()
    assert accounts.sign_in("piet", HANDED_OVER).must_change_password

"""Beheer › Accounts driven as a beheerder would: add, change, reset a password, deactivate."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableWidget
from pytestqt.qtbot import QtBot

from steunpunt.domain.roles import Role
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.accounts.errors import SignInRefused
from steunpunt.services.kernel.actor import Actor
from steunpunt.startup import OpenDatabase
from steunpunt.ui.accounts.accounts_dialog import (
    AccountDialog,
    AccountsDialog,
    ResetPasswordDialog,
)
from steunpunt.ui.accounts.sign_in_dialogs import SignInDialog
from steunpunt.ui.main_window import MainWindow
from tests.ui_fixtures import make_context
from tests.widgets import (
    Answers,
    choose,
    click,
    in_dialog,
    menu_entry,
    press_ok,
    retype,
    row_texts,
    type_text,
)

PASSWORD = "paars konijn op de fiets"
FIRST = "groene olifant zingt zacht"
TEMPORARY = "rode kater slaapt lang"


@pytest.fixture
def els(opened: OpenDatabase) -> Actor:
    return opened.services.accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor


@pytest.fixture
def beheer(
    qtbot: QtBot, opened: OpenDatabase, els: Actor, app_paths: AppPaths, answers: Answers
) -> MainWindow:
    window = MainWindow(make_context(opened.services, els, app_paths), opened)
    qtbot.addWidget(window)
    window.show()
    return window


def pick_row(qtbot: QtBot, table: QTableWidget, name: str) -> None:
    """Click the row whose first cell reads ``name``."""
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index(name)
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(row, 0)).center(),
    )


def sign_in(qtbot: QtBot, opened: OpenDatabase, login: str, password: str) -> SignInDialog:
    """The sign-in dialog after a person typed ``login`` and ``password`` and clicked Aanmelden."""
    dialog = SignInDialog(opened.services.accounts.sign_in)
    qtbot.addWidget(dialog)
    type_text(dialog.login, login)
    type_text(dialog.password, password)
    press_ok(qtbot, dialog)
    return dialog


def test_a_beheerder_adds_resets_and_deactivates_an_account(
    qtbot: QtBot, opened: OpenDatabase, beheer: MainWindow
) -> None:
    def add_piet(dialog: AccountDialog) -> None:
        type_text(dialog.name, "Piet Jansen")
        type_text(dialog.login, "Piet")
        choose(qtbot, dialog.role, "Vrijwilliger")
        type_text(dialog.password, FIRST)
        type_text(dialog.repeated, FIRST)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    def reset(dialog: ResetPasswordDialog) -> None:
        type_text(dialog.password, TEMPORARY)
        type_text(dialog.repeated, TEMPORARY)
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    table_rows: list[list[str]] = []

    def manage(dialog: AccountsDialog) -> None:
        in_dialog(qtbot, dialog.add_button, AccountDialog, add_piet)
        table_rows.append(row_texts(dialog.table, dialog.table.currentRow()))
        pick_row(qtbot, dialog.table, "Piet Jansen")
        in_dialog(qtbot, dialog.reset_button, ResetPasswordDialog, reset)
        pick_row(qtbot, dialog.table, "Piet Jansen")
        assert dialog.active_button.text() == "Deactiveren"
        click(qtbot, dialog.active_button)
        table_rows.append(row_texts(dialog.table, dialog.table.currentRow()))

    in_dialog(qtbot, menu_entry(beheer, "Accounts…").trigger, AccountsDialog, manage)

    assert table_rows[0][:3] == ["Piet Jansen", "piet", "Vrijwilliger"]
    assert table_rows[1][0] == "Piet Jansen" and table_rows[1][3] == "gedeactiveerd"
    refused = sign_in(qtbot, opened, "piet", TEMPORARY)
    assert refused.result() != QDialog.DialogCode.Accepted
    assert "gedeactiveerd" in refused.error.text()


def test_a_reset_password_must_be_replaced_at_the_next_sign_in(
    qtbot: QtBot, opened: OpenDatabase, beheer: MainWindow, els: Actor
) -> None:
    piet = opened.services.accounts.add(
        els, AccountData("Piet", "piet", Role.MEDEWERKER), FIRST, FIRST, must_change_password=False
    )

    def reset(dialog: ResetPasswordDialog) -> None:
        type_text(dialog.password, TEMPORARY)
        type_text(dialog.repeated, TEMPORARY)
        press_ok(qtbot, dialog)

    def manage(dialog: AccountsDialog) -> None:
        pick_row(qtbot, dialog.table, "Piet")
        in_dialog(qtbot, dialog.reset_button, ResetPasswordDialog, reset)

    in_dialog(qtbot, menu_entry(beheer, "Accounts…").trigger, AccountsDialog, manage)

    assert "klopt niet" in sign_in(qtbot, opened, "piet", FIRST).error.text()
    signed_in = sign_in(qtbot, opened, "piet", TEMPORARY).result_value
    assert signed_in is not None and signed_in.actor.staff_id == piet.id  # type: ignore[attr-defined]
    assert signed_in.must_change_password  # type: ignore[attr-defined]


def test_an_open_edit_of_an_account_survives_a_failed_sign_in_of_it(
    qtbot: QtBot, opened: OpenDatabase, beheer: MainWindow, els: Actor
) -> None:
    opened.services.accounts.add(
        els,
        AccountData("Piet", "piet", Role.VRIJWILLIGER),
        FIRST,
        FIRST,
        must_change_password=False,
    )

    def edit(dialog: AccountDialog) -> None:
        with pytest.raises(SignInRefused):  # meanwhile Piet mistypes at another desk
            opened.services.accounts.sign_in("piet", "verkeerd wachtwoord")
        retype(qtbot, dialog.name, "Piet Jansen")
        choose(qtbot, dialog.role, "Medewerker")
        press_ok(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()

    shown: list[list[str]] = []

    def manage(dialog: AccountsDialog) -> None:
        pick_row(qtbot, dialog.table, "Piet")
        in_dialog(qtbot, dialog.edit_button, AccountDialog, edit)
        shown.append(row_texts(dialog.table, dialog.table.currentRow()))

    in_dialog(qtbot, menu_entry(beheer, "Accounts…").trigger, AccountsDialog, manage)

    assert shown[0][:3] == ["Piet Jansen", "piet", "Medewerker"]

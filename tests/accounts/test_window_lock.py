"""The window's lock as a person meets it: the idle minutes, a beheerder taking over, the name
and role in the status bar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.domain.roles import Role
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.kernel.actor import Actor
from steunpunt.settings import Settings
from steunpunt.startup import OpenDatabase
from steunpunt.ui.accounts import lock
from steunpunt.ui.accounts.accounts_dialog import AccountsDialog
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import SynchronousTaskRunner
from tests.ui_fixtures import make_context
from tests.widgets import (
    Answers,
    activate,
    click,
    click_text,
    in_dialog,
    menu_entry,
    press_keys,
    retype,
    type_text,
)

PASSWORD = "paars konijn op de fiets"
PIET_PASSWORD = "groene olifant zingt zacht"
JAN_PASSWORD = "rode kater slaapt lang"


@pytest.fixture
def els(opened: OpenDatabase) -> Actor:
    """The beheerder."""
    return opened.services.accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor


def add_account(opened: OpenDatabase, by: Actor, name: str, role: Role, password: str) -> Actor:
    made = opened.services.accounts.add(
        by, AccountData(name, name.lower(), role), password, password, must_change_password=False
    )
    return Actor(made.id, made.name, made.role)


def status_texts(window: MainWindow) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QLabel)]


def test_the_window_locks_after_the_idle_minutes_set_in_accounts_and_keeps_typed_input(
    qtbot: QtBot,
    opened: OpenDatabase,
    els: Actor,
    app_paths: AppPaths,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lock, "MINUTE_MS", 300)  # a minute of idle time lasts 0.3 s here
    window = MainWindow(make_context(opened.services, els, app_paths), opened)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.new_caregiver()
    type_text(window.form_view.fields["last_name"].line, "Nog niet opgeslagen")

    def one_minute(dialog: AccountsDialog) -> None:
        retype(qtbot, dialog.minutes, "1")
        click_text(qtbot, dialog, "Opslaan")

    in_dialog(qtbot, menu_entry(window, "Accounts…").trigger, AccountsDialog, one_minute)
    assert opened.services.accounts.settings().lock_after_minutes == 1

    qtbot.waitUntil(lambda: window.lock.locked, timeout=3000)
    screen = window.lock.screen
    assert screen is not None and window.centralWidget() is screen
    assert not window.form_view.isVisible() and not window.menuBar().isVisible()
    assert "Els kan verder met het eigen wachtwoord" in " ".join(
        label.text() for label in screen.findChildren(QLabel)
    )

    type_text(screen.password, PASSWORD)
    click(qtbot, screen.open_button)
    assert not window.lock.locked
    qtbot.waitUntil(window.form_view.isVisible)  # Qt shows the register again a moment later
    assert window.form_view.fields["last_name"].text() == "Nog niet opgeslagen"
    assert window.form_view.is_dirty()
    qtbot.waitUntil(lambda: window.lock.locked, timeout=3000)  # and after the next idle minute


def test_a_beheerder_opens_a_locked_window_and_goes_on_as_themselves(
    qtbot: QtBot,
    opened: OpenDatabase,
    els: Actor,
    app_paths: AppPaths,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    piet = add_account(opened, els, "Piet", Role.VRIJWILLIGER, PIET_PASSWORD)
    add_account(opened, els, "Jan", Role.MEDEWERKER, JAN_PASSWORD)
    monkeypatch.setattr(application, "CHECK_AFTER_MS", 0)
    program = application.Application(app_paths, Settings())
    program.runner = SynchronousTaskRunner()
    window = program.show(opened, piet)
    qtbot.addWidget(window)
    qtbot.wait(20)  # the window starts and the database check runs
    assert any(text.startswith("Aangemeld: Piet (vrijwilliger)") for text in status_texts(window))

    activate(qtbot, window)
    press_keys(qtbot, "Ctrl+L")
    screen = window.lock.screen
    assert screen is not None
    type_text(screen.login, "jan")  # a medewerker may not open Piet's window
    type_text(screen.password, JAN_PASSWORD)
    click(qtbot, screen.open_button)
    assert window.lock.locked and "Alleen Piet of een beheerder" in screen.error.text()

    screen.login.clear()
    type_text(screen.login, "els")
    type_text(screen.password, PASSWORD)
    click(qtbot, screen.open_button)

    taken_over = program.window
    assert taken_over is not None and taken_over is not window
    qtbot.addWidget(taken_over)
    qtbot.wait(20)
    assert not window.isVisible() and taken_over.isVisible()
    assert taken_over.context.actor == els
    assert any(text.startswith("Aangemeld: Els (beheerder)") for text in status_texts(taken_over))
    assert menu_entry(taken_over, "Accounts…").isEnabled()  # the beheerder's own menu
    taken_over.close()

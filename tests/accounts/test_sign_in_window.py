"""Signing in, the first beheerder and the lock, driven through the dialogs as a person would."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.paths import AppPaths
from steunpunt.startup import OpenDatabase
from steunpunt.ui.accounts.sign_in_dialogs import FirstBeheerderDialog, SignInDialog
from steunpunt.ui.main_window import MainWindow
from tests.ui_fixtures import make_context
from tests.widgets import Answers, activate, click, press_keys, type_text

PASSWORD = "paars konijn op de fiets"


def ok_button(dialog: QDialog) -> object:
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_the_first_beheerder_is_made_in_the_dialog(qtbot: QtBot, opened: OpenDatabase) -> None:
    dialog = FirstBeheerderDialog(opened.services.accounts.create_first_beheerder)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Els de Wit")
    type_text(dialog.login, "els")
    type_text(dialog.password, PASSWORD)
    type_text(dialog.repeated, "iets anders dan dat")
    click(qtbot, ok_button(dialog))  # type: ignore[arg-type]
    assert "niet gelijk" in dialog.error.text() and dialog.password.text() == ""
    type_text(dialog.password, PASSWORD)
    type_text(dialog.repeated, PASSWORD)
    click(qtbot, ok_button(dialog))  # type: ignore[arg-type]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not opened.services.accounts.first_beheerder_needed()


def test_sign_in_refuses_a_wrong_password_in_dutch_then_signs_in(
    qtbot: QtBot, opened: OpenDatabase
) -> None:
    made = opened.services.accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD)
    dialog = SignInDialog(opened.services.accounts.sign_in, login="els")
    qtbot.addWidget(dialog)
    type_text(dialog.password, "fout wachtwoord hier")
    click(qtbot, ok_button(dialog))  # type: ignore[arg-type]
    assert dialog.error.text().startswith("Inlognaam of wachtwoord klopt niet")
    assert dialog.result() != QDialog.DialogCode.Accepted
    type_text(dialog.password, PASSWORD)
    click(qtbot, ok_button(dialog))  # type: ignore[arg-type]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value == made


def test_ctrl_l_locks_and_only_the_right_password_unlocks_with_typed_input_kept(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, answers: Answers
) -> None:
    actor = opened.services.accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor
    window = MainWindow(make_context(opened.services, actor, app_paths), opened)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.go_to_search()
    type_text(window.list_view.search, "nog niet gezocht")
    activate(qtbot, window)
    press_keys(qtbot, "Ctrl+L")  # in the search field, as a person types it
    assert window.lock.locked
    screen = window.lock.screen
    assert screen is not None and window.centralWidget() is screen
    assert not window.stack.isVisible() and not window.menuBar().isVisible()

    type_text(screen.password, "fout wachtwoord hier")
    click(qtbot, screen.open_button)
    assert window.lock.locked and "klopt niet" in screen.error.text()

    type_text(screen.password, PASSWORD)
    click(qtbot, screen.open_button)
    assert not window.lock.locked and window.centralWidget() is window.stack
    assert window.menuBar().isVisible()
    assert window.list_view.search.text() == "nog niet gezocht"


def session_events(opened: OpenDatabase) -> list[tuple[str, str, str]]:
    """The sign-in session's audit events, oldest first: kind, who, details."""
    kinds = {AuditKind.SIGNED_IN, AuditKind.LOCKED, AuditKind.SIGNED_OUT}
    events = opened.services.audit.events(AuditFilter()).events
    return [(e.kind, e.staff_name, e.summary) for e in reversed(events) if e.kind in kinds]


def test_locking_unlocking_and_closing_the_window_are_in_the_audit_trail(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, answers: Answers
) -> None:
    actor = opened.services.accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor
    window = MainWindow(make_context(opened.services, actor, app_paths), opened)
    qtbot.addWidget(window)
    window.show()
    window.start()
    [entry] = [
        a
        for m in window.menuBar().actions()
        for a in m.menu().actions()
        if a.shortcut().toString() == "Ctrl+L"
    ]
    entry.trigger()
    assert session_events(opened) == [("vergrendeld", "Els", "oorzaak: zelf")]
    screen = window.lock.screen
    assert screen is not None
    type_text(screen.password, PASSWORD)
    click(qtbot, screen.open_button)
    assert not window.lock.locked
    window.lock.idle.setInterval(10)  # idle minutes, shortened
    window.lock.idle.start()
    qtbot.waitUntil(lambda: window.lock.locked)
    screen = window.lock.screen
    assert screen is not None
    type_text(screen.password, PASSWORD)
    click(qtbot, screen.open_button)
    window.close()
    assert session_events(opened) == [
        ("vergrendeld", "Els", "oorzaak: zelf"),
        ("aangemeld", "Els", ""),
        ("vergrendeld", "Els", "oorzaak: niet gebruikt"),
        ("aangemeld", "Els", ""),
        ("afgemeld", "Els", ""),
    ]

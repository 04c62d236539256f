"""The worklist in the main window: Delete marks done, Ctrl+Z or "Ongedaan maken" puts it back,
and "Afgehandeld" lists what was done to bring an item back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDialog
from pytestqt.qtbot import QtBot

from steunpunt.domain.support.burden import AssessmentData
from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.today.today_view import DONE, TO_DO, TodayView
from tests.helpers import add_caregiver
from tests.widgets import cells, click, in_dialog, press_ok


def names(today: TodayView) -> list[str]:
    return cells(today.model, 2)


def start_with_two_items(qtbot: QtBot, window: MainWindow, opened: OpenDatabase) -> TodayView:
    """Anna and Bram are overloaded and never spoken to: two items on the worklist."""
    services, actor = opened.services, opened.actor
    for first_name, postcode in (("anna", "3811 AB"), ("bram", "3812 AB")):
        caregiver = add_caregiver(services, actor, first_name=first_name, postcode=postcode)
        services.burden.record(actor, caregiver.id, AssessmentData(date(2026, 1, 1), 12, None))
    qtbot.wait(20)  # the change hub delivers these saves before the screens are driven
    window.show()
    window.start()
    today = window.today_view
    qtbot.waitUntil(lambda: names(today) == ["Anna de Vries", "Bram de Vries"])
    return today


def switch_view(qtbot: QtBot, today: TodayView, view: int) -> None:
    """Click the tab "Te doen" or "Afgehandeld" above the list."""
    bar = today.views
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(view).center())


def test_delete_marks_done_and_ctrl_z_or_the_status_bar_puts_it_back(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    today = start_with_two_items(qtbot, window, opened)
    today.table.setFocus()
    today.table.selectRow(0)
    qtbot.keyClick(today.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: names(today) == ["Bram de Vries"])
    notice = today.undo_notice
    assert notice.isVisible()
    assert notice.text.text() == "'Anna de Vries' afgehandeld."
    assert notice.parent() is window.statusBar()
    assert notice.undo_button.text() == "Ongedaan maken"

    qtbot.keyClick(today.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: names(today) == ["Anna de Vries", "Bram de Vries"])
    assert not notice.isVisible()
    assert today.table.currentIndex().row() == 0  # the item put back is chosen

    today.table.selectRow(1)
    qtbot.keyClick(today.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: names(today) == ["Anna de Vries"])
    click(qtbot, notice.undo_button)
    qtbot.waitUntil(lambda: names(today) == ["Anna de Vries", "Bram de Vries"])
    assert opened.services.worklist.done_items() == []


def test_an_item_marked_done_is_brought_back_from_afgehandeld(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    today = start_with_two_items(qtbot, window, opened)
    today.table.selectRow(1)
    qtbot.keyClick(today.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: names(today) == ["Anna de Vries"])

    switch_view(qtbot, today, DONE)
    qtbot.waitUntil(lambda: names(today) == ["Bram de Vries"])
    assert today.summary.text().startswith("1 afgehandeld punt.")
    assert not today.done_button.isVisible()
    today.table.selectRow(0)
    click(qtbot, today.reopen_button)
    qtbot.waitUntil(lambda: names(today) == [])
    assert today.summary.text() == "Er zijn geen afgehandelde punten."

    switch_view(qtbot, today, TO_DO)
    qtbot.waitUntil(lambda: names(today) == ["Anna de Vries", "Bram de Vries"])
    assert today.done_button.isVisible() and not today.reopen_button.isVisible()


def test_a_snoozed_item_is_put_back_with_ctrl_z(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    today = start_with_two_items(qtbot, window, opened)
    today.table.selectRow(0)

    def drive(dialog: QDialog) -> None:
        until = dialog.findChild(QDateEdit, "snooze_until")
        assert isinstance(until, QDateEdit)
        until.setDate(QDate(2027, 1, 4))
        press_ok(qtbot, dialog)

    in_dialog(qtbot, today.snooze_button, QDialog, drive)
    qtbot.waitUntil(lambda: names(today) == ["Bram de Vries"])
    assert today.undo_notice.text.text() == "'Anna de Vries' uitgesteld tot 04-01-2027."
    window.activateWindow()  # as the window is again once the dialog has closed
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    today.table.setFocus()
    qtbot.keyClick(today.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: names(today) == ["Anna de Vries", "Bram de Vries"])

"""Driving widgets from a test as a person would: type, fill in, click, pick, answer dialogs, read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from steunpunt.ui.widgets import ChoiceCombo, FieldEdit

Shown = TypeVar("Shown")

# --- typing and filling in ------------------------------------------------------------------------


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard does, letters such as ş and ı included (QTest only knows ASCII)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
            )


def retype(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Select what a field holds, delete it and type ``text`` (a :class:`FieldEdit` or any editor)."""
    target = field.line if isinstance(field, FieldEdit) else field
    target.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(target, Qt.Key.Key_Delete)
    type_text(target, text)


def leave(field: FieldEdit) -> None:
    """Leave a field as a person does with Tab, so that it checks what was typed."""
    field.line.editingFinished.emit()


def fill(qtbot: QtBot, fields: Any, values: Mapping[str, str]) -> None:
    """Fill in a form's fields by name: type into text fields, pick the choice with that code."""
    for name, value in values.items():
        field = fields[name]
        if isinstance(field, ChoiceCombo):
            choose(qtbot, field, field.itemText(field.findData(value)))
        else:
            retype(qtbot, field, value)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick the entry ``text`` of a drop-down with the keyboard, as a person would."""
    assert combo.findText(text) >= 0, text
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


# --- clicking -------------------------------------------------------------------------------------


def click(qtbot: QtBot, button: QWidget) -> None:
    """A left click on ``button``."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_text(qtbot: QtBot, parent: QWidget, text: str) -> None:
    """Click the one button of ``parent`` that reads ``text``."""
    [button] = [b for b in parent.findChildren(QPushButton) if b.text() == text]
    click(qtbot, button)


def click_item(qtbot: QtBot, widget: QListWidget, text: str) -> None:
    """Click the entry of a list that reads ``text``."""
    item = widget.item(item_texts(widget).index(text))
    qtbot.mouseClick(
        widget.viewport(), Qt.MouseButton.LeftButton, pos=widget.visualItemRect(item).center()
    )


def tick(qtbot: QtBot, box: QCheckBox | QRadioButton) -> None:
    """Click a check box's square (or a radio button's circle), as a person would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def press_ok(qtbot: QtBot, dialog: QWidget) -> None:
    """Click the dialog's Opslaan or OK button."""
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button: QAbstractButton = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    click(qtbot, button)


def menu_entry(window: QMainWindow, text: str) -> QAction:
    """The menu line of ``window`` that reads ``text`` (without its "&"), to trigger as a click."""
    [entry] = [
        action
        for menu in window.menuBar().actions()
        for action in menu.menu().actions()
        if action.text().replace("&", "") == text
    ]
    return entry


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active window, as clicking on it does: its shortcuts work from then on
    (Qt sends a shortcut only to the active window)."""
    with qtbot.waitActive(window):
        window.activateWindow()


def press_keys(qtbot: QtBot, keys: str) -> None:
    """Press a key combination such as "Ctrl+L" where the keyboard is now (the focus widget)."""
    sequence = QKeySequence(keys)
    assert sequence.count() == 1, keys
    combination = sequence[0]
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no window has the keyboard"
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


# --- dialogs --------------------------------------------------------------------------------------


def in_dialog(
    qtbot: QtBot,
    opener: QWidget | Callable[[], object],
    kind: type[QDialog],
    drive: Callable[[Any], None],
) -> None:
    """Click ``opener`` (a button, or call a window's action), which opens a modal ``kind``,
    and let ``drive`` fill it in.

    The dialog is never left open, also when ``drive`` fails.
    """
    failures: list[BaseException] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, kind)
            drive(dialog)
        except BaseException as failure:  # re-raised once the dialog is closed
            failures.append(failure)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, step)
    if isinstance(opener, QWidget):
        click(qtbot, opener)
    else:
        opener()
    if failures:
        raise failures[0]


class DialogsInTurn:
    """Drives modal dialogs that open one after another without a click in between (such as
    the sign-in dialogs at start-up): each step drives the next dialog of its kind."""

    def __init__(self, steps: list[tuple[type[QDialog], Callable[[Any], None]]]) -> None:
        self._steps = list(steps)
        self._failures: list[BaseException] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not self._steps or dialog is None or not dialog.isVisible():
            return
        kind, drive = self._steps[0]
        if not isinstance(dialog, kind):
            return
        self._steps.pop(0)
        try:
            drive(dialog)
        except BaseException as failure:  # re-raised by check()
            self._failures.append(failure)
            self._steps.clear()
            if dialog.isVisible():
                assert isinstance(dialog, QDialog)
                dialog.reject()
        if not self._steps:
            self._timer.stop()

    def check(self) -> None:
        """Raise what failed in a step; fail when a dialog never came."""
        self._timer.stop()
        if self._failures:
            raise self._failures[0]
        assert not self._steps, f"not shown: {[kind.__name__ for kind, _ in self._steps]}"


class Answers:
    """Stands in for QMessageBox's static functions: records texts, gives set answers."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.question_answer: object = QMessageBox.StandardButton.Discard

    def warning(self, _parent: object, _title: str, text: str, *args: object) -> object:
        self.texts.append(text)
        return None

    def question(self, _parent: object, _title: str, text: str, *args: object) -> object:
        self.texts.append(text)
        return self.question_answer


@dataclass(frozen=True)
class Told:
    """A message that a file was written: what was made, and where (folder, names, warning)."""

    text: str
    where: str
    files: list[Path]


def on_exec(
    monkeypatch: pytest.MonkeyPatch, kind: type[QDialog], read: Callable[[Any], Shown]
) -> list[Shown]:
    """Stand in for ``kind.exec``: ``read`` each dialog as it is shown, then close it at once."""
    shown: list[Shown] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(read(dialog))
        return 0

    monkeypatch.setattr(kind, "exec", exec_)
    return shown


def drive_on_exec(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, kind: type[QDialog], drive: Callable[[Any], None]
) -> None:
    """Stand in for ``kind.exec``: the dialog is shown and ``drive`` fills it in, then its result
    is returned. For a dialog opened from within another modal dialog, where a timer that looks
    for the next dialog (:func:`in_dialog`, :class:`DialogsInTurn`) does not run."""

    def exec_(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        drive(dialog)
        return dialog.result()

    monkeypatch.setattr(kind, "exec", exec_)


def choose_item(
    monkeypatch: pytest.MonkeyPatch, pick: Callable[[list[str]], str | None]
) -> list[list[str]]:
    """Stand in for QInputDialog.getItem: ``pick`` an option (None cancels); returns the offers."""
    offered: list[list[str]] = []

    def get_item(_parent: object, _title: str, _label: str, options: Any, *_: Any) -> Any:
        offered.append(list(options))
        chosen = pick(list(options))
        return (chosen, True) if chosen is not None else ("", False)

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    return offered


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """Answer the save dialog with ``target``; returns the default names it was offered."""
    offered: list[str] = []

    def answer(_parent: object, _title: str, default: str, *_: object) -> tuple[str, str]:
        offered.append(default)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


# --- reading what a person sees -------------------------------------------------------------------


def cells(model: QAbstractItemModel, column: int) -> list[str]:
    """The texts of one column of a table model, top to bottom."""
    return [model.index(row, column).data() for row in range(model.rowCount())]


def row_texts(table: QTableWidget, row: int = 0) -> list[str]:
    """The texts of one row of a table, left to right."""
    return [table.item(row, column).text() for column in range(table.columnCount())]


def item_texts(widget: QListWidget | QComboBox) -> list[str]:
    """The texts of a list's or a drop-down's entries, top to bottom."""
    if isinstance(widget, QComboBox):
        return [widget.itemText(index) for index in range(widget.count())]
    return [widget.item(row).text() for row in range(widget.count())]

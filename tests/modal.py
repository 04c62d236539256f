"""Driving a modal dialog from a test: open it, fill it in, press its button, never leave it open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot


def in_dialog(
    open_it: Callable[[], None], kind: type[QDialog], drive: Callable[[Any], None]
) -> None:
    """Open the modal dialog with ``open_it`` and let ``drive`` fill it in; never leaves it open."""
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
    open_it()
    if failures:
        raise failures[0]


def click(qtbot: QtBot, button: QWidget) -> Callable[[], None]:
    """A click on ``button``, to be done later (for ``in_dialog``)."""
    return lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_ok(qtbot: QtBot, dialog: QWidget) -> None:
    """Click the dialog's Opslaan or OK button."""
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

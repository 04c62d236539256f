"""What screens share around their dialogs: one open at a time, Enter kept out, asking to remove."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from steunpunt.domain.errors import KnownProblem
from steunpunt.ui.errors import report_error

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class DialogOwner(Protocol):
    """A screen that shows at most one dialog, as :attr:`dialog`, until it closes."""

    dialog: QDialog | None


def open_window_modal(
    owner: DialogOwner, dialog: QDialog, on_finished: Callable[[int], None]
) -> None:
    """Show ``dialog`` as ``owner.dialog`` unless one is open already (then drop it);
    ``on_finished`` gets its result once it has closed and been forgotten."""
    if owner.dialog is not None:
        dialog.deleteLater()
        return
    owner.dialog = dialog

    def finished(result: int) -> None:
        owner.dialog = None
        on_finished(result)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()


def swallow_enter(event: QKeyEvent) -> bool:
    """Accept Enter so that it goes no further (to no dialog's default button); True if it was."""
    if event.key() in ENTER_KEYS:
        event.accept()
        return True
    return False


def remove_when_confirmed(
    parent: QWidget, title: str, question: str, remove: Callable[[], object]
) -> bool:
    """Ask ``question``; on Ja run ``remove``, showing a known problem it raises.

    True when the user said Ja (the list is then shown again, removed or not)."""
    if QMessageBox.question(parent, title, question) != QMessageBox.StandardButton.Yes:
        return False
    try:
        remove()
    except KnownProblem as problem:
        report_error(parent, problem)
    return True

"""The status-bar line after a worklist item was marked: what happened, and "Ongedaan maken"."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox

SHOWN_MS = 30_000
"""How long the line stays; Ctrl+Z keeps working after it is gone."""


class UndoNotice(QWidget):
    """A short message with an "Ongedaan maken" button; hidden until something was marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worklist_undo")
        self.text = QLabel(self)
        self.undo_button = QPushButton(tr("Ongedaan maken"), self)
        self.undo_button.setToolTip(tr("Weer op de werklijst zetten (Ctrl+Z)"))
        self.undo_button.setFlat(True)
        self.undo_button.setStyleSheet("color: palette(link); text-decoration: underline;")
        layout = hbox(self.text, self.undo_button)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setLayout(layout)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def tell(self, text: str) -> None:
        """Show ``text`` with the undo button for a while."""
        self.text.setText(text)
        self.show()
        self._timer.start()

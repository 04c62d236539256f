"""The backup under way, in the status bar: how far the copy is, and a button to stop it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from steunpunt.ui.i18n import tr
from steunpunt.ui.tasks import TaskContext


class BackupProgress(QWidget):
    """Hidden until a backup starts; the copy's pages, then its check (which cannot stop)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(180)
        self.cancel = QPushButton(tr("Annuleren"), self)
        self.cancel.setToolTip(tr("Stop met het maken van de reservekopie"))
        self.cancel.clicked.connect(self._stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel):
            layout.addWidget(widget)
        self._task: TaskContext | None = None
        self.running = False
        self.hide()

    def begin(self) -> None:
        """Show that a backup is being made."""
        self.running = True
        self.label.setText(tr("Reservekopie maken…"))
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.cancel.setEnabled(True)
        self.show()

    def watch(self, task: TaskContext) -> None:
        """The running backup that the button stops."""
        self._task = task

    def show_progress(self, done: int, total: int) -> None:
        """Pages copied of all; once all are copied the check follows, without a measure."""
        if done < total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            return
        self.label.setText(tr("Reservekopie controleren…"))
        self.bar.setRange(0, 0)
        self.cancel.setEnabled(False)

    def end(self) -> None:
        """The backup is made, failed or stopped."""
        self._task = None
        self.running = False
        self.hide()

    def _stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel.setEnabled(False)
            self.label.setText(tr("Reservekopie stoppen…"))

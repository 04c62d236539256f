"""Bestand › Reservekopie maken in the status bar: the backup on the task runner, how far its
copy is, a button that stops it, and what came of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from steunpunt.domain.errors import Cancelled
from steunpunt.startup import OpenDatabase
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.tasks import TaskContext


class BackupProgress(QWidget):
    """Hidden until a backup starts; the copy's pages, then its check (which cannot stop)."""

    def __init__(
        self,
        context: ScreenContext,
        database: OpenDatabase,
        window: QMainWindow,
        made: Callable[[Path], None],
    ) -> None:
        super().__init__(window)
        self._context = context
        self._database = database
        self._window = window
        self._made = made
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

    def make(self) -> None:
        """Copy the database to the backup folder in the background (not twice at once); say
        where it went."""
        if self.running:
            return
        engine, folder = self._database.engine, self._context.paths.backup_dir
        backups = self._context.services.backups
        self.running = True
        self.label.setText(tr("Reservekopie maken…"))
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.cancel.setEnabled(True)
        self.show()
        task = self._context.runner.start(
            lambda context: backups.make(engine, folder, progress=context.progress),
            self._done,
            self._failed,
            self.show_progress,
        )
        if self.running:  # a runner on this thread has finished it already
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

    def _end(self) -> None:
        self._task = None
        self.running = False
        self.hide()

    def _done(self, target: Path) -> None:
        self._end()
        self._made(target)
        QMessageBox.information(
            self._window,
            tr("Reservekopie"),
            tr("Reservekopie gemaakt:\n{file}").format(file=target),
        )

    def _failed(self, error: BaseException) -> None:
        self._end()
        if isinstance(error, Cancelled):
            self._window.statusBar().showMessage(
                tr("Reservekopie gestopt; er is geen onvolledige kopie achtergebleven."), 10_000
            )
            return
        report_error(self._window, error)

    def _stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel.setEnabled(False)
            self.label.setText(tr("Reservekopie stoppen…"))

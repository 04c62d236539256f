"""Bestand › Import ongedaan maken: the imports (file, date, who, counts, undone or not) and the
undo of one, confirmed first; the result names the people kept because they were changed since."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from steunpunt.services.imports.dto import ImportRunView, UndoResult
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.tasks import TaskContext
from steunpunt.ui.widgets import show_status

COLUMNS = (
    "Bestand",
    "Geïmporteerd op",
    "Door",
    "Rijen",
    "Nieuw",
    "Samengevoegd",
    "Overgeslagen",
    "Geweigerd",
    "Ongedaan gemaakt",
)


def moment_text(moment: datetime) -> str:
    """A stored moment (UTC) as the local time: ``05-12-2026 10:12``."""
    utc = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return f"{utc.astimezone():%d-%m-%Y %H:%M}"


class UndoImportDialog(QDialog):
    """The imports, newest first; an import not yet undone can be undone after a question."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._runs: list[ImportRunView] = []
        self._running = False
        self.setWindowTitle(tr("Import ongedaan maken"))
        self.resize(1100, 420)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("runs")
        self.table.setHorizontalHeaderLabels([tr(title) for title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(tr("&Ongedaan maken…"), self)
        self.close_button = QPushButton(tr("Sluiten"), self)
        explanation = QLabel(
            tr(
                "Ongedaan maken verwijdert de mantelzorgers die een import maakte en maakt de "
                "velden weer leeg die hij aanvulde. Wie daarna met de hand is gewijzigd, blijft "
                "staan."
            ),
            self,
        )
        explanation.setWordWrap(True)
        vbox(
            self,
            explanation,
            (self.table, 1),
            self.status,
            hbox(STRETCH, self.undo_button, self.close_button),
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.reject)
        self.load()

    def load(self) -> None:
        self._runs = self._context.services.imports.runs()
        self.table.setRowCount(len(self._runs))
        for line, run in enumerate(self._runs):
            undone = moment_text(run.undone_at) if run.undone_at else tr("nee")
            texts = (
                run.file_name + (f" ({run.sheet})" if run.sheet else ""),
                moment_text(run.imported_at),
                run.staff_name,
                str(run.data_rows),
                str(run.new),
                str(run.merged),
                str(run.skipped),
                str(run.refused),
                undone,
            )
            for column, text in enumerate(texts):
                self.table.setItem(line, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self._runs:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> ImportRunView | None:
        rows = self.table.selectionModel().selectedRows()
        return self._runs[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        run = self.selected()
        self.undo_button.setEnabled(not self._running and run is not None and run.undone_at is None)

    def undo(self) -> None:
        """Ask first, saying what happens; then undo on the task runner."""
        run = self.selected()
        if run is None or run.undone_at is not None:
            return
        question = tr(
            "De import van {file} op {moment} ongedaan maken?\n\n"
            "De {new} mantelzorgers die deze import maakte worden verwijderd, met hun naasten; "
            "bij de {merged} samengevoegde mantelzorgers worden de velden die de import aanvulde "
            "weer leeggemaakt. Wie sinds de import met de hand is gewijzigd, blijft staan.\n\n"
            "Dit kan niet worden teruggedraaid."
        ).format(
            file=run.file_name, moment=moment_text(run.imported_at), new=run.new, merged=run.merged
        )
        answer = QMessageBox.question(
            self,
            tr("Import ongedaan maken"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        imports, actor = self._context.services.imports, self._context.actor

        def work(_task: TaskContext) -> UndoResult:
            return imports.undo(actor, run.id)

        self._running = True
        self._update_buttons()
        show_status(self.status, tr("Ongedaan maken…"))
        self._context.runner.start(work, self._undone, self._failed)

    def _undone(self, result: UndoResult) -> None:
        self._running = False
        self.load()
        show_status(self.status, result.message, done=True)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._update_buttons()
        show_status(
            self.status, known_message(error) or tr("Ongedaan maken is mislukt."), error=True
        )
        report_error(self, error)

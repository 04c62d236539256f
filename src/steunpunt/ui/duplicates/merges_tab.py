"""The "Samengevoegd" tab: every merge, and "Ongedaan maken" with a confirmation."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from steunpunt.domain.errors import KnownProblem
from steunpunt.services.duplicates.dto import MergeRecord
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.widgets import show_status

COLUMNS = ("Samengevoegd op", "Blijft", "Samengevoegd", "Door", "Ongedaan gemaakt")


def _moment(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%d-%m-%Y %H:%M")


class MergesTab(QWidget):
    """The merges, newest first; one that can still be undone is undone after a question."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._records: list[MergeRecord] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("merges")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.undo_button = QPushButton(tr("&Ongedaan maken…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        vbox(self, (self.table, 1), hbox(self.undo_button, STRETCH), self.message)
        self.undo_button.clicked.connect(self.undo_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.load()

    def load(self) -> None:
        """Read the merges again."""
        self._records = self._context.services.duplicates.merges()
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            cells = (
                _moment(record.merged_at),
                record.survivor_name,
                record.merged_name,
                record.merged_by,
                _moment(record.undone_at),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self._records:
            self.table.selectRow(0)
        self._update_buttons()

    def _selected(self) -> MergeRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self._records[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        record = self._selected()
        self.undo_button.setEnabled(
            record is not None
            and record.undoable
            and self._context.may("duplicates", "DuplicateService.undo_merge")
        )

    def undo_selected(self) -> None:
        """Ask, then undo; when something changed since, say what blocks it."""
        record = self._selected()
        if record is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Ongedaan maken"),
            tr(
                "{merged} komt terug als aparte mantelzorger, met alles wat bij het samenvoegen "
                "naar {survivor} ging. Samenvoegen ongedaan maken?"
            ).format(merged=record.merged_name, survivor=record.survivor_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._context.services.duplicates.undo_merge(self._context.actor, record.id)
        except KnownProblem as problem:
            QMessageBox.warning(self, tr("Ongedaan maken"), problem.message)
            show_status(self.message, problem.message, error=True)
            return
        show_status(
            self.message,
            tr("{merged} is weer een aparte mantelzorger.").format(merged=record.merged_name),
            done=True,
        )

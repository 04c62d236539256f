"""A small read-only table of a caregiver's records (naasten, contacts) with its buttons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from steunpunt.ui.layouts import vbox

T = TypeVar("T")


class RecordTable(QWidget):
    """Rows of text with a hidden record index; double-click or Enter emits :attr:`activated`."""

    activated = Signal(int)

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda index: self.activated.emit(index.row()))
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        vbox(self, (self.table, 1), self.buttons)

    def add_button(self, text: str, needs_selection: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        if needs_selection:
            button.setEnabled(False)
            self.table.itemSelectionChanged.connect(
                lambda: button.setEnabled(self.current_row() is not None)
            )
        return button

    def hide_buttons(self) -> None:
        """Show the rows only: for a role that may not change them."""
        for button in self.findChildren(QPushButton):
            button.hide()

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        if rows:
            self.table.selectRow(0)
        else:
            self.table.clearSelection()

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def pick(self, records: Sequence[T]) -> T | None:
        """The selected one of ``records`` (the records the rows show, in the same order)."""
        row = self.current_row()
        return records[row] if row is not None else None

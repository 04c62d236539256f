"""The worklist as a table: due date, kind, who or what, and what to do; overdue in red."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from steunpunt.domain.dates import format_date
from steunpunt.domain.today.worklist import WorkKind
from steunpunt.services.today.dto import WorkItem
from steunpunt.ui.i18n import tr
from steunpunt.ui.table_model import ColumnTableModel, Index

COLUMNS = ("Wanneer", "Soort", "Wie of wat", "Te doen")
OVERDUE_COLOUR = QColor("#b00020")


class WorklistModel(ColumnTableModel):
    """The items shown (optionally one kind); cells are formatted only when painted."""

    columns = COLUMNS

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._all: list[WorkItem] = []
        self._shown: list[WorkItem] = []
        self._kind: WorkKind | None = None

    def set_items(self, items: list[WorkItem], today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._all = items
        self._shown = self._filtered()
        self.endResetModel()

    def set_kind(self, kind: WorkKind | None) -> None:
        self.beginResetModel()
        self._kind = kind
        self._shown = self._filtered()
        self.endResetModel()

    def counts(self) -> dict[WorkKind, int]:
        found = dict.fromkeys(WorkKind, 0)
        for item in self._all:
            found[item.kind] += 1
        return found

    def item(self, row: int) -> WorkItem | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, key: str) -> int | None:
        return next((row for row, item in enumerate(self._shown) if item.key == key), None)

    def _filtered(self) -> list[WorkItem]:
        if self._kind is None:
            return list(self._all)
        return [item for item in self._all if item.kind is self._kind]

    def row_total(self) -> int:
        return len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(item, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return OVERDUE_COLOUR if item.due_on and item.due_on < self._today else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.detail
        return None

    def _cell(self, item: WorkItem, column: int) -> str:
        if column == 0:
            if item.due_on is None or item.due_on >= self._today:
                return tr("vandaag")
            return format_date(item.due_on)
        if column == 1:
            return tr(item.kind.label)
        if column == 2:
            return item.title
        return item.detail

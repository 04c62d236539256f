"""The audit log's table model: one page of events handed in by the audit service."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from steunpunt.services.kernel.audit_log import AuditEventView
from steunpunt.ui.table_model import ID_ROLE, ColumnTableModel, Index

COLUMNS = ("Tijdstip", "Gebruiker", "Soort", "Mantelzorger", "Gegevens", "Details")
COL_DETAILS = 5


class AuditTableModel(ColumnTableModel):
    """Events newest first; the row id is the event's id."""

    columns = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[AuditEventView] = []

    def set_events(self, events: Sequence[AuditEventView]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._events)

    def event(self, row: int) -> AuditEventView:  # type: ignore[override]
        return self._events[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._events[index.row()]
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_DETAILS:
            return item.summary
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        person = item.caregiver_name or (
            f"nr. {item.caregiver_id}" if item.caregiver_id is not None else ""
        )
        record = item.record_label + (f" {item.record_id}" if item.record_id is not None else "")
        return (
            item.at.strftime("%d-%m-%Y %H:%M:%S"),
            item.staff_name,
            item.kind_label,
            person,
            record,
            item.summary,
        )[index.column()]

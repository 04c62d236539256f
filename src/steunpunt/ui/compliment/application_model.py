"""The application list's table model: a round's rows from the service, filtered and sorted here.

A round holds at most some 20,000 applications and the service evaluates all of them anyway to
count warnings, so the rows are in memory: filtering and sorting them here takes milliseconds
(measured in the tests) and saves evaluating the round again. :func:`prepare_rows` formats the
cells and folds the names for sorting; it runs on the task runner with the service call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.dates import format_date
from steunpunt.domain.text import fold
from steunpunt.services.compliment.dto import ApplicationView
from steunpunt.ui.i18n import tr
from steunpunt.ui.table_model import ID_ROLE, ColumnTableModel, Index

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ID = int(ID_ROLE)

COLUMNS = (
    "Ontvangen",
    "Mantelzorger",
    "Naaste",
    "Status",
    "Bedrag",
    "Waarschuwingen",
    "Steekproef",
)
COL_RECEIVED, COL_CAREGIVER, COL_RECIPIENT, COL_STATUS = range(4)
COL_AMOUNT, COL_WARNINGS, COL_SAMPLE = range(4, 7)

_STATUS_ORDER = {status: position for position, status in enumerate(ApplicationStatus)}
WARNING_COLOUR = QColor("#a04000")
GRANTED_COLOUR = QColor("#1b6e20")
REFUSED_COLOUR = QColor("#b00020")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ShownRow:
    """A row with its cell texts and sort keys made once, so painting does no formatting."""

    __slots__ = ("caregiver_key", "cells", "recipient_key", "row")

    def __init__(self, row: ApplicationView) -> None:
        self.row = row
        self.caregiver_key = fold(row.caregiver_name)
        self.recipient_key = fold(row.recipient_name)
        self.cells = (
            format_date(row.received_on),
            row.caregiver_name,
            row.recipient_name,
            tr(row.status.label),
            "" if row.amount_cents is None else euro(row.amount_cents),
            f"⚠ {row.warnings}" if row.warnings else "",
            tr("ja") if row.in_sample else "",
        )


_SORT_KEYS: tuple[Callable[[ShownRow], Any], ...] = (
    lambda s: s.row.received_on,
    lambda s: s.caregiver_key,
    lambda s: s.recipient_key,
    lambda s: _STATUS_ORDER[s.row.status],
    lambda s: -1 if s.row.amount_cents is None else s.row.amount_cents,
    lambda s: s.row.warnings,
    lambda s: s.row.in_sample,
)


_KENMERK = re.compile(r"(\d+)-(\d+)\s*$")


def _matcher(text: str) -> Callable[[ShownRow], bool] | None:
    """What a typed search keeps; None when nothing is typed."""
    if not text.strip():
        return None
    kenmerk = _KENMERK.search(text.strip())
    if kenmerk is not None:
        caregiver, naaste = int(kenmerk.group(1)), int(kenmerk.group(2))
        return lambda s: (s.row.caregiver_id, s.row.care_recipient_id) == (caregiver, naaste)
    words = fold(text).split()
    return lambda s: all(word in s.caregiver_key or word in s.recipient_key for word in words)


def prepare_rows(rows: Sequence[ApplicationView]) -> list[ShownRow]:
    """The rows ready to show; safe to call on a worker thread."""
    return [ShownRow(row) for row in rows]


def status_colour(status: ApplicationStatus) -> QColor | None:
    if status in (ApplicationStatus.GRANTED, ApplicationStatus.PAID):
        return GRANTED_COLOUR
    if status is ApplicationStatus.REFUSED:
        return REFUSED_COLOUR
    return None


class ApplicationTableModel(ColumnTableModel):
    """The applications of one round; ``set_status`` filters, ``sort`` orders the loaded rows."""

    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ShownRow] = []
        self._shown: list[ShownRow] = []
        self._status: ApplicationStatus | None = None
        self._search: Callable[[ShownRow], bool] | None = None
        self._sort_column = COL_RECEIVED
        self._descending = False

    # --- what is shown ------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ApplicationView | ShownRow]) -> None:
        """Show a round's rows (prepared by :func:`prepare_rows` or not)."""
        self.beginResetModel()
        self._all = [row if isinstance(row, ShownRow) else ShownRow(row) for row in rows]
        self._arrange()
        self.endResetModel()

    def set_status(self, status: ApplicationStatus | None) -> None:
        """Show only applications with ``status`` (None: all)."""
        self.beginResetModel()
        self._status = status
        self._arrange()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        """Show only applications whose names hold every typed word, or whose kenmerk (from a
        returned controlebrief: ``2026-0007/17-42``) names their caregiver and naaste."""
        self.beginResetModel()
        self._search = _matcher(text)
        self._arrange()
        self.endResetModel()

    def total(self) -> int:
        return len(self._all)

    def id_at(self, row: int) -> int:
        return self._shown[row].row.id

    def view_at(self, row: int) -> ApplicationView:
        return self._shown[row].row

    def row_of(self, application_id: int) -> int | None:
        for position, shown in enumerate(self._shown):
            if shown.row.id == application_id:
                return position
        return None

    def _arrange(self) -> None:
        status, search = self._status, self._search
        rows = [
            s
            for s in self._all
            if (status is None or s.row.status is status) and (search is None or search(s))
        ]
        rows.sort(key=lambda s: s.row.id, reverse=self._descending)
        rows.sort(key=_SORT_KEYS[self._sort_column], reverse=self._descending)
        self._shown = rows

    # --- Qt -----------------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._shown)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        shown = self._shown[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return shown.cells[column]
        if role == _ID:
            return shown.row.id
        if role == _FOREGROUND:
            if column == COL_WARNINGS:
                return WARNING_COLOUR
            if column == COL_STATUS:
                return status_colour(shown.row.status)
            return None
        if role == _ALIGNMENT and column == COL_AMOUNT:
            return _RIGHT
        if role == _TOOLTIP and column == COL_WARNINGS and shown.row.warnings:
            return tr("Open de aanvraag om de waarschuwingen te zien.")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [(self._shown[index.row()].row.id, index.column()) for index in old]
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._arrange()
        positions = {shown.row.id: position for position, shown in enumerate(self._shown)}
        self.changePersistentIndexList(
            old, [self.index(positions[row_id], column) for row_id, column in kept]
        )
        self.layoutChanged.emit()

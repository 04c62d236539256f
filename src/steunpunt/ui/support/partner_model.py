"""The sociale kaart's table model and its as-you-type search.

A steunpunt works with tens of organisations, so the rows are held in memory and the typed
search filters them here; kind and active are asked of the service.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from steunpunt.domain.money import cents_text
from steunpunt.domain.text import fold
from steunpunt.services.support.dto import PartnerView
from steunpunt.ui.i18n import tr
from steunpunt.ui.table_model import ID_ROLE, ColumnTableModel, Index

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    "Naam",
    "Soort",
    "Contactpersoon",
    "Telefoon",
    "E-mail",
    "Plaats",
    "Uurtarief",
    "Verwijzingen",
    "Actief",
)
COL_RATE, COL_REFERRALS = 6, 7
INACTIVE_COLOUR = QColor("#80868b")


def _cells(view: PartnerView) -> tuple[str, ...]:
    data = view.data
    rate = data.hourly_rate_cents
    return (
        data.name,
        tr(data.kind.label),
        data.contact_person,
        data.phone,
        data.email,
        data.address.place,
        "" if rate is None else f"€ {cents_text(rate)}",
        str(view.referrals),
        tr("Ja") if data.active else tr("Nee"),
    )


def _sort_keys(view: PartnerView, cells: Sequence[str]) -> tuple[Any, ...]:
    rate = view.data.hourly_rate_cents
    texts = tuple(fold(cell) for cell in cells[:6])
    return (*texts, -1 if rate is None else rate, view.referrals, int(view.data.active))


class PartnerTableModel(ColumnTableModel):
    """Partners handed in by the service, one row each, with folded sort and search keys."""

    columns = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._partners: list[PartnerView] = []
        self._cells: list[tuple[str, ...]] = []
        self._keys: list[tuple[Any, ...]] = []

    def set_partners(self, partners: Sequence[PartnerView]) -> None:
        self.beginResetModel()
        self._partners = list(partners)
        self._cells = [_cells(view) for view in partners]
        self._keys = [
            _sort_keys(view, cells) for view, cells in zip(partners, self._cells, strict=True)
        ]
        self.endResetModel()

    def partner(self, row: int) -> PartnerView:
        return self._partners[row]

    def search_key(self, row: int) -> str:
        """Name, contact person and place, folded: what the search box compares with."""
        keys = self._keys[row]
        return f"{keys[0]} {keys[2]} {keys[5]}"

    def row_total(self) -> int:
        return len(self._partners)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == SORT_ROLE:
            return self._keys[row][column]
        if role == ID_ROLE:
            return self._partners[row].id
        if role == Qt.ItemDataRole.ForegroundRole and not self._partners[row].data.active:
            return INACTIVE_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_RATE, COL_REFERRALS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PartnerSearch(QSortFilterProxyModel):
    """Keeps the rows whose name, contact person or place hold every typed word."""

    def __init__(self, model: PartnerTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._words: list[str] = []
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        key = self._model.search_key(source_row)
        return all(word in key for word in self._words)

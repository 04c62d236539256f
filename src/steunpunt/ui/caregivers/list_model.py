"""The caregiver list's table model: an ordered id list, rows loaded per page on demand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from steunpunt.db.caregiver_queries import SortKey
from steunpunt.domain.dates import format_date
from steunpunt.services.dto import CaregiverRow
from steunpunt.ui.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 100
PAGES_KEPT = 40

COLUMNS: tuple[tuple[str, SortKey], ...] = (
    ("Naam", SortKey.NAME),
    ("Geboortedatum", SortKey.BIRTH_DATE),
    ("Leeftijd", SortKey.BIRTH_DATE),
    ("Adres", SortKey.ADDRESS),
    ("Postcode", SortKey.POSTCODE),
    ("Woonplaats", SortKey.PLACE),
    ("Telefoon", SortKey.PHONE),
    ("E-mail", SortKey.EMAIL),
    ("Ingeschreven", SortKey.REGISTERED_ON),
    ("Status", SortKey.STATUS),
)
COL_NAME, COL_BIRTH, COL_BRACKET, COL_ADDRESS, COL_POSTCODE, COL_PLACE = range(6)
COL_PHONE, COL_EMAIL, COL_REGISTERED, COL_STATUS = range(6, 10)

Index = QModelIndex | QPersistentModelIndex
RowLoader = Callable[[Sequence[int]], list[CaregiverRow]]


_CELLS: tuple[Callable[[CaregiverRow], str], ...] = (
    lambda r: r.name,
    lambda r: format_date(r.birth_date),
    lambda r: f"{r.age} ({r.bracket.value})" if r.age is not None else "",
    lambda r: r.street_line,
    lambda r: r.postcode,
    lambda r: r.place,
    lambda r: r.phone,
    lambda r: r.email,
    lambda r: format_date(r.registered_on),
    lambda r: tr("actief") if r.active else tr("beëindigd"),
)
ENDED_COLOUR = QColor("#777777")


class CaregiverTableModel(QAbstractTableModel):
    """Shows any number of caregivers with flat memory: only visited pages are loaded.

    Sorting is asked of the database: ``sort()`` emits :attr:`sort_requested` and the view
    queries again; the model never runs SQL itself.
    """

    sort_requested = Signal(object, bool)

    def __init__(self, load_rows: RowLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._ids: Sequence[int] = ()
        self._pages: OrderedDict[int, list[CaregiverRow | None]] = OrderedDict()

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Forget loaded pages (after an edit) and repaint with fresh data."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, caregiver_id: int) -> int | None:
        try:
            return self._ids.index(caregiver_id)
        except ValueError:
            return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(index.row())
            return _CELLS[index.column()](row) if row is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self._row(index.row())
            return ENDED_COLOUR if row is not None and not row.active else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)

    def _row(self, position: int) -> CaregiverRow | None:
        page_number = position // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self._load_page(page_number)
        else:
            self._pages.move_to_end(page_number)
        return page[position - page_number * PAGE_SIZE]

    def _load_page(self, page_number: int) -> list[CaregiverRow | None]:
        start = page_number * PAGE_SIZE
        ids = self._ids[start : start + PAGE_SIZE]
        rows = self._load_rows(ids)
        by_id = {row.id: row for row in rows}
        # A caregiver removed since the search keeps its place as an empty line.
        page = [by_id.get(i) for i in ids]
        self._pages[page_number] = page
        while len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)
        return page

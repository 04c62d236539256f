"""The caregiver list's table model: the number of matches, rows loaded per page on demand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.caregivers.list_filter import SortKey
from steunpunt.domain.dates import format_date
from steunpunt.domain.support.burden import BurdenLevel
from steunpunt.services.caregivers.dto import CaregiverPage, CaregiverRow
from steunpunt.ui.i18n import tr
from steunpunt.ui.table_model import ID_ROLE, ColumnTableModel, Index

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ID = int(ID_ROLE)
PAGE_SIZE = 50
PAGES_KEPT = 80

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
    ("Belasting", SortKey.BURDEN),
)
COL_NAME, COL_BIRTH, COL_BRACKET, COL_ADDRESS, COL_POSTCODE, COL_PLACE = range(6)
COL_PHONE, COL_EMAIL, COL_REGISTERED, COL_STATUS, COL_BURDEN = range(6, 11)

PageLoader = Callable[[int, int], list[CaregiverRow]]
"""Loads ``limit`` rows from ``offset`` of the current search result."""
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
    lambda r: _burden(r),
)
ENDED_COLOUR = QColor("#777777")
OVERLOADED_COLOUR = QColor("#b00020")


def _burden(row: CaregiverRow) -> str:
    """``"zwaar · overbelast"``, ``"licht"``, or nothing when never measured."""
    if row.burden_level is None:
        return ""
    return burden_text(row.burden_level, row.overloaded)


def burden_text(level: BurdenLevel, overloaded: bool) -> str:
    """A band as the Belasting column shows it: ``"zwaar · overbelast"``, ``"licht"``."""
    band = tr(level.label).lower()
    return f"{band} · {tr('overbelast')}" if overloaded else band


class _ShownRow:
    """A row with its cell texts made once, so painting does no formatting."""

    __slots__ = ("cells", "foreground", "row")

    def __init__(self, row: CaregiverRow) -> None:
        self.row = row
        self.cells = [cell(row) for cell in _CELLS]
        self.foreground = None if row.active else ENDED_COLOUR


_EMPTY = _ShownRow(
    CaregiverRow(0, "", None, None, AgeBracket.UNKNOWN, "", "", "", "", "", date.min, True)
)


class CaregiverTableModel(ColumnTableModel):
    """Shows any number of caregivers with flat memory: only visited pages are loaded.

    The model knows the number of matches and asks its page loader for rows as they are
    shown; sorting is asked of the database (``sort()`` emits :attr:`sort_requested` and the
    view searches again). The model never runs SQL itself.
    """

    columns = tuple(name for name, _key in COLUMNS)

    sort_requested = Signal(object, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._load_page: PageLoader = lambda _offset, _limit: []
        self._total = 0
        self._pages: OrderedDict[int, list[_ShownRow]] = OrderedDict()

    def show_result(self, page: CaregiverPage, load_page: PageLoader) -> None:
        """Show a new search result: its count, its first rows and where to get the rest."""
        self.beginResetModel()
        self._total = page.total
        self._load_page = load_page
        self._pages.clear()
        if page.rows:
            self._pages[page.offset // PAGE_SIZE] = [_ShownRow(row) for row in page.rows]
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._row(row).row.id

    def row_of(self, caregiver_id: int) -> int | None:
        """The position of a caregiver among the pages loaded so far, if there."""
        for number, page in self._pages.items():
            for offset, shown in enumerate(page):
                if shown.row.id == caregiver_id:
                    return number * PAGE_SIZE + offset
        return None

    def row_total(self) -> int:
        return self._total

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called thousands of times per paint: plain int roles, no enum comparisons.
        if role == _DISPLAY:
            return self._row(index.row()).cells[index.column()]
        if role == _FOREGROUND:
            shown = self._row(index.row())
            if index.column() == COL_BURDEN and shown.row.overloaded:
                return OVERLOADED_COLOUR
            return shown.foreground
        if role == _ID:
            return self._row(index.row()).row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if column == COL_BRACKET:
            descending = not descending  # youngest first means the latest birth date first
        self.sort_requested.emit(COLUMNS[column][1], descending)

    def _row(self, position: int) -> _ShownRow:
        number = position // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = [_ShownRow(row) for row in self._load_page(number * PAGE_SIZE, PAGE_SIZE)]
            self._pages[number] = page
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = position - number * PAGE_SIZE
        # A caregiver removed since the search leaves the last rows empty until searched again.
        return page[offset] if offset < len(page) else _EMPTY

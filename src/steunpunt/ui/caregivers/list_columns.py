"""The caregiver list's column widths: short columns fit their text, the others share the rest."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.dates import format_date
from steunpunt.domain.support.burden import BurdenLevel
from steunpunt.ui.caregivers.list_model import (
    COL_ADDRESS,
    COL_BIRTH,
    COL_BRACKET,
    COL_BURDEN,
    COL_EMAIL,
    COL_NAME,
    COL_PHONE,
    COL_PLACE,
    COL_POSTCODE,
    COL_REGISTERED,
    COL_STATUS,
    burden_text,
)
from steunpunt.ui.i18n import tr

SHARES = {COL_NAME: 3, COL_ADDRESS: 3, COL_PLACE: 2, COL_EMAIL: 3}
"""Columns that share the width the others leave, in these proportions."""
CELL_PADDING = 14
"""Room beside a cell's text: its margins."""
HEADER_PADDING = 26
"""Room beside a header's text: its margins and the sort arrow."""
NARROWEST_SHARE = 80


def widest_texts() -> dict[int, tuple[str, ...]]:
    """Per column of its own width, the longest texts it shows."""
    day = (format_date(date(2000, 12, 31)),)
    return {
        COL_BIRTH: day,
        COL_BRACKET: tuple(f"100 ({b.value})" for b in AgeBracket if b is not AgeBracket.UNKNOWN),
        COL_POSTCODE: ("9999 ZZ",),
        COL_PHONE: ("06 12345678", "0346 954 051"),
        COL_REGISTERED: day,
        COL_STATUS: (tr("actief"), tr("beëindigd")),
        COL_BURDEN: tuple(burden_text(level, True) for level in BurdenLevel),
    }


class ColumnFitter(QObject):
    """Sets the short columns once; shares what is left whenever the table is resized."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        model = table.model()
        for column, texts in widest_texts().items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            wide = max(
                header.fontMetrics().horizontalAdvance(title) + HEADER_PADDING,
                *(table.fontMetrics().horizontalAdvance(text) + CELL_PADDING for text in texts),
            )
            table.setColumnWidth(column, wide)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.share()
        return False

    def share(self) -> None:
        """Give the shared columns the viewport's width the short ones leave."""
        header = self._table.horizontalHeader()
        short = sum(header.sectionSize(c) for c in range(header.count()) if c not in SHARES)
        free = self._table.viewport().width() - short
        total = sum(SHARES.values())
        for column, share in SHARES.items():
            self._table.setColumnWidth(column, max(NARROWEST_SHARE, free * share // total))

"""The people a mailing leaves out, with the reason for each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from steunpunt.services.letters.dto import LeftOut
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.i18n import tr

SORT_ROLE = Qt.ItemDataRole.UserRole


class _SortedItem(QTableWidgetItem):
    """A cell that sorts on its sort key (the register's order of names), not on its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return str(self.data(SORT_ROLE)) < str(other.data(SORT_ROLE))


class LeftOutDialog(QDialog):
    """A read-only list: name and reason, A to Z as the register sorts names, opened at the top."""

    def __init__(self, left_out: Sequence[LeftOut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Wie vallen af"))
        self.resize(560, 480)
        self.records = RecordTable([tr("Mantelzorger"), tr("Reden")], self)
        people = sorted(left_out, key=lambda person: (person.sort_key, person.reason))
        table = self.records.table
        table.setRowCount(len(people))
        for row, person in enumerate(people):
            reason = tr(person.reason.label)
            cells = ((person.name, person.sort_key), (reason, f"{reason}\0{person.sort_key}"))
            for column, (text, key) in enumerate(cells):
                item = _SortedItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setData(SORT_ROLE, key)
                table.setItem(row, column, item)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        if people:
            table.selectRow(0)
        table.scrollToTop()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "Deze mantelzorgers vallen binnen het filter maar krijgen geen brief. "
                    "Pas zo nodig hun gegevens aan en maak de mailing daarna."
                ),
                self,
            )
        )
        layout.addWidget(self.records, 1)
        layout.addWidget(buttons)

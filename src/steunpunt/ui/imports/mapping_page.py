"""Step 2 of the import: one line per column of the file (its header, a few values, the field
it goes to, the guess chosen), and below it the first rows as they will be read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from steunpunt.domain.imports.cells import Cell, cell_text
from steunpunt.domain.imports.columns import ImportField
from steunpunt.domain.imports.read_row import ReadRow
from steunpunt.ui.i18n import tr
from steunpunt.ui.imports.preview import INTERPRETED, UNREADABLE, preview_table, show_preview
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.widgets import hint_label

SAMPLES = 3
"""Values shown beside a column's header."""
HEADER, SAMPLE, FIELD = range(3)


def column_name(headers: Sequence[Cell], index: int) -> str:
    """The header of column ``index``, or ``Kolom 3`` for a column without one."""
    text = cell_text(headers[index]) if index < len(headers) else ""
    return text or tr("Kolom {number}").format(number=index + 1)


class FieldCombo(QComboBox):
    """The field of one column: the wheel scrolls the table unless the drop-down has the
    keyboard, so scrolling past the columns never changes one by accident."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class MappingPage(QWidget):
    """The columns and the fields they go to; every change shows the preview again."""

    mapping_changed = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = QTableWidget(0, 3, self)
        self.columns.setObjectName("columns")
        self.columns.setHorizontalHeaderLabels([tr("Kolom"), tr("Voorbeelden"), tr("Wordt")])
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.verticalHeader().hide()
        self.columns.setTabKeyNavigation(False)  # Tab goes from one drop-down to the next
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(SAMPLE, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        self.save_button = QPushButton(tr("Koppeling &bewaren…"), self)
        self.preview = preview_table(self)
        preview_label = QLabel(tr("&Voorbeeld: de eerste rijen zoals ze worden gelezen"), self)
        preview_label.setBuddy(self.preview)
        legend = hint_label(
            tr(
                "<span style='background:{interpreted}'>&nbsp;geel&nbsp;</span>: het programma "
                "heeft de waarde uitgelegd (wijs de cel aan voor wat er in het bestand staat); "
                "<span style='background:{unreadable}'>&nbsp;rood&nbsp;</span>: niet te lezen, "
                "de rij wordt geweigerd."
            ).format(interpreted=INTERPRETED.name(), unreadable=UNREADABLE.name()),
            self,
        )
        top = QWidget(self)
        columns_label = QLabel(tr("&Kolommen van het bestand en wat ze worden:"), top)
        columns_label.setBuddy(self.columns)
        vbox(
            top, columns_label, (self.columns, 1), hbox(STRETCH, self.save_button)
        ).setContentsMargins(0, 0, 0, 0)
        bottom = QWidget(self)
        vbox(bottom, preview_label, (self.preview, 1), legend).setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        vbox(self, (splitter, 1))
        self.save_button.clicked.connect(self.save_requested)

    def show_columns(
        self,
        headers: Sequence[Cell],
        data_rows: Sequence[Sequence[Cell]],
        mapping: Mapping[int, ImportField],
    ) -> None:
        """One line per column: its header, a few of its values, the field chosen."""
        width = max([len(headers), *(len(row) for row in data_rows)], default=0)
        self.columns.setRowCount(width)
        self.combos = []
        for index in range(width):
            self.columns.setItem(index, HEADER, QTableWidgetItem(column_name(headers, index)))
            samples = [cell_text(row[index]) for row in data_rows if index < len(row)]
            shown = [text for text in samples if text][:SAMPLES]
            self.columns.setItem(index, SAMPLE, QTableWidgetItem(" · ".join(shown)))
            combo = FieldCombo(self.columns)
            combo.setObjectName(f"field_{index}")
            combo.addItem(ImportField.SKIP.label, ImportField.SKIP.value)
            for choice in ImportField:
                if choice is not ImportField.SKIP:
                    combo.addItem(choice.label, choice.value)
            combo.setCurrentIndex(combo.findData(mapping.get(index, ImportField.SKIP).value))
            combo.activated.connect(lambda _index: self.mapping_changed.emit())
            self.columns.setCellWidget(index, FIELD, combo)
            self.combos.append(combo)
        self.columns.resizeColumnToContents(HEADER)
        self.columns.setColumnWidth(FIELD, 230)

    def mapping(self) -> dict[int, ImportField]:
        """Column index -> field, as chosen now (columns not imported left out)."""
        chosen = {
            index: ImportField(combo.currentData()) for index, combo in enumerate(self.combos)
        }
        return {index: field for index, field in chosen.items() if field is not ImportField.SKIP}

    def show_rows(self, rows: Sequence[ReadRow]) -> None:
        show_preview(self.preview, rows)

"""Step 1 of the import: the file, how it is read (sheet, or encoding and delimiter), the
header row and a saved mapping, with the file's first rows as they are."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from steunpunt.domain.imports.cells import cell_text
from steunpunt.services.imports.dto import SavedMappingView
from steunpunt.services.imports.files import Delimiter, Encoding, ImportFile
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox, vbox
from steunpunt.ui.widgets import hint_label

RAW_ROWS = 15
"""The file's first rows shown as they are, to see where the header row is."""
HEADER_COLOUR = QColor("#dbe8f7")


def column_letters(index: int) -> str:
    """A column as a spreadsheet names it: 0 -> ``A``, 26 -> ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class FilePage(QWidget):
    """Where the file is chosen and how it is read; the dialog reads it on the task runner."""

    choose_requested = Signal()
    reading_changed = Signal()
    """The sheet, the encoding or the delimiter was changed: the file is read again."""
    layout_changed = Signal()
    """The header row or the saved mapping was changed: the columns are mapped again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(tr("Kies een Excel- of CSV-bestand"))
        self.choose_button = QPushButton(tr("&Kiezen…"), self)
        self.sheet = QComboBox(self)
        self.encoding = QComboBox(self)
        for encoding in Encoding:
            self.encoding.addItem(encoding.label, encoding.value)
        self.delimiter = QComboBox(self)
        for delimiter in Delimiter:
            self.delimiter.addItem(delimiter.label, delimiter.value)
        self.header_row = QSpinBox(self)
        self.header_row.setMinimum(1)
        self.mapping = QComboBox(self)
        self.mapping.addItem(tr("(geen: geraden uit de kolomkoppen)"), "")
        self.raw = QTableWidget(self)
        self.raw.setObjectName("raw_rows")
        self.raw.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.raw.setWordWrap(False)
        form = QFormLayout()
        form.addRow(tr("Bestand:"), hbox(self.path, self.choose_button))
        self._sheet_label = QLabel(tr("&Werkblad:"), self)
        self._encoding_label = QLabel(tr("&Tekenset:"), self)
        self._delimiter_label = QLabel(tr("&Scheidingsteken:"), self)
        form.addRow(self._sheet_label, self.sheet)
        form.addRow(self._encoding_label, self.encoding)
        form.addRow(self._delimiter_label, self.delimiter)
        form.addRow(tr("Kop&regel op rij:"), self.header_row)
        self._mapping_label = QLabel(tr("Bewaarde koppe&ling:"), self)
        self._mapping_label.setBuddy(self.mapping)
        form.addRow(self._mapping_label, self.mapping)
        for label, field in (
            (self._sheet_label, self.sheet),
            (self._encoding_label, self.encoding),
            (self._delimiter_label, self.delimiter),
        ):
            label.setBuddy(field)
        hint = hint_label(
            tr(
                "Het programma zoekt zelf de rij met de kolomkoppen (blauw); titelregels "
                "erboven worden overgeslagen. Klopt het niet, kies dan een andere rij."
            ),
            self,
        )
        vbox(self, form, hint, (self.raw, 1))
        self._show_kind(None)
        self.choose_button.clicked.connect(self.choose_requested)
        for combo in (self.sheet, self.encoding, self.delimiter):
            combo.activated.connect(lambda _index: self.reading_changed.emit())
        self.header_row.valueChanged.connect(lambda _value: self._header_moved())
        self.mapping.activated.connect(lambda _index: self.layout_changed.emit())

    def set_mappings(self, saved: list[SavedMappingView]) -> None:
        """The saved mappings to choose from, by name (the chosen one stays chosen)."""
        chosen = self.mapping.currentData()
        while self.mapping.count() > 1:
            self.mapping.removeItem(1)
        for view in saved:
            self.mapping.addItem(view.name, view.mapping_json)
        self.mapping.setCurrentIndex(max(0, self.mapping.findData(chosen)))
        for widget in (self.mapping, self._mapping_label):  # offered once one is saved
            widget.setVisible(bool(saved))

    def saved_mapping(self) -> str:
        """The chosen saved mapping's JSON, or "" to guess from the headers."""
        return str(self.mapping.currentData() or "")

    def chosen_sheet(self) -> str | None:
        return self.sheet.currentText() or None

    def chosen_encoding(self) -> Encoding | None:
        data = self.encoding.currentData()
        return Encoding(data) if data else None

    def chosen_delimiter(self) -> Delimiter | None:
        data = self.delimiter.currentData()
        return Delimiter(data) if data else None

    def show_file(self, file: ImportFile, header_row: int) -> None:
        """The file as read: how it was read, its header row, its first rows."""
        self._show_kind(file)
        self.sheet.clear()
        if file.sheet:
            self.sheet.addItems(list(file.sheet_names))
            self.sheet.setCurrentText(file.sheet)
        if file.encoding is not None:
            self.encoding.setCurrentIndex(self.encoding.findData(file.encoding.value))
        if file.delimiter is not None:
            self.delimiter.setCurrentIndex(self.delimiter.findData(file.delimiter.value))
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, len(file.rows)))
        self.header_row.setValue(header_row + 1)
        self.header_row.blockSignals(False)
        rows = file.rows[:RAW_ROWS]
        width = max((len(row) for row in rows), default=0)
        self.raw.clear()
        self.raw.setRowCount(len(rows))
        self.raw.setColumnCount(width)
        self.raw.setVerticalHeaderLabels([str(number) for number in range(1, len(rows) + 1)])
        self.raw.setHorizontalHeaderLabels([column_letters(index) for index in range(width)])
        for line, row in enumerate(rows):
            for column, cell in enumerate(row):
                self.raw.setItem(line, column, QTableWidgetItem(cell_text(cell)))
        self.raw.resizeColumnsToContents()
        for column in range(width):
            self.raw.setColumnWidth(column, min(self.raw.columnWidth(column), 200))
        self._mark_header()

    def chosen_header_row(self) -> int:
        """The header row as an index into the file's rows."""
        return self.header_row.value() - 1

    def _header_moved(self) -> None:
        self._mark_header()
        self.layout_changed.emit()

    def _mark_header(self) -> None:
        header = self.chosen_header_row()
        bold = QFont()
        bold.setBold(True)
        for line in range(self.raw.rowCount()):
            for column in range(self.raw.columnCount()):
                item = self.raw.item(line, column)
                if item is None:
                    continue
                item.setFont(bold if line == header else QFont())
                item.setBackground(QBrush(HEADER_COLOUR) if line == header else QBrush())

    def _show_kind(self, file: ImportFile | None) -> None:
        """A workbook shows its sheet, a text file its encoding and delimiter."""
        workbook = file is not None and bool(file.sheet)
        text = file is not None and not file.sheet
        for widget in (self.sheet, self._sheet_label):
            widget.setVisible(workbook)
        for widget in (self.encoding, self._encoding_label, self.delimiter, self._delimiter_label):
            widget.setVisible(text)

"""The application list of a round: status filter, sortable table, and the actions on it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.numbers import number_text
from steunpunt.services.compliment.dto import ApplicationView
from steunpunt.ui.compliment.application_model import (
    COL_CAREGIVER,
    COL_RECIPIENT,
    ApplicationTableModel,
    ShownRow,
)
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox
from steunpunt.ui.widgets import list_table

COLUMN_WIDTHS = (95, 230, 230, 170, 100, 120, 90)


class ApplicationListView(QWidget):
    """Emits :attr:`open_requested` with an application id on double-click or Enter."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(tr("Alle statussen"), None)
        for status in ApplicationStatus:
            self.status_filter.addItem(tr(status.label), status)
        self.search = QLineEdit(self)
        self.search.setObjectName("application_search")
        self.search.setPlaceholderText(tr("Zoek op naam of kenmerk (bijv. 2026-0007/17-42)"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(tr("Nieuwe aanvraag…"), self)
        self.open_button = QPushButton(tr("Openen"), self)
        self.batch_button = QPushButton(tr("Batchbesluit…"), self)
        self.batch_button.setToolTip(
            tr("Alle aanvragen die aan elke regel voldoen en geen waarschuwing hebben in één keer")
        )
        self.sample_button = QPushButton(tr("Steekproef trekken…"), self)
        self.overdue_button = QPushButton(self)
        self.overdue_button.setToolTip(
            tr("Aanvragen waarvan de controlebrief niet op tijd terug is, afwijzen")
        )
        self.overdue_button.hide()

        self.model = ApplicationTableModel(self)
        self.table = list_table(self, self.model, "application_table")
        header = self.table.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        for column in (COL_CAREGIVER, COL_RECIPIENT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

        top = hbox(
            QLabel(tr("Status"), self),
            self.status_filter,
            (self.search, 1),
            self.count_label,
            self.new_button,
        )
        bottom = hbox(
            self.open_button, STRETCH, self.overdue_button, self.batch_button, self.sample_button
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.status_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(lambda _text: self._filter())
        self.table.activated.connect(
            lambda index: self.open_requested.emit(self.model.id_at(index.row()))
        )
        self.open_button.clicked.connect(self._open_selected)

    def set_rows(self, rows: Sequence[ApplicationView | ShownRow]) -> None:
        """Show a round's applications; the selected one stays selected where it still shows."""
        keep = self.selected_id()
        self.model.set_rows(rows)
        self._after_change(keep)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select(self, application_id: int) -> None:
        row = self.model.row_of(application_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _filter(self) -> None:
        keep = self.selected_id()
        code = self.status_filter.currentData()
        self.model.set_status(ApplicationStatus(code) if code else None)
        self.model.set_search(self.search.text())
        self._after_change(keep)

    def _after_change(self, keep: int | None) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            text = (
                tr("1 aanvraag") if total == 1 else tr("{n} aanvragen").format(n=number_text(total))
            )
        else:
            text = tr("{shown} van {total} aanvragen").format(
                shown=number_text(shown), total=number_text(total)
            )
        self.count_label.setText(text)
        if keep is not None and self.model.row_of(keep) is not None:
            self.select(keep)
        elif shown:
            self.table.selectRow(0)
        self.open_button.setEnabled(shown > 0)

    def _open_selected(self) -> None:
        selected = self.selected_id()
        if selected is not None:
            self.open_requested.emit(selected)

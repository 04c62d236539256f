"""The caregiver list: search as you type, filters, sorting in the database, keyboard to open."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.caregivers.list_filter import CaregiverFilter, SortKey
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.numbers import number_text
from steunpunt.services.caregivers.dto import CaregiverPage, CaregiverRow
from steunpunt.services.kernel.changes import Changes, Topic
from steunpunt.ui.caregivers.list_columns import ColumnFitter
from steunpunt.ui.caregivers.list_model import PAGE_SIZE, CaregiverTableModel
from steunpunt.ui.caregivers.volunteers import ASSIGN, assign_in_bulk
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.debounce import debounce
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox, vbox
from steunpunt.ui.tasks import TaskContext
from steunpunt.ui.widgets import list_table

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 120


class CaregiverListView(QWidget):
    """Lists caregivers; emits :attr:`open_requested` with an id, or :attr:`new_requested`."""

    open_requested = Signal(int)
    new_requested = Signal()
    export_requested = Signal()
    search_finished = Signal(int)
    """Emitted with the number of matches after each search (tests and the status bar use it)."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._caregivers = context.services.caregivers
        self._criteria = CaregiverFilter()
        self._generation = 0
        self._reselect: int | None = None
        self._open_when_done = False

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            tr("Zoek op naam, postcode, woonplaats, telefoon of e-mail (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        for choice in (ActiveFilter.ACTIVE, ActiveFilter.ENDED, ActiveFilter.ALL):
            self.status_filter.addItem(tr(choice.label), choice.value)
        self.age_filter = QComboBox(self)
        self.age_filter.addItem(tr("Alle leeftijden"), "")
        for bracket in AgeBracket:
            self.age_filter.addItem(tr(bracket.label), bracket.value)
        self.overloaded_only = QCheckBox(tr("Alleen overbelast"), self)
        self.overloaded_only.setObjectName("overloaded_only")
        self.overloaded_only.setToolTip(
            tr("Alleen mantelzorgers van wie de laatste EDIZ-plus overbelasting liet zien")
        )
        self.count_label = QLabel(self)
        self.new_button = QPushButton(tr("Nieuwe mantelzorger"), self)
        self.export_button = QPushButton(tr("Exporteren…"), self)
        self.export_button.setToolTip(tr("De lijst zoals gefilterd naar Excel of CSV"))
        self.export_button.setEnabled(context.may("caregivers", "export_caregiver_list"))
        self.new_button.setEnabled(context.may("caregivers", "CaregiverService.create"))
        self.assign_button = QPushButton(tr("Toewijzen aan vrijwilliger…"), self)
        self.assign_button.setToolTip(
            tr("De geselecteerde mantelzorgers aan een of meer vrijwilligers toewijzen")
        )
        self.assign_button.setVisible(context.may(*ASSIGN))
        self.new_button.setToolTip(tr("Nieuwe mantelzorger inschrijven (Ctrl+N)"))

        self.model = CaregiverTableModel(self)
        self.table = list_table(self, self.model, "caregiver_table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.columns = ColumnFitter(self.table)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

        filters = hbox(
            (self.search, 1),
            self.status_filter,
            self.age_filter,
            self.overloaded_only,
            self.assign_button,
            self.export_button,
            self.new_button,
        )
        vbox(self, filters, (self.table, 1), self.count_label)

        self._timer = debounce(self, SEARCH_DELAY_MS, self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.installEventFilter(self)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.age_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overloaded_only.toggled.connect(lambda _on: self.refresh())
        self.model.sort_requested.connect(self._on_sort)
        self.table.activated.connect(
            lambda index: self.open_requested.emit(self.model.id_at(index.row()))
        )
        self.new_button.clicked.connect(self.new_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.assign_button.clicked.connect(self.assign_selected)

    def criteria(self) -> CaregiverFilter:
        """The search, filters and order the list shows now."""
        return self._criteria

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self, keep_selection: int | None = None) -> None:
        """Search again with the current text, filters and order."""
        self._timer.stop()
        self._criteria = replace(
            self._criteria,
            text=self.search.text(),
            active=ActiveFilter(self.status_filter.currentData()),
            bracket=AgeBracket(bracket) if (bracket := self.age_filter.currentData()) else None,
            overloaded_only=self.overloaded_only.isChecked(),
        )
        self._reselect = keep_selection if keep_selection is not None else self.selected_id()
        self._generation += 1
        generation = self._generation
        criteria = self._criteria

        def work(_context: TaskContext) -> CaregiverPage:
            return self._caregivers.search(criteria, PAGE_SIZE)

        self.context.runner.start(
            work,
            lambda page: self._show(generation, criteria, page),
            lambda error: self._failed(generation, error),
        )

    def refresh_for(self, changes: Changes) -> None:
        """Search again when caregivers changed; one changed caregiver becomes the selection."""
        if changes.touches({Topic.CAREGIVERS}):
            self.refresh(keep_selection=changes.only_caregiver())

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows, top to bottom."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.id_at(row) for row in rows]

    def assign_selected(self) -> None:
        """The selected caregivers to the vrijwilligers the person chooses ("Toewijzen…")."""
        if selected := self.selected_ids():
            assign_in_bulk(self.context, selected, self)

    def _show(self, generation: int, criteria: CaregiverFilter, page: CaregiverPage) -> None:
        if generation != self._generation:
            return  # an older search finished after a newer one started

        def load_page(offset: int, limit: int) -> list[CaregiverRow]:
            return self._caregivers.page(criteria, offset, limit)

        self.model.show_result(page, load_page)
        total = page.total
        self.count_label.setText(
            tr("1 mantelzorger")
            if total == 1
            else tr("{n} mantelzorgers").format(n=number_text(total))
        )
        row = self.model.row_of(self._reselect) if self._reselect is not None else None
        if row is None and total:
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.search_finished.emit(total)
        if self._open_when_done:
            self._open_when_done = False
            self._open_selected()

    def _open_selected(self) -> None:
        selected = self.selected_id()
        if selected is not None:
            self.open_requested.emit(selected)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._open_when_done = False
            report_error(self, error)

    def _on_sort(self, key: SortKey, descending: bool) -> None:
        self._criteria = replace(self._criteria, sort=key, descending=descending)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search field, Down moves into the list and Enter opens the selected person."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self._open_when_done = True
                    self.refresh()
                else:
                    self._open_selected()
                return True
        return super().eventFilter(watched, event)

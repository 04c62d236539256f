"""Beheer › Mogelijke dubbelen: the likely pairs (scanned in the background), "Niet dezelfde",
"Samenvoegen…", and a second tab with the merges to undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem
from steunpunt.services.duplicates.dto import DuplicatePair, PersonSummary
from steunpunt.services.kernel.changes import Changes, Topic
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.duplicates.merge_dialog import MergeDialog
from steunpunt.ui.duplicates.merges_tab import MergesTab
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.widgets import show_status

COLUMNS = ("Eerste", "Tweede", "Waarom", "Score")
REASONS, SCORE = 2, 3
PAIR_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_TOPICS = (Topic.CAREGIVERS, Topic.DUPLICATES)
"""A change to these makes the pairs and merges load again."""


def person_line(person: PersonSummary) -> str:
    """One person of a pair with what tells them apart."""
    parts = [
        f"{person.name} ({person.id})",
        tr("geboren {day}").format(day=format_date(person.birth_date)) if person.birth_date else "",
        person.address,
        person.phone,
        person.email,
        tr("ingeschreven {day}").format(day=format_date(person.registered_on))
        if person.registered_on
        else "",
    ]
    return " · ".join(part for part in parts if part)


class DuplicatesDialog(QDialog):
    """The pairs the scan found, sortable; decided pairs leave the list through the changes."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._generation = 0
        self.setWindowTitle(tr("Mogelijke dubbelen"))
        self.resize(1000, 620)
        self.summary = QLabel(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(200)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("pairs")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASONS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.not_same_button = QPushButton(tr("&Niet dezelfde"), self)
        self.merge_button = QPushButton(tr("&Samenvoegen…"), self)
        self.scan_button = QPushButton(tr("Opnieuw &zoeken"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        pairs_tab = QWidget(self)
        vbox(
            pairs_tab,
            hbox(self.summary, STRETCH, self.busy),
            (self.table, 1),
            self.details,
            hbox(self.not_same_button, self.merge_button, STRETCH, self.scan_button),
            self.message,
        )
        self.merges = MergesTab(context, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(pairs_tab, tr("Mogelijke &dubbelen"))
        self.tabs.addTab(self.merges, tr("Samen&gevoegd"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        vbox(self, (self.tabs, 1), buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.merge_selected())
        self.not_same_button.clicked.connect(self.not_same)
        self.merge_button.clicked.connect(self.merge_selected)
        self.scan_button.clicked.connect(self.scan)
        context.changes.changed.connect(self.refresh_for)
        self._selection_changed()
        self.scan()

    # --- loading ------------------------------------------------------------------------------

    def scan(self) -> None:
        """Look for pairs in the whole register, in the background."""
        self._generation += 1
        generation = self._generation
        self.busy.show()
        self.scan_button.setEnabled(False)
        self.summary.setText(tr("Het register wordt doorzocht op dubbelen…"))
        duplicates = self._context.services.duplicates
        self._context.runner.start(
            lambda _task: duplicates.scan(),
            lambda pairs: self._show(generation, pairs),
            lambda error: self._failed(generation, error),
        )

    def refresh_for(self, changes: Changes) -> None:
        """Scan again and reload the merges when caregivers or decisions changed."""
        if changes.touches(SHOWN_TOPICS):
            self.scan()
            self.merges.load()

    def _show(self, generation: int, pairs: list[DuplicatePair]) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.scan_button.setEnabled(True)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            cells = (pair.first.name, pair.second.name, ", ".join(pair.reasons))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PAIR_ROLE, pair)
                self.table.setItem(row, column, item)
            score = QTableWidgetItem()
            score.setData(Qt.ItemDataRole.DisplayRole, pair.score)
            score.setData(PAIR_ROLE, pair)
            self.table.setItem(row, SCORE, score)
        self.table.setSortingEnabled(True)
        if len(pairs) == 1:
            found = tr("1 paar gevonden dat mogelijk dezelfde persoon is.")
        elif pairs:
            found = tr("{n} paren gevonden die mogelijk dezelfde persoon zijn.").format(
                n=len(pairs)
            )
        else:
            found = tr("Geen mogelijke dubbelen gevonden.")
        self.summary.setText(found)
        if pairs:
            self.table.selectRow(0)
        self._selection_changed()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.scan_button.setEnabled(True)
        self.summary.setText("")
        report_error(self, error)

    # --- deciding -----------------------------------------------------------------------------

    def selected_pair(self) -> DuplicatePair | None:
        """The pair of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        pair = None if item is None else item.data(PAIR_ROLE)
        return pair if isinstance(pair, DuplicatePair) else None

    def _selection_changed(self) -> None:
        pair = self.selected_pair()
        self.details.setText(
            "" if pair is None else f"{person_line(pair.first)}\n{person_line(pair.second)}"
        )
        may = self._context.may
        self.not_same_button.setEnabled(
            pair is not None and may("duplicates", "DuplicateService.not_same")
        )
        self.merge_button.setEnabled(
            pair is not None and may("duplicates", "DuplicateService.merge")
        )

    def not_same(self) -> None:
        """Remember the pair as two people; the list loads again through the changes."""
        pair = self.selected_pair()
        if pair is None:
            return
        try:
            self._context.services.duplicates.not_same(
                self._context.actor, pair.first.id, pair.second.id
            )
        except KnownProblem as problem:
            show_status(self.message, problem.message, error=True)
            return
        show_status(
            self.message,
            tr("{first} en {second} zijn niet dezelfde; dit paar komt niet meer terug.").format(
                first=pair.first.name, second=pair.second.name
            ),
            done=True,
        )

    def merge_selected(self) -> None:
        """Open the merge dialog for the selected pair, with the proposal."""
        pair = self.selected_pair()
        if pair is None or not self.merge_button.isEnabled():
            return
        try:
            proposal = self._context.services.duplicates.merge_proposal(
                pair.first.id, pair.second.id
            )
        except KnownProblem as problem:
            show_status(self.message, problem.message, error=True)
            return
        dialog = MergeDialog(self._context, proposal, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            show_status(self.message, dialog.result_text, done=True)
        dialog.deleteLater()

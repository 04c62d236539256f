"""The start screen "Vandaag": today's work from the whole register, opened with Enter; what was
marked done can be undone (Ctrl+Z) and is listed under "Afgehandeld" to bring it back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabBar,
    QWidget,
)

from steunpunt.domain.dates import format_date
from steunpunt.domain.numbers import number_text
from steunpunt.domain.today.worklist import WorkKind
from steunpunt.services.kernel.changes import Changes, Topic
from steunpunt.services.today.dto import WorkItem
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.today.undo_notice import UndoNotice
from steunpunt.ui.today.worklist_model import WorklistModel
from steunpunt.ui.widgets import ERROR_STYLE, dialog_buttons, list_table

SNOOZE_DAYS = 7
WORKLIST_TOPICS = frozenset(Topic) - {
    Topic.CARE_RECIPIENTS,
    Topic.LETTERS,
    Topic.TEMPLATES,
    Topic.STAFF,
}
"""What the worklist is made from."""
TO_DO, DONE = range(2)
"""The views of the screen: what is still to do, and what was marked done."""


class TodayView(QWidget):
    """The worklist; emits what to open: a caregiver or a compliment round.

    ``undo_notice`` is placed in the main window's status bar by the window.
    """

    open_caregiver = Signal(int)
    open_round = Signal(int)

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._worklist = context.services.worklist
        self._generation = 0
        self._marked: list[WorkItem] = []
        """Items marked done or snoozed here, latest last: what Ctrl+Z puts back."""
        self._select_key: str | None = None
        """The item to select once the list has loaded again (one just put back)."""
        self.title = QLabel(tr("Vandaag"), self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.summary = QLabel(self)
        self.backup_warning = QLabel(self)
        self.backup_warning.setObjectName("backup_warning")
        self.backup_warning.setWordWrap(True)
        self.backup_warning.setStyleSheet(ERROR_STYLE)
        self.backup_warning.hide()
        self.kind = QComboBox(self)
        self.kind.setObjectName("worklist_kind")
        self.views = QTabBar(self)
        self.views.setObjectName("worklist_views")
        self.views.setExpanding(False)
        self.views.setDrawBase(False)
        self.views.addTab(tr("Te doen"))
        self.views.addTab(tr("Afgehandeld"))
        self.views.setTabToolTip(DONE, tr("Punten die als afgehandeld zijn gemarkeerd"))
        self.model = WorklistModel(context.today(), self)
        self.table = list_table(self, self.model, "worklist_table")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((90, 210, 220)):
            self.table.setColumnWidth(column, width)
        self.open_button = QPushButton(tr("Openen"), self)
        self.done_button = QPushButton(tr("Afhandelen"), self)
        self.done_button.setToolTip(tr("Als afgehandeld van de lijst halen (Delete)"))
        self.reopen_button = QPushButton(tr("Terugzetten op de werklijst"), self)
        self.reopen_button.hide()
        self.undo_notice = UndoNotice(self)
        self.snooze_button = QPushButton(tr("Uitstellen…"), self)
        self.refresh_button = QPushButton(tr("Vernieuwen"), self)

        top = hbox(self.title, STRETCH, QLabel(tr("Soort"), self), self.kind, self.refresh_button)
        buttons = hbox(
            self.open_button, STRETCH, self.snooze_button, self.done_button, self.reopen_button
        )
        vbox(self, top, self.backup_warning, self.views, self.summary, (self.table, 1), buttons)

        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.views.currentChanged.connect(self._view_chosen)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.open_button.clicked.connect(self.open_selected)
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button.clicked.connect(self.snooze)
        self.reopen_button.clicked.connect(self.reopen)
        self.undo_notice.undo_button.clicked.connect(self.undo)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.mark_done)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._fill_kinds({})
        self._update_buttons()

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the worklist (or what was done) in the background; kind and selection are kept."""
        self._generation += 1
        generation = self._generation
        self.summary.setText(tr("Werklijst laden…"))
        self.show_backup_warning()
        load = self._worklist.done_items if self.showing_done() else self._worklist.items
        self.context.runner.start(
            lambda _context: load(),
            lambda items: self._show(generation, items),
            lambda error: self._failed(generation, error),
        )

    def show_backup_warning(self) -> None:
        """Warn when the newest backup is older than the office allows (read from the
        backups' manifests: no database is opened)."""
        warning = self.context.services.backups.warning(self.context.paths.backup_dir)
        self.backup_warning.setText(warning or "")
        self.backup_warning.setVisible(warning is not None)

    def refresh_for(self, changes: Changes) -> None:
        """Load again when what the worklist is made from changed; hidden, it loads when shown."""
        if self.isVisible() and changes.touches(WORKLIST_TOPICS):
            self.refresh()

    def _show(self, generation: int, items: list[WorkItem]) -> None:
        if generation != self._generation:
            return
        selected = self._selected()
        key = self._select_key or (selected.key if selected else None)
        self._select_key = None
        self.model.set_items(items, self.context.today())
        self._fill_kinds(self.model.counts())
        self.model.set_kind(self.kind.currentData())
        self.summary.setText(self._summary(items))
        row = self.model.row_of(key) if key else None
        self.table.selectRow(row if row is not None else 0)
        self._update_buttons()

    def _summary(self, items: list[WorkItem]) -> str:
        if self.showing_done():
            if not items:
                return tr("Er zijn geen afgehandelde punten.")
            count = (
                tr("1 afgehandeld punt.")
                if len(items) == 1
                else tr("{n} afgehandelde punten.").format(n=len(items))
            )
            return (
                count
                + " "
                + tr("Kies er een en klik op 'Terugzetten op de werklijst' om het weer te tonen.")
            )
        if not items:
            return tr("Er staat niets op de werklijst. Goed gedaan!")
        overdue = sum(1 for item in items if item.due_on and item.due_on < self.context.today())
        shown = (
            tr("1 punt op de werklijst")
            if len(items) == 1
            else tr("{n} punten op de werklijst").format(n=number_text(len(items)))
        )
        return tr("{shown}, waarvan {late} over tijd.").format(shown=shown, late=overdue)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.summary.setText(tr("De werklijst kon niet worden geladen."))
        report_error(self, error)

    def _fill_kinds(self, counts: dict[WorkKind, int]) -> None:
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(tr("Alles ({n})").format(n=sum(counts.values())), None)
        for kind in WorkKind:
            self.kind.addItem(f"{tr(kind.label)} ({counts.get(kind, 0)})", kind)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        self.kind.blockSignals(False)

    def showing_done(self) -> bool:
        """Whether the screen lists what was marked done instead of what is to do."""
        return self.views.currentIndex() == DONE

    def _view_chosen(self) -> None:
        done = self.showing_done()
        self.done_button.setVisible(not done)
        self.snooze_button.setVisible(not done)
        self.reopen_button.setVisible(done)
        self.model.set_items([], self.context.today())
        self.refresh()

    def _kind_chosen(self) -> None:
        self.model.set_kind(self.kind.currentData())
        self.table.selectRow(0)
        self._update_buttons()

    # --- acting on an item --------------------------------------------------------------------

    def _selected(self) -> WorkItem | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        for button in (self.open_button, self.done_button, self.snooze_button, self.reopen_button):
            button.setEnabled(chosen)

    def open_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        if item.caregiver_id is not None:
            self.open_caregiver.emit(item.caregiver_id)
        elif item.round_id is not None:
            self.open_round.emit(item.round_id)

    def mark_done(self) -> None:
        item = self._selected()
        if item is None or self.showing_done():
            return
        if self._mark(lambda: self._worklist.mark_done(self.context.actor, item.key)):
            self._marked.append(item)
            self.undo_notice.tell(tr("'{title}' afgehandeld.").format(title=item.title))

    def snooze(self) -> None:
        item = self._selected()
        if item is None or self.showing_done():
            return
        until = ask_snooze_date(self, self.context.today())
        if until is None:
            return
        if self._mark(lambda: self._worklist.snooze(self.context.actor, item.key, until)):
            self._marked.append(item)
            self.undo_notice.tell(
                tr("'{title}' uitgesteld tot {day}.").format(
                    title=item.title, day=format_date(until)
                )
            )

    def undo(self) -> None:
        """Put the item marked last back on the list (Ctrl+Z or "Ongedaan maken")."""
        if not self._marked:
            return
        item = self._marked.pop()
        self.undo_notice.hide()
        if self._mark(lambda: self._worklist.reopen(self.context.actor, item.key)):
            self._select_key = item.key
        else:
            self._marked.append(item)

    def reopen(self) -> None:
        """In "Afgehandeld": put the chosen item back on the worklist."""
        item = self._selected()
        if item is not None and self.showing_done():
            self._mark(lambda: self._worklist.reopen(self.context.actor, item.key))

    def _mark(self, action: Callable[[], None]) -> bool:
        """Mark the item; the list loads again from the change it announces. False on failure."""
        try:
            action()
        except Exception as error:
            report_error(self, error)
            return False
        return True


def ask_snooze_date(parent: QWidget, today: date) -> date | None:
    """Until when an item stays off the list (a week from today unless chosen otherwise)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Uitstellen"))
    edit = QDateEdit(dialog)
    edit.setObjectName("snooze_until")
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(QDate(today.year, today.month, today.day).addDays(1))
    edit.setDate(QDate(today.year, today.month, today.day).addDays(SNOOZE_DAYS))
    buttons = dialog_buttons(dialog, dialog.accept, QDialogButtonBox.StandardButton.Ok)
    form = QFormLayout(dialog)
    form.addRow(tr("Weer tonen op"), edit)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = edit.date()
    return today + timedelta(days=QDate(today.year, today.month, today.day).daysTo(chosen))

"""The sociale kaart: partner organisations in a sortable list, searched as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from steunpunt.domain.support.partner import PartnerKind
from steunpunt.services.support.dto import PartnerView
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox, vbox
from steunpunt.ui.screen_dialogs import (
    open_window_modal,
    remove_when_confirmed,
    swallow_enter,
)
from steunpunt.ui.support.partner_dialog import PartnerDialog
from steunpunt.ui.support.partner_model import PartnerSearch, PartnerTableModel
from steunpunt.ui.table_model import ID_ROLE
from steunpunt.ui.widgets import list_table


class PartnerDirectory(QDialog):
    """Sociale kaart: find, add, change and remove partner organisations."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.dialog: QDialog | None = None
        self.setWindowTitle(tr("Sociale kaart"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Zoek op naam, contactpersoon of plaats"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.addItem(tr("Alle soorten"), "")
        for kind in PartnerKind:
            self.kind.addItem(tr(kind.label), kind.value)
        self.show_inactive = QCheckBox(tr("Ook niet-actieve tonen"), self)
        self.model = PartnerTableModel(self)
        self.proxy = PartnerSearch(self.model, self)
        self.table = list_table(self, self.proxy, "partners")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # names as wide as they are; the last column takes what is left
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel(self)
        self.new_button = QPushButton(tr("Nieuwe organisatie…"), self)
        self.edit_button = QPushButton(tr("Bewerken…"), self)
        self.remove_button = QPushButton(tr("Verwijderen"), self)
        self.close_button = QPushButton(tr("Sluiten"), self)
        self._lay_out()
        self.search.textChanged.connect(self._search)
        self.kind.currentIndexChanged.connect(lambda _index: self.reload())
        self.show_inactive.toggled.connect(lambda _on: self.reload())
        self.table.activated.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update())
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in the list opens the organisation
        self.new_button.setToolTip(tr("Nieuwe organisatie toevoegen (Ctrl+N)"))
        self.remove_button.setToolTip(tr("Organisatie verwijderen (Del)"))
        self.resize(1100, 520)
        self.reload()
        self.search.setFocus()

    def _lay_out(self) -> None:
        filters = hbox((self.search, 3), (self.kind, 1), self.show_inactive)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for button in (self.new_button, self.edit_button, self.remove_button, self.close_button):
            buttons.addWidget(button)
        vbox(self, filters, (self.table, 1), buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the selected organisation only; it never presses an open dialog's button."""
        if not swallow_enter(event):
            super().keyPressEvent(event)

    def reload(self, select_id: int | None = None) -> None:
        """Ask the service again for the chosen kind, keeping the selected organisation."""
        current = self.current_partner()
        keep = select_id if select_id is not None else (current.id if current else None)
        code = self.kind.currentData()
        partners = self._context.services.partners.partners(
            active_only=not self.show_inactive.isChecked(), kind=PartnerKind(code) if code else None
        )
        self.model.set_partners(partners)
        self.table.resizeColumnsToContents()
        self._select(keep)

    def current_partner(self) -> PartnerView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.partner(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def new(self) -> None:
        self._open(PartnerDialog(self._context, None, self))

    def edit(self) -> None:
        partner = self.current_partner()
        if partner is not None:
            self._open(PartnerDialog(self._context, partner, self))

    def remove(self) -> None:
        partner = self.current_partner()
        if partner is None or self.dialog is not None:
            return
        if remove_when_confirmed(
            self,
            tr("Organisatie verwijderen"),
            tr("{name} verwijderen uit de sociale kaart?").format(name=partner.data.name),
            lambda: self._context.services.partners.remove(
                self._context.actor, partner.id, partner.version
            ),
        ):
            self.reload()

    def _open(self, dialog: PartnerDialog) -> None:
        """Show the partner dialog window-modal; list the saved organisation when it closes."""

        def finished(_result: int) -> None:
            if dialog.saved is not None:
                self.reload(dialog.saved.id)

        open_window_modal(self, dialog, finished)

    def _search(self, text: str) -> None:
        current = self.current_partner()
        self.proxy.set_search(text)
        self._select(current.id if current else None)

    def _select(self, partner_id: int | None) -> None:
        rows = self.proxy.rowCount()
        wanted = next(
            (r for r in range(rows) if self.proxy.index(r, 0).data(ID_ROLE) == partner_id), 0
        )
        if rows:
            self.table.selectRow(wanted)
            self.table.scrollTo(self.proxy.index(wanted, 0))
        else:
            self.table.clearSelection()
        self._update()

    def _update(self) -> None:
        selected = self.current_partner() is not None
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            text = tr("Geen organisaties gevonden. Voeg er een toe met 'Nieuwe organisatie…'.")
        elif shown == total:
            text = tr("{n} organisaties").format(n=total)
        else:
            text = tr("{shown} van {n} organisaties").format(shown=shown, n=total)
        self.count.setText(text)

"""The naasten and contact-moment tabs of the caregiver form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from steunpunt.domain.dates import format_date
from steunpunt.services.caregivers.dto import CaregiverDetail, ContactView, RelationView
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.caregivers.contact_dialog import ContactDialog
from steunpunt.ui.caregivers.recipient_dialog import CareRecipientDialog, LinkRecipientDialog
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.errors import KNOWN_PROBLEMS, report_error
from steunpunt.ui.i18n import tr

Context = tuple[Services, Actor, Callable[[], date]]


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


class _Panel(QWidget):
    stale = Signal()
    """A change was refused: what the panel shows may be out of date (the form loads again)."""

    def __init__(self, context: Context, headers: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id: int | None = None
        self.records = RecordTable(headers, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.records)


class RelationsPanel(_Panel):
    """The naasten a caregiver cares for; new, link, edit and unlink (the form shows the
    result from the change it announces)."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            [
                tr("Naaste"),
                tr("Relatie"),
                tr("Uren per week"),
                tr("Zorgt sinds"),
                tr("Andere mantelzorgers"),
            ],
            parent,
        )
        self._relations: tuple[RelationView, ...] = ()
        self.records.add_button(tr("Nieuwe naaste…")).clicked.connect(self.new)
        self.records.add_button(tr("Bestaande naaste koppelen…")).clicked.connect(self.link)
        self.records.add_button(tr("Bewerken…"), needs_selection=True).clicked.connect(self.edit)
        self.records.add_button(tr("Ontkoppelen"), needs_selection=True).clicked.connect(
            self.unlink
        )
        self.records.activated.connect(lambda _row: self.edit())

    def show_detail(self, detail: CaregiverDetail) -> None:
        self._caregiver_id = detail.id
        self._relations = detail.relations
        self.records.set_rows(
            [
                (
                    r.care_recipient_name,
                    tr(r.data.relation_type.label),
                    _hours(r.data.hours_per_week),
                    format_date(r.data.care_since),
                    ", ".join(r.co_caregivers) or "–",
                )
                for r in detail.relations
            ]
        )

    def new(self) -> None:
        assert self._caregiver_id is not None
        CareRecipientDialog(self._context, self._caregiver_id, None, self).exec()

    def link(self) -> None:
        assert self._caregiver_id is not None
        LinkRecipientDialog(self._context, self._caregiver_id, self).exec()

    def edit(self) -> None:
        relation = self._selected()
        if relation is not None and self._caregiver_id is not None:
            CareRecipientDialog(self._context, self._caregiver_id, relation, self).exec()

    def unlink(self) -> None:
        relation = self._selected()
        if relation is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Ontkoppelen"),
            tr(
                "{name} ontkoppelen van deze mantelzorger? De naaste blijft ingeschreven "
                "en kan later opnieuw worden gekoppeld."
            ).format(name=relation.care_recipient_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        services, actor, _today = self._context
        try:
            services.care_recipients.unlink(actor, relation.id, relation.version)
        except KNOWN_PROBLEMS as problem:
            report_error(self, problem)
            self.stale.emit()

    def _selected(self) -> RelationView | None:
        row = self.records.current_row()
        return self._relations[row] if row is not None else None


class ContactsPanel(_Panel):
    """Contact moments, newest first; new, edit and remove (shown from the change announced)."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            context, [tr("Datum"), tr("Soort"), tr("Medewerker"), tr("Notitie")], parent
        )
        self._contacts: tuple[ContactView, ...] = ()
        self.records.add_button(tr("Nieuw contactmoment…")).clicked.connect(self.new)
        self.records.add_button(tr("Bewerken…"), needs_selection=True).clicked.connect(self.edit)
        self.records.add_button(tr("Verwijderen"), needs_selection=True).clicked.connect(
            self.remove
        )
        self.records.activated.connect(lambda _row: self.edit())

    def show_detail(self, detail: CaregiverDetail) -> None:
        self._caregiver_id = detail.id
        self._contacts = detail.contacts
        self.records.set_rows(
            [
                (
                    format_date(c.data.contact_date),
                    tr(c.kind.label),
                    c.staff_name,
                    c.data.note.replace("\n", " "),
                )
                for c in detail.contacts
            ]
        )

    def new(self) -> None:
        assert self._caregiver_id is not None
        ContactDialog(self._context, self._caregiver_id, None, self).exec()

    def edit(self) -> None:
        contact = self._selected()
        if contact is not None and self._caregiver_id is not None:
            ContactDialog(self._context, self._caregiver_id, contact, self).exec()

    def remove(self) -> None:
        contact = self._selected()
        if contact is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Contactmoment verwijderen"),
            tr("Het contactmoment van {date} verwijderen?").format(
                date=format_date(contact.data.contact_date)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        services, actor, _today = self._context
        try:
            services.contacts.remove(actor, contact.id, contact.version)
        except KNOWN_PROBLEMS as problem:
            report_error(self, problem)
            self.stale.emit()

    def _selected(self) -> ContactView | None:
        row = self.records.current_row()
        return self._contacts[row] if row is not None else None

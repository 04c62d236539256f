"""The naasten and contact-moment tabs of the caregiver form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem
from steunpunt.services.caregivers.dto import CaregiverDetail, ContactView, RelationView
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.caregivers.contact_dialog import ContactDialog
from steunpunt.ui.caregivers.recipient_dialog import CareRecipientDialog, LinkRecipientDialog
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.privacy.inzage_export import export_inzage
from steunpunt.ui.screen_dialogs import remove_when_confirmed


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


class _Panel(QWidget):
    stale = Signal()
    """A change was refused: what the panel shows may be out of date (the form loads again)."""

    def __init__(self, context: ScreenContext, headers: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id: int | None = None
        self.records = RecordTable(headers, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.records)

    def _edit_and_remove(
        self, edit: Callable[[], None], remove_text: str, remove: Callable[[], None]
    ) -> None:
        """Bewerken… and a remove button for the selected row; double-click or Enter edits."""
        self.records.add_button(tr("Bewerken…"), needs_selection=True).clicked.connect(edit)
        self.records.add_button(remove_text, needs_selection=True).clicked.connect(remove)
        self.records.activated.connect(lambda _row: edit())

    def _remove_after_asking(
        self,
        title: str,
        question: str,
        remove: Callable[[Services, Actor], object],
        then: Callable[[], None] | None = None,
    ) -> None:
        """Ask ``question``; on Ja remove as the acting user, then run ``then``. A removal that is
        refused says ``stale`` (the form shows what is stored); one that succeeds is announced by
        the change feed."""
        services, actor = self._context.services, self._context.actor

        def attempt() -> None:
            try:
                remove(services, actor)
            except KnownProblem:
                self.stale.emit()
                raise

        if remove_when_confirmed(self, title, question, attempt) and then is not None:
            then()


class RelationsPanel(_Panel):
    """The naasten a caregiver cares for; new, link, edit and unlink (the form shows the
    result from the change it announces)."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
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
        self._edit_and_remove(self.edit, tr("Ontkoppelen"), self.unlink)
        self.inzage_button = self.records.add_button(tr("Inzage-export…"), needs_selection=True)
        self.inzage_button.setToolTip(
            tr("Alles wat over de gekozen naaste is vastgelegd, als PDF en JSON")
        )
        self.inzage_button.clicked.connect(self.export_inzage)
        if not context.may("caregivers", "CareRecipientService.link"):
            self.records.hide_buttons()
        if not context.may("privacy", "InzageService.recipient_dossier"):
            self.inzage_button.hide()

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
        question = tr(
            "{name} ontkoppelen van deze mantelzorger? De naaste blijft ingeschreven "
            "en kan later opnieuw worden gekoppeld."
        ).format(name=relation.care_recipient_name)
        self._remove_after_asking(
            tr("Ontkoppelen"),
            question,
            lambda s, a: s.care_recipients.unlink(a, relation.id, relation.version),
        )

    def export_inzage(self) -> None:
        """The inzage export of the chosen naaste: their data, their mantelzorgers and the rest."""
        relation = self._selected()
        if relation is None:
            return
        inzage, recipient_id = self._context.services.inzage, relation.care_recipient_id
        export_inzage(
            self, self._context, lambda: inzage.recipient_dossier(recipient_id), recipient_id
        )

    def _selected(self) -> RelationView | None:
        return self.records.pick(self._relations)


class ContactsPanel(_Panel):
    """Contact moments, newest first; new, edit and remove (shown from the change announced)."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context, [tr("Datum"), tr("Soort"), tr("Medewerker"), tr("Notitie")], parent
        )
        self._contacts: tuple[ContactView, ...] = ()
        self.records.add_button(tr("Nieuw contactmoment…")).clicked.connect(self.new)
        self._edit_and_remove(self.edit, tr("Verwijderen"), self.remove)

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
        question = tr("Het contactmoment van {date} verwijderen?").format(
            date=format_date(contact.data.contact_date)
        )
        self._remove_after_asking(
            tr("Contactmoment verwijderen"),
            question,
            lambda s, a: s.contacts.remove(a, contact.id, contact.version),
        )

    def _selected(self) -> ContactView | None:
        return self.records.pick(self._contacts)

"""The dialog for one contact moment: date, kind, staff member and a short note."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QWidget

from steunpunt.domain.caregivers.contact import contact_from_form
from steunpunt.domain.caregivers.form_values import contact_form_values
from steunpunt.domain.choices import ContactKind
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem, ValidationFailed
from steunpunt.services.caregivers.dto import ContactView
from steunpunt.ui.caregivers.person_fields import DATE_HINT
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.widgets import ChoiceCombo, FieldEdit, FieldSet, NoteEdit, dialog_buttons


class ContactDialog(QDialog):
    """Record a new contact moment or correct an existing one."""

    def __init__(
        self,
        context: ScreenContext,
        caregiver_id: int,
        contact: ContactView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id = caregiver_id
        self._contact = contact
        self.setWindowTitle(tr("Contactmoment bewerken") if contact else tr("Nieuw contactmoment"))
        self.fields = FieldSet(lambda: None)
        form = QFormLayout(self)
        form.addRow(tr("Datum *"), self.fields.add(FieldEdit("contact_date", DATE_HINT)))
        form.addRow(tr("Soort *"), self.fields.add(ChoiceCombo("kind", ContactKind, tr("(kies)"))))
        self.staff = QComboBox(self)
        for member in self._context.services.staff.list():
            self.staff.addItem(member.name, member.id)
        form.addRow(tr("Medewerker"), self.staff)
        form.addRow(tr("Notitie"), self.fields.add(NoteEdit("note")))
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        form.addRow(self.message)
        buttons = dialog_buttons(self, self.save)
        form.addRow(buttons)
        if contact is None:
            self.fields.fill({"contact_date": format_date(self._context.today())})
            self._select_staff(self._context.actor.staff_id)
        else:
            self.fields.fill(contact_form_values(contact.data))
            self._select_staff(contact.data.staff_id)
        self.resize(460, self.sizeHint().height())

    def _select_staff(self, staff_id: int | None) -> None:
        index = self.staff.findData(staff_id)
        if index >= 0:
            self.staff.setCurrentIndex(index)

    def save(self) -> None:
        try:
            data = contact_from_form(
                self.fields.raw(), self.staff.currentData(), self._context.today()
            )
        except ValidationFailed as failed:
            self.fields.show_errors(failed.errors)
            self.message.setText(tr("Controleer de rood gemarkeerde velden."))
            return
        try:
            if self._contact is None:
                self._context.services.contacts.add(self._context.actor, self._caregiver_id, data)
            else:
                self._context.services.contacts.update(
                    self._context.actor, self._contact.id, self._contact.version, data
                )
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self.accept()

"""The caregiver form's two pages of fields: the person, and the registration with consent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QScrollArea, QVBoxLayout, QWidget

from steunpunt.domain.choices import EndReason, Salutation, Source
from steunpunt.ui.caregivers.person_fields import (
    DATE_HINT,
    ConsentBox,
    add_address_fields,
    add_name_fields,
)
from steunpunt.ui.caregivers.volunteers import VolunteersBox
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.widgets import ChoiceCombo, FieldEdit, FieldSet, NoteEdit

FORM_MAX_WIDTH = 860


REGISTRATION_FIELDS = frozenset(
    {
        "source",
        "registered_on",
        "ended_on",
        "end_reason",
        "notes",
        "consent_given_on",
        "consent_method",
        "consent_scopes",
    }
)
"""The fields of the registration page: a refused save with errors only there opens it."""


def scrolling(inner: QWidget) -> QScrollArea:
    """A tab page that scrolls on small screens and stays readable on wide ones."""
    inner.setMaximumWidth(FORM_MAX_WIDTH)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    area.setWidget(inner)
    return area


def person_page(fields: FieldSet) -> QWidget:
    """Salutation, name, birth date, address, phone, e-mail and IBAN."""
    page = QWidget()
    form = QFormLayout(page)
    form.addRow(tr("Aanhef"), fields.add(ChoiceCombo("salutation", Salutation)))
    add_name_fields(fields, form, with_initials=True)
    form.addRow(tr("Geboortedatum"), fields.add(FieldEdit("birth_date", DATE_HINT)))
    add_address_fields(fields, form)
    form.addRow(tr("Telefoon"), fields.add(FieldEdit("phone", tr("06 12345678"))))
    form.addRow(tr("E-mail"), fields.add(FieldEdit("email", tr("naam@voorbeeld.nl"))))
    form.addRow(
        tr("IBAN (niet verplicht)"),
        fields.add(FieldEdit("iban", tr("NL91 ABNA 0417 1643 00"))),
    )
    return page


class RegistrationPage(QWidget):
    """How and when the caregiver came and left, their vrijwilligers, post, notes and consent."""

    def __init__(
        self, context: ScreenContext, fields: FieldSet, edited: Callable[[], None]
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(
            tr("Hoe bij ons gekomen"),
            fields.add(ChoiceCombo("source", Source, tr("(onbekend)"))),
        )
        form.addRow(tr("Ingeschreven op *"), fields.add(FieldEdit("registered_on", DATE_HINT)))
        form.addRow(tr("Einddatum"), fields.add(FieldEdit("ended_on", DATE_HINT)))
        form.addRow(
            tr("Reden einde"),
            fields.add(ChoiceCombo("end_reason", EndReason, tr("(geen)"))),
        )
        self.volunteers = VolunteersBox(context, self)
        form.addRow(tr("Vrijwilligers"), self.volunteers)
        self.no_mail = QCheckBox(tr("Geen post sturen"), self)
        self.no_mail.setObjectName("no_mail")
        self.no_mail.toggled.connect(lambda _on: edited())
        form.addRow("", self.no_mail)
        form.addRow(tr("Notities"), fields.add(NoteEdit("notes")))
        layout.addLayout(form)
        self.consent = ConsentBox(fields, tr("Toestemming van de mantelzorger"), self)
        layout.addWidget(self.consent)
        layout.addStretch(1)

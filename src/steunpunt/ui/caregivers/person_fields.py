"""Field groups shared by the caregiver form and the naaste dialog: name, address, consent."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.caregivers.consent import ConsentData
from steunpunt.domain.choices import ConsentMethod, ConsentScope
from steunpunt.ui.i18n import tr
from steunpunt.ui.widgets import ERROR_STYLE, ChoiceCombo, FieldEdit, FieldSet, SharedError

DATE_HINT = "dd-mm-jjjj"


def _row(*widgets: QWidget, stretches: tuple[int, ...] = ()) -> QWidget:
    """Fields side by side, their error messages on one full-width line underneath."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    layout = QHBoxLayout()
    column.addLayout(layout)
    label = QLabel(holder)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    column.addWidget(label)
    shared = SharedError(label)
    for position, widget in enumerate(widgets):
        layout.addWidget(widget, stretches[position] if position < len(stretches) else 0)
        if isinstance(widget, FieldEdit):
            widget.share_error(shared)
    return holder


def add_name_fields(fields: FieldSet, form: QFormLayout, with_initials: bool) -> None:
    """Voornaam, tussenvoegsel, achternaam (and initialen) on labelled rows."""
    form.addRow(tr("Voornaam"), fields.add(FieldEdit("first_name", tr("bijv. Jan Pieter"))))
    infix = fields.add(FieldEdit("infix", tr("van der")))
    last = fields.add(FieldEdit("last_name"))
    form.addRow(tr("Tussenvoegsel en achternaam *"), _row(infix, last, stretches=(1, 3)))
    if with_initials:
        form.addRow(
            tr("Voorletters"),
            fields.add(FieldEdit("initials", tr("leeg: uit de voornaam"))),
        )


def add_address_fields(fields: FieldSet, form: QFormLayout) -> None:
    """Straat, huisnummer and toevoeging apart; postcode and woonplaats; gemeente."""
    street = fields.add(FieldEdit("street"))
    number = fields.add(FieldEdit("house_number", tr("nr.")))
    suffix = fields.add(FieldEdit("house_number_suffix", tr("toev.")))
    form.addRow(
        tr("Straat, huisnummer, toevoeging"), _row(street, number, suffix, stretches=(4, 1, 1))
    )
    postcode = fields.add(FieldEdit("postcode", tr("1234 AB")))
    place = fields.add(FieldEdit("place"))
    form.addRow(tr("Postcode en woonplaats"), _row(postcode, place, stretches=(1, 3)))
    form.addRow(tr("Gemeente"), fields.add(FieldEdit("municipality")))


class ConsentBox(QGroupBox):
    """Consent: date, how it was given, and for what (the scopes)."""

    def __init__(self, fields: FieldSet, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._fields = fields
        form = QFormLayout(self)
        form.addRow(tr("Datum toestemming"), fields.add(FieldEdit("consent_given_on", DATE_HINT)))
        form.addRow(
            tr("Hoe gegeven"),
            fields.add(ChoiceCombo("consent_method", ConsentMethod, tr("(kies)"))),
        )
        scope_box = QWidget(self)
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        self.scope_checks: dict[ConsentScope, QCheckBox] = {}
        for scope in ConsentScope:
            check = QCheckBox(tr(scope.label), scope_box)
            check.setObjectName(f"consent_{scope.value}")
            check.toggled.connect(lambda _on: fields.edited_externally())
            scope_layout.addWidget(check)
            self.scope_checks[scope] = check
        self.scope_error = QLabel(scope_box)
        self.scope_error.setStyleSheet(ERROR_STYLE)
        self.scope_error.hide()
        scope_layout.addWidget(self.scope_error)
        form.addRow(tr("Waarvoor"), scope_box)

    def scopes(self) -> frozenset[ConsentScope]:
        return frozenset(scope for scope, check in self.scope_checks.items() if check.isChecked())

    def set_consent(self, consent: ConsentData | None) -> None:
        for scope, check in self.scope_checks.items():
            check.blockSignals(True)
            check.setChecked(consent is not None and scope in consent.scopes)
            check.blockSignals(False)
        self.show_scope_error(None)

    def show_scope_error(self, message: str | None) -> None:
        self.scope_error.setText(message or "")
        self.scope_error.setVisible(bool(message))

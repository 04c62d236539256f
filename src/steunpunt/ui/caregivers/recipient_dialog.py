"""Dialogs for naasten: register a new one, edit one, or link an existing one to a caregiver."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from steunpunt.domain.caregivers.care_recipient import (
    CareRecipientData,
    RelationData,
    care_recipient_from_form,
    relation_from_form,
)
from steunpunt.domain.caregivers.form_values import care_recipient_form_values, relation_form_values
from steunpunt.domain.choices import LivingSituation, RelationType
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem, ValidationFailed
from steunpunt.services.caregivers.dto import CareRecipientDetail, RelationView
from steunpunt.ui.caregivers.person_fields import (
    DATE_HINT,
    ConsentBox,
    add_address_fields,
    add_name_fields,
)
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import (
    ChoiceCombo,
    FieldEdit,
    FieldSet,
    NoteEdit,
    dialog_buttons,
    focus_field,
)


def add_relation_fields(fields: FieldSet, form: QFormLayout) -> None:
    form.addRow(
        tr("Relatie tot de naaste *"),
        fields.add(ChoiceCombo("relation_type", RelationType, tr("(kies)"))),
    )
    form.addRow(
        tr("Uren zorg per week"), fields.add(FieldEdit("hours_per_week", tr("bijv. 12 of 7,5")))
    )
    form.addRow(tr("Zorgt sinds"), fields.add(FieldEdit("care_since", DATE_HINT)))


def _validated_relation(
    fields: FieldSet, today: date, errors: dict[str, str]
) -> RelationData | None:
    try:
        return relation_from_form(fields.raw(), today)
    except ValidationFailed as failed:
        errors.update(failed.errors)
        return None


class CareRecipientDialog(QDialog):
    """A new naaste for a caregiver, or an existing one to edit, with the relation to it."""

    def __init__(
        self,
        context: ScreenContext,
        caregiver_id: int,
        relation: RelationView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id = caregiver_id
        self._relation = relation
        self._detail: CareRecipientDetail | None = None
        self.setWindowTitle(tr("Naaste bewerken") if relation else tr("Nieuwe naaste"))
        self.fields = FieldSet(lambda: None)
        form = QFormLayout()
        add_name_fields(self.fields, form, with_initials=False)
        form.addRow(tr("Geboortedatum"), self.fields.add(FieldEdit("birth_date", DATE_HINT)))
        add_address_fields(self.fields, form)
        self.same_address = QPushButton(tr("Zelfde adres als de mantelzorger"), self)
        self.same_address.setObjectName("same_address")
        self.same_address.setAutoDefault(False)
        self.same_address.clicked.connect(self.copy_caregiver_address)
        form.addRow("", self.same_address)
        form.addRow(
            tr("Ziektebeeld"), self.fields.add(FieldEdit("condition", tr("bijv. dementie")))
        )
        form.addRow(
            tr("Woonsituatie"),
            self.fields.add(ChoiceCombo("living_situation", LivingSituation)),
        )
        form.addRow(tr("Notities"), self.fields.add(NoteEdit("notes")))
        add_relation_fields(self.fields, form)
        self.consent = ConsentBox(self.fields, tr("Toestemming van de naaste"), self)
        self.others = QLabel(self)
        self.others.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        buttons = dialog_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            context.may("caregivers", "CareRecipientService.update")
        )
        vbox(self, form, self.consent, self.others, self.message, buttons)
        if relation is not None:
            self._load(relation)
        focus_field(self.fields["first_name"])

    def copy_caregiver_address(self) -> None:
        """Fill the address fields with the caregiver's address (a partner's is the common case)."""
        caregiver = self._context.services.caregivers.get(self._caregiver_id)
        for name, value in caregiver.data.address.form_values().items():
            field = self.fields[name]
            field.set_text(value)
            field.show_error(None)

    def _load(self, relation: RelationView) -> None:
        self._detail = self._context.services.care_recipients.get(relation.care_recipient_id)
        self.fields.fill(
            {**care_recipient_form_values(self._detail.data), **relation_form_values(relation.data)}
        )
        self.consent.set_consent(self._detail.data.consent)
        names = [
            f"{r.caregiver_name} ({tr(r.data.relation_type.label).lower()})"
            for r in self._detail.relations
        ]
        self.others.setText(
            tr("Mantelzorgers van deze naaste: {names}").format(names=", ".join(names))
        )

    def save(self) -> None:
        errors: dict[str, str] = {}
        data: CareRecipientData | None = None
        try:
            data = care_recipient_from_form(
                self.fields.raw(), self.consent.scopes(), self._context.today()
            )
        except ValidationFailed as failed:
            errors.update(failed.errors)
        relation = _validated_relation(self.fields, self._context.today(), errors)
        first = self.fields.show_errors(errors)
        self.consent.show_scope_error(errors.get("consent_scopes"))
        if data is None or relation is None:
            self.message.setText(tr("Controleer de rood gemarkeerde velden."))
            if first is not None:
                first.setFocus()
            return
        try:
            self._store(data, relation)
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self.accept()

    def _store(self, data: CareRecipientData, relation: RelationData) -> None:
        recipients = self._context.services.care_recipients
        if self._relation is None or self._detail is None:
            recipients.create_for_caregiver(self._context.actor, self._caregiver_id, data, relation)
            return
        recipients.update(self._context.actor, self._detail.id, self._detail.version, data)
        recipients.update_relation(
            self._context.actor, self._relation.id, self._relation.version, relation
        )


class LinkRecipientDialog(QDialog):
    """Find an already registered naaste and link it to this caregiver."""

    def __init__(
        self, context: ScreenContext, caregiver_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id = caregiver_id
        self.setWindowTitle(tr("Bestaande naaste koppelen"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Zoek de naaste op naam of woonplaats"))
        self.results = QListWidget(self)
        self.fields = FieldSet(lambda: None)
        form = QFormLayout()
        add_relation_fields(self.fields, form)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        buttons = dialog_buttons(self, self.save, QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Koppelen"))
        vbox(self, self.search, (self.results, 1), form, self.message, buttons)
        self.search.textChanged.connect(self.search_recipients)
        self.search_recipients("")
        self.resize(520, 480)

    def search_recipients(self, text: str) -> None:
        self.results.clear()
        for summary in self._context.services.care_recipients.find(text):
            born = format_date(summary.birth_date)
            label = f"{summary.name}" + (f", {born}" if born else "")
            label += f", {summary.place}" if summary.place else ""
            label += tr(" ({n} mantelzorger(s))").format(n=summary.caregiver_count)
            item = QListWidgetItem(label, self.results)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
        if self.results.count():
            self.results.setCurrentRow(0)

    def save(self) -> None:
        errors: dict[str, str] = {}
        relation = _validated_relation(self.fields, self._context.today(), errors)
        self.fields.show_errors(errors)
        item = self.results.currentItem()
        if item is None:
            self.message.setText(tr("Kies eerst een naaste uit de lijst."))
            return
        if relation is None:
            self.message.setText(tr("Controleer de rood gemarkeerde velden."))
            return
        try:
            self._context.services.care_recipients.link(
                self._context.actor,
                self._caregiver_id,
                int(item.data(Qt.ItemDataRole.UserRole)),
                relation,
            )
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self.accept()

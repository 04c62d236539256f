"""A new application: find the caregiver, choose the naaste, when and how it came in, where to pay."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.compliment.application import ApplicationData, Channel
from steunpunt.domain.compliment.round_rules import Applicant, CompensationForm, RoundRules
from steunpunt.domain.dates import format_date, parse_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.iban import format_iban
from steunpunt.services.caregivers.dto import CaregiverDetail, CaregiverPage, CaregiverRow
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.debounce import debounce
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import field_column
from steunpunt.ui.widgets import ERROR_STYLE, ChoiceCombo, FieldEdit

SEARCH_DELAY_MS = 200
MATCHES = 30
DATE_HINT = "dd-mm-jjjj"


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def match_text(row: CaregiverRow) -> str:
    """``"Vries, Jan de · Dorpsstraat 12 · Soest · 01-02-1960"`` for the list of matches."""
    parts = [row.name, row.street_line, row.place, format_date(row.birth_date)]
    text = " · ".join(part for part in parts if part)
    return text if row.active else text + " " + tr("(inschrijving beëindigd)")


class RegistrationForm(QWidget):
    """The fields of a new application; :meth:`data` reads them or shows what is missing."""

    def __init__(
        self, context: ScreenContext, rules: RoundRules, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._generation = 0
        self.caregiver: CaregiverDetail | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("caregiver_search")
        self.search.setPlaceholderText(tr("Zoek op naam, postcode of telefoonnummer"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget(self)
        self.matches.setObjectName("caregiver_matches")
        self.matches.setFixedHeight(110)
        self.caregiver_error = QLabel(self)
        self.caregiver_error.setStyleSheet(ERROR_STYLE)
        self.caregiver_error.setWordWrap(True)
        self.caregiver_error.hide()
        caregiver_box = field_column(self, self.search, self.matches, self.caregiver_error)

        self.recipient = QComboBox(self)
        self.recipient.setObjectName("care_recipient")
        self.recipient.setEnabled(False)
        self.recipient_note = QLabel(tr("Kies eerst de mantelzorger."), self)
        self.recipient_note.setWordWrap(True)
        self.recipient_note.setStyleSheet("color: #555555;")
        recipient_box = field_column(self, self.recipient, self.recipient_note)

        self.received_on = FieldEdit("received_on", DATE_HINT, parse_date, self)
        self.received_on.set_text(format_date(context.today()))
        self.channel = ChoiceCombo("channel", Channel, parent=self)
        self.applied_by = QComboBox(self)
        self.applied_by.setObjectName("applied_by")
        for applicant in Applicant:
            self.applied_by.addItem(tr(applicant.label.capitalize()), applicant)
        self.applied_by.setCurrentIndex(self.applied_by.findData(rules.applicant))
        form = rules.form
        self.iban = FieldEdit("iban", tr("bijv. NL91 ABNA 0417 1643 00"), parent=self)
        self.account_holder = FieldEdit("account_holder", "", str.strip, self)
        self.account_holder.line.setMaxLength(70)
        self.voucher_code = FieldEdit(
            "voucher_code", tr("leeg als de bon later komt"), str.strip, self
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QFormLayout()
        outer.addLayout(layout)
        outer.addStretch(1)
        layout.addRow(tr("Mantelzorger *"), caregiver_box)
        layout.addRow(tr("Naaste *"), recipient_box)
        layout.addRow(tr("Ontvangen op *"), self.received_on)
        layout.addRow(tr("Binnengekomen per"), self.channel)
        layout.addRow(tr("Aangevraagd door"), self.applied_by)
        layout.addRow(tr("IBAN *"), self.iban)
        layout.addRow(tr("Rekeninghouder *"), self.account_holder)
        layout.addRow(tr("Waardeboncode"), self.voucher_code)
        voucher = form is CompensationForm.VOUCHER
        layout.setRowVisible(self.iban, not voucher)
        layout.setRowVisible(self.account_holder, not voucher)
        layout.setRowVisible(self.voucher_code, voucher)

        self._timer = debounce(self, SEARCH_DELAY_MS, self.search_caregivers)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.installEventFilter(self)
        self.matches.currentItemChanged.connect(self._choose)

    # --- finding the caregiver ----------------------------------------------------------------

    def search_caregivers(self) -> None:
        """Look up what was typed (in the background); a newer search replaces an older."""
        self._timer.stop()
        text = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.matches.clear()
            return
        criteria = CaregiverFilter(text=text, active=ActiveFilter.ALL)
        self._context.runner.start(
            lambda _context: self._context.services.caregivers.search(criteria, MATCHES),
            lambda page: self._show_matches(generation, page),
            lambda error: self._failed(generation, error),
        )

    def _show_matches(self, generation: int, page: CaregiverPage) -> None:
        if generation != self._generation:
            return
        self.matches.clear()
        for row in page.rows:
            item = QListWidgetItem(match_text(row), self.matches)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if not page.rows:
            QListWidgetItem(
                tr("Niemand gevonden. Zoek op achternaam, postcode of telefoonnummer."),
                self.matches,
            ).setFlags(Qt.ItemFlag.NoItemFlags)
        elif page.total > len(page.rows):
            more = QListWidgetItem(
                tr("… en nog {n}: typ meer om te zoeken.").format(n=page.total - len(page.rows)),
                self.matches,
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
        if page.rows:
            self.matches.setCurrentRow(0)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            report_error(self, error)

    def _choose(self, item: QListWidgetItem | None) -> None:
        caregiver_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if caregiver_id is None:
            return
        self.caregiver_error.hide()
        self._context.runner.start(
            lambda _context: self._context.services.caregivers.get(int(caregiver_id)),
            self._show_caregiver,
            lambda error: report_error(self, error),
        )

    def _show_caregiver(self, detail: CaregiverDetail) -> None:
        current = self.matches.currentItem()
        if current is None or current.data(Qt.ItemDataRole.UserRole) != detail.id:
            return  # another caregiver was chosen meanwhile
        self.caregiver = detail
        self.recipient.clear()
        for relation in detail.relations:
            hours = _hours(relation.data.hours_per_week)
            what = tr(relation.data.relation_type.label).lower()
            text = f"{relation.care_recipient_name} ({what}"
            text += tr(", {hours} uur per week)").format(hours=hours) if hours else ")"
            self.recipient.addItem(text, relation.care_recipient_id)
        self.recipient.setEnabled(bool(detail.relations))
        if detail.relations:
            self.recipient_note.hide()
        else:
            self.recipient_note.setText(
                tr(
                    "Deze mantelzorger heeft nog geen naaste in het register. Koppel eerst de "
                    "naaste op de kaart van de mantelzorger."
                )
            )
            self.recipient_note.show()
        self.iban.set_text(format_iban(detail.data.iban))
        self.account_holder.set_text(detail.display_name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search field, Enter searches at once and Down moves into the matches."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.search_caregivers()
                return True
            if event.key() == Qt.Key.Key_Down and self.matches.count():
                self.matches.setFocus()
                return True
        return super().eventFilter(watched, event)

    # --- reading ------------------------------------------------------------------------------

    def data(self) -> ApplicationData | None:
        """The application as filled in; None, with the problems shown, when it is incomplete."""
        errors: dict[str, str] = {}
        if self.caregiver is None:
            errors["caregiver"] = tr("Zoek en kies de mantelzorger.")
        elif self.recipient.currentData() is None:
            errors["care_recipient"] = tr("Kies de naaste voor wie de aanvraag is.")
        try:
            received_on = parse_date(self.received_on.text())
        except InvalidValue as error:
            errors["received_on"] = error.message
        checked = [field.check() for field in (self.iban, self.account_holder, self.voucher_code)]
        if errors or not all(checked):
            self.show_errors(errors, keep_field_checks=True)
            return None
        assert self.caregiver is not None
        return ApplicationData(
            caregiver_id=self.caregiver.id,
            care_recipient_id=int(self.recipient.currentData()),
            received_on=received_on,
            channel=Channel(self.channel.text()),
            iban=self.iban.text(),
            account_holder=self.account_holder.text(),
            voucher_code=self.voucher_code.text(),
            applied_by=self.applied_by.currentData(),
        )

    def show_errors(self, errors: Mapping[str, str], keep_field_checks: bool = False) -> None:
        """Each message at its field (the service's names: received_on, iban, account_holder)."""
        caregiver = errors.get("caregiver") or errors.get("care_recipient")
        self.caregiver_error.setText(caregiver or "")
        self.caregiver_error.setVisible(bool(caregiver))
        fields = (self.received_on, self.iban, self.account_holder, self.voucher_code)
        for field in fields:
            if field.name in errors or not keep_field_checks:
                field.show_error(errors.get(field.name))

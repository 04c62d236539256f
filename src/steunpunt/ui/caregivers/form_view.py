"""The caregiver form: personal data, registration and consent, naasten and contact moments."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.caregivers.caregiver import CaregiverData, caregiver_from_form
from steunpunt.domain.caregivers.form_values import caregiver_form_values
from steunpunt.domain.choices import Salutation
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem, ValidationFailed
from steunpunt.services.caregivers.dto import CaregiverDetail
from steunpunt.services.kernel.changes import Changes, Topic
from steunpunt.ui.caregivers.burden_panel import BurdenPanel
from steunpunt.ui.caregivers.form_header import caregiver_subtitle
from steunpunt.ui.caregivers.form_pages import (
    REGISTRATION_FIELDS,
    RegistrationPage,
    person_page,
    scrolling,
)
from steunpunt.ui.caregivers.household_help_panel import HouseholdHelpPanel
from steunpunt.ui.caregivers.letters_panel import LettersPanel
from steunpunt.ui.caregivers.panels import ContactsPanel, RelationsPanel
from steunpunt.ui.caregivers.referrals_panel import ReferralsPanel
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.privacy.form_actions import PrivacyButton
from steunpunt.ui.widgets import FieldEdit, FieldSet

log = logging.getLogger(__name__)

TAB_PERSON, TAB_REGISTRATION, TAB_RELATIONS, TAB_CONTACTS, TAB_LETTERS = range(5)
TAB_BURDEN, TAB_REFERRALS, TAB_HOUSEHOLD_HELP = range(5, 8)
RECORD_TABS = (
    TAB_RELATIONS,
    TAB_CONTACTS,
    TAB_LETTERS,
    TAB_BURDEN,
    TAB_REFERRALS,
    TAB_HOUSEHOLD_HELP,
)
"""Tabs of what is stored about a saved caregiver; a new one has none yet."""
RECORD_TAB_NAMES = {
    TAB_RELATIONS: "Naasten",
    TAB_CONTACTS: "Contactmomenten",
    TAB_REFERRALS: "Verwijzingen",
}
"""The tabs whose title counts the caregiver's records ("Naasten (2)"); a new form shows none."""


class CaregiverFormView(QWidget):
    """Create or edit one caregiver; nothing is saved until every field is valid."""

    back_requested = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._detail: CaregiverDetail | None = None
        self._dirty = False
        self._loading = False
        self._refused = False
        """The last save was refused: the message line counts the fields still red."""
        self.fields = FieldSet(self._mark_dirty)
        self._may_see_household_help = context.may("support", "HouseholdHelpService.grants")

        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subtitle = QLabel(self)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton(tr("Opslaan"), self)
        self.save_button.setToolTip(tr("Opslaan (Ctrl+S)"))
        self.save_button.setEnabled(context.may("caregivers", "CaregiverService.update"))
        self.revert_button = QPushButton(tr("Wijzigingen ongedaan maken"), self)
        self.back_button = QPushButton(tr("Terug naar de lijst"), self)
        self.back_button.setToolTip(tr("Terug naar de lijst (Esc)"))
        self.history_button = QPushButton(tr("Wie heeft dit dossier bekeken of gewijzigd?"), self)
        self.history_button.hide()
        self.privacy = PrivacyButton(context, lambda: self.caregiver_id, self.open_existing, self)

        person = person_page(self.fields)
        registration = RegistrationPage(context, self.fields, self._mark_dirty)
        self.volunteers = registration.volunteers
        self.no_mail = registration.no_mail
        self.consent = registration.consent
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scrolling(person), tr("Persoon"))
        self.tabs.addTab(scrolling(registration), tr("Inschrijving en toestemming"))
        self.relations = RelationsPanel(context, self)
        self.contacts = ContactsPanel(context, self)
        self.tabs.addTab(self.relations, tr(RECORD_TAB_NAMES[TAB_RELATIONS]))
        self.tabs.addTab(self.contacts, tr(RECORD_TAB_NAMES[TAB_CONTACTS]))
        self.letters = LettersPanel(context, self._saved_for_letter, self)
        self.tabs.addTab(self.letters, tr("Brieven"))
        self.burden = BurdenPanel(context, self)
        self.tabs.addTab(self.burden, tr("Belasting"))
        self.referrals = ReferralsPanel(context, self)
        self.tabs.addTab(self.referrals, tr(RECORD_TAB_NAMES[TAB_REFERRALS]))
        self.referrals.changed.connect(self._update_header)
        self.burden.changed.connect(self._update_header)
        self.household_help = HouseholdHelpPanel(context, self)
        self.tabs.addTab(self.household_help, tr("Huishoudelijke hulp"))
        self.relations.stale.connect(self._reload_records)
        self.contacts.stale.connect(self._reload_records)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.history_button)
        header.addWidget(self.privacy)
        header.addWidget(self.back_button)
        header.addWidget(self.revert_button)
        header.addWidget(self.save_button)
        vbox(self, header, self.message, (self.tabs, 1))

        for name in self.fields.raw():
            field = self.fields[name]
            checked = field.line.editingFinished if isinstance(field, FieldEdit) else field.edited
            checked.connect(self._recount_problems)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.back_button.clicked.connect(self.back_requested)
        self.history_button.clicked.connect(self.show_history)

    # -- opening ----------------------------------------------------------------------------

    @property
    def caregiver_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def open_new(self, municipality: str = "") -> None:
        self._detail = None
        self.history_button.hide()
        self._fill(
            {
                "registered_on": format_date(self.context.today()),
                "municipality": municipality,
                "salutation": Salutation.NEUTRAL.value,
            },
            None,
        )
        self.burden.clear()
        self.household_help.clear()
        self.volunteers.show_caregiver(None)
        self.tabs.setCurrentIndex(TAB_PERSON)
        self.fields["first_name"].setFocus()

    def open_existing(self, caregiver_id: int) -> None:
        self._show_detail(self.context.services.caregivers.open(self.context.actor, caregiver_id))
        self.tabs.setCurrentIndex(TAB_PERSON)
        self.fields["first_name"].setFocus()

    def show_history(self) -> None:
        """Who viewed or changed the open caregiver's record, from the audit trail."""
        from steunpunt.ui.audit_log import AuditLogDialog

        if self._detail is None:
            return
        caregiver = (self._detail.id, self._detail.data.name.full)
        dialog = AuditLogDialog(self.context, caregiver, self)
        dialog.exec()
        dialog.deleteLater()

    def _show_detail(self, detail: CaregiverDetail) -> None:
        self._detail = detail
        self.history_button.show()
        self._fill(caregiver_form_values(detail.data), detail.data)
        self.relations.show_detail(detail)
        self.contacts.show_detail(detail)
        self.letters.show_caregiver(detail.id)
        self.burden.show_caregiver(detail.id)
        self.referrals.show_caregiver(detail.id)
        if self._may_see_household_help:
            self.household_help.show_caregiver(detail.id)
        self.volunteers.show_caregiver(detail.id)
        self._update_header()  # the tab titles count what the panels just loaded

    def refresh_for(self, changes: Changes) -> None:
        """Show again what was written about the open caregiver: naasten and contacts (from their
        dialogs), letters sent (a mailing, a household-help letter), the band after new bands.
        Hidden, the form shows nothing: opening a caregiver loads it afresh."""
        if self._detail is None or not self.isVisible():
            return
        caregiver_id = self._detail.id
        if changes.touches({Topic.CARE_RECIPIENTS}) or (
            changes.touches({Topic.CONTACTS}) and caregiver_id in changes.caregiver_ids
        ):
            self._reload_records()
        if changes.touches({Topic.LETTERS}) and caregiver_id in changes.caregiver_ids:
            self.letters.show_caregiver(caregiver_id)
        if changes.touches({Topic.SETTINGS}):
            self.burden.show_caregiver(caregiver_id)
            self._update_header()

    def _fill(self, values: dict[str, str], data: CaregiverData | None) -> None:
        self._loading = True
        self.fields.fill(values)
        self.no_mail.setChecked(bool(data and data.no_mail))
        self.consent.set_consent(data.consent if data else None)
        self._loading = False
        self._dirty = False
        self._refused = False
        self.message.clear()
        self._update_header()

    def _update_header(self) -> None:
        detail = self._detail
        has_record = detail is not None
        for tab in RECORD_TABS:
            self.tabs.setTabEnabled(tab, has_record)
        self.tabs.setTabEnabled(TAB_HOUSEHOLD_HELP, has_record and self._may_see_household_help)
        if detail is None:
            for tab, name in RECORD_TAB_NAMES.items():
                self.tabs.setTabText(tab, tr(name))
            self.title.setText(tr("Nieuwe mantelzorger"))
            self.subtitle.setText(
                tr("Naasten en contactmomenten kunnen na het opslaan worden toegevoegd.")
            )
        else:
            self.title.setText(detail.display_name)
            self.subtitle.setText(
                caregiver_subtitle(detail.id, detail.data, self.burden.latest, self.context.today())
            )
            counts = {
                TAB_RELATIONS: len(detail.relations),
                TAB_CONTACTS: len(detail.contacts),
                TAB_REFERRALS: len(self.referrals.referrals),
            }
            for tab, count in counts.items():
                self.tabs.setTabText(tab, f"{tr(RECORD_TAB_NAMES[tab])} ({count})")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.revert_button.setEnabled(self._dirty)
        self.privacy.setEnabled(self._detail is not None)

    def _mark_dirty(self) -> None:
        if not self._loading:
            self._dirty = True
            self._update_buttons()

    # -- saving and leaving -----------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    def save(self) -> bool:
        """Validate every field, then save; on any problem the typed input stays in the form."""
        try:
            data = caregiver_from_form(
                self.fields.raw(),
                self.consent.scopes(),
                self.no_mail.isChecked(),
                self.context.today(),
            )
        except ValidationFailed as failed:
            self._show_errors(failed.errors)
            return False
        self.fields.show_errors({})
        self.consent.show_scope_error(None)
        self._refused = False
        caregivers = self.context.services.caregivers
        try:
            if self._detail is None:
                detail = caregivers.create(self.context.actor, data)
            else:
                detail = caregivers.update(
                    self.context.actor, self._detail.id, self._detail.version, data
                )
        except KnownProblem as problem:
            report_error(self, problem)
            return False
        self._show_detail(detail)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(tr("Opgeslagen."))
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        first = self.fields.show_errors(errors)
        self.consent.show_scope_error(errors.get("consent_scopes"))
        self._refused = True
        self._show_refusal(len(errors))
        names = set(errors)
        self.tabs.setCurrentIndex(TAB_REGISTRATION if names <= REGISTRATION_FIELDS else TAB_PERSON)
        if first is not None:
            first.setFocus()

    def _show_refusal(self, count: int) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(
            tr("Niet opgeslagen: controleer de {n} rood gemarkeerde velden.").format(n=count)
            if count > 1
            else tr("Niet opgeslagen: controleer het rood gemarkeerde veld.")
        )

    def _recount_problems(self) -> None:
        """After a refused save, a field put right: count again; none left, the line goes."""
        if not self._refused:
            return
        count = len(self.fields.in_error()) + int(bool(self.consent.scope_error.text()))
        if count:
            self._show_refusal(count)
        else:
            self._refused = False
            self.message.clear()

    def revert(self) -> None:
        """Undo all unsaved changes: back to what is stored."""
        if self._detail is None:
            self.open_new(self.fields.raw().get("municipality", ""))
        else:
            self._show_detail(self._detail)

    def confirm_leave(self) -> bool:
        """Ask about unsaved changes; True when it is fine to leave the form."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            tr("Niet opgeslagen wijzigingen"),
            tr("U heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            return True
        return False

    def _saved_for_letter(self) -> bool:
        """A letter uses the stored data: save typed changes first (False when that failed)."""
        return not self._dirty or self.save()

    def _reload_records(self) -> None:
        """After a naaste or contact changed, or a change to them was refused: refresh those
        tabs, keep typed personal data."""
        if self._detail is None:
            return
        fresh = self.context.services.caregivers.get(self._detail.id)
        if self._dirty:
            # Keep the version the typed edits are based on: the stale check must still hold.
            self._detail = replace(self._detail, relations=fresh.relations, contacts=fresh.contacts)
            self.relations.show_detail(fresh)
            self.contacts.show_detail(fresh)
            self._update_header()
        else:
            self._show_detail(fresh)

"""The dialog for one referral: to which organisation, why, with consent, and how it ended."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from steunpunt.domain.caregivers.consent import shares_with_partners
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem, ValidationFailed
from steunpunt.domain.support.referral import (
    REFERRAL_PARSERS,
    ReferralData,
    ReferralOutcome,
    referral_from_form,
)
from steunpunt.services.support.dto import ReferralView
from steunpunt.ui.caregivers.person_fields import DATE_HINT
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import (
    CHECK_FIELDS,
    ChoiceCombo,
    FieldEdit,
    FieldSet,
    NoteEdit,
    dialog_buttons,
    error_line,
    focus_field,
    hint_label,
    notice_label,
    show_combo_error,
)

CONSENT_TEXT = "De mantelzorger geeft toestemming om gegevens te delen met deze organisatie"
ALERT_STYLE = (
    "QLabel { color: #b00020; font-weight: bold; background: #fdecea;"
    " border: 1px solid #b00020; border-radius: 3px; padding: 6px; }"
)
CONSENT_INVALID = "QCheckBox { color: #b00020; font-weight: bold; }"


def referral_form_values(data: ReferralData) -> dict[str, str]:
    """A referral written back as the text of its form fields."""
    return {
        "referred_on": format_date(data.referred_on),
        "reason": data.reason,
        "follow_up_on": format_date(data.follow_up_on),
        "outcome": data.outcome.value if data.outcome else "",
        "closed_on": format_date(data.closed_on),
    }


def _date_field(name: str, hint: str = DATE_HINT) -> FieldEdit:
    return FieldEdit(name, hint, REFERRAL_PARSERS[name])


class ReferralDialog(QDialog):
    """Refer a caregiver to a partner organisation, or follow a referral up and close it."""

    def __init__(
        self,
        context: ScreenContext,
        caregiver_id: int,
        referral: ReferralView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id = caregiver_id
        self._referral = referral
        self.saved: ReferralView | None = None
        self.setWindowTitle(tr("Verwijzing bewerken") if referral else tr("Nieuwe verwijzing"))
        self.fields = FieldSet(lambda: None)
        self.partner = QComboBox(self)
        self.partner.setObjectName("partner")
        self._fill_partners()
        form = QFormLayout()
        form.addRow(tr("Organisatie *"), self.partner)
        form.addRow(tr("Datum verwijzing *"), self.fields.add(_date_field("referred_on")))
        form.addRow(tr("Reden *"), self.fields.add(NoteEdit("reason")))
        self.consent = QCheckBox(tr(CONSENT_TEXT), self)
        self.consent.setObjectName("consent_to_share")
        form.addRow(self.consent)
        self.consent_error = QLabel(self)
        self.consent_error.setStyleSheet(ALERT_STYLE)
        self.consent_error.setWordWrap(True)
        self.consent_error.hide()
        form.addRow(self.consent_error)
        form.addRow(tr("Terugbellen op"), self.fields.add(_date_field("follow_up_on")))
        outcome = ChoiceCombo("outcome", ReferralOutcome, tr("(nog niet bekend)"))
        form.addRow(tr("Uitkomst"), self.fields.add(outcome))
        closed = _date_field("closed_on", tr("leeg: vandaag, zodra er een uitkomst is"))
        form.addRow(tr("Afgesloten op"), self.fields.add(closed))
        form.addRow("", hint_label(tr("Met een uitkomst is de verwijzing afgesloten."), self))
        self.notice = notice_label(self)
        self.message = error_line(self)
        self.buttons = dialog_buttons(self, self.save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        vbox(self, self.notice, form, self.message, self.buttons)
        self.consent.toggled.connect(self._consent_toggled)
        if referral is None:
            self.fields.fill({"referred_on": format_date(self._context.today())})
            self._consent_from_registration()
        else:
            self.fields.fill(referral_form_values(referral.data))
            self.partner.setCurrentIndex(max(self.partner.findData(referral.data.partner_id), 0))
            self.consent.setChecked(referral.data.consent_to_share)
        if self.partner.count() <= 1:
            self.notice.setText(
                tr(
                    "Er staan nog geen actieve organisaties in de sociale kaart. Voeg ze eerst "
                    "toe via Beheer › Sociale kaart; daarna kunt u hier doorverwijzen."
                )
            )
            self.notice.show()
            self.save_button.setEnabled(False)
        self.resize(620, self.sizeHint().height())

    def _fill_partners(self) -> None:
        """Active organisations labelled with their kind; the referral's own one even if inactive."""
        self.partner.addItem(tr("(kies)"), None)
        keep = self._referral.data.partner_id if self._referral else None
        for view in self._context.services.partners.partners():
            if view.data.active or view.id == keep:
                label = f"{view.data.name} ({tr(view.data.kind.label)})"
                if not view.data.active:
                    label += tr(" – niet actief")
                self.partner.addItem(label, view.id)

    def _consent_from_registration(self) -> None:
        """Tick the consent box when the caregiver consented to sharing data at registration."""
        consent = self._context.services.caregivers.get(self._caregiver_id).data.consent
        if consent is not None and shares_with_partners(consent):
            self.consent.setChecked(True)
            self.consent.setToolTip(
                tr("Bij de inschrijving op {day} gegeven toestemming om gegevens te delen").format(
                    day=format_date(consent.given_on)
                )
            )

    def _consent_toggled(self, checked: bool) -> None:
        if checked:
            self.consent_error.hide()
            self.consent.setStyleSheet("")

    def save(self) -> None:
        consent = self.consent.isChecked()
        try:
            data = referral_from_form(
                self.fields.raw(), self.partner.currentData(), consent, self._context.today()
            )
        except ValidationFailed as failed:
            self._show_errors(failed.errors)
            return
        self._show_errors({})
        try:
            if self._referral is None:
                self.saved = self._context.services.referrals.add(
                    self._context.actor, self._caregiver_id, data
                )
            else:
                self.saved = self._context.services.referrals.update(
                    self._context.actor, self._referral.id, self._referral.version, data
                )
        except KnownProblem as problem:
            self.message.setText(problem.message)
            report_error(self, problem)
            return
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        """Each message at its field; no consent also in its own box and a warning."""
        first = self.fields.show_errors(errors)
        partner_error = errors.get("partner")
        show_combo_error(self.partner, partner_error)
        no_consent = errors.get("consent_to_share")
        self.consent_error.setText(no_consent or "")
        self.consent_error.setVisible(bool(no_consent))
        self.consent.setStyleSheet(CONSENT_INVALID if no_consent else "")
        others = set(errors) - {"consent_to_share"}
        hidden = [errors[n] for n in ("partner", "reason", "outcome") if n in errors]
        self.message.setText("\n".join([tr(CHECK_FIELDS), *hidden]) if others else "")
        if partner_error:
            self.partner.setFocus()
        else:
            focus_field(first)
        if no_consent:
            self.consent.setFocus()
            QMessageBox.warning(self, tr("Toestemming nodig"), no_consent)

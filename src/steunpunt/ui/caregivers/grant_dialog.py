"""The dialog to request household help or change a grant: provider, household, period, hours."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem, ValidationFailed
from steunpunt.domain.money import cents_text, parse_optional_cents
from steunpunt.domain.support.household_help.grant import GRANT_PARSERS, GrantData, grant_from_form
from steunpunt.domain.support.household_help.period import months_after, year_from
from steunpunt.domain.support.household_help.settings import hours_text
from steunpunt.domain.support.partner import PartnerKind
from steunpunt.services.support.dto import GrantView
from steunpunt.services.support.household_help import DECIDED
from steunpunt.ui.caregivers.person_fields import DATE_HINT
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import (
    CHECK_FIELDS,
    FieldEdit,
    FieldSet,
    NoteEdit,
    dialog_buttons,
    error_line,
    focus_field,
    notice_label,
    show_combo_error,
)

NO_PROVIDERS = (
    "Er staan nog geen actieve thuiszorgaanbieders in de sociale kaart. Voeg ze eerst toe via "
    "Beheer › Sociale kaart (soort Thuiszorg); daarna kunt u hier hulp aanvragen."
)


def default_dates(start: date) -> dict[str, str]:
    """A year of help from ``start`` (to the day before its anniversary), evaluated halfway."""
    return {
        "starts_on": format_date(start),
        "ends_on": format_date(year_from(start)),
        "evaluation_on": format_date(months_after(start, 6)),
    }


def grant_form_values(data: GrantData) -> dict[str, str]:
    """A grant written back as the text of its form fields."""
    return {
        "starts_on": format_date(data.starts_on),
        "ends_on": format_date(data.ends_on),
        "extended_until": format_date(data.extended_until),
        "hours_per_week": hours_text(data.hours_per_week),
        "hours_per_year": hours_text(data.hours_per_year),
        "own_contribution": cents_text(data.own_contribution_cents),
        "evaluation_on": format_date(data.evaluation_on),
        "note": data.note,
    }


def _field(name: str, hint: str = "") -> FieldEdit:
    return FieldEdit(name, hint, GRANT_PARSERS[name])


class GrantDialog(QDialog):
    """Request household help for a caregiver, or change a request or grant."""

    def __init__(
        self,
        context: ScreenContext,
        caregiver_id: int,
        grant: GrantView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id = caregiver_id
        self._grant = grant
        self._rules = self._context.services.household_help.rules()
        self.saved: GrantView | None = None
        self.setWindowTitle(
            tr("Huishoudelijke hulp bewerken") if grant else tr("Huishoudelijke hulp aanvragen")
        )
        self.notice = notice_label(self)
        self.provider = QComboBox(self)
        self.provider.setObjectName("provider")
        self.household = QComboBox(self)
        self.household.setObjectName("household")
        self.wmo = QCheckBox(tr("Het huishouden heeft al Wmo-hulp"), self)
        self.wmo.setObjectName("household_has_wmo_help")
        self.fields = FieldSet(lambda: None)
        rules = self._rules
        contribution = FieldEdit(
            "own_contribution",
            tr("bijv. {amount}").format(amount=cents_text(rules.own_contribution_cents)),
            lambda text: cents_text(parse_optional_cents(text)),
        )
        form = QFormLayout()
        form.addRow(tr("Thuiszorgaanbieder *"), self.provider)
        form.addRow(tr("Huishouden *"), self.household)
        self._start = _field("starts_on", DATE_HINT)
        form.addRow(tr("Begindatum *"), self.fields.add(self._start))
        form.addRow(tr("Einddatum *"), self.fields.add(_field("ends_on", DATE_HINT)))
        form.addRow(
            tr("Verlengd tot"), self.fields.add(_field("extended_until", tr("leeg: niet verlengd")))
        )
        form.addRow(
            tr("Uren per week *"),
            self.fields.add(_field("hours_per_week", self._most(rules.max_hours_per_week))),
        )
        form.addRow(
            tr("Uren per jaar *"),
            self.fields.add(_field("hours_per_year", self._most(rules.max_hours_per_year))),
        )
        form.addRow(tr("Eigen bijdrage per uur (€)"), self.fields.add(contribution))
        form.addRow("", self.wmo)
        form.addRow(tr("Evaluatiedatum"), self.fields.add(_field("evaluation_on", DATE_HINT)))
        form.addRow(tr("Notitie"), self.fields.add(NoteEdit("note")))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(
            tr("Nodig als de gewijzigde hulp niet meer in de regels past; wordt bewaard")
        )
        if grant is not None and grant.status in DECIDED:
            form.addRow(tr("Reden van de wijziging"), self.reason)
        else:
            self.reason.hide()
        self.message = error_line(self)
        self.buttons = dialog_buttons(self, self.save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        vbox(self, self.notice, form, self.message, self.buttons)
        self._fill_providers()
        self._fill_households()
        if grant is None:
            self._defaults = default_dates(self._context.today())
            self.fields.fill(
                {**self._defaults, "own_contribution": cents_text(rules.own_contribution_cents)}
            )
            self._start.line.editingFinished.connect(self._follow_start)
        else:
            self._defaults = {}
            self.fields.fill(grant_form_values(grant.data))
            self.wmo.setChecked(grant.data.household_has_wmo_help)
        self.resize(560, self.sizeHint().height())

    @staticmethod
    def _most(hours: float) -> str:
        return tr("maximaal {hours} volgens de regels").format(hours=hours_text(hours))

    def _fill_providers(self) -> None:
        """Active thuiszorg providers with their rate; the grant's own one even if inactive."""
        self.provider.addItem(tr("(kies)"), None)
        keep = self._grant.data.provider_id if self._grant else None
        for view in self._context.services.partners.partners(kind=PartnerKind.HOME_CARE):
            if not view.data.active and view.id != keep:
                continue
            label = view.data.name
            if view.data.hourly_rate_cents is not None:
                rate = cents_text(view.data.hourly_rate_cents)
                label += tr(" (€ {rate} per uur)").format(rate=rate)
            if not view.data.active:
                label += tr(" – niet actief")
            self.provider.addItem(label, view.id)
        if self.provider.count() == 1:
            self.notice.setText(tr(NO_PROVIDERS))
            self.notice.show()
            self.save_button.setEnabled(False)
        elif keep is not None:
            self.provider.setCurrentIndex(max(self.provider.findData(keep), 0))
        elif self.provider.count() == 2:
            self.provider.setCurrentIndex(1)

    def _fill_households(self) -> None:
        """The caregiver's own household, or that of one of the naasten."""
        self.household.addItem(tr("Eigen huishouden"), None)
        for relation in self._context.services.caregivers.get(self._caregiver_id).relations:
            self.household.addItem(
                tr("Huishouden van {name}").format(name=relation.care_recipient_name),
                relation.care_recipient_id,
            )
        keep = self._grant.data.care_recipient_id if self._grant else None
        if keep is not None and self.household.findData(keep) < 0 and self._grant is not None:
            self.household.addItem(
                tr("Huishouden {where}").format(where=self._grant.household), keep
            )
        self.household.setCurrentIndex(max(self.household.findData(keep), 0))

    def _follow_start(self) -> None:
        """A new start moves the default end and evaluation along, unless they were typed."""
        if not self._start.check():
            return
        moved = default_dates(GRANT_PARSERS["starts_on"](self._start.text()))
        for name in ("ends_on", "evaluation_on"):
            if self.fields[name].text() == self._defaults.get(name):
                self.fields[name].set_text(moved[name])
        self._defaults = moved

    def save(self) -> None:
        try:
            data = grant_from_form(
                self.fields.raw(),
                self.provider.currentData(),
                self.household.currentData(),
                self.wmo.isChecked(),
                self._rules.own_contribution_cents,
                self._context.today(),
            )
        except ValidationFailed as failed:
            self._show_errors(failed.errors)
            return
        self._show_errors({})
        help_ = self._context.services.household_help
        try:
            if self._grant is None:
                self.saved = help_.request(self._context.actor, self._caregiver_id, data)
            else:
                self.saved = help_.update(
                    self._context.actor,
                    self._grant.id,
                    self._grant.version,
                    data,
                    self.reason.text(),
                )
        except KnownProblem as problem:
            self.message.setText(problem.message)
            report_error(self, problem)
            if self.reason.isVisibleTo(self):
                self.reason.setFocus()
            return
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        """Each message at its field; the provider's in the summary under the form."""
        first = self.fields.show_errors(errors)
        provider_error = errors.get("provider")
        show_combo_error(self.provider, provider_error)
        lines = [tr(CHECK_FIELDS)] if errors else []
        if provider_error:
            lines.append(provider_error)
            self.provider.setFocus()
        else:
            focus_field(first)
        self.message.setText("\n".join(lines))

"""The rules of a compliment round in Dutch: a new round, or the rules of one to change."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.compliment.round_rules import (
    Applicant,
    CompensationForm,
    Residence,
    RoundRules,
    missing_payer,
    years_after,
)
from steunpunt.domain.dates import format_date, parse_date, parse_optional_date
from steunpunt.domain.errors import InvalidValue, KnownProblem
from steunpunt.domain.fields import PERSON_PARSERS
from steunpunt.domain.input_policy import BUDGET_MAX_CENTS
from steunpunt.domain.money import cents_text, normalized_amount, parse_optional_cents
from steunpunt.services.compliment.dto import RoundView
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import field_problems
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, field_column, vbox
from steunpunt.ui.widgets import FieldEdit, dialog_buttons, error_line

DATE_HINT = "dd-mm-jjjj"
NO_LIMIT = 0  # the spin boxes' special value: shown as "geen maximum", stored as None
FORMS = {CompensationForm.MONEY: "Geld", CompensationForm.VOUCHER: "Waardebon"}
RESIDENCES = {
    Residence.CARE_RECIPIENT: "De naaste woont in de gemeente",
    Residence.CAREGIVER: "De mantelzorger woont in de gemeente",
    Residence.EITHER: "Een van beiden woont in de gemeente",
}
APPLICANTS = {applicant: applicant.label.capitalize() for applicant in Applicant}
LIMITS = {
    "per_care_recipient": "Compliments per naaste",
    "per_address": "Compliments per adres",
    "per_caregiver": "Compliments per mantelzorger",
    "max_caregivers_per_recipient": "Mantelzorgers per naaste",
}


_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$")


def _bic(text: str) -> str:
    """``abnanl2a`` -> ``ABNANL2A``; empty stays empty."""
    bic = text.replace(" ", "").upper()
    if bic and not _BIC.match(bic):
        raise InvalidValue("Een BIC heeft 8 of 11 tekens, bijvoorbeeld ABNANL2A.")
    return bic


def _combo(labels: Mapping[Any, str], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for value, label in labels.items():
        combo.addItem(tr(label), value)
    return combo


def _limit(parent: QWidget, special: str, maximum: int = 99) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(NO_LIMIT, maximum)
    spin.setSpecialValueText(special)
    return spin


class RoundRulesDialog(QDialog):
    """Every setting of a round with its own widget; problems are shown at their field."""

    def __init__(
        self,
        context: ScreenContext,
        existing: RoundView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._existing = existing
        self.saved: RoundView | None = None
        self.setWindowTitle(
            tr("Regels van {title}").format(title=existing.title)
            if existing
            else tr("Nieuwe ronde")
        )
        self.errors: dict[str, QLabel] = {}

        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setGroupSeparatorShown(False)
        self.municipality = FieldEdit("municipality", tr("bijv. Soest"), parent=self)
        self.opens_on = FieldEdit("opens_on", DATE_HINT, parse_date, self)
        self.closes_on = FieldEdit("closes_on", DATE_HINT, parse_date, self)
        round_box = QGroupBox(tr("Ronde"), self)
        round_form = QFormLayout(round_box)
        round_form.addRow(tr("Jaar"), self.year)
        round_form.addRow(tr("Gemeente *"), self.municipality)
        round_form.addRow(tr("Aanvragen vanaf"), self.opens_on)
        round_form.addRow(tr("Aanvragen tot en met"), self.closes_on)

        self.form = _combo(FORMS, self)
        self.amount = FieldEdit("amount_cents", tr("bijv. 100,00"), normalized_amount, self)
        self.under_18 = FieldEdit("under_18", tr("leeg: hetzelfde bedrag"), normalized_amount, self)
        self.young = FieldEdit(
            "from_18_to_24", tr("leeg: hetzelfde bedrag"), normalized_amount, self
        )
        self.budget = FieldEdit(
            "fixed_budget_cents", tr("leeg: geen vast budget"), _budget_text, self
        )
        self.split = QCheckBox(tr("Het bedrag verdelen over de mantelzorgers van een naaste"), self)
        money_box = QGroupBox(tr("Compliment"), self)
        money_form = QFormLayout(money_box)
        money_form.addRow(tr("Vorm"), self.form)
        money_form.addRow(tr("Bedrag (€)"), self.amount)
        money_form.addRow(tr("Bedrag jonger dan 18 (€)"), self.under_18)
        money_form.addRow(tr("Bedrag 18 t/m 24 jaar (€)"), self.young)
        money_form.addRow(tr("Vast budget (€)"), self.budget)
        money_form.addRow("", self.split)
        self.budget.line.setToolTip(
            tr("Met een vast budget krijgt elke toekenning een gelijk deel van het budget.")
        )

        self.hours = QDoubleSpinBox(self)
        self.hours.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        self.hours.setRange(0, 168)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(tr(" uur per week"))
        self.months = QSpinBox(self)
        self.months.setRange(0, 120)
        self.months.setSuffix(tr(" maanden"))
        self.month_end = QCheckBox(
            tr("Zorg tot de laatste dag van een kortere maand telt als een volle maand"), self
        )
        self.month_end.setToolTip(
            tr("Zorg sinds 30 november is op 28 februari 3 maanden, zoals termijnen in de wet.")
        )
        self.age_reference = FieldEdit(
            "age_reference_date", tr("leeg: de datum van ontvangst"), parse_optional_date, self
        )
        self.residence = _combo(RESIDENCES, self)
        self.minimum_age = _limit(self, tr("geen minimumleeftijd"), 120)
        self.minimum_age.setSuffix(tr(" jaar"))
        self.applicant = _combo(APPLICANTS, self)
        self.wlz = QCheckBox(tr("Niet voor een naaste in een Wlz-instelling"), self)
        rules_box = QGroupBox(tr("Voorwaarden"), self)
        rules_form = QFormLayout(rules_box)
        rules_form.addRow(tr("Minimaal"), self._checked("min_hours_per_week", self.hours))
        rules_form.addRow(tr("Zorg sinds minimaal"), self.months)
        rules_form.addRow("", self.month_end)
        rules_form.addRow(tr("Woonplaats"), self.residence)
        rules_form.addRow(tr("Minimumleeftijd"), self.minimum_age)
        rules_form.addRow(tr("Leeftijd op (peildatum)"), self.age_reference)
        rules_form.addRow(tr("Wie vraagt aan"), self.applicant)
        rules_form.addRow("", self.wlz)

        self.payer_name = FieldEdit("payer_name", tr("bijv. Gemeente Soest"), str.strip, self)
        self.payer_name.line.setMaxLength(70)
        self.payer_iban = FieldEdit(
            "payer_iban", tr("rekening waarvan betaald wordt"), PERSON_PARSERS["iban"], self
        )
        self.payer_bic = FieldEdit("payer_bic", tr("leeg mag bij een Nederlandse bank"), _bic, self)
        payer_box = QGroupBox(tr("Betaling (voor het SEPA-bestand)"), self)
        payer_form = QFormLayout(payer_box)
        payer_form.addRow(tr("Betaald door"), self.payer_name)
        payer_form.addRow(tr("IBAN"), self.payer_iban)
        payer_form.addRow(tr("BIC"), self.payer_bic)

        self.limits = {name: _limit(self, tr("geen maximum")) for name in LIMITS}
        limits_box = QGroupBox(tr("Maxima per jaar"), self)
        limits_form = QFormLayout(limits_box)
        for name, label in LIMITS.items():
            limits_form.addRow(tr(label), self._checked(name, self.limits[name]))

        self.control_letter = QCheckBox(tr("Eerst een controlebrief naar de naaste"), self)
        self.control_weeks = QSpinBox(self)
        self.control_weeks.setRange(1, 52)
        self.control_weeks.setSuffix(tr(" weken"))
        control_box = QGroupBox(tr("Controlebrief"), self)
        control_form = QFormLayout(control_box)
        control_form.addRow("", self.control_letter)
        control_form.addRow(
            tr("Terug binnen"), self._checked("control_letter_weeks", self.control_weeks)
        )

        self.message = error_line(self)
        self.message.setObjectName("message")
        self.message.hide()
        buttons = dialog_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("Opslaan") if existing else tr("Ronde maken"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))

        grid = QGridLayout()
        grid.addWidget(round_box, 0, 0)
        grid.addWidget(money_box, 1, 0)
        grid.addWidget(payer_box, 2, 0)
        grid.addWidget(rules_box, 0, 1)
        grid.addWidget(limits_box, 1, 1)
        grid.addWidget(control_box, 2, 1)
        vbox(self, grid, self.message, STRETCH, buttons)

        self.control_letter.toggled.connect(self.control_weeks.setEnabled)
        self.year.valueChanged.connect(self._move_dates)
        today = context.today()
        self._shown_year = today.year
        if existing is None:
            self.show_rules(
                RoundRules(
                    year=today.year,
                    municipality=context.settings.default_municipality,
                    opens_on=date(today.year, 1, 1),
                    closes_on=date(today.year, 12, 31),
                )
            )
        else:
            self.show_rules(existing.rules)
            self.year.setEnabled(False)
            self.municipality.line.setReadOnly(True)
            self.municipality.setToolTip(tr("Jaar en gemeente van een ronde liggen vast."))
        self.resize(960, 600)

    def _checked(self, name: str, widget: QWidget) -> QWidget:
        """``widget`` with a red line underneath for the problems the service finds with it."""
        error = error_line(self)
        error.hide()
        self.errors[name] = error
        return field_column(self, widget, error)

    # --- the form -----------------------------------------------------------------------------

    def show_rules(self, rules: RoundRules) -> None:
        self._base = rules
        self._shown_year = rules.year
        self.year.blockSignals(True)
        self.year.setValue(rules.year)
        self.year.blockSignals(False)
        self.municipality.set_text(rules.municipality)
        self.opens_on.set_text(format_date(rules.opens_on))
        self.closes_on.set_text(format_date(rules.closes_on))
        self.form.setCurrentIndex(self.form.findData(rules.form))
        self.amount.set_text(cents_text(rules.amount_cents))
        self.under_18.set_text(cents_text(rules.amounts_by_bracket.get(AgeBracket.UNDER_18)))
        self.young.set_text(cents_text(rules.amounts_by_bracket.get(AgeBracket.FROM_18_TO_24)))
        self.budget.set_text(cents_text(rules.fixed_budget_cents))
        self.split.setChecked(rules.split_over_caregivers)
        self.hours.setValue(rules.min_hours_per_week)
        self.months.setValue(rules.min_months_of_care)
        self.month_end.setChecked(rules.count_to_month_end)
        self.age_reference.set_text(format_date(rules.age_reference_date))
        self.residence.setCurrentIndex(self.residence.findData(rules.residence))
        self.minimum_age.setValue(rules.minimum_age or NO_LIMIT)
        self.applicant.setCurrentIndex(self.applicant.findData(rules.applicant))
        self.wlz.setChecked(rules.exclude_wlz_institution)
        for name, spin in self.limits.items():
            spin.setValue(getattr(rules, name) or NO_LIMIT)
        self.payer_name.set_text(rules.payer_name)
        self.payer_iban.set_text(rules.payer_iban)
        self.payer_bic.set_text(rules.payer_bic)
        self.control_letter.setChecked(rules.control_letter_required)
        self.control_weeks.setValue(rules.control_letter_weeks)
        self.control_weeks.setEnabled(rules.control_letter_required)

    def rules(self) -> RoundRules | None:
        """The rules as shown; None (with the problems shown) when a field cannot be read."""
        fields = [self.municipality, self.opens_on, self.closes_on, self.amount, self.under_18]
        fields += [self.young, self.budget, self.payer_name, self.payer_iban, self.payer_bic]
        fields.append(self.age_reference)
        if not all([field.check() for field in fields]):
            return None
        brackets = {
            bracket: cents
            for bracket, field in (
                (AgeBracket.UNDER_18, self.under_18),
                (AgeBracket.FROM_18_TO_24, self.young),
            )
            if (cents := parse_optional_cents(field.text())) is not None
        }
        limits = {name: (spin.value() or None) for name, spin in self.limits.items()}
        # Start from the rules shown, so settings this form does not show are kept.
        return replace(
            self._base,
            year=self.year.value(),
            municipality=self.municipality.text().strip(),
            opens_on=parse_date(self.opens_on.text()),
            closes_on=parse_date(self.closes_on.text()),
            form=CompensationForm(self.form.currentData()),
            amount_cents=parse_optional_cents(self.amount.text()) or 0,
            amounts_by_bracket=brackets,
            min_hours_per_week=self.hours.value(),
            min_months_of_care=self.months.value(),
            count_to_month_end=self.month_end.isChecked(),
            age_reference_date=parse_optional_date(self.age_reference.text()),
            residence=Residence(self.residence.currentData()),
            minimum_age=self.minimum_age.value() or None,
            split_over_caregivers=self.split.isChecked(),
            fixed_budget_cents=_budget(self.budget.text()),
            exclude_wlz_institution=self.wlz.isChecked(),
            applicant=Applicant(self.applicant.currentData()),
            control_letter_required=self.control_letter.isChecked(),
            control_letter_weeks=self.control_weeks.value(),
            payer_name=self.payer_name.text(),
            payer_iban=self.payer_iban.text(),
            payer_bic=self.payer_bic.text(),
            per_care_recipient=limits["per_care_recipient"],
            per_address=limits["per_address"],
            per_caregiver=limits["per_caregiver"],
            max_caregivers_per_recipient=limits["max_caregivers_per_recipient"],
        )

    def _move_dates(self, year: int) -> None:
        """A new year moves the dates along when they were in the year shown before."""
        for field in (self.opens_on, self.closes_on, self.age_reference):
            try:
                day = parse_date(field.text())
            except InvalidValue:
                continue
            if day.year == self._shown_year:
                field.set_text(format_date(years_after(day, year - day.year)))
        self._shown_year = year

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> bool:
        self.show_problems({})
        rules = self.rules()
        if rules is None:
            return False
        try:
            if self._existing is None:
                self.saved = self._context.services.rounds.create(self._context.actor, rules)
            else:
                self.saved = self._context.services.rounds.update_rules(
                    self._context.actor, self._existing.id, self._existing.version, rules
                )
        except KnownProblem as problem:
            self.show_problems(field_problems(problem))
            return False
        payer_problem = missing_payer(rules)
        if payer_problem is not None:
            QMessageBox.warning(
                self,
                tr("Betaling"),
                tr("De ronde is opgeslagen, maar er kan nog niet worden betaald.")
                + " "
                + payer_problem,
            )
        self.accept()
        return True

    def show_problems(self, errors: Mapping[str, str]) -> None:
        """Each problem at its field; any the form has no place for in the line at the bottom."""
        fields = {"municipality": self.municipality, "closes_on": self.closes_on}
        fields["amount_cents"] = self.amount
        for name, field in fields.items():
            field.show_error(tr(errors[name]) if name in errors else None)
        for name, label in self.errors.items():
            label.setText(tr(errors.get(name, "")))
            label.setVisible(name in errors)
        placed = set(fields) | set(self.errors)
        rest = [tr(text) for name, text in errors.items() if name not in placed]
        self.message.setText("\n".join(rest))
        self.message.setVisible(bool(rest))


def _budget(text: str) -> int | None:
    """A round's budget in cents, up to the policy's largest budget; empty is none."""
    return parse_optional_cents(text, BUDGET_MAX_CENTS, "Het budget")


def _budget_text(text: str) -> str:
    """A field parser: the budget checked and written back in its usual form."""
    return cents_text(_budget(text))

"""The settings of support work in Dutch: EDIZ-plus bands, household-help rules, the worklist."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.errors import InvalidValue, KnownProblem, ValidationFailed
from steunpunt.domain.money import cents_text
from steunpunt.domain.support.burden import BurdenBands
from steunpunt.domain.support.household_help.settings import (
    MAX_WEEKLY_HOURS,
    HouseholdHelpRules,
    check_rules,
    contribution_cents,
)
from steunpunt.domain.today.worklist import WorklistSettings
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import field_problems
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, field_column, hbox, vbox
from steunpunt.ui.widgets import ERROR_STYLE, HINT_STYLE, FieldEdit, dialog_buttons

BANDS = {
    "light_from": "Licht vanaf",
    "moderate_from": "Matig vanaf",
    "heavy_from": "Zwaar vanaf",
    "overload_from": "Overbelast vanaf",
}
RULE_CHECKS = {
    "only_overloaded": "Alleen voor overbelaste mantelzorgers",
    "no_wmo_household_help": "Niet als het huishouden al Wmo-hulp heeft",
    "one_caregiver_per_household": "Eén mantelzorger per huishouden",
    "one_grant_per_year": "Eén toekenning per jaar",
    "budget_pro_rata": "Hulp korter dan een jaar: uren per jaar naar rato van de maanden",
    "partial_month_pro_rata": (
        "Begint of stopt de hulp in de loop van een maand: weekmaximum alleen over die dagen"
    ),
    "earlier_request_counts": (
        "Een eerdere aanvraag die nog niet besloten is, gaat voor (wie het eerst komt)"
    ),
}
BANDS_TAB, HOUSEHOLD_TAB, WORKLIST_TAB = range(3)


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def bands_text(bands: BurdenBands) -> str:
    """``0 geen · 1-3 licht · 4-8 matig · 9-15 zwaar · overbelast vanaf 9``."""
    if not 1 <= bands.light_from < bands.moderate_from < bands.heavy_from <= bands.items:
        return tr("Licht, matig en zwaar moeten in die volgorde oplopen.")
    parts = [
        (0, bands.light_from - 1, "geen"),
        (bands.light_from, bands.moderate_from - 1, "licht"),
        (bands.moderate_from, bands.heavy_from - 1, "matig"),
        (bands.heavy_from, bands.items, "zwaar"),
    ]
    shown = [f"{_span(first, last)} {tr(name)}" for first, last, name in parts]
    overload = tr("overbelast vanaf {score}").format(score=bands.overload_from)
    return " · ".join([*shown, overload])


def _label(parent: QWidget, style: str, text: str = "") -> QLabel:
    """A hint (grey, wrapped) or an error line (red; not wrapped, as that is cut off in a form)."""
    label = QLabel(text, parent)
    label.setStyleSheet(style)
    label.setWordWrap(style == HINT_STYLE)
    label.setVisible(style == HINT_STYLE)
    return label


def _hours(parent: QWidget, maximum: float, value: float, suffix: str) -> QDoubleSpinBox:
    """Hours with a Dutch decimal comma, to the quarter of an hour."""
    spin = QDoubleSpinBox(parent)
    spin.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    spin.setRange(0, maximum)
    spin.setDecimals(2)
    spin.setSingleStep(0.5)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin


def _whole(parent: QWidget, low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin


class SupportSettingsDialog(QDialog):
    """Three tabs of settings; OK checks and saves them all, Cancel changes nothing."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._bands = self._context.services.burden.bands()
        self._rules = self._context.services.household_help.rules()
        self._worklist = self._context.services.worklist.settings()
        self.result_text = ""  # after OK: what was saved, for the status bar
        self.errors: dict[str, QLabel] = {}
        self._tab_of: dict[str, int] = {}
        self._widget_of: dict[str, QWidget] = {}
        self.setWindowTitle(tr("Instellingen ondersteuning"))

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._bands_page(), tr("Belasting (EDIZ-plus)"))
        self.tabs.addTab(self._household_page(), tr("Huishoudelijke hulp"))
        self.tabs.addTab(self._worklist_page(), tr("Werklijst"))
        self.message = _label(self, ERROR_STYLE)
        self.message.setWordWrap(True)
        buttons = dialog_buttons(self, self.save, QDialogButtonBox.StandardButton.Ok)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(tr("Annuleren"))
        vbox(self, self.tabs, self.message, buttons)
        self.resize(620, self.sizeHint().height())

    def _checked(self, name: str, tab: int, widget: QWidget) -> QWidget:
        """``widget`` with a red line underneath for the problems found with it."""
        error = _label(self, ERROR_STYLE)
        self.errors[name] = error
        self._tab_of[name] = tab
        self._widget_of[name] = widget
        return field_column(self, widget, error)

    # --- the tabs ------------------------------------------------------------------------------

    def _bands_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.band_spins: dict[str, QSpinBox] = {}
        for name, label in BANDS.items():
            spin = _whole(page, 1, self._bands.items, getattr(self._bands, name))
            spin.valueChanged.connect(self._show_bands)
            spin.setMaximumWidth(90)
            self.band_spins[name] = spin
            form.addRow(tr(label), self._checked(name, BANDS_TAB, spin))
        self.bands_line = QLabel(page)
        self.bands_line.setWordWrap(True)
        form.addRow(tr("Indeling"), self.bands_line)
        note = tr(
            "De score loopt van 0 tot en met {items}. Wijzigt u de grenzen, dan wordt elke "
            "gemeten mantelzorger opnieuw ingedeeld."
        ).format(items=self._bands.items)
        form.addRow("", _label(page, HINT_STYLE, note))
        self._show_bands()
        return page

    def _household_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        rules = self._rules
        weekly, yearly = rules.max_hours_per_week, rules.max_hours_per_year
        self.week_hours = _hours(page, MAX_WEEKLY_HOURS, weekly, tr(" uur per week"))
        self.year_hours = _hours(page, 52 * MAX_WEEKLY_HOURS, yearly, tr(" uur per jaar"))
        self.months = _whole(page, 0, 60, rules.max_months, tr(" maanden"))
        self.extension = _whole(page, 0, 60, rules.extension_months, tr(" maanden"))
        self.extension.setSpecialValueText(tr("geen verlenging"))
        self.contribution = FieldEdit("own_contribution_cents", tr("bijv. 7,50"), _amount, page)
        self.contribution.set_text(cents_text(rules.own_contribution_cents))
        self.contribution.line.setMaximumWidth(120)
        rows = (
            ("Maximaal per week", "max_hours_per_week", self.week_hours),
            ("Maximaal per jaar", "max_hours_per_year", self.year_hours),
            ("Duur ten hoogste", "max_months", self.months),
            ("Verlenging (0 = geen verlenging)", "extension_months", self.extension),
        )
        for label, name, spin in rows:
            spin.setFixedWidth(190)
            form.addRow(tr(label), self._checked(name, HOUSEHOLD_TAB, spin))
        form.addRow(tr("Eigen bijdrage per uur (€)"), self.contribution)
        self._tab_of["own_contribution_cents"] = HOUSEHOLD_TAB
        self.rule_checks: dict[str, QCheckBox] = {}
        for name, label in RULE_CHECKS.items():
            check = QCheckBox(tr(label), page)
            check.setChecked(getattr(rules, name))
            self.rule_checks[name] = check
            form.addRow("", check)
        return page

    def _worklist_page(self) -> QWidget:
        page = QWidget(self)
        self.no_contact_months = _whole(page, 1, 24, self._worklist.months_without_contact)
        row = hbox(
            QLabel(tr("Overbelaste mantelzorgers tonen na"), page),
            self.no_contact_months,
            QLabel(tr("maanden zonder contact"), page),
            STRETCH,
        )
        line = QWidget(page)
        line.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout(page)
        column.addWidget(self._checked("months_without_contact", WORKLIST_TAB, line))
        hint = tr("Ze staan dan op de werklijst onder “Vandaag”.")
        column.addWidget(_label(page, HINT_STYLE, hint))
        self.no_contact_returns = QCheckBox(
            tr("Afgehandeld, maar een nieuwe meting toont weer overbelasting: opnieuw tonen"), page
        )
        self.no_contact_returns.setObjectName("no_contact_returns_on_new_measurement")
        self.no_contact_returns.setChecked(self._worklist.no_contact_returns_on_new_measurement)
        column.addWidget(self.no_contact_returns)
        column.addStretch(1)
        self._widget_of["months_without_contact"] = self.no_contact_months
        return page

    def _show_bands(self) -> None:
        self.bands_line.setText(bands_text(self.bands()))

    # --- reading -------------------------------------------------------------------------------

    def bands(self) -> BurdenBands:
        values = {name: spin.value() for name, spin in self.band_spins.items()}
        return BurdenBands(**values, items=self._bands.items)

    def rules(self) -> HouseholdHelpRules:
        """The rules as shown; an unreadable contribution keeps the stored one (save checks it)."""
        try:
            cents = contribution_cents(self.contribution.text())
        except InvalidValue:
            cents = self._rules.own_contribution_cents
        checks = {name: box.isChecked() for name, box in self.rule_checks.items()}
        return HouseholdHelpRules(
            max_hours_per_week=self.week_hours.value(),
            max_hours_per_year=self.year_hours.value(),
            max_months=self.months.value(),
            extension_months=self.extension.value(),
            own_contribution_cents=cents,
            **checks,
        )

    def worklist_settings(self) -> WorklistSettings:
        return WorklistSettings(self.no_contact_months.value(), self.no_contact_returns.isChecked())

    def problems(self) -> dict[str, str]:
        """Every problem with the values shown, per field name, in Dutch."""
        errors: dict[str, str] = {}
        for settings in (self.bands(), self.worklist_settings()):
            try:
                settings.check()
            except ValidationFailed as failed:
                errors.update(failed.errors)
        errors.update(check_rules(self.rules()))
        try:
            contribution_cents(self.contribution.text())
        except InvalidValue as error:
            errors["own_contribution_cents"] = error.message
        return errors

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Check everything, then save what changed; the bands first."""
        self.show_problems({})
        errors = self.problems()
        if errors:
            self.show_problems(errors)
            return False
        bands, rules, worklist = self.bands(), self.rules(), self.worklist_settings()
        rebanded: int | None = None
        try:
            if bands != self._bands:
                rebanded = self._context.services.burden.save_bands(self._context.actor, bands)
                self._bands = bands
            if rules != self._rules:
                self._context.services.household_help.save_rules(self._context.actor, rules)
                self._rules = rules
            if worklist != self._worklist:
                self._context.services.worklist.save_settings(self._context.actor, worklist)
                self._worklist = worklist
        except KnownProblem as problem:
            self.show_problems(field_problems(problem))
            return False
        self.result_text = _result_text(rebanded)
        self.accept()
        return True

    def show_problems(self, errors: Mapping[str, str]) -> None:
        """Each problem at its field, the tab of the first one shown; the rest at the bottom."""
        self.contribution.show_error(errors.get("own_contribution_cents"))
        for name, label in self.errors.items():
            label.setText(tr(errors.get(name, "")))
            label.setVisible(name in errors)
        placed = [name for name in self._tab_of if name in errors]
        rest = [tr(text) for name, text in errors.items() if name not in self._tab_of]
        self.message.setText("\n".join(rest))
        self.message.setVisible(bool(rest))
        if placed:
            first = min(placed, key=lambda name: self._tab_of[name])
            self.tabs.setCurrentIndex(self._tab_of[first])
            widget = self._widget_of.get(first, self.contribution.line)
            widget.setFocus()


def _amount(text: str) -> str:
    """A field parser: an amount is required; written back as ``7,50``."""
    return cents_text(contribution_cents(text))


def _result_text(rebanded: int | None) -> str:
    """What OK did, in one Dutch line."""
    if rebanded is None:
        return tr("Instellingen ondersteuning opgeslagen.")
    counted = (
        tr("1 gemeten mantelzorger is") if rebanded == 1 else tr("{n} gemeten mantelzorgers zijn")
    )
    return tr("Instellingen ondersteuning opgeslagen; {counted} opnieuw ingedeeld.").format(
        counted=counted.format(n=rebanded)
    )

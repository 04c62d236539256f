"""The dialog to change a grant's eigen bijdrage per hour from a month on."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QWidget

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.money import cents_text, normalized_amount, parse_cents
from steunpunt.domain.support.household_help.budget import rate_in_force
from steunpunt.services.support.dto import GrantView
from steunpunt.ui.caregivers.hours_dialog import default_month, grant_months
from steunpunt.ui.caregivers.household_help_text import month_name, period_text
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import FieldEdit, dialog_buttons, error_line

EXPLANATION = (
    "Uren van eerdere maanden houden het tarief dat toen gold; de nieuwe eigen bijdrage geldt "
    "voor de uren vanaf de gekozen maand. Was het tarief vanaf het begin fout, wijzig het dan "
    "bij de hulp zelf (Bewerken…)."
)


class RateDialog(QDialog):
    """Choose the month from which the new eigen bijdrage applies, and the amount per hour."""

    def __init__(
        self, context: ScreenContext, grant: GrantView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._grant = grant
        self.saved: GrantView | None = None
        self.setWindowTitle(tr("Eigen bijdrage wijzigen"))
        about = QLabel(period_text(grant), self)
        about.setStyleSheet("font-weight: 600;")
        hint = QLabel(tr(EXPLANATION), self)
        hint.setWordWrap(True)
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        months = grant_months(grant)[1:]
        for item in months:
            self.month.addItem(month_name(item), item)
        if months:
            today = self._context.today()
            now = (today.year, today.month)
            self.month.setCurrentIndex(
                months.index(now if now in months else default_month(months, today))
            )
        self.amount = FieldEdit("cents", tr("bijv. 8,00"), normalized_amount, self)
        self.current = QLabel(self)
        form = QFormLayout()
        form.addRow(tr("Vanaf *"), self.month)
        form.addRow("", self.current)
        form.addRow(tr("Eigen bijdrage per uur (€) *"), self.amount)
        self.message = error_line(self)
        self.buttons = dialog_buttons(self, self.save)
        vbox(self, about, hint, form, self.message, self.buttons)
        self.month.currentIndexChanged.connect(lambda _index: self._show_current())
        self._show_current()
        self.resize(480, self.sizeHint().height())

    def _first_day(self) -> date | None:
        chosen = self.month.currentData()
        return None if chosen is None else date(int(chosen[0]), int(chosen[1]), 1)

    def _show_current(self) -> None:
        first = self._first_day()
        if first is None:
            self.current.setText(tr("Deze hulp duurt één maand: wijzig het tarief bij de hulp."))
            return
        cents = rate_in_force(
            self._grant.data.own_contribution_cents, self._grant.rates, first.year, first.month
        )
        self.current.setText(tr("Nu in die maand: € {amount}").format(amount=cents_text(cents)))

    def save(self) -> None:
        first = self._first_day()
        if first is None or not self.amount.check() or not self.amount.text().strip():
            if not self.amount.text().strip():
                self.amount.show_error(tr("Vul de eigen bijdrage per uur in."))
            self.message.setText(tr("Controleer de rood gemarkeerde velden."))
            return
        self.message.clear()
        try:
            self.saved = self._context.services.household_help.change_rate(
                self._context.actor,
                self._grant.id,
                self._grant.version,
                first,
                parse_cents(self.amount.text()),
            )
        except KnownProblem as problem:
            self.message.setText(problem.message)
            report_error(self, problem)
            return
        self.accept()

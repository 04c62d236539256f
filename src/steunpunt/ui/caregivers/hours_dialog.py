"""The dialog to enter the hours a provider delivered in one month, from its statement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.input_policy import HOURS_PER_MONTH_MAX
from steunpunt.domain.support.household_help.grant import hours_parser
from steunpunt.domain.support.household_help.settings import hours_text
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.services.support.dto import GrantView
from steunpunt.ui.caregivers.household_help_text import Month, budget_text, month_name, period_text
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import FieldEdit, dialog_buttons, error_line, hint_label

HOURS_STATUSES = frozenset(
    {HouseholdHelpStatus.GRANTED, HouseholdHelpStatus.RUNNING, HouseholdHelpStatus.ENDED}
)
"""Statuses in which delivered hours are registered."""


def grant_months(grant: GrantView) -> list[Month]:
    """Every calendar month from the grant's start to its last day (with any extension)."""
    data = grant.data
    last = max(data.starts_on, data.ends_on, data.extended_until or data.ends_on)
    first_index = data.starts_on.year * 12 + data.starts_on.month - 1
    last_index = last.year * 12 + last.month - 1
    return [(index // 12, index % 12 + 1) for index in range(first_index, last_index + 1)]


def default_month(months: list[Month], today: date) -> Month:
    """The last of ``months`` before today's month; the first when none is."""
    before = [month for month in months if month < (today.year, today.month)]
    return before[-1] if before else months[0]


parse_month_hours = hours_parser(
    Decimal(HOURS_PER_MONTH_MAX), "van de maand (0 haalt de maand weg)"
)
"""``"12,5"`` -> ``12.5``; 0 removes the month; refused in Dutch."""


class HoursDialog(QDialog):
    """Hours delivered in one month of a grant; a new number replaces what was registered."""

    def __init__(
        self,
        context: ScreenContext,
        grant: GrantView,
        parent: QWidget | None = None,
        month: Month | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._grant = grant
        self._registered = {(m.year, m.month): m.hours for m in grant.months}
        self.saved: GrantView | None = None
        self.setWindowTitle(tr("Geleverde uren invoeren"))
        about = hint_label(
            f"{grant.provider_name or tr('(geen aanbieder)')}, {grant.household}, "
            + period_text(grant),
            self,
        )
        about.setStyleSheet("font-weight: 600;")
        self.month = QComboBox(self)
        self.month.setObjectName("month")
        months = grant_months(grant)
        for item in months:
            self.month.addItem(month_name(item), item)
        chosen = month if month in months else default_month(months, self._context.today())
        self.month.setCurrentIndex(months.index(chosen))
        self.registered = hint_label("", self)
        self.hours = FieldEdit("hours", tr("bijv. 12,5"), parse_month_hours, self)
        self.budget = hint_label(budget_text(grant), self)
        form = QFormLayout()
        form.addRow(tr("Maand *"), self.month)
        form.addRow("", self.registered)
        form.addRow(tr("Geleverde uren *"), self.hours)
        form.addRow("", self.budget)
        self.message = error_line(self)
        self.buttons = dialog_buttons(self, self.save, QDialogButtonBox.StandardButton.Ok)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        vbox(self, about, form, self.message, self.buttons)
        self.month.currentIndexChanged.connect(lambda _index: self._show_registered())
        self._show_registered()
        self.hours.line.setFocus()
        self.resize(500, self.sizeHint().height())

    def selected_month(self) -> Month:
        year, month = self.month.currentData()
        return int(year), int(month)

    def _show_registered(self) -> None:
        hours = self._registered.get(self.selected_month())
        if hours is None:
            self.registered.setText(tr("Voor deze maand zijn nog geen uren geregistreerd."))
        else:
            self.registered.setText(
                tr("Al geregistreerd: {hours} uur. Het nieuwe aantal vervangt dit;").format(
                    hours=hours_text(hours)
                )
                + " "
                + tr("0 haalt de maand weg.")
            )

    def save(self) -> None:
        if not self.hours.check():
            self.message.setText(tr("Controleer de rood gemarkeerde velden."))
            self.hours.line.setFocus()
            return
        self.message.clear()
        year, month = self.selected_month()
        try:
            self.saved = self._context.services.household_help.record_hours(
                self._context.actor,
                self._grant.id,
                year,
                month,
                parse_month_hours(self.hours.text()),
            )
        except KnownProblem as problem:
            self.message.setText(problem.message)
            report_error(self, problem)
            return
        self.accept()

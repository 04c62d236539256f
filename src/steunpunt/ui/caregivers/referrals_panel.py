"""The referrals tab of the caregiver form: to which organisations the caregiver was referred."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from steunpunt.domain.dates import format_date
from steunpunt.services.support.dto import ReferralView
from steunpunt.ui.caregivers.panels import Context, _Panel
from steunpunt.ui.errors import KNOWN_PROBLEMS, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.support.referral_dialog import ReferralDialog

OVERDUE_COLOUR = QColor("#b00020")
COL_FOLLOW_UP = 3


def is_overdue(referral: ReferralView, today: date) -> bool:
    """An open referral whose call-back date has passed."""
    follow_up = referral.data.follow_up_on
    return referral.data.is_open and follow_up is not None and follow_up < today


class ReferralsPanel(_Panel):
    """A caregiver's referrals, newest first; overdue call-backs in red."""

    changed = Signal()

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            [
                tr("Datum"),
                tr("Organisatie"),
                tr("Reden"),
                tr("Terugbellen op"),
                tr("Uitkomst"),
                tr("Afgesloten"),
            ],
            parent,
        )
        self._referrals: tuple[ReferralView, ...] = ()
        self.dialog: ReferralDialog | None = None
        self.records.add_button(tr("Nieuwe verwijzing…")).clicked.connect(self.new)
        self.records.add_button(tr("Bewerken…"), needs_selection=True).clicked.connect(self.edit)
        self.records.add_button(tr("Verwijderen"), needs_selection=True).clicked.connect(
            self.remove
        )
        self.records.activated.connect(lambda _row: self.edit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the list opens the referral; it goes no further (no dialog default button)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def referrals(self) -> tuple[ReferralView, ...]:
        """The referrals shown, newest first (for a count in the tab title)."""
        return self._referrals

    def show_caregiver(self, caregiver_id: int) -> None:
        """Load and show the caregiver's referrals."""
        services, _actor, today = self._context
        self._caregiver_id = caregiver_id
        self._referrals = tuple(services.referrals.referrals(caregiver_id))
        self.records.set_rows(
            [
                (
                    format_date(r.data.referred_on),
                    r.partner_name,
                    r.data.reason.replace("\n", " "),
                    format_date(r.data.follow_up_on),
                    tr(r.data.outcome.label) if r.data.outcome else "",
                    format_date(r.data.closed_on),
                )
                for r in self._referrals
            ]
        )
        for row, referral in enumerate(self._referrals):
            item = self.records.table.item(row, COL_FOLLOW_UP)
            if item is not None and is_overdue(referral, today()):
                item.setForeground(OVERDUE_COLOUR)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(tr("Terugbellen is over datum: deze verwijzing staat nog open."))

    def new(self) -> None:
        if self._caregiver_id is not None:
            self._open(ReferralDialog(self._context, self._caregiver_id, None, self))

    def edit(self) -> None:
        referral = self._selected()
        if referral is not None and self._caregiver_id is not None:
            self._open(ReferralDialog(self._context, self._caregiver_id, referral, self))

    def remove(self) -> None:
        referral = self._selected()
        if referral is None or self.dialog is not None:
            return
        answer = QMessageBox.question(
            self,
            tr("Verwijzing verwijderen"),
            tr("De verwijzing van {date} naar {name} verwijderen?").format(
                date=format_date(referral.data.referred_on), name=referral.partner_name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        services, actor, _today = self._context
        try:
            services.referrals.remove(actor, referral.id, referral.version)
        except KNOWN_PROBLEMS as problem:
            report_error(self, problem)
        self._reload()

    def _open(self, dialog: ReferralDialog) -> None:
        """Show the dialog window-modal; reload the list when it was saved."""
        if self.dialog is not None:
            dialog.deleteLater()
            return
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result:
                self._reload()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def _reload(self) -> None:
        if self._caregiver_id is not None:
            self.show_caregiver(self._caregiver_id)
        self.changed.emit()

    def _selected(self) -> ReferralView | None:
        row = self.records.current_row()
        return self._referrals[row] if row is not None else None

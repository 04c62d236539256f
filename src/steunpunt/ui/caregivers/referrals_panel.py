"""The referrals tab of the caregiver form: to which organisations the caregiver was referred."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget

from steunpunt.domain.dates import format_date
from steunpunt.services.support.dto import ReferralView
from steunpunt.ui.caregivers.panels import _Panel
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.screen_dialogs import (
    open_window_modal,
    swallow_enter,
)
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

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
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
        self.dialog: QDialog | None = None
        self.records.add_button(tr("Nieuwe verwijzing…")).clicked.connect(self.new)
        self._edit_and_remove(self.edit, tr("Verwijderen"), self.remove)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the list opens the referral; it goes no further (no dialog default button)."""
        if not swallow_enter(event):
            super().keyPressEvent(event)

    @property
    def referrals(self) -> tuple[ReferralView, ...]:
        """The referrals shown, newest first (for a count in the tab title)."""
        return self._referrals

    def show_caregiver(self, caregiver_id: int) -> None:
        """Load and show the caregiver's referrals."""
        self._caregiver_id = caregiver_id
        self._referrals = tuple(self._context.services.referrals.referrals(caregiver_id))
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
            if item is not None and is_overdue(referral, self._context.today()):
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
        question = tr("De verwijzing van {date} naar {name} verwijderen?").format(
            date=format_date(referral.data.referred_on), name=referral.partner_name
        )
        self._remove_after_asking(
            tr("Verwijzing verwijderen"),
            question,
            lambda s, a: s.referrals.remove(a, referral.id, referral.version),
            self._reload,
        )

    def _open(self, dialog: ReferralDialog) -> None:
        """Show the dialog window-modal; reload the list when it was saved."""
        open_window_modal(self, dialog, lambda result: self._reload() if result else None)

    def _reload(self) -> None:
        if self._caregiver_id is not None:
            self.show_caregiver(self._caregiver_id)
        self.changed.emit()

    def _selected(self) -> ReferralView | None:
        return self.records.pick(self._referrals)

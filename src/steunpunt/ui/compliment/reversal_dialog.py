"""Asking how a grant in a payment batch is reversed: why, on which day, and a note."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.compliment.reversal import ReversalKind
from steunpunt.domain.dates import format_date, parse_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.ui.i18n import tr
from steunpunt.ui.widgets import ERROR_STYLE, dialog_buttons


class ReversalDialog(QDialog):
    """The reversal's kind, date and note; :attr:`chosen` holds them once accepted."""

    def __init__(
        self, caregiver: str, amount_cents: int, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Terugboeken"))
        self.chosen: tuple[ReversalKind, date, str] | None = None
        intro = QLabel(
            tr(
                "{amount} van {name} gaat terug uit de betaalopdracht. De aanvraag komt weer "
                "in behandeling: daarna kunt u opnieuw toekennen of afwijzen."
            ).format(amount=euro(amount_cents), name=caregiver),
            self,
        )
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        self.kind = QComboBox(self)
        for kind in ReversalKind:
            self.kind.addItem(tr(kind.label), kind.value)
        self.day = QLineEdit(format_date(today), self)
        self.note = QLineEdit(self)
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(tr("Bijvoorbeeld: rekening opgeheven, nieuw IBAN gevraagd"))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Terugboeken"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(tr("Waarom"), self.kind)
        form.addRow(tr("Datum"), self.day)
        form.addRow(tr("Toelichting"), self.note)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def _accept(self) -> None:
        try:
            day = parse_date(self.day.text().strip())
        except InvalidValue as error:
            self._say(error.message)
            return
        if not self.note.text().strip():
            self._say("Schrijf erbij waarom het bedrag wordt teruggeboekt.")
            return
        self.chosen = (ReversalKind(self.kind.currentData()), day, self.note.text())
        self.accept()

    def _say(self, message: str) -> None:
        self.error.setText(tr(message))
        self.error.show()

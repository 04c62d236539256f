"""A batch decision: preview who will be granted (or sent a controlebrief) and who not, then do it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.numbers import number_text
from steunpunt.services.compliment.batches import BatchPreview
from steunpunt.services.compliment.dto import RoundView
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox, vbox
from steunpunt.ui.widgets import DONE_STYLE, show_status


def _verb(status: ApplicationStatus) -> str:
    if status is ApplicationStatus.AWAITING_CONTROL_LETTER:
        return tr("Controlebrief sturen ({n})")
    return tr("Toekennen ({n})")


class BatchDialog(QDialog):
    """Loads the preview on the task runner; what it decides shows in the window behind it
    through the change it announces."""

    def __init__(
        self, context: ScreenContext, round_view: RoundView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._round = round_view
        self.preview: BatchPreview | None = None
        self.setWindowTitle(tr("Batchbesluit · {title}").format(title=round_view.title))
        self.intro = QLabel(
            tr(
                "Een batchbesluit neemt alle open aanvragen die aan elke regel voldoen, geen "
                "waarschuwing hebben en binnen de maxima passen. Aanvragen met een waarschuwing "
                "of een afwijking beoordeelt u één voor één."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.to_decide = RecordTable(
            [tr("Mantelzorger"), tr("Naaste"), tr("Bedrag"), tr("Toelichting")]
        )
        self.left = RecordTable([tr("Mantelzorger"), tr("Naaste"), tr("Reden")])
        self.earlier = RecordTable(
            [tr("Mantelzorger"), tr("Naaste"), tr("Nieuw bedrag"), tr("Toelichting")]
        )
        self.to_decide_box = QGroupBox(self)
        self.left_box = QGroupBox(self)
        self.earlier_box = QGroupBox(self)
        for box, table in (
            (self.to_decide_box, self.to_decide),
            (self.earlier_box, self.earlier),
            (self.left_box, self.left),
        ):
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(4, 4, 4, 4)
            box_layout.addWidget(table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.to_decide_box)
        splitter.addWidget(self.earlier_box)
        splitter.addWidget(self.left_box)
        self.status = QLabel(tr("Voorbeeld laden…"), self)
        self.status.setWordWrap(True)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("result")
        self.done_label.setStyleSheet(DONE_STYLE)
        self.done_label.hide()
        self.decide_button = QPushButton(tr("Toekennen"), self)
        self.decide_button.setEnabled(False)
        self.decide_button.setAutoDefault(False)
        self.close_button = QPushButton(tr("Sluiten"), self)
        self.close_button.setDefault(True)
        buttons = hbox((self.status, 1), self.decide_button, self.close_button)
        vbox(self, self.intro, (splitter, 1), self.done_label, buttons)
        self.decide_button.clicked.connect(self.decide)
        self.close_button.clicked.connect(self.accept)
        self.resize(900, 640)

    def load(self) -> None:
        """Ask the service what a batch would do now (in the background)."""
        self.decide_button.setEnabled(False)
        self._context.runner.start(
            lambda _context: self._context.services.applications.batch_preview(self._round.id),
            self.show_preview,
            self._failed,
        )

    def show_preview(self, preview: BatchPreview) -> None:
        self.preview = preview
        count = len(preview.to_decide)
        self.to_decide.set_rows(
            [
                (
                    line.caregiver_name,
                    line.recipient_name,
                    euro(line.amount_cents),
                    line.explanation,
                )
                for line in preview.to_decide
            ]
        )
        self.left.set_rows(
            [(line.caregiver_name, line.recipient_name, line.explanation) for line in preview.left]
        )
        earlier = (*preview.revised, *preview.to_settle)
        self.earlier.set_rows(
            [
                (
                    line.caregiver_name,
                    line.recipient_name,
                    euro(line.amount_cents),
                    line.explanation,
                )
                for line in earlier
            ]
        )
        self.earlier.table.clearSelection()
        self.earlier_box.setTitle(
            tr("Eerdere toekenningen waarvan het bedrag verandert ({n})").format(
                n=number_text(len(earlier))
            )
        )
        self.earlier_box.setVisible(bool(earlier))
        self.to_decide.table.clearSelection()
        self.left.table.clearSelection()
        if preview.next_status is ApplicationStatus.AWAITING_CONTROL_LETTER:
            title = tr("Krijgen een controlebrief ({n})")
        else:
            title = tr("Worden toegekend ({n})")
        self.to_decide_box.setTitle(title.format(n=number_text(count)))
        self.left_box.setTitle(
            tr("Vallen af: één voor één beoordelen ({n})").format(n=number_text(len(preview.left)))
        )
        self.decide_button.setText(_verb(preview.next_status).format(n=number_text(count)))
        self.decide_button.setEnabled(count > 0)
        total = sum(line.amount_cents for line in preview.to_decide)
        if count and preview.revised:
            self._say(
                tr("Samen {amount}; {n} eerdere toekenningen worden aangepast.").format(
                    amount=euro(total), n=number_text(len(preview.revised))
                )
            )
        elif count:
            self._say(tr("Samen {amount}.").format(amount=euro(total)))
        else:
            self._say(tr("Er zijn geen aanvragen die in één keer besloten kunnen worden."))

    def decide(self) -> None:
        preview = self.preview
        if preview is None or not preview.to_decide:
            return
        count = number_text(len(preview.to_decide))
        if preview.next_status is ApplicationStatus.AWAITING_CONTROL_LETTER:
            question = tr("{n} aanvragen op 'wacht op controlebrief' zetten?").format(n=count)
        else:
            total = euro(sum(line.amount_cents for line in preview.to_decide))
            question = tr("{n} aanvragen toekennen, samen {amount}?").format(n=count, amount=total)
        if preview.revised:
            question += " " + tr("Het bedrag van {n} eerdere toekenningen wordt aangepast.").format(
                n=number_text(len(preview.revised))
            )
        answer = QMessageBox.question(
            self,
            tr("Batchbesluit"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ids = [line.application_id for line in preview.to_decide]
        self.decide_button.setEnabled(False)
        self._say(tr("Bezig…"))
        self._context.runner.start(
            lambda _context: self._context.services.applications.batch_decide(
                self._context.actor, self._round.id, ids
            ),
            self._done,
            self._failed,
        )

    def _done(self, decided: int) -> None:
        status = self.preview.next_status if self.preview else ApplicationStatus.GRANTED
        if status is ApplicationStatus.AWAITING_CONTROL_LETTER:
            text = tr("{n} aanvragen wachten nu op de controlebrief.")
        else:
            text = tr("{n} aanvragen toegekend.")
        self.done_label.setText(text.format(n=number_text(decided)))
        self.done_label.show()
        self.load()

    def _failed(self, error: BaseException) -> None:
        message = known_message(error)
        if message is None:
            self._say("")
            report_error(self, error)
        else:
            self._say(tr(message), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        show_status(self.status, text, error=error)

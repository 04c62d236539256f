"""The letters tab of the caregiver form: what was sent when, a new letter, a reprint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QVBoxLayout, QWidget

from steunpunt.domain.dates import format_date
from steunpunt.services.letters.dto import MailingRequest, SentLetterView
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.letters.pdf_ready import offer_pdf


class LettersPanel(QWidget):
    """The letter log of one caregiver, newest first."""

    def __init__(
        self,
        context: ScreenContext,
        ready_for_letter: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._folder = context.paths.letters_dir
        self._ready_for_letter = ready_for_letter
        self._caregiver_id: int | None = None
        self._letters: list[SentLetterView] = []
        self.records = RecordTable(
            [tr("Datum"), tr("Kenmerk"), tr("Brief"), tr("Onderwerp"), tr("Gericht aan")], self
        )
        self.records.add_button(tr("Brief maken…")).clicked.connect(self.new_letter)
        self.records.add_button(tr("Opnieuw afdrukken"), needs_selection=True).clicked.connect(
            self.reprint
        )
        self.records.activated.connect(lambda _row: self.reprint())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.records)

    def show_caregiver(self, caregiver_id: int) -> None:
        self._caregiver_id = caregiver_id
        self._letters = self._context.services.mailings.letter_log(caregiver_id)
        self.records.set_rows(
            [
                (
                    format_date(sent.sent_on),
                    sent.reference,
                    sent.template_name + (tr(" (herdruk)") if sent.reprint else ""),
                    sent.subject,
                    sent.addressed_as,
                )
                for sent in self._letters
            ]
        )

    def new_letter(self) -> None:
        """Choose a template and make the letter for this caregiver alone."""
        if self._caregiver_id is None or not self._ready_for_letter():
            return
        templates = self._context.services.letters.mailing_templates()
        names = [view.title for view in templates]
        chosen, accepted = QInputDialog.getItem(
            self, tr("Brief maken"), tr("Welke brief?"), names, 0, False
        )
        if not accepted or chosen not in names:
            return
        request = MailingRequest(
            template_id=templates[names.index(chosen)].id,
            letter_date=self._context.today(),
            folder=self._folder,
            caregiver_ids=(self._caregiver_id,),
            description=tr("Losse brief"),
        )
        self._in_background(
            lambda: (
                self._context.services.mailings.make_mailing(
                    self._context.actor, request
                ).letters_pdf
            ),
            tr("De brief is gemaakt en vastgelegd."),
        )

    def reprint(self) -> None:
        """The selected letter again, with the text as it was sent and today's address."""
        row = self.records.current_row()
        if row is None or self._caregiver_id is None or not self._ready_for_letter():
            return
        sent = self._letters[row]
        self._in_background(
            lambda: self._context.services.mailings.reprint(
                self._context.actor, sent.id, self._folder
            ),
            tr("De brief is opnieuw gemaakt."),
        )

    def _in_background(self, make: Callable[[], Path], message: str) -> None:
        """Make the PDF on the task runner; then offer to open or print it (the log shows the
        letter from the change it announces)."""
        self.records.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def finished() -> None:
            QApplication.restoreOverrideCursor()
            self.records.setEnabled(True)

        def done(path: Path) -> None:
            finished()
            offer_pdf(self, path, message)

        def failed(error: BaseException) -> None:
            finished()
            report_error(self, error)

        self._context.runner.start(lambda _context: make(), done, failed)

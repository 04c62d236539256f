"""The letters tab of the caregiver form: what was sent when, a new letter, a reprint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QVBoxLayout, QWidget

from steunpunt.domain.dates import format_date
from steunpunt.domain.letters.text_dates import past_dates_warning
from steunpunt.services.letters.dto import MailingRequest, SentLetterView
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.letters.letter_preview_dialog import LetterPreviewDialog
from steunpunt.ui.pdf_output import print_pdf
from steunpunt.ui.saved_file import tell_where_saved

T = TypeVar("T")


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
        if not context.may("letters", "MailingService.reprint"):
            self.records.hide_buttons()
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
        """Choose a template and show the letter for this caregiver alone; it is made and
        logged once it is saved or printed."""
        if self._caregiver_id is None or not self._ready_for_letter():
            return
        templates = self._context.services.letters.mailing_templates()
        names = [view.title for view in templates]
        chosen, accepted = QInputDialog.getItem(
            self, tr("Brief maken"), tr("Welke brief?"), names, 0, False
        )
        if not accepted or chosen not in names:
            return
        view = templates[names.index(chosen)]
        request = MailingRequest(
            template_id=view.id,
            letter_date=self._context.today(),
            folder=self._folder,
            caregiver_ids=(self._caregiver_id,),
            description=tr("Losse brief"),
        )
        text = f"{view.data.subject}\n{view.data.body}"
        warning = past_dates_warning(text, request.letter_date)
        self._in_background(
            lambda: self._context.services.mailings.preview_letters(request),
            lambda pdf: self._preview(request, pdf, warning),
        )

    def _preview(self, request: MailingRequest, pdf: bytes, warning: str | None) -> None:
        """Show the letter; only when it is saved or printed is it made and logged."""
        dialog = LetterPreviewDialog(pdf, warning, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        printing = dialog.printing
        self._in_background(
            lambda: (
                self._context.services.mailings.make_mailing(
                    self._context.actor, request
                ).letters_pdf
            ),
            lambda path: self._made(path, printing),
        )

    def _made(self, path: Path, printing: bool) -> None:
        if printing:
            print_pdf(self, path)
        tell_where_saved(self, tr("De brief is opgeslagen en vastgelegd."), [path])

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
            lambda path: tell_where_saved(self, tr("De brief is opnieuw gemaakt."), [path]),
        )

    def _in_background(self, work: Callable[[], T], done: Callable[[T], None]) -> None:
        """Run ``work`` on the task runner with this tab disabled, then hand its result to
        ``done`` (the log shows a new letter from the change it announces)."""
        self.records.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def finished() -> None:
            QApplication.restoreOverrideCursor()
            self.records.setEnabled(True)

        def succeeded(result: T) -> None:
            finished()
            done(result)

        def failed(error: BaseException) -> None:
            finished()
            report_error(self, error)

        self._context.runner.start(lambda _context: work(), succeeded, failed)

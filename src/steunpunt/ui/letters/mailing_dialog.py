"""Making a mailing: letter, recipients, shared addresses, output files; in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from steunpunt.domain.choices import Grouping
from steunpunt.domain.dates import format_date, parse_date
from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.domain.letters.text_dates import past_dates_warning
from steunpunt.domain.numbers import number_text
from steunpunt.services.letters.dto import LeftOut, MailingRequest, MailingResult, RecipientCount
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.debounce import debounce
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.letters.left_out_dialog import LeftOutDialog
from steunpunt.ui.letters.recipient_filter_box import RecipientFilterBox
from steunpunt.ui.pdf_output import print_pdf
from steunpunt.ui.saved_file import open_folder, open_pdf, where_saved_text
from steunpunt.ui.tasks import TaskContext

COUNT_DELAY_MS = 300
LARGE_PRINT_JOB = 200  # pages: beyond this, printing page images here gets slow


class MailingDialog(QDialog):
    """One window from choosing the letter to printing it; the work runs on the task runner."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._task: TaskContext | None = None
        self._counted: RecipientFilter | None = None
        self._count_generation = 0
        self.made: MailingResult | None = None
        self.setWindowTitle(tr("Mailing maken"))
        self.resize(760, 640)

        self.template = QComboBox(self)
        for view in self._context.services.letters.mailing_templates():
            self.template.addItem(view.title, view.id)
        self.letter_date = QLineEdit(format_date(context.today()), self)
        self.letter_date.setMaximumWidth(110)
        letter_box = QGroupBox(tr("Brief"), self)
        letter_form = QFormLayout(letter_box)
        letter_form.addRow(tr("Sjabloon"), self.template)
        letter_form.addRow(tr("Datum van de brief"), self.letter_date)

        self.filter = RecipientFilterBox(context, self)
        self.count = QLabel(self)
        self.left_out_button = QPushButton(tr("Wie vallen af?"), self)
        self.left_out_button.setEnabled(False)
        self.grouping = QComboBox(self)
        for grouping in Grouping:
            self.grouping.addItem(tr(grouping.label), grouping)
        count_row = hbox((self.count, 1), self.left_out_button)

        self.folder = QLineEdit(str(context.paths.letters_dir), self)
        browse = QPushButton(tr("Bladeren…"), self)
        self.per_person = QCheckBox(tr("Ook één PDF per persoon, in een eigen map"), self)
        self.labels = QCheckBox(tr("Adresetiketten (vel zoals ingesteld bij Huisstijl)"), self)
        self.csv = QCheckBox(tr("CSV-bestand met de adressen, voor een drukkerij"), self)
        folder_row = hbox((self.folder, 1), browse)
        output_box = QGroupBox(tr("Uitvoer"), self)
        output_form = QFormLayout(output_box)
        output_form.addRow(tr("Per adres"), self.grouping)
        output_form.addRow(tr("Map"), folder_row)
        output_form.addRow("", self.per_person)
        output_form.addRow("", self.labels)
        output_form.addRow("", self.csv)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.make_button = QPushButton(tr("Brieven maken"), self)
        self.make_button.setDefault(True)
        self.open_button = QPushButton(tr("PDF openen"), self)
        self.print_button = QPushButton(tr("Afdrukken…"), self)
        self.folder_button = QPushButton(tr("Map openen"), self)
        self.close_button = QPushButton(tr("Sluiten"), self)
        for button in (self.open_button, self.print_button, self.folder_button):
            button.setVisible(False)
        buttons = hbox(
            self.open_button,
            self.print_button,
            self.folder_button,
            STRETCH,
            self.make_button,
            self.close_button,
        )

        vbox(
            self,
            letter_box,
            self.filter,
            count_row,
            output_box,
            self.progress,
            self.status,
            STRETCH,
            buttons,
        )

        self._count_timer = debounce(self, COUNT_DELAY_MS, self.count_recipients)
        self.filter.changed.connect(self._count_timer.start)
        self.left_out_button.clicked.connect(self.show_left_out)
        browse.clicked.connect(self._browse)
        self.make_button.clicked.connect(self.make)
        self.close_button.clicked.connect(self._close_or_cancel)
        self.open_button.clicked.connect(self._open_result)
        self.print_button.clicked.connect(self._print_result)
        self.folder_button.clicked.connect(self._open_folder)
        self.count_recipients()

    # --- recipients ---------------------------------------------------------------------------

    def count_recipients(self) -> None:
        """Count who the filter reaches, in the background; a newer count replaces an older."""
        try:
            criteria = self.filter.criteria()
        except InvalidValue as error:
            self.count.setText(error.message)
            self.left_out_button.setEnabled(False)
            return
        self._count_generation += 1
        generation = self._count_generation
        self.count.setText(tr("Ontvangers tellen…"))

        def done(count: RecipientCount) -> None:
            if generation == self._count_generation:
                self._counted = criteria
                self._show_count(count)

        self._context.runner.start(
            lambda _context: self._context.services.mailings.count_recipients(criteria),
            done,
            lambda error: self._count_failed(error, generation),
        )

    def _count_failed(self, error: BaseException, generation: int) -> None:
        if generation == self._count_generation:
            self.count.setText("")
            report_error(self, error)

    def _show_count(self, count: RecipientCount) -> None:
        text = tr("{count} mantelzorgers krijgen deze brief.").format(
            count=number_text(count.included)
        )
        if count.left_out:
            reasons = ", ".join(
                f"{tr(reason.label).lower()}: {number_text(number)}"
                for reason, number in sorted(count.left_out.items())
            )
            text += " " + tr("{count} vallen af ({reasons}).").format(
                count=number_text(sum(count.left_out.values())), reasons=reasons
            )
        self.count.setText(text)
        self.left_out_button.setEnabled(bool(count.left_out))

    def show_left_out(self) -> None:
        """List who the counted filter leaves out, with the reason for each (loaded in the background)."""
        criteria = self._counted
        if criteria is None:
            return
        self.left_out_button.setEnabled(False)

        def loaded(people: list[LeftOut]) -> None:
            self.left_out_button.setEnabled(True)
            LeftOutDialog(people, self).exec()

        def failed(error: BaseException) -> None:
            self.left_out_button.setEnabled(True)
            report_error(self, error)

        self._context.runner.start(
            lambda _context: self._context.services.mailings.left_out(criteria), loaded, failed
        )

    # --- making -------------------------------------------------------------------------------

    def request(self) -> MailingRequest:
        """The mailing as the dialog shows it; raises :class:`InvalidValue` in Dutch."""
        template_id = self.template.currentData()
        if template_id is None:
            raise InvalidValue(tr("Kies een sjabloon voor de brief."))
        if not self.folder.text().strip():
            raise InvalidValue(tr("Kies een map voor de bestanden."))
        style, _version = self._context.services.letters.house_style()
        return MailingRequest(
            template_id=int(template_id),
            letter_date=parse_date(self.letter_date.text()),
            folder=Path(self.folder.text().strip()).expanduser(),
            grouping=Grouping(self.grouping.currentData()),
            criteria=self.filter.criteria(),
            description=self.filter.description(),
            per_person_pdfs=self.per_person.isChecked(),
            labels=style.label_sheet if self.labels.isChecked() else None,
            print_shop_csv=self.csv.isChecked(),
        )

    def make(self) -> None:
        try:
            request = self.request()
        except InvalidValue as error:
            self.status.setText(error.message)
            return
        if not self._dates_still_to_come(request):
            return
        self._set_running(True)
        self.status.setText(tr("Brieven maken…"))
        self._task = self._context.runner.start(
            lambda context: self._context.services.mailings.make_mailing(
                self._context.actor, request, context.progress
            ),
            self._made,
            self._failed,
            self._progressed,
        )

    def _dates_still_to_come(self, request: MailingRequest) -> bool:
        """Warn of dates in the letter's text that are past on the letter date; True to go on."""
        template = self._context.services.letters.template(request.template_id).data
        warning = past_dates_warning(f"{template.subject}\n{template.body}", request.letter_date)
        if warning is None:
            return True
        answer = QMessageBox.question(
            self, tr("Mailing maken"), warning + " " + tr("Toch de brieven maken?")
        )
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.status.setText(warning)
        return False

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _made(self, result: MailingResult) -> None:
        self._task = None
        self._set_running(False)
        self.made = result
        done = tr(
            "Klaar: {letters} brieven voor {people} mantelzorgers, kenmerk {reference}."
        ).format(
            letters=number_text(result.letters),
            people=number_text(result.people),
            reference=result.reference,
        )
        if result.by_hand:
            done += " " + tr(
                "Met de hand adresseren: het adres van {names} past niet op een etiket. Ze staan "
                "op de laatste pagina van de etiketten."
            ).format(names="; ".join(result.by_hand))
        self.status.setText(done + "\n" + where_saved_text(result.files))
        for button in (self.open_button, self.print_button, self.folder_button):
            button.setVisible(True)
        self.make_button.setEnabled(False)  # a second click would send everything twice
        self.open_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.status.setText(error.message)
            return
        message = known_message(error)
        if message is not None:
            self.status.setText(message)
        report_error(self, error)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)  # busy until the first letter is counted
        self.make_button.setEnabled(not running)
        self.close_button.setText(tr("Afbreken") if running else tr("Sluiten"))
        for widget in (self.template, self.letter_date, self.filter, self.grouping, self.folder):
            widget.setEnabled(not running)

    def _close_or_cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(tr("Afbreken…"))
            return
        self.accept() if self.made else self.reject()

    def reject(self) -> None:
        """Escape or the window's close button: cancel running work first."""
        if self._task is not None:
            self._task.cancel()
            return
        super().reject()

    # --- results ------------------------------------------------------------------------------

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, tr("Map voor de brieven"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _open_result(self) -> None:
        if self.made is not None:
            open_pdf(self, self.made.letters_pdf)

    def _print_result(self) -> None:
        """Print at 100 %; a large mailing is better sent from the PDF viewer or a print shop."""
        made = self.made
        if made is None:
            return
        if made.letters > LARGE_PRINT_JOB:
            answer = QMessageBox.question(
                self,
                tr("Afdrukken"),
                tr(
                    "Dit zijn {count} brieven. Steunpunt drukt elke pagina als afbeelding af; "
                    "vanuit de PDF-lezer gaat dat sneller (zet daar 'werkelijke grootte' aan). "
                    "Toch hier afdrukken?"
                ).format(count=number_text(made.letters)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        print_pdf(self, made.letters_pdf)

    def _open_folder(self) -> None:
        if self.made is not None:
            open_folder(self.made.letters_pdf)

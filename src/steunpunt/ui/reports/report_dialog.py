"""The verantwoording for the gemeente: choose period and gemeente, make the PDF or workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.file_names import safe_file_name
from steunpunt.domain.reports.report import ReportSettings
from steunpunt.domain.reports.suppression import privacy_note
from steunpunt.services.reports.report_file import write_report_file
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.saved_file import tell_where_saved
from steunpunt.ui.tasks import TaskContext
from steunpunt.ui.widgets import show_status

ALL = ""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportDialog(QDialog):
    """Period (a whole year by default), gemeente, privacy threshold and age brackets."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._folder = context.paths.letters_dir
        self.busy = False
        self.made: Path | None = None
        self.setWindowTitle(tr("Verantwoording voor de gemeente"))
        today = context.today()
        last_year = today.year - 1 if today.month < 4 else today.year
        self.starts_on = self._date_edit(date(last_year, 1, 1))
        self.ends_on = self._date_edit(date(last_year, 12, 31))
        self.municipality = QComboBox(self)
        self.municipality.setObjectName("municipality")
        self.municipality.addItem(tr("Alle gemeenten"), ALL)
        for name in self._context.services.reports.municipalities():
            self.municipality.addItem(name, name)
        settings = self._context.services.reports.settings()
        self.suppress = QSpinBox(self)
        self.suppress.setRange(0, 20)
        self.suppress.setValue(settings.suppress_below)
        self.suppress.setSpecialValueText(tr("niets verbergen"))
        self.brackets = QLineEdit(", ".join(map(str, settings.age_brackets)), self)
        self.brackets.setToolTip(tr("Ondergrenzen van de leeftijdsgroepen na de eerste"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        # Room for two lines from the start, so "Gemaakt: …" never takes it from the fields.
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        self.pdf_button = QPushButton(tr("PDF maken…"), self)
        self.excel_button = QPushButton(tr("Excel maken…"), self)
        self.close_button = QPushButton(tr("Sluiten"), self)

        period = hbox(self.starts_on, QLabel(tr("t/m"), self), self.ends_on, STRETCH)
        form = QFormLayout()
        form.addRow(tr("Periode"), period)
        form.addRow(tr("Gemeente"), self.municipality)
        privacy = QGroupBox(tr("Privacy en leeftijdsgroepen (voor het hele steunpunt)"), self)
        privacy_form = QFormLayout(privacy)
        privacy_form.addRow(tr("Aantallen kleiner dan"), self.suppress)
        privacy_form.addRow(tr("Leeftijdsgroepen vanaf"), self.brackets)
        self.privacy_note = QLabel(self)
        self.privacy_note.setWordWrap(True)
        privacy_form.addRow(self.privacy_note)
        self.suppress.valueChanged.connect(self._explain_privacy)
        self._explain_privacy(self.suppress.value())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.pdf_button, self.excel_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self._layout = vbox(self, form, privacy, self.message, buttons)
        self.pdf_button.clicked.connect(lambda: self.make(".pdf"))
        self.excel_button.clicked.connect(lambda: self.make(".xlsx"))
        self.close_button.clicked.connect(self.reject)

    def _explain_privacy(self, below: int) -> None:
        self.privacy_note.setText(privacy_note(below))

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    def settings(self) -> ReportSettings:
        """The threshold and brackets as typed; raises ``ValidationFailed`` in Dutch."""
        try:
            bounds = tuple(int(part) for part in self.brackets.text().replace(" ", "").split(","))
        except ValueError:
            bounds = ()
        return ReportSettings(self.suppress.value(), bounds).check()

    def make(self, suffix: str) -> None:
        """Ask where to save, then compute and write the report in the background."""
        if self.busy:
            return
        starts_on, ends_on = _date(self.starts_on.date()), _date(self.ends_on.date())
        if ends_on < starts_on:
            self.say(tr("Het einde van de periode ligt vóór het begin."), error=True)
            return
        try:
            settings = self.settings()
        except ValidationFailed as problem:
            self.say(next(iter(problem.errors.values())), error=True)
            return
        municipality = str(self.municipality.currentData())
        name = safe_file_name(
            f"Verantwoording {municipality or 'alle gemeenten'} "
            f"{starts_on:%d-%m-%Y} tot {ends_on:%d-%m-%Y}"
        )
        kind = tr("PDF (*.pdf)") if suffix == ".pdf" else tr("Excel (*.xlsx)")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("Verantwoording opslaan"), str(self._folder / f"{name}{suffix}"), kind
        )
        if not chosen:
            return
        target = Path(chosen).with_suffix(suffix)
        if settings != self._context.services.reports.settings():
            self._context.services.reports.save_settings(self._context.actor, settings)
        style, _version = self._context.services.letters.house_style()
        services, actor = self._context.services, self._context.actor

        def work(_context: TaskContext) -> Path:
            report = services.reports.report(starts_on, ends_on, municipality, style.organisation)
            return write_report_file(services.audit, actor, target, report, style)

        self.busy = True
        self.say(tr("De verantwoording wordt gemaakt…"))
        self._context.runner.start(work, self._made, self._failed)

    def _made(self, target: Path) -> None:
        self.busy = False
        self.made = target
        self.say(tr("Gemaakt: {file}").format(file=target.name), done=True)
        tell_where_saved(
            self, tr("De verantwoording is gemaakt (zonder namen)."), [target], personal=False
        )

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        message = known_message(error)
        if message is None:
            self.say("")
            report_error(self, error)
        else:
            self.say(message, error=True)

    def say(self, text: str, done: bool = False, error: bool = False) -> None:
        """Show ``text`` under the fields; the dialog grows when it needs more room."""
        show_status(self.message, text, done, error)
        layout = self._layout
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

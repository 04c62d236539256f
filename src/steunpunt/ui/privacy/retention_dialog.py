"""Beheer › Bewaartermijn: the period, everyone past it with why, and erasing them in bulk."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.privacy.retention import YEARS_RANGE, RetentionSettings
from steunpunt.services.privacy.dto import ErasureResult, RetentionRow
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox, vbox
from steunpunt.ui.tasks import TaskContext
from steunpunt.ui.widgets import show_status

COLUMNS = ("Naam", "Reden", "Sinds")


class RetentionDialog(QDialog):
    """The retention list; the beheerder anonymises everyone on it after one confirmation."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: list[RetentionRow] = []
        self._task: TaskContext | None = None
        self.setWindowTitle(tr("Bewaartermijn"))
        self.resize(720, 520)
        self.years = QSpinBox(self)
        self.years.setRange(*YEARS_RANGE)
        self.years.setSuffix(tr(" jaar"))
        self.years.setValue(context.services.retention.settings().years)
        self.save_years = QPushButton(tr("Termijn opslaan"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.erase_button = QPushButton(tr("Gegevens van iedereen in de lijst verwijderen…"), self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.stop_button = QPushButton(tr("Stoppen"), self)
        self.stop_button.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        period = QHBoxLayout()
        period.addWidget(QLabel(tr("Bewaren tot na het laatste contact of het einde:"), self))
        period.addWidget(self.years)
        period.addWidget(self.save_years)
        period.addStretch(1)
        vbox(
            self,
            period,
            self.summary,
            (self.table, 1),
            hbox(self.erase_button, (self.progress, 1), self.stop_button),
            self.message,
            buttons,
        )
        self.save_years.clicked.connect(self._save_years)
        self.erase_button.clicked.connect(self.erase_all)
        self.stop_button.clicked.connect(self._stop)
        self.load()

    def load(self) -> None:
        """Read the list again and show it."""
        self._rows = self._context.services.retention.past_period()
        years = self._context.services.retention.settings().years
        self.table.setRowCount(len(self._rows))
        for number, row in enumerate(self._rows):
            cells = (row.name or tr("(naam verwijderd)"), tr(row.reason), format_date(row.since))
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.summary.setText(
            tr(
                "{n} mensen zijn langer dan {years} jaar geleden uitgeschreven of gesproken."
            ).format(n=len(self._rows), years=years)
            if self._rows
            else tr("Niemand is over de bewaartermijn van {years} jaar.").format(years=years)
        )
        self.erase_button.setEnabled(bool(self._rows) and self._task is None)

    def _save_years(self) -> None:
        try:
            self._context.services.retention.save_settings(
                self._context.actor, RetentionSettings(self.years.value())
            )
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self.load()

    def erase_all(self) -> None:
        """Ask once, saying what will happen, then anonymise the list on the task runner."""
        ids = [row.caregiver_id for row in self._rows]
        question = tr(
            "Van {n} mensen worden naam, adres, contactgegevens, IBAN, notities en vrije tekst "
            "verwijderd (en van hun naasten die niet ook bij een ander horen). De tellingen van "
            "de verantwoording blijven gelijk. Dit kan niet ongedaan worden gemaakt.\n\n"
            "Gegevens verwijderen?"
        ).format(n=len(ids))
        answer = QMessageBox.question(
            self,
            tr("Bewaartermijn"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes or not ids:
            return
        services, actor = self._context.services, self._context.actor

        def work(task: TaskContext) -> ErasureResult:
            return services.erasure.anonymise_many(actor, ids, task.progress)

        self.erase_button.setEnabled(False)
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.show()
        show_status(self.message, tr("De gegevens worden verwijderd…"))
        self._task = self._context.runner.start(work, self._done, self._failed, self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _done(self, result: ErasureResult) -> None:
        text = tr("Van {n} mensen zijn de gegevens verwijderd.").format(n=result.caregivers)
        if result.refused:
            text += " " + tr("{n} niet: een complimentaanvraag of betaling staat nog open.").format(
                n=len(result.refused)
            )
        self._finish(text, error=False)

    def _failed(self, error: BaseException) -> None:
        message = known_message(error)
        if message is None:
            self._finish("", error=False)
            report_error(self, error)
        else:
            self._finish(message, error=True)

    def _finish(self, text: str, error: bool) -> None:
        self._task = None
        self.progress.hide()
        self.stop_button.hide()
        self.load()
        show_status(self.message, text, done=not error, error=error)

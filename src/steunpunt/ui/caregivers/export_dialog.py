"""Export the current caregiver list to Excel or CSV: columns, format, file; in the background."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import Cancelled
from steunpunt.domain.file_errors import dutch_cause
from steunpunt.domain.numbers import number_text
from steunpunt.services.caregivers.list_export import (
    COLUMNS,
    DEFAULT_COLUMNS,
    ExportColumn,
    export_caregiver_list,
    with_export_suffix,
)
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.saved_file import tell_where_saved
from steunpunt.ui.tasks import TaskContext

CHECK_COLUMNS = 3


def file_problem(error: OSError) -> str:
    """A Dutch message for a file that could not be written (locked, full disk, no rights)."""
    cause, advice = dutch_cause(error), tr("Kies een andere naam of map.")
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        cause = tr(
            "het bestand is misschien nog geopend in Excel of een ander programma, "
            "of u mag niet schrijven in deze map"
        )
        advice = tr("Sluit het bestand, of kies een andere naam of map.")
    elif error.errno == errno.ENOSPC:
        advice = tr("Maak ruimte vrij of kies een andere schijf.")
    return tr(
        "Het bestand kon niet worden opgeslagen: {cause}. {advice} Er is niets opgeslagen."
    ).format(cause=cause, advice=advice)


class ExportDialog(QDialog):
    """Counts the list, lets the user choose columns and format, then writes the file."""

    def __init__(
        self, context: ScreenContext, criteria: CaregiverFilter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._caregivers = context.services.caregivers
        self._context = context
        self._folder = context.paths.letters_dir
        self._ids: list[int] | None = None
        self._task: TaskContext | None = None
        self._running = False
        self.written: Path | None = None
        self.setWindowTitle(tr("Lijst exporteren"))
        self.setMinimumWidth(460)

        self.count = QLabel(tr("Mantelzorgers tellen…"), self)
        self.count.setStyleSheet("font-weight: bold;")
        self.choices = QWidget(self)  # columns and format, disabled while the export runs
        columns_box = QGroupBox(tr("Kolommen"), self.choices)
        grid = QGridLayout(columns_box)
        self.checks: dict[str, QCheckBox] = {}
        rows = -(-len(COLUMNS) // CHECK_COLUMNS)
        for index, item in enumerate(COLUMNS):
            check = QCheckBox(tr(item.header), columns_box)
            check.setObjectName(f"column_{item.key}")
            check.setChecked(item.key in DEFAULT_COLUMNS)
            check.toggled.connect(lambda _on: self._update_buttons())
            grid.addWidget(check, index % rows, index // rows)
            self.checks[item.key] = check
        self.all_button = QPushButton(tr("Alles"), columns_box)
        self.none_button = QPushButton(tr("Niets"), columns_box)
        choice_row = hbox(self.all_button, self.none_button, STRETCH)
        grid.addLayout(choice_row, rows, 0, 1, CHECK_COLUMNS)
        format_box = QGroupBox(tr("Bestandsformaat"), self.choices)
        self.excel = QRadioButton(tr("Excel (.xlsx)"), format_box)
        self.excel.setChecked(True)
        self.csv = QRadioButton(tr("CSV (.csv), gescheiden door puntkomma's"), format_box)
        vbox(format_box, self.excel, self.csv)
        choices_layout = QVBoxLayout(self.choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        choices_layout.addWidget(columns_box)
        choices_layout.addWidget(format_box)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(tr("Exporteren…"), self)
        self.export_button.setDefault(True)
        self.open_button = QPushButton(tr("Bestand openen"), self)
        self.open_button.setVisible(False)
        self.close_button = QPushButton(tr("Sluiten"), self)
        buttons = hbox(self.open_button, STRETCH, self.export_button, self.close_button)

        vbox(self, self.count, self.choices, self.progress, self.status, STRETCH, buttons)

        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self._open_file)
        self._update_buttons()
        self._context.runner.start(
            lambda _context: self._caregivers.search_ids(criteria),
            self._counted,
            self._count_failed,
        )

    def selected_columns(self) -> list[ExportColumn]:
        """The ticked columns, in the export's column order."""
        return [item for item in COLUMNS if self.checks[item.key].isChecked()]

    def suffix(self) -> str:
        return ".csv" if self.csv.isChecked() else ".xlsx"

    def _check_all(self, checked: bool) -> None:
        for check in self.checks.values():
            check.setChecked(checked)

    def _counted(self, ids: list[int]) -> None:
        self._ids = ids
        if not ids:
            self.count.setText(tr("De huidige lijst is leeg: er is niets te exporteren."))
        elif len(ids) == 1:
            self.count.setText(tr("1 mantelzorger uit de huidige lijst"))
        else:
            self.count.setText(
                tr("{n} mantelzorgers uit de huidige lijst").format(n=number_text(len(ids)))
            )
        self._update_buttons()

    def _count_failed(self, error: BaseException) -> None:
        self.count.setText(tr("De lijst kon niet worden geteld."))
        report_error(self, error)

    def _update_buttons(self) -> None:
        columns = bool(self.selected_columns())
        self.export_button.setEnabled(not self._running and bool(self._ids) and columns)
        self.export_button.setToolTip("" if columns else tr("Kies ten minste één kolom."))

    def choose_file(self) -> Path | None:
        """Ask where to save; a name without .xlsx or .csv gets the chosen format's suffix."""
        suffix = self.suffix()
        default = (
            self._folder / f"{tr('Mantelzorgers')} {format_date(self._context.today())}{suffix}"
        )
        kind = tr("Excel-werkmap (*.xlsx)") if suffix == ".xlsx" else tr("CSV-bestand (*.csv)")
        name, _chosen = QFileDialog.getSaveFileName(
            self, tr("Lijst exporteren"), str(default), kind
        )
        if not name:
            return None
        target = with_export_suffix(Path(name), suffix)
        self._folder = target.parent
        return target

    def export(self) -> None:
        """Choose the file, then read the caregivers in chunks and write them in the background."""
        ids, columns = self._ids, self.selected_columns()
        if not ids or not columns:
            return
        target = self.choose_file()
        if target is None:
            return
        caregivers, total = self._caregivers, len(ids)
        audit, actor = self._context.services.audit, self._context.actor

        def work(context: TaskContext) -> int:
            return export_caregiver_list(
                caregivers, audit, actor, ids, target, columns, context.progress
            )

        self.written = None
        self.open_button.setVisible(False)
        self.status.setText(tr("Exporteren naar {name}…").format(name=target.name))
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self._set_running(True)
        task = self._context.runner.start(
            work,
            lambda count: self._done(target, count),
            self._failed,
            lambda done, _total: self.progress.setValue(done),
        )
        if self._running:  # a synchronous runner has already finished
            self._task = task

    def _done(self, target: Path, count: int) -> None:
        self._set_running(False)
        self.written = target
        noun = tr("mantelzorger") if count == 1 else tr("mantelzorgers")
        self.status.setText(
            tr("Klaar: {count} {noun} in {name}.").format(
                count=number_text(count), noun=noun, name=target.name
            )
        )
        self.open_button.setVisible(True)
        tell_where_saved(self, self.status.text(), [target])

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.status.setText(error.message)
            return
        if isinstance(error, OSError):
            message = file_problem(error)
            self.status.setText(message)
            QMessageBox.warning(self, tr("Lijst exporteren"), message)
            return
        self.status.setText(known_message(error) or tr("Het exporteren is mislukt."))
        report_error(self, error)

    def _set_running(self, running: bool) -> None:
        self._running = running
        if not running:
            self._task = None
        self.progress.setVisible(running)
        self.close_button.setText(tr("Afbreken") if running else tr("Sluiten"))
        self.choices.setEnabled(not running)
        self._update_buttons()

    def reject(self) -> None:
        """Sluiten, Escape or the window's close button: a running export is cancelled first."""
        if self._task is not None:
            self._task.cancel()
            self.status.setText(tr("Afbreken…"))
            return
        super().reject()

    def _open_file(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

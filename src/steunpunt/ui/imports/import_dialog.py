"""Bestand › Importeren: the file, the columns with a live preview, the report before anything
is written, and the import itself; reading, planning, writing and importing on the task runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from steunpunt.domain.errors import Cancelled, KnownProblem
from steunpunt.domain.imports.cells import cell_text
from steunpunt.domain.imports.columns import (
    ImportField,
    SavedMapping,
    apply_saved,
    find_header_row,
    guess_mapping,
)
from steunpunt.domain.imports.plan import ImportPlan
from steunpunt.domain.imports.reading import read_rows
from steunpunt.services.imports.dto import ImportResult
from steunpunt.services.imports.files import ImportFile
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.imports.file_page import FilePage
from steunpunt.ui.imports.mapping_page import MappingPage
from steunpunt.ui.imports.report_page import ReportPage
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.saved_file import tell_where_saved
from steunpunt.ui.tasks import TaskContext
from steunpunt.ui.widgets import show_status

PREVIEW_ROWS = 20
"""Data rows read for the preview while the columns are mapped."""
FILE_KINDS = (
    "Registers (*.xlsx *.csv *.txt);;Excel-werkmap (*.xlsx);;CSV- of tekstbestand (*.csv *.txt)"
)
FILE, COLUMNS, REPORT = range(3)
STEP_TITLES = (
    "Stap 1 van 3: het bestand",
    "Stap 2 van 3: de kolommen",
    "Stap 3 van 3: het rapport",
)


class ImportDialog(QDialog):
    """Brings an old register in, in three steps; nothing is written before "Importeren"."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._imports = context.services.imports
        self.file: ImportFile | None = None
        self.plan: ImportPlan | None = None
        self.imported: ImportResult | None = None
        self._mapping: dict[int, ImportField] = {}
        self._generation = 0
        """Counts each read and plan: an answer to an earlier question is dropped."""
        self._task: TaskContext | None = None
        self._importing = False
        self._busy = False
        self.setWindowTitle(tr("Importeren"))
        self.resize(1100, 720)

        self.step = QLabel(self)
        self.step.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.report_page = ReportPage(self)
        self.pages = QStackedWidget(self)
        for page in (self.file_page, self.mapping_page, self.report_page):
            self.pages.addWidget(page)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy_label = QLabel(self)
        self.back_button = QPushButton(tr("‹ &Vorige"), self)
        self.next_button = QPushButton(tr("V&olgende ›"), self)
        self.import_button = QPushButton(tr("&Importeren"), self)
        self.close_button = QPushButton(tr("Sluiten"), self)
        vbox(
            self,
            self.step,
            (self.pages, 1),
            hbox(self.busy_label, self.busy),
            hbox(
                STRETCH, self.back_button, self.next_button, self.import_button, self.close_button
            ),
        )
        self.file_page.choose_requested.connect(self.choose_file)
        self.file_page.reading_changed.connect(self._read_again)
        self.file_page.layout_changed.connect(self._map_again)
        self.mapping_page.mapping_changed.connect(self._mapping_chosen)
        self.mapping_page.save_requested.connect(self.save_mapping)
        self.report_page.save_button.clicked.connect(self.save_report)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.file_page.set_mappings(self._imports.mappings())
        self._to_page(FILE)
        self.file_page.choose_button.setFocus()

    # --- step 1: the file ----------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _kind = QFileDialog.getOpenFileName(
            self, tr("Bestand importeren"), str(Path.home()), tr(FILE_KINDS)
        )
        if name:
            self.file_page.path.setText(name)
            self.load(Path(name))

    def load(self, path: Path, *, again: bool = False) -> None:
        """Read ``path`` on the task runner (again: as the sheet, encoding, delimiter say)."""
        page = self.file_page
        sheet = page.chosen_sheet() if again else None
        encoding = page.chosen_encoding() if again else None
        delimiter = page.chosen_delimiter() if again else None
        imports = self._imports
        self.file, self.plan = None, None  # until this one is read
        page.raw.setRowCount(0)

        def work(_task: TaskContext) -> ImportFile:
            return imports.open_file(path, sheet=sheet, encoding=encoding, delimiter=delimiter)

        self._start(tr("Bestand lezen…"), work, self._file_read)

    def _read_again(self) -> None:
        if self.file_page.path.text():
            self.load(Path(self.file_page.path.text()), again=True)

    def _file_read(self, file: ImportFile) -> None:
        self.file = file
        self.plan = None
        self.file_page.show_file(file, find_header_row(file.rows))
        self._map_again()

    def _map_again(self) -> None:
        """The columns mapped anew for the header row and the saved mapping chosen."""
        file = self.file
        if file is None:
            return
        headers = file.rows[self.file_page.chosen_header_row()]
        saved = self.file_page.saved_mapping()
        try:
            self._mapping = (
                apply_saved(headers, SavedMapping.from_json(saved))
                if saved
                else guess_mapping(headers)
            )
        except KnownProblem as problem:  # a damaged saved mapping: the headers guessed
            report_error(self, problem)
            self._mapping = guess_mapping(headers)
        self.plan = None
        self._update_buttons()

    # --- step 2: the columns -------------------------------------------------------------------

    def _show_columns(self) -> None:
        file = self.file
        assert file is not None
        header = self.file_page.chosen_header_row()
        data = file.rows[header + 1 : header + 1 + PREVIEW_ROWS]
        self.mapping_page.show_columns(file.rows[header], data, self._mapping)
        self._preview()

    def _mapping_chosen(self) -> None:
        self._mapping = self.mapping_page.mapping()
        self.plan = None
        self._preview()

    def _preview(self) -> None:
        """The first rows read with the columns as mapped now (a few rows: at once)."""
        file = self.file
        assert file is not None
        header = self.file_page.chosen_header_row()
        rows = file.rows[: header + 1 + PREVIEW_ROWS]
        self.mapping_page.show_rows(read_rows(rows, header, self._mapping, self._context.today()))
        self._update_buttons()

    def save_mapping(self) -> None:
        """Koppeling bewaren…: the columns as mapped now, under a name, for next year's file."""
        file = self.file
        if file is None:
            return
        name, chosen = QInputDialog.getText(
            self,
            tr("Koppeling bewaren"),
            tr("Onder welke naam? (Een bestaande koppeling met die naam wordt vervangen.)"),
            text=self.file_page.mapping.currentText() if self.file_page.saved_mapping() else "",
        )
        if not chosen:
            return
        headers = file.rows[self.file_page.chosen_header_row()]
        saved = SavedMapping.of(headers, self._mapping)
        try:
            view = self._imports.save_mapping(self._context.actor, name, saved.to_json())
        except Exception as error:
            report_error(self, error)
            return
        self.file_page.set_mappings(self._imports.mappings())
        self.file_page.mapping.setCurrentIndex(self.file_page.mapping.findText(view.name))
        show_status(
            self.busy_label, tr("Koppeling '{name}' bewaard.").format(name=view.name), done=True
        )

    # --- step 3: the report and the import -----------------------------------------------------

    def _make_plan(self) -> None:
        file, mapping = self.file, dict(self._mapping)
        assert file is not None
        header = self.file_page.chosen_header_row()
        imports = self._imports
        self.report_page.model.set_plan(ImportPlan(()))
        self.report_page.outcome.clear()
        self.report_page.summary.setText(tr("Alle rijen lezen en controleren…"))

        def work(_task: TaskContext) -> ImportPlan:
            return imports.plan_file(file, header, mapping)

        self._start(tr("Alle rijen lezen en controleren…"), work, self._planned)

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.report_page.show_plan(plan)
        self._update_buttons()

    def save_report(self) -> None:
        """Rapport opslaan…: the report as an Excel workbook, then where it went."""
        file, plan = self.file, self.plan
        if file is None or plan is None:
            return
        default = self._context.paths.letters_dir / f"Importrapport {Path(file.name).stem}.xlsx"
        name, _kind = QFileDialog.getSaveFileName(
            self, tr("Rapport opslaan"), str(default), tr("Excel-werkmap (*.xlsx)")
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        headers = [cell_text(cell) for cell in file.rows[self.file_page.chosen_header_row()]]
        imports, actor = self._imports, self._context.actor

        def work(_task: TaskContext) -> Path:
            return imports.write_report(actor, target, plan, headers)

        def written(made: Path) -> None:
            tell_where_saved(self, tr("Het rapport van de import is opgeslagen."), [made])

        self._start(tr("Rapport opslaan…"), work, written)

    def start_import(self) -> None:
        """Importeren: in one transaction on the task runner, with progress and Annuleren."""
        file, plan = self.file, self.plan
        if file is None or plan is None:
            return
        choices = dict(self.report_page.model.choices)
        imports, actor = self._imports, self._context.actor
        page = self.report_page

        def work(task: TaskContext) -> ImportResult:
            return imports.run(actor, plan, file.name, file.sheet, choices, task.progress)

        def progressed(done: int, total: int) -> None:
            page.progress.setRange(0, max(total, 1))
            page.progress.setValue(done)

        self._importing = True
        page.progress.setValue(0)
        page.progress.setVisible(True)
        show_status(page.status, tr("Importeren…"))
        self._update_buttons()
        task = self._context.runner.start(work, self._imported, self._import_failed, progressed)
        if self._importing:  # a synchronous runner has already finished
            self._task = task

    def _imported(self, result: ImportResult) -> None:
        self._import_ended()
        self.imported = result
        self.report_page.hint.hide()
        show_status(
            self.report_page.status,
            tr("Klaar. {summary} Ongedaan maken kan met Bestand › Import ongedaan maken.").format(
                summary=result.summary
            ),
            done=True,
        )
        self._update_buttons()

    def _import_failed(self, error: BaseException) -> None:
        self._import_ended()
        message = known_message(error)
        show_status(
            self.report_page.status, message or tr("Het importeren is mislukt."), error=True
        )
        if not isinstance(error, Cancelled):
            report_error(self, error)
        self._update_buttons()

    def _import_ended(self) -> None:
        self._importing = False
        self._task = None
        self.report_page.progress.setVisible(False)

    # --- the steps -----------------------------------------------------------------------------

    def go_next(self) -> None:
        page = self.pages.currentIndex()
        if page == FILE and self.file is not None:
            self._to_page(COLUMNS)
            self._show_columns()
            if self.mapping_page.combos:
                self.mapping_page.combos[0].setFocus()
        elif page == COLUMNS and self._mapping:
            self._to_page(REPORT)
            if self.plan is None:  # the columns changed since the report was made
                self._make_plan()
            self.report_page.table.setFocus()

    def go_back(self) -> None:
        page = self.pages.currentIndex()
        if page > FILE:
            self._to_page(page - 1)
            if page - 1 == COLUMNS:
                self._show_columns()

    def _to_page(self, page: int) -> None:
        self._generation += 1  # what is still being read or planned is no longer wanted
        self._busy = False
        self.busy.setVisible(False)
        self.busy_label.clear()
        self.pages.setCurrentIndex(page)
        self.step.setText(tr(STEP_TITLES[page]))
        self._update_buttons()

    def _update_buttons(self) -> None:
        page, busy, done = self.pages.currentIndex(), self._busy, self.imported is not None
        self.back_button.setEnabled(page > FILE and not self._importing and not done)
        self.next_button.setVisible(page < REPORT)
        self.next_button.setDefault(page < REPORT)  # Enter goes on; it never imports
        self.next_button.setEnabled(
            not busy
            and (
                (page == FILE and self.file is not None)
                or (page == COLUMNS and bool(self._mapping))
            )
        )
        self.next_button.setToolTip(
            tr("Kies voor ten minste één kolom wat hij wordt.")
            if page == COLUMNS and not self._mapping
            else ""
        )
        self.import_button.setVisible(page == REPORT)
        self.import_button.setEnabled(self.plan is not None and not self._importing and not done)
        self.report_page.save_button.setEnabled(self.plan is not None and not busy)
        self.close_button.setText(tr("Annuleren") if self._importing else tr("Sluiten"))
        self.mapping_page.save_button.setEnabled(self.file is not None and bool(self._mapping))
        self.file_page.setEnabled(not busy)

    def _start(
        self, what: str, work: Callable[[TaskContext], Any], done: Callable[[Any], None]
    ) -> None:
        """Run ``work`` on the task runner with a busy bar; ``done`` gets its answer unless
        the person asked something else since."""
        self._generation += 1
        generation = self._generation
        self._busy = True
        self.busy.setVisible(True)
        self.busy_label.setText(what)
        self._update_buttons()

        def finished(answer: object) -> None:
            if generation == self._generation:
                self._idle()
                done(answer)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._idle()
                show_status(self.busy_label, known_message(error) or "", error=True)
                report_error(self, error)

        self._context.runner.start(work, finished, failed)

    def _idle(self) -> None:
        self._busy = False
        self.busy.setVisible(False)
        self.busy_label.clear()
        self._update_buttons()

    def reject(self) -> None:
        """Annuleren while importing stops the import (nothing is written); else closes."""
        if self._task is not None:
            self._task.cancel()
            show_status(self.report_page.status, tr("Stoppen…"))
            return
        if self._importing:
            return
        self._generation += 1
        super().reject()

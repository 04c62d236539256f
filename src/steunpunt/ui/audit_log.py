"""Beheer › Auditlog, and a caregiver's "Wie heeft dit dossier bekeken of gewijzigd?".

One dialog for both: filters (person, user, kind, period), a paged table newest first, and an
export to Excel. Opened for one caregiver, it shows only that caregiver's events.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.dates import format_date, parse_optional_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.services.kernel.audit_log import PAGE, AuditPage
from steunpunt.ui.audit_model import AuditTableModel
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox, vbox
from steunpunt.ui.saved_file import tell_where_saved
from steunpunt.ui.tasks import TaskContext
from steunpunt.ui.widgets import error_line, list_table

PEOPLE_LIMIT = 1000
"""Caregivers a typed name may stand for; more means: type more of the name."""


class AuditLogDialog(QDialog):
    """The audit trail, filtered and paged; for one caregiver when ``caregiver`` is given."""

    def __init__(
        self,
        context: ScreenContext,
        caregiver: tuple[int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver = caregiver
        self._offset = 0
        self._generation = 0
        self._page: AuditPage | None = None
        self.written: Path | None = None
        if caregiver is None:
            self.setWindowTitle(tr("Auditlog"))
        else:
            self.setWindowTitle(tr("Wie heeft dit dossier bekeken of gewijzigd?"))
        self.resize(1100, 600)
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(tr("Naam, postcode of telefoon"))
        self.person.setClearButtonEnabled(True)
        self.user = QComboBox(self)
        self.user.addItem(tr("Alle gebruikers"), None)
        for member in context.services.staff.list(include_inactive=True):
            self.user.addItem(member.name, member.id)
        self.kind = QComboBox(self)
        self.kind.addItem(tr("Alle soorten"), None)
        for kind in AuditKind:
            self.kind.addItem(tr(kind.label), kind.value)
        self.start = QLineEdit(self)
        self.start.setPlaceholderText(tr("dd-mm-jjjj"))
        self.end = QLineEdit(self)
        self.end.setPlaceholderText(tr("dd-mm-jjjj"))
        self.search_button = QPushButton(tr("Zoeken"), self)
        self.problem = error_line(self)
        self.model = AuditTableModel(self)
        self.table = list_table(self, self.model, "audit_events")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel(self)
        self.previous_button = QPushButton(tr("‹ Vorige"), self)
        self.next_button = QPushButton(tr("Volgende ›"), self)
        self.export_button = QPushButton(tr("Exporteren naar Excel…"), self)
        close = QPushButton(tr("Sluiten"), self)

        filters: list[QWidget] = []
        if caregiver is None:
            filters += [QLabel(tr("Persoon:"), self), self.person]
        else:
            self.person.hide()
            filters.append(QLabel(tr("Mantelzorger: {name}").format(name=caregiver[1]), self))
        filters += [
            QLabel(tr("Gebruiker:"), self),
            self.user,
            QLabel(tr("Soort:"), self),
            self.kind,
            QLabel(tr("Van:"), self),
            self.start,
            QLabel(tr("t/m:"), self),
            self.end,
            self.search_button,
        ]
        vbox(
            self,
            hbox(*filters),
            self.problem,
            self.table,
            hbox(self.count, None, self.previous_button, self.next_button),
            hbox(self.export_button, None, close),
        )
        self.search_button.clicked.connect(self.search)
        for line in (self.person, self.start, self.end):
            line.returnPressed.connect(self.search)
        self.user.currentIndexChanged.connect(self.search)
        self.kind.currentIndexChanged.connect(self.search)
        self.previous_button.clicked.connect(lambda: self._load(max(0, self._offset - PAGE)))
        self.next_button.clicked.connect(lambda: self._load(self._offset + PAGE))
        self.export_button.clicked.connect(self.export)
        close.clicked.connect(self.accept)
        self.search()

    def criteria(self) -> AuditFilter:
        """The filter as typed; a wrong date raises ``InvalidValue`` in Dutch."""
        try:
            start = parse_optional_date(self.start.text())
            end = parse_optional_date(self.end.text())
        except InvalidValue as error:
            raise InvalidValue(f"Periode: {error.message}") from error
        if start is not None and end is not None and end < start:
            raise InvalidValue(tr("Periode: de einddatum ligt vóór de begindatum."))
        kind = self.kind.currentData()
        return AuditFilter(
            caregiver_ids=self._people(),
            staff_id=self.user.currentData(),
            kind=AuditKind(kind) if kind else None,
            start=start,
            end=end,
        )

    def _people(self) -> tuple[int, ...] | None:
        if self._caregiver is not None:
            return (self._caregiver[0],)
        text = self.person.text().strip()
        if not text:
            return None
        found = self._context.services.caregivers.search_ids(
            CaregiverFilter(text=text, active=ActiveFilter.ALL)
        )
        return tuple(found[:PEOPLE_LIMIT])

    def search(self) -> None:
        """Show the first page the filters find."""
        self._load(0)

    def _load(self, offset: int) -> None:
        try:
            criteria = self.criteria()
        except InvalidValue as error:
            self.problem.setText(error.message)
            return
        self.problem.setText("")
        self._generation += 1
        generation = self._generation
        audit = self._context.services.audit

        def work(_task: TaskContext) -> AuditPage:
            return audit.events(criteria, offset, PAGE)

        self._context.runner.start(
            work,
            lambda page: self._show(generation, page),
            lambda error: report_error(self, error),
        )

    def _show(self, generation: int, page: AuditPage) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        self._page, self._offset = page, page.offset
        self.model.set_events(page.events)
        if page.total == 0:
            self.count.setText(tr("Geen gebeurtenissen gevonden."))
        else:
            last = page.offset + len(page.events)
            self.count.setText(
                tr("{first}–{last} van {total}").format(
                    first=page.offset + 1, last=last, total=f"{page.total:,}".replace(",", ".")
                )
            )
        self.previous_button.setEnabled(page.offset > 0)
        self.next_button.setEnabled(page.offset + len(page.events) < page.total)
        self.export_button.setEnabled(page.total > 0)

    def choose_file(self) -> Path | None:
        """Where the export goes (asked in a file dialog)."""
        default = self._context.paths.letters_dir / (
            f"{tr('Auditlog')} {format_date(self._context.today())}.xlsx"
        )
        name, _chosen = QFileDialog.getSaveFileName(
            self, tr("Auditlog exporteren"), str(default), tr("Excel-werkmap (*.xlsx)")
        )
        if not name:
            return None
        target = Path(name)
        return target if target.suffix.lower() == ".xlsx" else target.with_name(f"{name}.xlsx")

    def export(self) -> None:
        """Write every event the filters find to an Excel workbook, in the background."""
        try:
            criteria = self.criteria()
        except InvalidValue as error:
            self.problem.setText(error.message)
            return
        target = self.choose_file()
        if target is None:
            return
        audit, actor = self._context.services.audit, self._context.actor

        def work(_task: TaskContext) -> int:
            return audit.export(actor, criteria, target)

        def done(count: int) -> None:
            self.written = target
            self.export_button.setEnabled(True)
            self.count.setText(
                tr("{count} gebeurtenissen geëxporteerd naar {name}.").format(
                    count=count, name=target.name
                )
            )
            tell_where_saved(self, self.count.text(), [target])

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            report_error(self, error)

        self.export_button.setEnabled(False)
        self._context.runner.start(work, done, failed)

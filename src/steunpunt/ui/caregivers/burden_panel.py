"""The "Belasting" tab of the caregiver form: the latest EDIZ-plus band, the trend and the measurements."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.support.burden import BurdenBands
from steunpunt.services.support.dto import AssessmentView, BurdenSummary
from steunpunt.ui.caregivers.assessment_dialog import AssessmentDialog
from steunpunt.ui.caregivers.burden_chart import BurdenChart
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr

OVERLOAD_HTML = '<span style="color: #b00020; font-weight: bold;">{text}</span>'


def headline(summary: BurdenSummary) -> str:
    """The latest measurement as rich text, the overload part in red."""
    latest = summary.latest
    if latest is None:
        return escape(tr("Nog geen EDIZ-plus gemeten."))
    text = escape(
        tr("Laatste meting {date}: {total} van {items}, {band}").format(
            date=format_date(latest.assessed_on),
            total=latest.total,
            items=summary.items,
            band=tr(latest.level.label).lower(),
        )
    )
    if latest.overloaded:
        text += " " + OVERLOAD_HTML.format(text=escape("— " + tr("overbelast")))
    return text


class BurdenPanel(QWidget):
    """EDIZ-plus measurements of one caregiver, newest first in the table; new and remove."""

    changed = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.latest: AssessmentView | None = None
        """The newest measurement shown, for the form's header."""
        self._context = context
        self._caregiver_id: int | None = None
        self._newest_first: tuple[AssessmentView, ...] = ()
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.chart = BurdenChart(self)
        self.records = RecordTable(
            [tr("Datum"), tr("Score"), tr("Band"), tr("Overbelast"), tr("Notitie")], self
        )
        self.new_button = self.records.add_button(tr("Nieuwe meting…"))
        self.new_button.clicked.connect(self.new)
        self.remove_button = self.records.add_button(tr("Verwijderen"), needs_selection=True)
        self.remove_button.clicked.connect(self.remove)
        records_layout = self.records.layout()
        assert records_layout is not None
        margins = records_layout.contentsMargins()
        top = QVBoxLayout()
        top.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        top.addWidget(self.header)
        top.addWidget(self.chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 1)
        layout.addWidget(self.records, 1)
        self.clear()

    def show_caregiver(self, caregiver_id: int) -> None:
        """Load and show the measurements of ``caregiver_id``."""
        self._caregiver_id = caregiver_id
        try:
            summary = self._context.services.burden.summary(caregiver_id)
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self._show(summary)

    def clear(self) -> None:
        """No caregiver (a new, unsaved one): nothing to show, nothing to add to."""
        self._caregiver_id = None
        self._newest_first = ()
        self.latest = None
        self.header.setText("")
        self.chart.set_summary(None, BurdenBands())
        self.records.set_rows([])
        self.new_button.setEnabled(False)

    def new(self) -> None:
        if self._caregiver_id is None:
            return
        dialog = AssessmentDialog(self._context, self._caregiver_id, self)
        if dialog.exec() and dialog.summary is not None:
            self._show(dialog.summary)
            self.changed.emit()

    def remove(self) -> None:
        row = self.records.current_row()
        if row is None:
            return
        assessment = self._newest_first[row]
        answer = QMessageBox.question(
            self,
            tr("Meting verwijderen"),
            tr("De meting van {date} ({total} punten) verwijderen?").format(
                date=format_date(assessment.assessed_on), total=assessment.total
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        burden = self._context.services.burden
        try:
            self._show(burden.remove(self._context.actor, assessment.id, assessment.version))
        except KnownProblem as problem:
            report_error(self, problem)
            if self._caregiver_id is not None:
                self.show_caregiver(self._caregiver_id)
            return
        self.changed.emit()

    def _show(self, summary: BurdenSummary) -> None:
        self.latest = summary.latest
        self.header.setText(headline(summary))
        self.chart.set_summary(summary, self._context.services.burden.bands())
        self._newest_first = tuple(reversed(summary.assessments))
        self.records.set_rows(
            [
                (
                    format_date(a.assessed_on),
                    str(a.total)
                    if a.answers is not None
                    else tr("{total} (alleen totaal)").format(total=a.total),
                    tr(a.level.label),
                    tr("ja") if a.overloaded else "",
                    a.note.replace("\n", " "),
                )
                for a in self._newest_first
            ]
        )
        self.new_button.setEnabled(True)

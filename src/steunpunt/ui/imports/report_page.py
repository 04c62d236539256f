"""Step 3 of the import: the report before anything is written (the counts that add up, every
row with its outcome and reason, filtered by outcome) and the choice per row."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from steunpunt.domain.imports.plan import ImportPlan, Outcome
from steunpunt.ui.i18n import tr
from steunpunt.ui.imports.report_model import (
    CHOICE,
    NAME,
    OUTCOME,
    REASON,
    ROW,
    ChoiceDelegate,
    ReportModel,
)
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.widgets import hint_label, list_table


class ReportPage(QWidget):
    """The dry run's report; the dialog plans on the task runner and imports from here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcome_filter")
        self.model = ReportModel(self)
        self.table = list_table(self, self.model, "report_rows")
        self.table.setItemDelegateForColumn(CHOICE, ChoiceDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.table.horizontalHeader()
        for column, width in ((ROW, 60), (NAME, 200), (OUTCOME, 160), (CHOICE, 320)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.save_button = QPushButton(tr("&Rapport opslaan…"), self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        filter_label = QLabel(tr("&Toon:"), self)
        filter_label.setBuddy(self.outcome)
        self.hint = hint_label(
            tr(
                "Er is nog niets opgeslagen. Kies per rij wat er gebeurt in de kolom Keuze "
                "(dubbelklik of F2); rijen die waarschijnlijk al bestaan worden samengevoegd "
                "tenzij u anders kiest."
            ),
            self,
        )
        vbox(
            self,
            self.summary,
            self.hint,
            hbox(filter_label, self.outcome, STRETCH, self.save_button),
            (self.table, 1),
            self.progress,
            self.status,
        )
        self.outcome.activated.connect(lambda _index: self._filter())

    def show_plan(self, plan: ImportPlan) -> None:
        """The counts in a sentence, every row, and a filter per outcome with its count."""
        counts = plan.counts
        self.summary.setText(counts.summary)
        self.model.set_plan(plan)
        self.outcome.clear()
        self.outcome.addItem(tr("Alle rijen ({n})").format(n=counts.data_rows), None)
        for outcome, count in (
            (Outcome.NEW, counts.new),
            (Outcome.LIKELY_EXISTING, counts.likely_existing),
            (Outcome.REFUSED, counts.refused),
            (Outcome.SKIPPED, counts.skipped),
        ):
            self.outcome.addItem(f"{tr(outcome.value).capitalize()} ({count})", outcome.value)
        self.status.clear()

    def _filter(self) -> None:
        chosen = self.outcome.currentData()
        self.model.show_only(Outcome(chosen) if chosen else None)

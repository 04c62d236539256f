"""The rows of the import's report as a table: row number, name, outcome, reason and the
person's choice, filtered by outcome; the choice is picked per row from a drop-down."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from steunpunt.domain.imports.plan import (
    CHOICES_FOR,
    DEFAULT_ACTION,
    Action,
    ImportPlan,
    Outcome,
    PlannedRow,
)
from steunpunt.ui.i18n import tr
from steunpunt.ui.table_model import ColumnTableModel, Index

ROW, NAME, OUTCOME, REASON, CHOICE = range(5)
ACTION_ORDER = (Action.MERGE, Action.NEW, Action.SKIP)
OUTCOME_COLOURS = {
    Outcome.NEW: QColor("#e6f4ea"),
    Outcome.LIKELY_EXISTING: QColor("#fff4ce"),
    Outcome.REFUSED: QColor("#fde2e1"),
    Outcome.SKIPPED: QColor("#eeeeee"),
}


def row_name(row: PlannedRow) -> str:
    """The person a row names, as read (a refused row: its name parts, else its first cell;
    an empty or total row: nothing)."""
    if row.read.skip is not None:
        return ""
    if row.person is not None:
        person = row.person.caregiver.name
        return person.full if person.first_name else person.formal
    parts = row.read.caregiver
    given = parts.get("first_name") or parts.get("initials", "")
    name = " ".join(p for p in (given, parts.get("infix", ""), parts.get("last_name", "")) if p)
    return name or next((cell for cell in row.read.original if cell), "")


def choices_of(row: PlannedRow) -> list[Action]:
    """What the person may choose for ``row``, the default first."""
    allowed = CHOICES_FOR.get(row.outcome, frozenset())
    return [action for action in ACTION_ORDER if action in allowed]


def choice_text(row: PlannedRow, action: Action) -> str:
    """``samenvoegen met Jan de Vries (nr. 12)``, ``als nieuwe persoon`` or ``overslaan``."""
    if action is Action.MERGE:
        best = row.candidates[0]
        where = f"nr. {best.caregiver_id}" if best.source_row is None else f"rij {best.source_row}"
        return tr("samenvoegen met {name} ({where})").format(name=best.name, where=where)
    return tr("als nieuwe persoon") if action is Action.NEW else tr("overslaan")


class ReportModel(ColumnTableModel):
    """Every planned row, or those of one outcome; holds the choices made per source row."""

    columns = ("Rij", "Naam", "Uitkomst", "Reden", "Keuze")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PlannedRow, ...] = ()
        self._shown: list[int] = []
        self.choices: dict[int, Action] = {}
        """The person's choices that differ from the default, by source row."""

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self._rows = plan.rows
        self._shown = list(range(len(plan.rows)))
        self.choices = {}
        self.endResetModel()

    def show_only(self, outcome: Outcome | None) -> None:
        """Show the rows of ``outcome`` (None: all)."""
        self.beginResetModel()
        self._shown = [
            index
            for index, row in enumerate(self._rows)
            if outcome is None or row.outcome is outcome
        ]
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._shown)

    def planned(self, row: int) -> PlannedRow:
        return self._rows[self._shown[row]]

    def action(self, row: PlannedRow) -> Action | None:
        """What will be done with ``row``: the choice made, else the default (None: nothing)."""
        return self.choices.get(row.source_row, DEFAULT_ACTION.get(row.outcome))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.planned(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole and column == CHOICE:
            action = self.action(row)
            return None if action is None else action.value
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON:
            return "\n".join(row.reasons) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == CHOICE and choices_of(row):
            return tr("Dubbelklik of druk op F2 om te kiezen wat er met deze rij gebeurt.")
        if role == Qt.ItemDataRole.BackgroundRole and column == OUTCOME:
            return OUTCOME_COLOURS[row.outcome]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: PlannedRow, column: int) -> str:
        if column == ROW:
            return str(row.source_row)
        if column == NAME:
            return row_name(row)
        if column == OUTCOME:
            return tr(row.outcome.value)
        if column == REASON:
            return "; ".join(row.reasons)
        action = self.action(row)
        return "—" if action is None else choice_text(row, action)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == CHOICE and choices_of(self.planned(index.row())):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != CHOICE:
            return False
        row = self.planned(index.row())
        if value not in {action.value for action in choices_of(row)}:
            return False
        if value == DEFAULT_ACTION[row.outcome].value:
            self.choices.pop(row.source_row, None)
        else:
            self.choices[row.source_row] = Action(value)
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """The drop-down in the Keuze column: the choices a row may have, in words."""

    def createEditor(
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        model = index.model()
        assert isinstance(model, ReportModel)
        row = model.planned(index.row())
        combo = QComboBox(parent)
        combo.setObjectName("choice")
        for action in choices_of(row):
            combo.addItem(choice_text(row, action), action.value)
        # every change counts at once; the drop-down closes when the keyboard leaves it
        combo.currentIndexChanged.connect(lambda _index: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

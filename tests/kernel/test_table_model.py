"""The base table model: row and column counts, translated titles, no children; without a window."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from steunpunt.ui.table_model import ColumnTableModel


class _Names(ColumnTableModel):
    columns = ("Naam", "Plaats")

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def row_total(self) -> int:
        return len(self.rows)


def test_counts_come_from_the_rows_and_the_columns(qtbot: QtBot) -> None:
    model = _Names([("Ayşe Yılmaz", "Utrecht"), ("Jan de Vries", "Zeist"), ("Els Bos", "Baarn")])
    assert model.rowCount() == 3
    assert model.columnCount() == 2
    model.rows.pop()
    assert model.rowCount() == 2


def test_a_valid_parent_has_no_children(qtbot: QtBot) -> None:
    model = _Names([("Ayşe Yılmaz", "Utrecht")])
    cell = model.index(0, 0)
    assert cell.isValid()
    assert model.rowCount(cell) == 0
    assert model.columnCount(cell) == 0
    assert model.rowCount(QModelIndex()) == 1


def test_only_horizontal_display_headers_carry_the_titles(qtbot: QtBot) -> None:
    model = _Names([])
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert [model.headerData(column, horizontal) for column in range(2)] == ["Naam", "Plaats"]
    assert model.headerData(0, vertical) is None
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.rowCount() == 0

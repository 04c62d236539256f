"""The PDF, the workbook and the dashboard hide the same cells: the one rule in domain/.

Generated data over a large, a middle and a small gemeente; for each gemeente and for all
gemeenten, the report of this year so far (the dashboard's period) is written as a PDF and a
workbook and shown on the dashboard. Every table row of the PDF prints the report's row (its
marks in the same places), the workbook hides the same cells with the same marks, and the
dashboard's tiles and years chart show the report's key figures and years table as hidden
there: the chart never prints a figure the tiles and the tables hide (it printed the years
unsuppressed beside hidden key figures).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.reports.report import Cell, Report
from steunpunt.domain.reports.suppression import is_hidden
from steunpunt.paths import AppPaths
from steunpunt.services.reports.report_file import write_report_file
from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.reports.dashboard import dutch_number
from tests.reports.report_generated import GEMEENTEN, TODAY, three_gemeenten
from tests.ui_fixtures import make_context
from tests.widgets import choose

PERIOD = (date(TODAY.year, 1, 1), TODAY)
"""The dashboard's period: this year so far."""
FIRST_ROW = 3
"""A table sheet's first row of counts, under its title and header."""
_GAP = re.compile(r"\s{2,}")

Position = tuple[str, int, int]
"""(table key, row, column) of a cell."""


@pytest.fixture
def window(qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths) -> MainWindow:
    """The main window on the dashboard, over generated data in three gemeenten."""
    three_gemeenten(opened.services, opened.actor, opened.engine, 140, 11)
    window = MainWindow(make_context(opened.services, opened.actor, app_paths), opened)
    qtbot.addWidget(window)
    window.show()
    window.show_dashboard()
    return window


@pytest.mark.parametrize("where", ["", *GEMEENTEN])
def test_pdf_workbook_and_dashboard_hide_the_same_cells(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, tmp_path: Path, where: str
) -> None:
    report = opened.services.reports.report(*PERIOD, where)
    hidden = _hidden(report)
    assert hidden  # a real test: every one of these reports hides something

    pdf = write_report_file(
        opened.services.audit, opened.actor, tmp_path / "verantwoording.pdf", report, HouseStyle()
    )
    lines = [_GAP.split(line.strip()) for line in _pdf_lines(pdf)]
    for table in report.tables:
        for row in table.rows:
            assert any(_prints(line, row) for line in lines), (table.key, row)
    assert _pdf_headlines(pdf) == [_text(h.value) for h in report.headlines]

    workbook = load_workbook(
        write_report_file(
            opened.services.audit,
            opened.actor,
            tmp_path / "verantwoording.xlsx",
            report,
            HouseStyle(),
        )
    )
    overview, *sheets = workbook.worksheets
    in_workbook = {
        (table.key, r - FIRST_ROW, c): cell.value
        for table, sheet in zip(report.tables, sheets, strict=True)
        for r, row in enumerate(sheet.iter_rows(min_row=FIRST_ROW), FIRST_ROW)
        for c, cell in enumerate(row)
        if c and isinstance(cell.value, str) and is_hidden(cell.value)
    }
    assert in_workbook == hidden
    values = [row[1].value for row in overview.iter_rows() if len(row) > 1]
    headlines = [h.value for h in report.headlines]
    assert [v for v in values if isinstance(v, str) and is_hidden(v)] == [
        v for v in headlines if is_hidden(v)
    ]

    dashboard = window.dashboard
    assert dashboard is not None
    choose(qtbot, dashboard.municipality, where or "Alle gemeenten")
    title = f"Gemeente {where}" if where else "Alle gemeenten"
    qtbot.waitUntil(lambda: dashboard.title.text().startswith(title))
    assert [value for value, _label in dashboard.tile_texts()] == [_text(v) for v in headlines]
    years = report.table("jaren").rows
    assert any(is_hidden(cell) for row in years for cell in row[1:]) == (where != "Amersfoort")
    assert dashboard.chart.accessibleDescription() == "; ".join(
        f"{year}: {dutch_number(registered)} ingeschreven, {dutch_number(new)} nieuw"
        for year, registered, new in years
    )


def _hidden(report: Report) -> dict[Position, Cell]:
    return {
        (table.key, r, c): cell
        for table in report.tables
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if c and is_hidden(cell)
    }


def _text(cell: Cell) -> str:
    """A cell as printed: counts the Dutch way (``1.234``)."""
    return dutch_number(cell)


def _prints(line: list[str], row: tuple[Cell, ...]) -> bool:
    """The PDF's line is the row: its label (the first line of it, where it wraps) and cells."""
    label, *cells = row
    return (
        len(line) == len(row)
        and str(label).startswith(line[0])
        and line[1:] == [_text(cell) for cell in cells]
    )


def _pdf_lines(pdf: Path) -> list[str]:
    return [
        line
        for page in PdfReader(pdf).pages
        for line in page.extract_text(extraction_mode="layout").splitlines()
        if line.strip()
    ]


def _pdf_headlines(pdf: Path) -> list[str]:
    """The tiles' values under "Kerncijfers", in reading order."""
    lines = _pdf_lines(pdf)
    start = lines.index("Kerncijfers")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("Verantwoording"))
    value = re.compile(r"^(\d[\d.]*|<\d+|×)$")
    return [
        token
        for line in lines[start + 2 : end]
        for token in _GAP.split(line.strip())
        if value.match(token)
    ]

"""The verantwoording as an Excel workbook: an overview sheet, then one sheet per table."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from steunpunt.domain.dates import long_date
from steunpunt.domain.reports.report import Cell, Report, ReportTable
from steunpunt.domain.reports.suppression import is_hidden, privacy_note
from steunpunt.io.atomic import write_atomically
from steunpunt.io.payment_list import EURO_FORMAT

log = logging.getLogger(__name__)

OVERVIEW = "Overzicht"
EMPTY_TEXT = "Geen gegevens in deze periode."
COUNT_FORMAT = "#,##0"
"""Whole numbers; Excel shows the thousands separator of the user's language (1.234)."""
FIRST_ROW = 3
"""Row 1 holds the title, row 2 the header; the panes are frozen above this row."""
MAX_NAME = 31
MIN_WIDTH, MAX_WIDTH = 8, 60

_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MONEY = re.compile(r"^€\s*(-?\d{1,3}(?:\.\d{3})*|-?\d+),(\d{2})$")
_RESERVED = {"history"}  # Excel keeps this sheet name for itself


def write_report_workbook(target: Path, report: Report) -> None:
    """Write ``report`` as an Excel workbook, atomically; an ``OSError`` is left to the caller."""
    # openpyxl takes about 0.3 s to import: only when a workbook is made.
    from openpyxl import Workbook  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Steunpunt"
    workbook.properties.title = report.title
    used = {OVERVIEW.lower()}
    names = [sheet_name(table.key, used, number) for number, table in enumerate(report.tables, 1)]
    _write_overview(workbook.create_sheet(OVERVIEW), report, names)
    for name, table in zip(names, report.tables, strict=True):
        _write_table(workbook.create_sheet(name), table)
    write_atomically(target, workbook.save)
    log.info("Report workbook written: %d tables", len(report.tables))


def sheet_name(key: str, used: set[str], number: int) -> str:
    """An Excel-safe worksheet name from ``key``, unique within ``used`` (which it joins).

    Excel refuses ``[]:*?/\\``, names longer than 31 characters, an apostrophe at either end,
    and two names that differ only in capitals.
    """
    cleaned = _NOT_IN_NAMES.sub("_", key).strip(" '")
    base = cleaned[:MAX_NAME].rstrip(" '") or f"Tabel {number}"
    if base.lower() in _RESERVED:
        base = f"{base}_"
    name, copy = base, 1
    while name.lower() in used:
        copy += 1
        suffix = f" ({copy})"
        name = base[: MAX_NAME - len(suffix)].rstrip() + suffix
    used.add(name.lower())
    return name


def _write_overview(sheet: Any, report: Report, names: Sequence[str]) -> None:
    """Title, gemeente, period, date made, the privacy note, the headlines and the tables."""
    period = f"{long_date(report.starts_on)} tot en met {long_date(report.ends_on)}"
    rows: list[tuple[Any, ...]] = [
        ("Organisatie", report.organisation),
        ("Gemeente", report.municipality or "alle gemeenten"),
        ("Periode", period),
        ("Gemaakt op", long_date(report.made_on)),
    ]
    if report.suppress_below:
        rows.append(("Privacy", privacy_note(report.suppress_below)))
    if not report.headlines and not report.tables:
        rows += [(), (EMPTY_TEXT,)]
    if report.headlines:
        rows += [(), ("Kerncijfers",)]
        rows += [(headline.label, headline.value) for headline in report.headlines]
    if report.tables:
        rows += [(), ("Tabellen",)]
        rows += [(table.title, name) for name, table in zip(names, report.tables, strict=True)]
    widths = (
        _width([str(row[0]) for row in rows if len(row) > 1]),
        _width([_display(row[1]) for row in rows if len(row) > 1]),
    )
    _set_widths(sheet, widths)
    sheet.append([_styled(sheet, report.title, bold=True, size=14)])
    sheet.append([])
    for row in rows:
        heading = len(row) == 1 and row[0] != EMPTY_TEXT
        sheet.append([_styled(sheet, value, bold=heading) for value in row])


def _write_table(sheet: Any, table: ReportTable) -> None:
    """Title, a bold header row frozen above the counts, the rows and the note."""
    columns = max(len(table.headers), *(len(row) for row in table.rows), 1)
    headers = [*table.headers, *[""] * (columns - len(table.headers))]
    rows = [[*row, *[""] * (columns - len(row))] for row in table.rows]
    widths = [_width([headers[c], *(_display(row[c]) for row in rows)]) for c in range(columns)]
    _set_widths(sheet, widths)
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.append([_styled(sheet, table.title, bold=True, size=13)])
    sheet.append([_styled(sheet, header, bold=True) for header in headers])
    for row in rows:
        total = str(row[0]).strip().lower() == "totaal"
        sheet.append([_styled(sheet, value, bold=total) for value in row])
    if not rows:
        sheet.append([_styled(sheet, EMPTY_TEXT)])
    if table.note:
        sheet.append([])
        sheet.append([_styled(sheet, table.note, italic=True)])


def _styled(
    sheet: Any, value: Cell, *, bold: bool = False, italic: bool = False, size: float = 11
) -> Any:
    """A write-only cell: a count as a number, money as euros, "<5" and "×" to the right,
    text as text."""
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

    money = _MONEY.match(value) if isinstance(value, str) else None
    if money:
        cents = Decimal(f"{money.group(1).replace('.', '')}.{money.group(2)}")
        cell = WriteOnlyCell(sheet, cents)
        cell.number_format = EURO_FORMAT
    elif isinstance(value, int):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = COUNT_FORMAT
    else:
        cell = WriteOnlyCell(sheet, _ILLEGAL.sub("", value))
        cell.data_type = "s"  # a label typed as "=SOM(...)" stays text, not a formula
        if is_hidden(value):
            cell.alignment = Alignment(horizontal="right")
    if bold or italic or size != 11:
        cell.font = Font(bold=bold, italic=italic, size=size)
    return cell


def _set_widths(sheet: Any, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _width(texts: Sequence[str]) -> float:
    """A column width (in characters) that fits the longest text, within limits."""
    longest = max((len(text) for text in texts), default=0)
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


def _display(cell: Cell) -> str:
    """How Excel shows a cell, near enough to size its column: 1234 as ``1.234``."""
    return f"{cell:,}".replace(",", ".") if isinstance(cell, int) else cell

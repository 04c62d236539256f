"""The verantwoording as an Excel workbook: an overview sheet, then one sheet per table."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from steunpunt.domain.dates import format_date
from steunpunt.domain.numbers import number_text
from steunpunt.domain.reports.report import Cell, Report, ReportTable
from steunpunt.domain.reports.suppression import is_hidden, privacy_note
from steunpunt.io.atomic import write_atomically
from steunpunt.io.excel_formats import (
    COUNT_FORMAT,
    DATE_FORMAT,
    EURO_FORMAT,
    YEAR_FORMAT,
    decimal_format,
)

log = logging.getLogger(__name__)

OVERVIEW = "Overzicht"
EMPTY_TEXT = "Geen gegevens in deze periode."
FIRST_ROW = 3
"""Row 1 holds the title, row 2 the header; the panes are frozen above this row."""
MAX_NAME = 31
MIN_WIDTH, MAX_WIDTH = 8, 60

_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MONEY = re.compile(r"^€\s*(-?\d{1,3}(?:\.\d{3})*|-?\d+),(\d{2})$")
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
"""A number as the report prints it (hours): ``14.348`` or ``26,2``."""
_YEAR = re.compile(r"^\d{4}$")
Typed = tuple[str | int | Decimal | date, str | None]
"""A cell's value and its number format; no format: text."""
_RESERVED = {"history"}  # Excel keeps this sheet name for itself


def write_report_workbook(target: Path, report: Report, journal: Path | None = None) -> None:
    """Write ``report`` as an Excel workbook, atomically; an ``OSError`` is left to the caller.
    ``journal``: where the temporary file is noted while it exists (``io/atomic.py``).
    """
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
    write_atomically(target, workbook.save, journal)
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
    rows: list[tuple[Cell | date, ...]] = [
        ("Organisatie", report.organisation),
        ("Gemeente", report.municipality or "alle gemeenten"),
        ("Begin van de periode", report.starts_on),
        ("Einde van de periode", report.ends_on),
        ("Gemaakt op", report.made_on),
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
        _width([_display(row[0]) for row in rows if len(row) > 1]),
        _width([_display(row[1]) for row in rows if len(row) > 1]),
    )
    _set_widths(sheet, widths)
    sheet.append([_styled(sheet, (report.title, None), bold=True, size=14)])
    sheet.append([])
    for row in rows:
        heading = len(row) == 1 and row[0] != EMPTY_TEXT
        sheet.append([_styled(sheet, _plain(value), bold=heading) for value in row])


def _write_table(sheet: Any, table: ReportTable) -> None:
    """Title, a bold header row frozen above the counts, the rows and the note."""
    columns = max(len(table.headers), *(len(row) for row in table.rows), 1)
    headers = [*table.headers, *[""] * (columns - len(table.headers))]
    rows = [[*row, *[""] * (columns - len(row))] for row in table.rows]
    widths = [_width([headers[c], *(_display(row[c]) for row in rows)]) for c in range(columns)]
    _set_widths(sheet, widths)
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.append([_styled(sheet, (table.title, None), bold=True, size=13)])
    sheet.append([_styled(sheet, (header, None), bold=True) for header in headers])
    for row in rows:
        total = str(row[0]).strip().lower() == "totaal"
        sheet.append(
            [_styled(sheet, _typed(cell, c == 0), bold=total) for c, cell in enumerate(row)]
        )
    if not rows:
        sheet.append([_styled(sheet, (EMPTY_TEXT, None))])
    if table.note:
        sheet.append([])
        sheet.append([_styled(sheet, (table.note, None), italic=True)])


def _plain(value: Cell | date) -> Typed:
    """A count and a date with their formats; text as text."""
    if isinstance(value, date):
        return value, DATE_FORMAT
    if isinstance(value, int):
        return value, COUNT_FORMAT
    return value, None


def _typed(cell: Cell, label: bool) -> Typed:
    """A table cell as Excel should hold it: a year as a row's label as a whole number; an
    amount (``"€ 1.234,56"``) and hours (``"14.348"``, ``"26,2"``) as numbers; a hidden count
    (``"<5"``, ``"×"``) and other text as text."""
    if not isinstance(cell, str):
        return _plain(cell)
    if label:
        return (int(cell), YEAR_FORMAT) if _YEAR.match(cell) else (cell, None)
    money = _MONEY.match(cell)
    if money:
        return Decimal(f"{money.group(1).replace('.', '')}.{money.group(2)}"), EURO_FORMAT
    if _NUMBER.match(cell):
        number = Decimal(cell.replace(".", "").replace(",", "."))
        return number, decimal_format(number)
    return cell, None


def _styled(
    sheet: Any, typed: Typed, *, bold: bool = False, italic: bool = False, size: float = 11
) -> Any:
    """A write-only cell: a number or date with its format, "<5" and "×" to the right, text
    as text."""
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

    value, number_format = typed
    if number_format is None:
        text = str(value)
        cell = WriteOnlyCell(sheet, _ILLEGAL.sub("", text))
        cell.data_type = "s"  # a label typed as "=SOM(...)" stays text, not a formula
        if is_hidden(text):
            cell.alignment = Alignment(horizontal="right")
    else:
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = number_format
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


def _display(value: Cell | date) -> str:
    """How Excel shows a cell, near enough to size its column: 1234 as ``1.234``."""
    if isinstance(value, date):
        return format_date(value)
    return number_text(value) if isinstance(value, int) else value

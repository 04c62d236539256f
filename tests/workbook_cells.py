"""Reads a written workbook as finance would: every figure a number or a date, with a Dutch format."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]

from steunpunt.domain.reports.suppression import is_hidden
from steunpunt.io.excel_formats import COUNT_FORMAT, DATE_FORMAT, EURO_FORMAT, YEAR_FORMAT

NUMBER_FORMATS = {COUNT_FORMAT, EURO_FORMAT, YEAR_FORMAT, "#,##0.0", "#,##0.00"}
LOOKS_LIKE_A_FIGURE = re.compile(r"^(€\s*)?-?[\d.,]*\d[\d.,]*$|^\d{1,2}-\d{1,2}-\d{4}$")
"""Text that Excel would not add up: a count, an amount, hours or a date typed as text."""


def figures_as_text(target: Path, text_headers: frozenset[str] = frozenset()) -> list[str]:
    """Every cell (``sheet!A1: value``) that holds a figure as text, a number without a Dutch
    format, or a date that is not a date cell; columns headed ``text_headers`` may hold
    digits as text (a phone number)."""
    found = []
    for sheet in load_workbook(target).worksheets:
        headers: dict[int, str] = {}
        for row in sheet.iter_rows():
            for cell in row:
                value, where = cell.value, f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
                if isinstance(value, str) and cell.font.bold:
                    headers[cell.column] = value
                if isinstance(value, datetime):
                    if cell.data_type != "d" or cell.number_format != DATE_FORMAT:
                        found.append(where)
                elif isinstance(value, int | float):
                    if cell.data_type != "n" or cell.number_format not in NUMBER_FORMATS:
                        found.append(where)
                elif (
                    isinstance(value, str)
                    and LOOKS_LIKE_A_FIGURE.match(value.strip())
                    and not is_hidden(value)
                    and headers.get(cell.column) not in text_headers
                ):
                    found.append(where)
    return found

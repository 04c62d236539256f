"""The cells of an imported sheet: the values a spreadsheet holds, and their text as it shows it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TypeGuard

from steunpunt.domain.dates import format_date
from steunpunt.domain.input_policy import normalise_text

Cell = str | int | float | bool | date | datetime | time | timedelta | None
"""One cell as the file holds it: text, a number, a truth value, a date (or time), or empty."""


def cell_text(cell: Cell) -> str:
    """The cell as a spreadsheet shows it: ``12-03-1956`` for a date, ``10`` for ``10.0``."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return " ".join(normalise_text(cell).split())
    if isinstance(cell, bool):
        return "ja" if cell else "nee"
    if isinstance(cell, datetime):
        moment = cell.time()
        return format_date(cell.date()) + (f" {moment:%H:%M}" if moment != time() else "")
    if isinstance(cell, date):
        return format_date(cell)
    if isinstance(cell, time):
        return f"{cell:%H:%M}"
    if isinstance(cell, timedelta):
        return str(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).replace(".", ",") if isinstance(cell, float) else str(cell)


def is_number(cell: Cell) -> TypeGuard[int | float]:
    """Whether the cell holds a number (a truth value is not one)."""
    return isinstance(cell, int | float) and not isinstance(cell, bool)

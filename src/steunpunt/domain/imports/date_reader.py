"""Reading dates from cells: Excel date cells and serial numbers, and every way people type a date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.cells import Cell, cell_text, is_number
from steunpunt.domain.imports.readings import Reading
from steunpunt.domain.input_policy import EARLIEST_DATE, LATEST_DATE, check_date_range
from steunpunt.domain.text import fold

MONTH_WORDS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "febr", "february"), 2),
    **dict.fromkeys(("maart", "mrt", "mar", "maa", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("augustus", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
"""Month names and their abbreviations, Dutch and the English ones of exported files."""

EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's serial dates (as Excel counts them, with its leap day 29-2-1900 that never was)."""

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})" + _TIME + "$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + "$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_MONTH_NAME = re.compile(r"^(\d{1,2})[\s\-.]*([^\W\d_]+)\.?[\s\-.]*'?(\d{4}|\d{2})$")
_SERIAL = re.compile(r"^\d{5}$")
_YEAR_ONLY = (1900, 2100)
_PROBLEM = "Hier staat geen leesbare datum; schrijf een datum als 12-03-1956."


def read_date(cell: Cell, field: str, today: date) -> Reading:
    """The date in ``cell`` as the form's ``dd-mm-jjjj`` for ``field``; a two-digit year is the
    most recent one not after ``today`` (``56`` is 1956, ``05`` is 2005 in 2026)."""
    if isinstance(cell, datetime):
        return Reading({field: format_date(cell.date())})
    if isinstance(cell, date):
        return Reading({field: format_date(cell)})
    if is_number(cell):
        return Reading({field: format_date(_serial(float(cell)))}, interpreted=True)
    text = cell_text(cell)
    if not text:
        return Reading()
    folded = fold(text)
    if _SERIAL.match(folded):
        return Reading({field: format_date(_serial(float(folded)))}, interpreted=True)
    day, month, year, interpreted = _parts(folded)
    full_year = _full_year(day, month, year, today) if year < 100 else year
    try:
        read = date(full_year, month, day)
    except ValueError as error:
        raise InvalidValue(f"{text} is geen bestaande datum.") from error
    check_date_range(read, EARLIEST_DATE, LATEST_DATE, "Deze datum")
    return Reading({field: format_date(read)}, interpreted=interpreted or year < 100)


def _parts(text: str) -> tuple[int, int, int, bool]:
    """(day, month, year as written, whether reading it was a guess)."""
    for pattern, order in ((_DAY_FIRST, (1, 2, 3)), (_ISO, (3, 2, 1)), (_COMPACT, (1, 2, 3))):
        match = pattern.match(text)
        if match:
            day, month, year = (int(match.group(i)) for i in order)
            return day, month, year, False
    match = _MONTH_NAME.match(text)
    if match and match.group(2) in MONTH_WORDS:
        return int(match.group(1)), MONTH_WORDS[match.group(2)], int(match.group(3)), False
    raise InvalidValue(_PROBLEM)


def _full_year(day: int, month: int, year: int, today: date) -> int:
    """``56`` -> 1956 and ``05`` -> 2005 when today is in 2026: the most recent past year."""
    century = today.year // 100 * 100
    try:
        return century + year if date(century + year, month, day) <= today else century - 100 + year
    except ValueError:
        return century + year if century + year <= today.year else century - 100 + year


def _serial(number: float) -> date:
    """An Excel serial number as the date it counts; a year alone is not a date."""
    if _YEAR_ONLY[0] <= number <= _YEAR_ONLY[1]:
        raise InvalidValue("Hier staat alleen een jaartal; vul de hele datum in.")
    if not 1 <= number < 2_958_466:  # 31-12-9999
        raise InvalidValue(_PROBLEM)
    read = EXCEL_EPOCH + timedelta(days=int(number))
    check_date_range(read, EARLIEST_DATE, LATEST_DATE, "Deze datum")
    return read

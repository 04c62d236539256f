"""Export of the caregiver list as an Excel workbook or a CSV file, with chosen columns."""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.io.atomic import write_atomically
from steunpunt.io.excel_formats import COUNT_FORMAT, DATE_FORMAT
from steunpunt.io.print_shop_csv import csv_cell

if TYPE_CHECKING:  # a type only: io sits below services and never imports them at run time
    from steunpunt.services.caregivers.dto import CaregiverRow

log = logging.getLogger(__name__)

Value = str | int | date | None
PROGRESS_EVERY = 500
"""Rows between two progress calls (each call may cancel)."""
SUFFIXES = (".xlsx", ".csv")
CANCELLED = "Het exporteren is afgebroken; er is geen bestand gemaakt."


@dataclass(frozen=True)
class ExportColumn:
    """One column a list export may have: a key, its Dutch header and how a row fills it."""

    key: str
    header: str
    value: Callable[[CaregiverRow], Value]
    width: int = 14
    """Column width in the workbook, in characters."""


def _burden(row: CaregiverRow) -> str:
    return row.burden_level.label.lower() if row.burden_level is not None else ""


COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("naam", "Naam", lambda row: row.name, 32),
    ExportColumn("geboortedatum", "Geboortedatum", lambda row: row.birth_date, 14),
    ExportColumn("leeftijd", "Leeftijd", lambda row: row.age, 9),
    ExportColumn("leeftijdsgroep", "Leeftijdsgroep", lambda row: row.bracket.label, 15),
    ExportColumn("adres", "Adres", lambda row: row.street_line, 30),
    ExportColumn("postcode", "Postcode", lambda row: row.postcode, 10),
    ExportColumn("woonplaats", "Woonplaats", lambda row: row.place, 20),
    ExportColumn("telefoon", "Telefoon", lambda row: row.phone, 15),
    ExportColumn("email", "E-mail", lambda row: row.email, 30),
    ExportColumn("ingeschreven", "Ingeschreven", lambda row: row.registered_on, 13),
    ExportColumn("status", "Status", lambda row: "actief" if row.active else "beëindigd", 11),
    ExportColumn("belasting", "Belasting", _burden, 11),
    ExportColumn("overbelast", "Overbelast", lambda row: "ja" if row.overloaded else "nee", 11),
)
"""Every column, in the order the export writes them."""


def column(key: str) -> ExportColumn:
    """The column with this key."""
    return next(item for item in COLUMNS if item.key == key)


def write_caregiver_list(
    target: Path,
    columns: Sequence[ExportColumn],
    rows: Iterable[CaregiverRow],
    progress: Callable[[int], bool] | None = None,
    journal: Path | None = None,
) -> int:
    """Write ``rows`` as ``.xlsx`` or ``.csv`` (by the suffix), atomically; returns the rows.

    ``progress(done)`` is called every few hundred rows; returning False raises
    :class:`Cancelled` and leaves no file.
    ``journal``: where the temporary file is noted while it exists (``io/atomic.py``).
    """
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValue(
            "Kies een bestandsnaam die eindigt op .xlsx (Excel) of .csv; "
            f"'{target.name}' kan niet worden geëxporteerd."
        )
    if not columns:
        raise InvalidValue("Kies ten minste één kolom om te exporteren.")
    checked = _checked(rows, progress)
    count: list[int] = []
    if suffix == ".xlsx":
        write_atomically(
            target, lambda path: count.append(_write_xlsx(path, columns, checked)), journal
        )
    else:
        write_atomically(
            target, lambda path: count.append(_write_csv(path, columns, checked)), journal
        )
    log.info("Caregiver list exported: %d rows, %d columns, %s", count[0], len(columns), suffix)
    return count[0]


def _checked(
    rows: Iterable[CaregiverRow], progress: Callable[[int], bool] | None
) -> Iterable[CaregiverRow]:
    """The rows, calling ``progress`` on the way and once at the end; stops when it says so."""
    done = 0
    for row in rows:
        yield row
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0 and not progress(done):
            raise Cancelled(CANCELLED)
    if progress is not None and done % PROGRESS_EVERY and not progress(done):
        raise Cancelled(CANCELLED)


def _write_csv(path: Path, columns: Sequence[ExportColumn], rows: Iterable[CaregiverRow]) -> int:
    """Semicolons, UTF-8 with a byte-order mark, dates as dd-mm-jjjj, as the print-shop file."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([item.header for item in columns])
        for row in rows:
            writer.writerow([_csv_cell(item.value(row)) for item in columns])
            count += 1
    return count


def _csv_cell(value: Value) -> str | int:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int):
        return value
    return csv_cell(value)


def _write_xlsx(path: Path, columns: Sequence[ExportColumn], rows: Iterable[CaregiverRow]) -> int:
    """A bold, frozen header with a filter; real dates and numbers below it."""
    # openpyxl takes about 0.3 s to import: only when a list is made.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Steunpunt"
    sheet = workbook.create_sheet("Mantelzorgers")
    for number, item in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = item.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value: Value) -> Any:
        if isinstance(value, date | int):
            number = WriteOnlyCell(sheet, value)
            number.number_format = DATE_FORMAT if isinstance(value, date) else COUNT_FORMAT
            return number
        if value is None:
            return None
        cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)
        if not cleaned.startswith("="):
            return cleaned
        text = WriteOnlyCell(sheet, cleaned)
        text.data_type = "s"  # a name typed as "=SOM(...)" stays text, not a formula
        return text

    def header(text: str) -> Any:
        styled = WriteOnlyCell(sheet, text)
        styled.font = bold
        return styled

    count = 0
    try:
        sheet.append([header(item.header) for item in columns])
        for row in rows:
            sheet.append([cell(item.value(row)) for item in columns])
            count += 1
    except BaseException:
        _discard(sheet)
        raise
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    workbook.save(path)
    return count


def _discard(sheet: Any) -> None:
    """Close and remove the temporary file openpyxl streams the rows into (else kept until exit)."""
    writer = sheet._writer
    with suppress(Exception):
        if sheet._rows is not None:
            sheet._rows.close()
        if writer is not None:
            writer.close()
            writer.cleanup()

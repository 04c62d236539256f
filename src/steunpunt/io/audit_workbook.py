"""The audit log as an Excel workbook: one row per event, dates and numbers as real cells."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from steunpunt.io.atomic import write_atomically
from steunpunt.io.excel_formats import COUNT_FORMAT

DATE_TIME_FORMAT = "dd-mm-yyyy hh:mm:ss"
"""A moment; a Dutch Excel shows the code as ``dd-mm-jjjj uu:mm:ss``."""

HEADERS = (
    ("Tijdstip", 20),
    ("Gebruiker", 24),
    ("Soort", 18),
    ("Mantelzorger-nr.", 16),
    ("Mantelzorger", 30),
    ("Naaste-nr.", 12),
    ("Gegevens", 24),
    ("Regel-nr.", 12),
    ("Details", 80),
)

AuditLine = tuple[datetime, str, str, int | None, str, int | None, str, int | None, str]
"""One event as the workbook lists it, in the order of :data:`HEADERS`."""


def write_audit_workbook(
    target: Path, lines: Iterable[AuditLine], journal: Path | None = None
) -> int:
    """Write ``lines`` to the ``.xlsx`` file ``target``, atomically; returns how many.
    ``journal``: where the temporary file is noted while it exists (``io/atomic.py``).
    """
    count: list[int] = []
    write_atomically(target, lambda path: count.append(_write(path, lines)), journal)
    return count[0]


def _write(path: Path, lines: Iterable[AuditLine]) -> int:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Auditlog")
    for index, (_header, width) in enumerate(HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)

    def header(text: str) -> Any:
        styled = WriteOnlyCell(sheet, text)
        styled.font = bold
        return styled

    def cell(value: object) -> Any:
        if value is None:
            return None
        if isinstance(value, datetime):
            moment = WriteOnlyCell(sheet, value.replace(tzinfo=None))
            moment.number_format = DATE_TIME_FORMAT
            return moment
        if isinstance(value, int):
            number = WriteOnlyCell(sheet, value)
            number.number_format = COUNT_FORMAT
            return number
        text = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", str(value)))
        text.data_type = "s"  # never a formula
        return text

    sheet.append([header(text) for text, _width in HEADERS])
    count = 0
    for line in lines:
        sheet.append([cell(value) for value in line])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    workbook.save(path)
    return count

"""The import's report as an Excel workbook: the counts that add up, then every row of the file
as it was, with its outcome and the reasons, so the steunpunt can fix the file and try again."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from steunpunt.domain.imports.plan import ImportPlan, Outcome, PlannedRow, problem_label
from steunpunt.io.atomic import write_atomically
from steunpunt.io.excel_formats import COUNT_FORMAT

SUMMARY = "Samenvatting"
ROWS = "Rijen"
FIXED_HEADERS = ("Rij", "Uitkomst", "Reden", "Gelezen als")
WIDTHS = (8, 24, 60, 40)
ORIGINAL_WIDTH = 18


def write_import_report(
    target: Path, plan: ImportPlan, headers: Sequence[str] = (), journal: Path | None = None
) -> None:
    """Write the report of ``plan`` to the ``.xlsx`` file ``target``, atomically; ``headers``
    name the file's columns (else ``Kolom 1``…). ``journal``: where the temporary file is
    noted while it exists (``io/atomic.py``); an ``OSError`` is left to the caller."""
    write_atomically(target, lambda path: _write(path, plan, headers), journal)


def _write(path: Path, plan: ImportPlan, headers: Sequence[str]) -> None:
    # openpyxl takes about 0.3 s to import: only when a workbook is made.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Steunpunt"
    summary = workbook.create_sheet(SUMMARY)
    rows = workbook.create_sheet(ROWS)
    bold = Font(bold=True)

    def text(sheet: Any, value: str, strong: bool = False) -> Any:
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if not strong and not value.startswith("="):
            return value or None  # a plain cell: 20,000 rows are written in a few seconds
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"  # never a formula, whatever the file held
        if strong:
            cell.font = bold
        return cell

    def number(sheet: Any, value: int, strong: bool = False) -> Any:
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = COUNT_FORMAT
        if strong:
            cell.font = bold
        return cell

    counts = plan.counts
    summary.column_dimensions["A"].width = 30
    summary.column_dimensions["B"].width = 12
    summary.append([text(summary, "Uitkomst", True), text(summary, "Rijen", True)])
    for label, count in (
        (Outcome.NEW.value, counts.new),
        (Outcome.LIKELY_EXISTING.value, counts.likely_existing),
        (Outcome.REFUSED.value, counts.refused),
        (Outcome.SKIPPED.value, counts.skipped),
    ):
        summary.append([text(summary, label.capitalize()), number(summary, count)])
    summary.append([text(summary, "Gegevensrijen", True), number(summary, counts.data_rows, True)])
    summary.append([])
    summary.append([text(summary, counts.summary)])

    width = max((len(row.read.original) for row in plan.rows), default=0)
    names = [*headers[:width], *(f"Kolom {n}" for n in range(len(headers) + 1, width + 1))]
    for index, size in enumerate([*WIDTHS, *([ORIGINAL_WIDTH] * width)], start=1):
        rows.column_dimensions[get_column_letter(index)].width = size
    rows.freeze_panes = "A2"
    rows.append([text(rows, name, True) for name in (*FIXED_HEADERS, *names)])
    for row in plan.rows:
        rows.append(
            [
                number(rows, row.source_row),
                text(rows, row.outcome.value),
                text(rows, "\n".join(row.reasons)),
                text(rows, _read_as(row)),
                *(text(rows, cell) for cell in row.read.original),
            ]
        )
    workbook.save(path)


def _read_as(row: PlannedRow) -> str:
    """The values the import had to interpret, as it read them."""
    return "\n".join(
        f"{problem_label(item.field)}: {item.original} → {item.read_as}"
        for item in row.read.interpretations
    )

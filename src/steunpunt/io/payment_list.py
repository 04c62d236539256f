"""Excel lists of a payment or voucher round for the gemeente's finance department."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.iban import format_iban
from steunpunt.io.atomic import write_atomically
from steunpunt.io.excel_formats import EURO_FORMAT
from steunpunt.io.sepa_transfer import Payment

log = logging.getLogger(__name__)

PaymentListRow = Payment
"""A row of the payment list is the payment itself, so the list matches the SEPA file."""

PAYMENT_HEADER = ("Kenmerk", "Naam", "IBAN", "Bedrag", "Omschrijving")
PAYMENT_WIDTHS = (20, 34, 26, 14, 50)
VOUCHER_HEADER = ("Kenmerk", "Naam", "Adres", "Postcode", "Woonplaats", "Waardeboncode", "Bedrag")
VOUCHER_WIDTHS = (20, 34, 34, 10, 22, 20, 14)
FIRST_ROW = 3
"""Row 1 holds the title, row 2 the header; the panes are frozen above this row."""

Cell = str | Decimal
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class VoucherRow:
    """One voucher (waardebon) of a voucher round, with the address it is sent to."""

    reference: str
    name: str
    address: str
    postcode: str
    place: str
    voucher_code: str
    amount_cents: int


def write_payment_list(target: Path, title: str, rows: Sequence[PaymentListRow]) -> None:
    """Write the payments as an Excel workbook with a total, atomically."""
    if not rows:
        raise InvalidValue("Er zijn geen betalingen om in de lijst te zetten.")
    cells = [
        (
            row.end_to_end_id,
            row.name,
            format_iban(row.iban),
            _euros(row.amount_cents),
            row.description,
        )
        for row in rows
    ]
    _write_list(target, "Betalingen", title, PAYMENT_HEADER, PAYMENT_WIDTHS, cells)
    log.info("Payment list written: %d rows", len(rows))


def write_voucher_list(target: Path, title: str, rows: Sequence[VoucherRow]) -> None:
    """Write the vouchers of a round as an Excel workbook with a total, atomically."""
    if not rows:
        raise InvalidValue("Er zijn geen waardebonnen om in de lijst te zetten.")
    cells = [
        (
            row.reference,
            row.name,
            row.address,
            row.postcode,
            row.place,
            row.voucher_code,
            _euros(row.amount_cents),
        )
        for row in rows
    ]
    _write_list(target, "Waardebonnen", title, VOUCHER_HEADER, VOUCHER_WIDTHS, cells)
    log.info("Voucher list written: %d rows", len(rows))


def _write_list(
    target: Path,
    sheet_title: str,
    title: str,
    header: tuple[str, ...],
    widths: tuple[int, ...],
    rows: Sequence[tuple[Cell, ...]],
) -> None:
    """A title row, a bold header with the panes frozen below it, the rows and a SUM total."""
    # openpyxl takes about 0.3 s to import: only when a list is made.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Steunpunt"
    sheet = workbook.create_sheet(sheet_title)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    bold = Font(bold=True)

    def styled(value: Any, font: Any = None, number_format: str | None = None) -> Any:
        cell = WriteOnlyCell(sheet, value)
        if font is not None:
            cell.font = font
        if number_format is not None:
            cell.number_format = number_format
        return cell

    def text(value: str) -> Any:
        cleaned = _printable(value)
        if not cleaned.startswith("="):
            return cleaned
        cell = WriteOnlyCell(sheet, cleaned)
        cell.data_type = "s"  # a name typed as "=SOM(...)" stays text, not a formula
        return cell

    sheet.append([styled(_printable(title), Font(bold=True, size=14))])
    sheet.append([styled(name, bold) for name in header])
    amount_column = header.index("Bedrag") + 1
    for row in rows:
        sheet.append(
            [
                styled(value, number_format=EURO_FORMAT)
                if isinstance(value, Decimal)
                else text(value)
                for value in row
            ]
        )
    last = FIRST_ROW + len(rows) - 1
    letter = get_column_letter(amount_column)
    total: list[Any] = [None] * len(header)
    total[0] = styled("Totaal", bold)
    total[amount_column - 1] = styled(
        f"=SUM({letter}{FIRST_ROW}:{letter}{last})", bold, EURO_FORMAT
    )
    sheet.append(total)
    write_atomically(target, workbook.save)


def _euros(cents: int) -> Decimal:
    """Cents as an exact decimal number of euros: 3334 -> 33.34."""
    return Decimal(cents).scaleb(-2)


def _printable(value: str) -> str:
    """Text without the control characters an Excel file cannot hold (openpyxl refuses them)."""
    return _ILLEGAL.sub("", value)

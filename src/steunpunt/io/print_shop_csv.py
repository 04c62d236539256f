"""The address list for a print shop: one row per letter, as CSV that Excel opens in Dutch."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HEADER = ("kenmerk", "naam", "naam_2", "straat_huisnummer", "postcode", "woonplaats")


@dataclass(frozen=True)
class PrintShopRow:
    """One envelope: the kenmerk printed on the letter, up to two name lines and the address."""

    reference: str
    names: tuple[str, ...]
    street_line: str
    postcode: str
    place: str


def write_print_shop_csv(target: Path, rows: Iterable[PrintShopRow]) -> int:
    """Write semicolon-separated UTF-8 with a byte-order mark (Dutch Excel); returns the rows."""
    count = 0
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for row in rows:
            names = (*row.names, "", "")[:2]
            cells = (row.reference, *names, row.street_line, row.postcode, row.place.upper())
            writer.writerow([csv_cell(cell) for cell in cells])
            count += 1
    return count


def csv_cell(cell: str) -> str:
    """A cell Excel will not run as a formula (a name typed as ``=SOM(...)`` stays text)."""
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@") else cell

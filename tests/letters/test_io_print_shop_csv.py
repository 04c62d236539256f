"""The print-shop CSV: Dutch Excel reads it, and no cell runs as a formula."""

from __future__ import annotations

import csv
from pathlib import Path

from steunpunt.io.print_shop_csv import HEADER, PrintShopRow, write_print_shop_csv


def test_rows_are_written_for_dutch_excel_and_formulas_stay_text(tmp_path: Path) -> None:
    target = tmp_path / "drukker.csv"
    rows = [
        PrintShopRow(
            "2026-0001/1", ("Mevrouw A. Yılmaz",), "Kerkstraat 5", "3812 BB", "Amersfoort"
        ),
        PrintShopRow("2026-0001/2", ("=HYPERLINK(1)", "@zelf"), "-5 straat", "1234 AB", "Soest"),
    ]
    assert write_print_shop_csv(target, rows) == 2
    assert target.read_bytes().startswith("\ufeff".encode())  # Excel sees UTF-8
    with target.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle, delimiter=";"))
    assert tuple(read[0]) == HEADER
    assert read[1] == [
        "2026-0001/1",
        "Mevrouw A. Yılmaz",
        "",
        "Kerkstraat 5",
        "3812 BB",
        "AMERSFOORT",
    ]
    assert read[2][1:4] == ["'=HYPERLINK(1)", "'@zelf", "'-5 straat"]

"""The caregiver list export: Excel with real dates and numbers, CSV for Dutch Excel, cancel."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.domain.support.burden import BurdenLevel
from steunpunt.io.caregiver_export import (
    COLUMNS,
    column,
    write_caregiver_list,
)
from steunpunt.services.caregivers.dto import CaregiverRow
from tests.workbook_cells import figures_as_text


def caregiver_row(number: int, **changes: object) -> CaregiverRow:
    values: dict[str, object] = {
        "id": number,
        "name": f"Vries, Jan {number}",
        "birth_date": date(1960, 2, 1),
        "age": 66,
        "bracket": AgeBracket.FROM_25,
        "street_line": "Dorpsstraat 12 a",
        "postcode": "3811 AB",
        "place": "Amersfoort",
        "phone": "06-12345678",
        "email": "jan@example.nl",
        "registered_on": date(2026, 1, 1),
        "active": True,
        "burden_level": BurdenLevel.HEAVY,
        "overloaded": True,
    }
    values.update(changes)
    return CaregiverRow(**values)  # type: ignore[arg-type]


ROWS = [
    caregiver_row(1),
    caregiver_row(
        2,
        name="=1+1",
        birth_date=None,
        age=None,
        bracket=AgeBracket.UNKNOWN,
        active=False,
        burden_level=None,
        overloaded=False,
    ),
]


def test_the_workbook_has_a_bold_frozen_header_real_dates_and_numbers(tmp_path: Path) -> None:
    target = tmp_path / "lijst.xlsx"
    assert write_caregiver_list(target, COLUMNS, ROWS) == 2
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Naam",
        "Geboortedatum",
        "Leeftijd",
        "Leeftijdsgroep",
        "Adres",
        "Postcode",
        "Woonplaats",
        "Telefoon",
        "E-mail",
        "Ingeschreven",
        "Status",
        "Belasting",
        "Overbelast",
    )
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Geboortedatum"].date() == date(1960, 2, 1)  # a date, not text
    assert first["Leeftijd"] == 66 and isinstance(first["Leeftijd"], int)
    assert (first["Leeftijdsgroep"], first["Status"], first["Belasting"]) == (
        "25 en ouder",
        "actief",
        "zwaar",
    )
    assert first["Overbelast"] == "ja"
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["Naam"] == "=1+1"  # text, not a formula
    assert sheet["A3"].data_type == "s"
    assert (second["Geboortedatum"], second["Leeftijd"]) == (None, None)
    assert (second["Status"], second["Belasting"], second["Overbelast"]) == (
        "beëindigd",
        None,
        "nee",
    )
    assert sheet["A1"].font.bold
    assert sheet["B2"].number_format == "dd-mm-yyyy"
    assert sheet["C2"].data_type == "n" and sheet["C2"].number_format == "#,##0"
    assert figures_as_text(target, frozenset({"Telefoon"})) == []
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:M3"


def test_the_csv_is_for_dutch_excel_and_formulas_stay_text(tmp_path: Path) -> None:
    target = tmp_path / "lijst.csv"
    columns = [column(key) for key in ("naam", "geboortedatum", "leeftijd", "overbelast")]
    assert write_caregiver_list(target, columns, ROWS) == 2
    assert target.read_bytes().startswith("\ufeff".encode())
    with target.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle, delimiter=";"))
    assert read == [
        ["Naam", "Geboortedatum", "Leeftijd", "Overbelast"],
        ["Vries, Jan 1", "01-02-1960", "66", "ja"],
        ["'=1+1", "", "", "nee"],
    ]


@pytest.mark.parametrize("name", ["lijst.xlsx", "lijst.csv"])
def test_cancelling_leaves_no_file(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    seen: list[int] = []

    def progress(done: int) -> bool:
        seen.append(done)
        return False

    rows = [caregiver_row(number) for number in range(1, 1201)]
    with pytest.raises(Cancelled):
        write_caregiver_list(target, COLUMNS, rows, progress)
    assert seen == [500]
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_every_row(tmp_path: Path) -> None:
    seen: list[int] = []
    rows = (caregiver_row(number) for number in range(1, 1201))
    target = tmp_path / "lijst.xlsx"
    written = write_caregiver_list(
        target, COLUMNS[:2], rows, lambda done: seen.append(done) or True
    )
    assert written == 1200
    assert seen == [500, 1000, 1200]
    assert openpyxl.load_workbook(target).active.max_row == 1201


def test_an_unknown_suffix_is_refused_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match=r"\.xlsx \(Excel\) of \.csv"):
        write_caregiver_list(tmp_path / "lijst.ods", COLUMNS, ROWS)
    assert list(tmp_path.iterdir()) == []

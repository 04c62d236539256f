"""A deliberately messy register, made in the test, read end to end: every row accounted for,
interpreted values shown as such, and bad cells told per field, never guessed or dropped."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]

from steunpunt.domain.choices import RelationType
from steunpunt.domain.imports.cells import Cell
from steunpunt.domain.imports.columns import ImportField, find_header_row, guess_mapping
from steunpunt.domain.imports.read_row import Interpretation, ReadRow, SkipReason
from steunpunt.domain.imports.reading import is_total_row, read_rows
from steunpunt.io.import_file import open_import_file

TODAY = date(2026, 12, 5)
HEADERS = [
    "Naam",
    "Adres",
    "Postcode en woonplaats",
    "Tel.",
    "E-mail",
    "Geb. datum",
    "Voor wie zorgt u",
    "Relatie",
    "Uren p/w",
    "Ingeschreven",
    "Opmerking",
]


def messy_register(path: Path) -> Path:
    """Title rows (one merged), the header in row 4, mixed date cells, an empty row, a merged
    cell in a data row, a row of bad cells and a total row."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Mantelzorgregister Steunpunt Soest"])
    sheet.merge_cells("A1:F1")
    sheet.append(["Bijgewerkt op 3 januari 2024"])
    sheet.append([])
    sheet.append(HEADERS)
    sheet.append(
        [
            "Jansen-de Vries, mevr. A.B.",
            "Dorpsstraat 12 a",
            "3762 AB Soest",
            "06-12345678 (dochter)",
            "A.Jansen@Example.nl",
            date(1956, 3, 12),
            "Piet Jansen",
            "vader",
            "ca. 10",
            date(2020, 1, 2),
            None,
        ]
    )
    sheet.append(
        [
            "PIET VAN DER BERG",
            "Kerkplein 3-II",
            "3762ab  SOEST",
            612345678.0,
            None,
            "12/03/56",
            "mevr. A. van der Berg",
            "moeder",
            "8-10",
            "1-2-2021",
            "Belt liever 's avonds",
        ]
    )
    sheet.append([])
    sheet.append(
        [
            "van den Berg, Jan",
            "Laan 1940-1945 nr 7",
            "3762 AB Soest",
            "033-1234567 / 06-87654321",
            None,
            20526,
            None,
            "buurvrouw",
            "20 p/w",
            "15 mrt 2019",
        ]
    )
    sheet.append(
        [
            "J. de Jong",
            "Dorpsstraat",
            "37620 Soest",
            "geen",
            "jan@",
            "31-02-1956",
            None,
            None,
            "veel",
        ]
    )
    sheet.append(
        [
            "Mevrouw A. El Amrani",
            "Hoofdstraat 12bis",
            "3762 AB Soest",
            "06 11223344",
            "a.elamrani@example.nl",
            None,
            "Anna Maria Bakker",
            "Zus",
            12,
            date(2022, 6, 1),
            "n.v.t.",
        ]
    )
    sheet.merge_cells("E10:F10")  # e-mail over two columns: the naaste must not move left
    sheet.append(["Tot.", None, None, None, None, None, None, None, 52])
    book.save(path)
    return path


@pytest.fixture
def read(tmp_path: Path) -> list[ReadRow]:
    file = open_import_file(messy_register(tmp_path / "register.xlsx"))
    header_row = find_header_row(file.rows)
    return read_rows(file.rows, header_row, guess_mapping(file.rows[header_row]), TODAY)


def by_row(rows: list[ReadRow]) -> dict[int, ReadRow]:
    return {row.source_row: row for row in rows}


def test_every_data_row_becomes_one_read_row_numbered_as_the_spreadsheet_shows(
    read: list[ReadRow],
) -> None:
    assert [row.source_row for row in read] == [5, 6, 7, 8, 9, 10, 11]
    assert {row.source_row: row.skip for row in read if row.skip} == {
        7: SkipReason.EMPTY,
        11: SkipReason.TOTAL,
    }


def test_a_tidy_row_is_read_into_the_form_fields(read: list[ReadRow]) -> None:
    row = by_row(read)[5]
    assert dict(row.caregiver) == {
        "salutation": "mevrouw",
        "initials": "A.B.",
        "last_name": "Jansen-de Vries",
        "street": "Dorpsstraat",
        "house_number": "12",
        "house_number_suffix": "A",
        "postcode": "3762 AB",
        "place": "Soest",
        "phone": "06 12345678",
        "email": "a.jansen@example.nl",
        "birth_date": "12-03-1956",
        "registered_on": "02-01-2020",
        "notes": "Telefoon: 06-12345678 (dochter)",
    }
    assert dict(row.care_recipient) == {"first_name": "Piet", "last_name": "Jansen"}
    assert dict(row.relation) == {
        "relation_type": RelationType.PARENT.value,
        "hours_per_week": "10",
    }
    assert row.problems == {}
    assert row.original[:3] == ("Jansen-de Vries, mevr. A.B.", "Dorpsstraat 12 a", "3762 AB Soest")
    assert row.original[5] == "12-03-1956"


def test_what_had_to_be_interpreted_is_shown_and_what_was_read_unchanged_is_not(
    read: list[ReadRow],
) -> None:
    interpreted = {
        (item.field, item.original, item.read_as) for item in by_row(read)[5].interpretations
    }
    assert ("last_name", "Jansen-de Vries, mevr. A.B.", "Jansen-de Vries") in interpreted
    assert ("notes", "06-12345678 (dochter)", "Telefoon: 06-12345678 (dochter)") in interpreted
    assert ("relation.hours_per_week", "ca. 10", "10") in interpreted
    assert ("care_recipient.last_name", "Piet Jansen", "Jansen") in interpreted
    fields = {item.field for item in by_row(read)[5].interpretations}
    assert not fields & {"birth_date", "registered_on", "email", "relation.relation_type"}


def test_capitals_floats_two_digit_years_and_ranges_are_read_and_shown(
    read: list[ReadRow],
) -> None:
    row = by_row(read)[6]
    assert (row.caregiver["first_name"], row.caregiver["infix"], row.caregiver["last_name"]) == (
        "Piet",
        "van der",
        "Berg",
    )
    assert row.caregiver["phone"] == "06 12345678"
    assert row.caregiver["birth_date"] == "12-03-1956"
    assert row.caregiver["notes"] == "Belt liever 's avonds"
    assert dict(row.care_recipient) == {"first_name": "A.", "infix": "van der", "last_name": "Berg"}
    assert row.relation["hours_per_week"] == "9"
    assert {
        Interpretation("phone", "612345678", "06 12345678"),
        Interpretation("birth_date", "12/03/56", "12-03-1956"),
        Interpretation("relation.hours_per_week", "8-10", "9"),
    } <= set(row.interpretations)


def test_an_excel_serial_number_and_a_second_phone_number_are_kept(read: list[ReadRow]) -> None:
    row = by_row(read)[8]
    assert row.caregiver["birth_date"] == "12-03-1956"
    assert row.caregiver["phone"] == "033 123 4567"
    assert row.caregiver["notes"] == "Telefoon: 033-1234567 / 06-87654321"
    assert row.caregiver["street"] == "Laan 1940-1945"
    assert row.relation == {"relation_type": RelationType.NEIGHBOUR.value, "hours_per_week": "20"}
    assert Interpretation("birth_date", "20526", "12-03-1956") in row.interpretations


def test_cells_that_cannot_be_read_are_problems_per_field_never_guessed(
    read: list[ReadRow],
) -> None:
    row = by_row(read)[9]
    assert set(row.problems) == {
        "street",
        "postcode",
        "phone",
        "email",
        "birth_date",
        "relation.hours_per_week",
    }
    assert row.problems["birth_date"] == "31-02-1956 is geen bestaande datum."
    assert "street" not in row.caregiver and "birth_date" not in row.caregiver
    assert dict(row.caregiver) == {"initials": "J.", "infix": "de", "last_name": "Jong"}
    assert row.skip is None


def test_a_merged_cell_does_not_shift_the_columns_after_it(read: list[ReadRow]) -> None:
    row = by_row(read)[10]
    assert row.caregiver["email"] == "a.elamrani@example.nl"
    assert "birth_date" not in row.caregiver
    assert dict(row.care_recipient) == {"first_name": "Anna Maria", "last_name": "Bakker"}
    assert row.relation == {"relation_type": RelationType.SIBLING.value, "hours_per_week": "12"}
    assert row.caregiver["registered_on"] == "01-06-2022"


def test_a_second_column_for_a_field_already_read_goes_to_the_notes() -> None:
    rows = [["Naam", "Achternaam"], ["Jan Bakker", "Bakker-Smit"]]
    mapping = {0: ImportField.FULL_NAME, 1: ImportField.LAST_NAME}

    (row,) = read_rows(rows, 0, mapping, TODAY)

    assert row.caregiver["last_name"] == "Bakker"
    assert row.caregiver["notes"] == "Achternaam: Bakker-Smit"
    assert Interpretation("notes", "Bakker-Smit", "Achternaam: Bakker-Smit") in row.interpretations


def test_columns_not_imported_and_short_rows_are_read_without_shifting() -> None:
    rows = [["Naam", "Klantnr", "Woonplaats"], ["Jan Bakker", 12], ["Piet", None, "Soest"]]
    mapping = {0: ImportField.FULL_NAME, 1: ImportField.SKIP, 2: ImportField.PLACE}

    first, second = read_rows(rows, 0, mapping, TODAY)

    assert dict(first.caregiver) == {"first_name": "Jan", "last_name": "Bakker"}
    assert dict(second.caregiver) == {"last_name": "Piet", "place": "Soest"}


@pytest.mark.parametrize(
    ("cells", "total"),
    [
        (["Totaal", None, 143, 12.5], True),
        (["Tot.", None, "143"], True),
        (["TOTAAL:"], True),
        (["Aantal mantelzorgers: 143"], True),
        ([None, None, 143, "€ 1.250,00"], True),  # only sums
        (["Jan Bakker", None, 12], False),
        (["Totaal", "Dorpsstraat 1"], False),
        ([None, date(2020, 1, 1), 12], False),
        (["Tom Aalders", 10], False),
    ],
)
def test_a_total_row_is_told_from_a_person(cells: list[Cell], total: bool) -> None:
    assert is_total_row(cells) is total


def test_a_cell_whose_parts_were_read_already_is_kept_once_in_the_notes() -> None:
    rows = [
        ["Straat", "Huisnr", "Adres", "Opmerking"],
        ["Kerkstraat", "1", "Dorpsstraat 12 a (achterom)", "Belt zelf"],
    ]
    mapping = {
        0: ImportField.STREET,
        1: ImportField.HOUSE_NUMBER,
        2: ImportField.ADDRESS,
        3: ImportField.NOTES,
    }

    (row,) = read_rows(rows, 0, mapping, TODAY)

    assert row.caregiver["street"] == "Kerkstraat"
    assert (
        row.caregiver["notes"]
        == "Belt zelf\nAdres (straat en huisnummer): Dorpsstraat 12 a (achterom)"
    )


def test_a_cell_too_long_for_its_field_is_a_problem_told_at_once() -> None:
    rows = [
        ["Naam", "E-mail", "Adres", "Opmerking"],
        ["Jan Bakker", "a" * 32_000, "06-12345678 " * 2_700, "lang verhaal " * 300],
    ]
    mapping = {
        0: ImportField.FULL_NAME,
        1: ImportField.EMAIL,
        2: ImportField.ADDRESS,
        3: ImportField.NOTES,
    }

    started = time.perf_counter()
    (row,) = read_rows(rows, 0, mapping, TODAY)

    assert time.perf_counter() - started < 0.5
    assert row.problems == {
        "email": "Deze cel is te lang voor e-mail.",
        "street": "Deze cel is te lang voor adres (straat en huisnummer).",
    }
    assert row.caregiver["notes"].startswith("lang verhaal lang verhaal")

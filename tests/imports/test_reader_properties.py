"""Any cell through any reader: a reading or a Dutch problem, never anything else; any rows give
one read row each; any bytes opened as a file to import give rows or a Dutch problem."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from steunpunt.domain.imports.address_reader import (
    read_address,
    read_house_number,
    read_place,
    read_postcode,
    read_postcode_place,
)
from steunpunt.domain.imports.cells import Cell, cell_text
from steunpunt.domain.imports.columns import (
    ImportField,
    SavedMapping,
    find_header_row,
    guess_mapping,
)
from steunpunt.domain.imports.contact_reader import read_email, read_iban, read_phone
from steunpunt.domain.imports.field_readers import FIELD_READERS
from steunpunt.domain.imports.name_reader import (
    read_full_name,
    read_salutation,
    read_surname,
)
from steunpunt.domain.imports.reading import read_rows
from steunpunt.domain.imports.readings import Reading
from steunpunt.io.import_file import open_import_file
from tests.strategies import PROPERTY, any_date, any_float, any_int, any_text, outcome

TODAY = date(2026, 12, 5)

TEXT_READERS: list[Callable[[str], Reading]] = [
    read_full_name,
    read_salutation,
    read_surname,
    read_address,
    read_postcode_place,
    read_place,
]
CELL_READERS: list[Callable[[Cell], Reading]] = [
    read_house_number,
    read_postcode,
    read_phone,
    read_email,
    read_iban,
]

messy_text = st.one_of(
    any_text,
    st.sampled_from(
        (
            "Jansen-de Vries, mevr. A.B.",
            "van, de, der",
            "- -",
            "(",
            "()",
            "mevr. ()",
            "Laan 1940-1945 nr",
            "0 AB",
            "06-12345678 (",
            "@@",
            "8-",
            "ca.",
            "31-12-99",
            "29-02-00",
            "12 maart",
            "99999",
            "00000",
        )
    ),
)
any_cell = st.one_of(
    st.none(), st.booleans(), messy_text, any_int, any_float, any_date, st.datetimes()
)


@PROPERTY
@given(messy_text)
def test_a_text_reader_reads_or_says_in_dutch_why_not(text: str) -> None:
    for reader in TEXT_READERS:
        outcome(partial(reader, text))


@PROPERTY
@given(any_cell)
def test_a_cell_reader_reads_or_says_in_dutch_why_not(cell: Cell) -> None:
    for reader in CELL_READERS:
        outcome(partial(reader, cell))
    for field in FIELD_READERS.values():
        read = outcome(partial(field.read, cell, cell_text(cell), TODAY))
        assert read.value is None or all(isinstance(v, str) for v in read.value.values.values())


@PROPERTY
@given(st.lists(st.lists(any_cell, max_size=6), max_size=8))
def test_any_rows_give_one_read_row_each(rows: list[list[Cell]]) -> None:
    header_row = find_header_row(rows)
    headers = rows[header_row] if rows else []
    mapping = guess_mapping(headers) or dict.fromkeys(range(6), ImportField.FULL_NAME)

    read = read_rows(rows, header_row, mapping, TODAY)

    assert [row.source_row for row in read] == list(range(header_row + 2, len(rows) + 1))


@PROPERTY
@given(any_text)
def test_a_stored_mapping_reads_or_says_in_dutch_why_not(text: str) -> None:
    outcome(lambda: SavedMapping.from_json(text))


@PROPERTY
@given(st.binary(max_size=300), st.sampled_from(("lijst.csv", "lijst.txt", "register.xlsx")))
def test_any_bytes_open_as_rows_or_a_dutch_problem(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    outcome(lambda: open_import_file(path))

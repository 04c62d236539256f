"""Which column holds what: the header row found below title rows, guessed mappings, and a
mapping saved by name that still fits next year's file."""

from __future__ import annotations

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.cells import Cell
from steunpunt.domain.imports.columns import (
    ImportField,
    SavedMapping,
    apply_saved,
    find_header_row,
    guess_field,
    guess_mapping,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Naam", ImportField.FULL_NAME),
        ("Voornaam", ImportField.FIRST_NAME),
        ("Tussenvoegsel", ImportField.INFIX),
        ("Tussenv.", ImportField.INFIX),
        ("Achternaam", ImportField.LAST_NAME),
        ("Voorletters", ImportField.INITIALS),
        ("Aanhef", ImportField.SALUTATION),
        ("Adres", ImportField.ADDRESS),
        ("Straat + huisnr", ImportField.ADDRESS),
        ("Straat", ImportField.STREET),
        ("Huisnr", ImportField.HOUSE_NUMBER),
        ("Huisnummer", ImportField.HOUSE_NUMBER),
        ("Huisnr.", ImportField.HOUSE_NUMBER),
        ("Toevoeging", ImportField.SUFFIX),
        ("Postcode", ImportField.POSTCODE),
        ("POSTCODE", ImportField.POSTCODE),
        ("Woonplaats", ImportField.PLACE),
        ("Plaats", ImportField.PLACE),
        ("Postcode en woonplaats", ImportField.POSTCODE_PLACE),
        ("Postcode/Plaats", ImportField.POSTCODE_PLACE),
        ("Tel.", ImportField.PHONE),
        ("Telefoon", ImportField.PHONE),
        ("Telefoon (privé)", ImportField.PHONE),
        ("Telefoonnummer thuis", ImportField.PHONE),
        ("Mobiel", ImportField.PHONE),
        ("E-mail", ImportField.EMAIL),
        ("Email", ImportField.EMAIL),
        ("E-mailadres:", ImportField.EMAIL),
        ("Geb. datum", ImportField.BIRTH_DATE),
        ("Geboortedatum", ImportField.BIRTH_DATE),
        ("Naaste", ImportField.CARE_RECIPIENT),
        ("Voor wie zorgt u?", ImportField.CARE_RECIPIENT),
        ("Relatie", ImportField.RELATION),
        ("Relatie tot naaste", ImportField.RELATION),
        ("Uren p/w", ImportField.HOURS),
        ("Uren per week", ImportField.HOURS),
        ("Ingeschreven", ImportField.REGISTERED_ON),
        ("Inschrijfdatum", ImportField.REGISTERED_ON),
        ("IBAN", ImportField.IBAN),
        ("Rekeningnummer", ImportField.IBAN),
        ("Opmerking", ImportField.NOTES),
        ("Opmerkingen", ImportField.NOTES),
        ("Opmerkingen steunpunt", ImportField.NOTES),
        ("Bijzonderheden", ImportField.NOTES),
    ],
)
def test_dutch_and_common_headers_are_recognised(header: str, field: ImportField) -> None:
    assert guess_field(header) is field


@pytest.mark.parametrize(
    "header", ["", None, "Klantnummer", "Geboortedatum naaste", "Adres naaste", 2024]
)
def test_other_headers_are_not_guessed(header: Cell) -> None:
    assert guess_field(header) is None


def test_every_field_has_a_dutch_label() -> None:
    assert {field.label for field in ImportField} >= {"Naam (volledig)", "Niet importeren"}
    assert len({field.label for field in ImportField}) == len(ImportField)


def test_a_second_phone_column_is_the_second_phone_and_every_remark_column_notes() -> None:
    headers = ["Naam", "Telefoon", "Mobiel", "Opmerking", "Naam", "Bijzonderheden", "?"]
    assert guess_mapping(headers) == {
        0: ImportField.FULL_NAME,
        1: ImportField.PHONE,
        2: ImportField.SECOND_PHONE,
        3: ImportField.NOTES,
        5: ImportField.NOTES,
    }


def test_the_header_row_is_found_below_title_and_empty_rows() -> None:
    rows: list[list[Cell]] = [
        ["Mantelzorgregister Steunpunt Soest", None, None, None],
        [None, None, None, None],
        ["Bijgewerkt: 3-1-2024", None, None, "Naam"],  # one known word is no header row
        [None, None, None, None],
        ["Naam", "Adres", "Postcode", "Klantnummer"],
        ["Jan Bakker", "Dorpsstraat 1", "3762 AB", 12],
    ]
    assert find_header_row(rows) == 4


def test_without_a_recognised_header_row_the_first_filled_row_is_taken() -> None:
    rows: list[list[Cell]] = [[None, None], ["Kolom A", "Kolom B"], ["x", "y"]]
    assert find_header_row(rows) == 1


def test_the_header_row_is_looked_for_in_the_first_rows_only() -> None:
    rows: list[list[Cell]] = [["Lijst"], *([["x", "y"]] * 60), ["Naam", "Adres"]]
    assert find_header_row(rows) == 0


def test_a_saved_mapping_fits_next_year_s_file_with_its_columns_moved() -> None:
    this_year = ["Naam", "Adres", "Zorgt voor", "Klantnr", "Tel."]
    chosen = {
        0: ImportField.FULL_NAME,
        1: ImportField.ADDRESS,
        2: ImportField.CARE_RECIPIENT,
        4: ImportField.SECOND_PHONE,  # corrected by hand: a guess would make it the phone
    }
    stored = SavedMapping.of(this_year, chosen).to_json()

    next_year = ["Tel", "Klantnr.", "NAAM", "Geb. datum", "adres", "zorgt voor"]
    mapping = apply_saved(next_year, SavedMapping.from_json(stored))

    assert mapping == {
        0: ImportField.SECOND_PHONE,
        2: ImportField.FULL_NAME,
        3: ImportField.BIRTH_DATE,  # a new column: guessed
        4: ImportField.ADDRESS,
        5: ImportField.CARE_RECIPIENT,
    }


def test_a_column_not_imported_stays_not_imported_next_year() -> None:
    saved = SavedMapping.of(["Naam", "Opmerking"], {0: ImportField.FULL_NAME})
    assert apply_saved(["Opmerking", "Naam"], saved) == {1: ImportField.FULL_NAME}


def test_a_field_a_later_version_dropped_is_left_out_of_a_stored_mapping() -> None:
    saved = SavedMapping.from_json('{"naam": "full_name", "bsn": "citizen_number"}')
    assert saved.fields == {"naam": ImportField.FULL_NAME}


@pytest.mark.parametrize("stored", ["", "{", "[1, 2]", "null"])
def test_a_damaged_stored_mapping_is_a_dutch_problem(stored: str) -> None:
    with pytest.raises(InvalidValue, match="kolomindeling is beschadigd"):
        SavedMapping.from_json(stored)

"""Names from one cell, as old registers write them, into aanhef, voorletters, voornaam,
tussenvoegsel and achternaam."""

from __future__ import annotations

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.name_reader import (
    read_full_name,
    read_name_part,
    read_salutation,
    read_surname,
)


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        (
            "Jansen-de Vries, mevr. A.B.",
            {"salutation": "mevrouw", "initials": "A.B.", "last_name": "Jansen-de Vries"},
        ),
        ("PIET VAN DER BERG", {"first_name": "Piet", "infix": "van der", "last_name": "Berg"}),
        ("van den Berg, Jan", {"first_name": "Jan", "infix": "van den", "last_name": "Berg"}),
        ("Berg, Jan van den", {"first_name": "Jan", "infix": "van den", "last_name": "Berg"}),
        ("J. de Jong", {"initials": "J.", "infix": "de", "last_name": "Jong"}),
        (
            "Mevrouw A. El Amrani",
            {"salutation": "mevrouw", "initials": "A.", "last_name": "El Amrani"},
        ),
        ("Fatima El Amrani", {"first_name": "Fatima", "last_name": "El Amrani"}),
        ("Anna Maria Bakker", {"first_name": "Anna Maria", "last_name": "Bakker"}),
        ("Dhr. Bakker", {"salutation": "heer", "last_name": "Bakker"}),
        (
            "de heer H. van 't Hof",
            {"salutation": "heer", "initials": "H.", "infix": "van 't", "last_name": "Hof"},
        ),
        (
            "mw. J. in ’t Veld",
            {"salutation": "mevrouw", "initials": "J.", "infix": "in 't", "last_name": "Veld"},
        ),
        ("M.C. Uit den Bogaard", {"initials": "M.C.", "infix": "uit den", "last_name": "Bogaard"}),
        ("Willem ter Horst", {"first_name": "Willem", "infix": "ter", "last_name": "Horst"}),
        ("Kees op de Beek", {"first_name": "Kees", "infix": "op de", "last_name": "Beek"}),
        ("Piet Jansen - de Vries", {"first_name": "Piet", "last_name": "Jansen-de Vries"}),
        (
            "Anna de Vries-van Dam",
            {"first_name": "Anna", "infix": "de", "last_name": "Vries-van Dam"},
        ),
        ("DE VRIES, JAN", {"first_name": "Jan", "infix": "de", "last_name": "Vries"}),
        ("Jansen, A. B.", {"initials": "A.B.", "last_name": "Jansen"}),
        ("jp de boer", {"first_name": "Jp", "infix": "de", "last_name": "Boer"}),
        (
            "J.P. (Jan) de Vries",
            {"initials": "J.P.", "first_name": "Jan", "infix": "de", "last_name": "Vries"},
        ),
        ("fam. Yılmaz", {"salutation": "neutraal", "last_name": "Yılmaz"}),
    ],
)
def test_a_full_name_is_split_and_shown_as_interpreted(cell: str, read: dict[str, str]) -> None:
    reading = read_full_name(cell)
    assert dict(reading.values) == read
    assert reading.interpreted


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        (
            "Johannes (Jan) de Vries",
            {"first_name": "Johannes", "infix": "de", "last_name": "Vries"},
        ),
        ("A. Bakker (overleden 2023)", {"initials": "A.", "last_name": "Bakker"}),
        ("Bakker (buurvrouw)", {"last_name": "Bakker"}),
    ],
)
def test_other_text_between_brackets_keeps_the_cell_in_the_notes(
    cell: str, read: dict[str, str]
) -> None:
    reading = read_full_name(cell)
    assert dict(reading.values) == read
    assert reading.notes == (cell,)
    assert reading.interpreted


def test_a_single_last_name_is_read_unchanged_and_not_an_interpretation() -> None:
    reading = read_full_name("Bakker")
    assert dict(reading.values) == {"last_name": "Bakker"}
    assert not reading.interpreted


def test_an_empty_cell_reads_as_nothing() -> None:
    assert dict(read_full_name("  ").values) == {}


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("Dhr. en mevr. Jansen", "In deze naam staan twee personen; zet ieder op een eigen rij."),
        ("Jan & Truus Bakker", "Hier staat geen leesbare naam"),
        ("mevr.", "In deze naam staat geen achternaam."),
        ("Bakker 12", "Hier staat geen leesbare naam"),
        ("jan@bakker.nl", "Hier staat geen leesbare naam"),
    ],
)
def test_a_cell_that_is_not_one_name_is_a_dutch_problem(cell: str, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        read_full_name(cell)
    assert caught.value.message.startswith(message)


@pytest.mark.parametrize(
    ("cell", "salutation", "interpreted"),
    [
        ("Dhr.", "heer", False),
        ("de heer", "heer", False),
        ("Mevr", "mevrouw", False),
        ("mw.", "mevrouw", False),
        ("M", "heer", True),  # a geslacht column: the aanhef is a guess
        ("V", "mevrouw", True),
    ],
)
def test_a_salutation_column(cell: str, salutation: str, interpreted: bool) -> None:
    reading = read_salutation(cell)
    assert dict(reading.values) == {"salutation": salutation}
    assert reading.interpreted is interpreted


def test_an_unknown_salutation_is_a_problem() -> None:
    with pytest.raises(InvalidValue, match="aanhef"):
        read_salutation("Prof. dr.")


@pytest.mark.parametrize(
    ("cell", "read", "interpreted"),
    [
        ("Jansen", {"last_name": "Jansen"}, False),
        ("JANSEN-DE VRIES", {"last_name": "Jansen-de Vries"}, False),
        ("de Vries", {"infix": "de", "last_name": "Vries"}, True),
        ("Van der Berg", {"infix": "van der", "last_name": "Berg"}, True),
    ],
)
def test_a_last_name_column_gives_its_tussenvoegsel_apart(
    cell: str, read: dict[str, str], interpreted: bool
) -> None:
    reading = read_surname(cell)
    assert dict(reading.values) == read
    assert reading.interpreted is interpreted


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("SOEST", "Soest"),
        ("IJSSELSTEIN", "IJsselstein"),
        ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
        ("CAPELLE AAN DEN IJSSEL", "Capelle aan den IJssel"),
        ("den haag", "Den Haag"),
        ("McDonald", "McDonald"),
    ],
)
def test_names_in_capitals_are_written_as_registers_write_them(cell: str, read: str) -> None:
    assert dict(read_name_part(cell, "place").values) == {"place": read}

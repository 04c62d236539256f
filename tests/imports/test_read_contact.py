"""Phone numbers, e-mail addresses and IBANs from cells: the value for its field, the rest kept."""

from __future__ import annotations

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.cells import Cell
from steunpunt.domain.imports.contact_reader import read_email, read_iban, read_phone


@pytest.mark.parametrize(
    ("cell", "phone", "interpreted", "notes"),
    [
        ("06-12345678", "06 12345678", False, ()),
        ("033 - 123 45 67", "033 123 4567", False, ()),
        ("+31 6 12345678", "06 12345678", False, ()),
        ("(010) 123 45 67", "010 123 4567", False, ()),
        ("06-12345678 (dochter)", "06 12345678", True, ("06-12345678 (dochter)",)),
        (
            "06-12345678 / 033-4567890",
            "06 12345678",
            True,
            ("06-12345678 / 033-4567890",),
        ),
        ("0612345678 0334567890", "06 12345678", True, ("0612345678 0334567890",)),
        ("tel. 033-1234567 (na 18 uur)", "033 123 4567", True, ("tel. 033-1234567 (na 18 uur)",)),
        (612345678.0, "06 12345678", True, ()),  # Excel dropped the 0
        (31612345678, "06 12345678", True, ()),
    ],
)
def test_phone_cells(cell: Cell, phone: str, interpreted: bool, notes: tuple[str, ...]) -> None:
    reading = read_phone(cell)
    assert dict(reading.values) == {"phone": phone}
    assert reading.interpreted is interpreted
    assert reading.notes == notes


@pytest.mark.parametrize("cell", ["06-1234567", "geen telefoon", "bellen via dochter", 12.5])
def test_a_cell_without_a_valid_number_is_a_problem(cell: Cell) -> None:
    with pytest.raises(InvalidValue, match="telefoonnummer"):
        read_phone(cell)


@pytest.mark.parametrize(
    ("cell", "email", "notes"),
    [
        ("jan@example.nl", "jan@example.nl", ()),
        ("Jan.Jansen @ Hotmail.COM", "jan.jansen@hotmail.com", ()),
        (" JAN@EXAMPLE.NL ", "jan@example.nl", ()),
        ("mailto:jan@example.nl", "jan@example.nl", ()),
        ("Jan Jansen <jan@example.nl>", "jan@example.nl", ("Jan Jansen <jan@example.nl>",)),
        (
            "jan@example.nl; truus@example.nl",
            "jan@example.nl",
            ("jan@example.nl; truus@example.nl",),
        ),
        ("jan@example.nl (werk)", "jan@example.nl", ("jan@example.nl (werk)",)),
    ],
)
def test_email_cells(cell: str, email: str, notes: tuple[str, ...]) -> None:
    reading = read_email(cell)
    assert dict(reading.values) == {"email": email}
    assert reading.notes == notes
    assert reading.interpreted is bool(notes)


@pytest.mark.parametrize("cell", ["geen", "jan@", "jan@example", "jan..piet@example.nl"])
def test_a_cell_without_a_valid_address_is_a_problem(cell: str) -> None:
    with pytest.raises(InvalidValue, match="e-mailadres"):
        read_email(cell)


@pytest.mark.parametrize(
    "cell", ["NL91ABNA0417164300", "nl91 abna 0417 1643 00", " NL91 ABNA 0417 1643 00 "]
)
def test_iban_cells(cell: str) -> None:
    reading = read_iban(cell)
    assert dict(reading.values) == {"iban": "NL91ABNA0417164300"}
    assert not reading.interpreted


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("NL91ABNA0417164301", "Dit IBAN klopt niet: de controlecijfers passen niet."),
        ("417164300", "Dit is een oud rekeningnummer zonder IBAN"),
        (417164300.0, "Dit is een oud rekeningnummer zonder IBAN"),
        ("P 1234567", "Dit is een oud rekeningnummer zonder IBAN"),
        ("onbekend", "Vul een geldig IBAN in"),
    ],
)
def test_an_iban_that_cannot_be_used_is_a_problem(cell: Cell, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        read_iban(cell)
    assert caught.value.message.startswith(message)

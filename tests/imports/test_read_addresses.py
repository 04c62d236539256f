"""Addresses from one cell: street with huisnummer and toevoeging, postcode with woonplaats."""

from __future__ import annotations

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.address_reader import (
    read_address,
    read_house_number,
    read_postcode,
    read_postcode_place,
)
from steunpunt.domain.imports.cells import Cell


@pytest.mark.parametrize(
    ("cell", "street", "number", "suffix"),
    [
        ("Dorpsstraat 12 a", "Dorpsstraat", "12", "A"),
        ("Kerkplein 3-II", "Kerkplein", "3", "II"),
        ("Laan 1940-1945 nr 7", "Laan 1940-1945", "7", ""),
        ("Hoofdstraat 12bis", "Hoofdstraat", "12", "bis"),
        ("Industrieweg 4 A-2", "Industrieweg", "4", "A-2"),
        ("2e Hugo de Grootstraat 8 hs", "2e Hugo de Grootstraat", "8", "HS"),
        ("2E HUGO DE GROOTSTRAAT 8", "2e Hugo de Grootstraat", "8", ""),
        ("Plein 1813 12", "Plein 1813", "12", ""),
        ("Jan van Galenstraat 4/2", "Jan van Galenstraat", "4", "2"),
        ("Postbus 123", "Postbus", "123", ""),
    ],
)
def test_one_address_cell_is_split_into_street_number_and_suffix(
    cell: str, street: str, number: str, suffix: str
) -> None:
    reading = read_address(cell)
    expected = {"street": street, "house_number": number, "house_number_suffix": suffix}
    assert dict(reading.values) == {key: value for key, value in expected.items() if value}
    assert reading.interpreted


def test_an_address_on_one_line_gives_its_postcode_and_place_too() -> None:
    reading = read_address("Dorpsstraat 12a, 3762 AB Soest")
    assert dict(reading.values) == {
        "street": "Dorpsstraat",
        "house_number": "12",
        "house_number_suffix": "A",
        "postcode": "3762 AB",
        "place": "Soest",
    }


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("Dorpsstraat", "Hier staat geen leesbare straat met huisnummer"),
        ("12", "Hier staat geen leesbare straat met huisnummer"),
        ("Kerkstraat 12 achterhuis links", "Een toevoeging is hoogstens 8 tekens"),
    ],
)
def test_an_address_without_a_house_number_is_a_problem(cell: str, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        read_address(cell)
    assert caught.value.message.startswith(message)


@pytest.mark.parametrize(
    ("cell", "read", "interpreted"),
    [
        ("12", {"house_number": "12"}, False),
        (12.0, {"house_number": "12"}, False),
        ("12a", {"house_number": "12", "house_number_suffix": "A"}, True),
        ("3-II", {"house_number": "3", "house_number_suffix": "II"}, True),
    ],
)
def test_a_house_number_column(cell: Cell, read: dict[str, str], interpreted: bool) -> None:
    reading = read_house_number(cell)
    assert dict(reading.values) == read
    assert reading.interpreted is interpreted


@pytest.mark.parametrize("cell", ["3762ab", " 3762 AB ", "3762 ab", "3762AB"])
def test_postcodes_are_written_as_1234_ab(cell: str) -> None:
    reading = read_postcode(cell)
    assert dict(reading.values) == {"postcode": "3762 AB"}
    assert not reading.interpreted


def test_a_postcode_that_is_none_is_a_problem() -> None:
    with pytest.raises(InvalidValue, match="postcode"):
        read_postcode("37620")


@pytest.mark.parametrize(
    ("cell", "postcode", "place"),
    [
        ("3762 AB Soest", "3762 AB", "Soest"),
        ("3762ab  SOEST", "3762 AB", "Soest"),
        ("3762 AB, Soest", "3762 AB", "Soest"),
        ("'S-HERTOGENBOSCH 5211 AA", "5211 AA", "'s-Hertogenbosch"),
    ],
)
def test_postcode_and_place_in_one_cell(cell: str, postcode: str, place: str) -> None:
    reading = read_postcode_place(cell)
    assert dict(reading.values) == {"postcode": postcode, "place": place}
    assert reading.interpreted


def test_postcode_and_place_without_a_postcode_is_a_problem() -> None:
    with pytest.raises(InvalidValue, match="zoals 3762 AB Soest"):
        read_postcode_place("Soest")


def test_a_remark_between_brackets_keeps_the_cell_in_the_notes() -> None:
    reading = read_address("Dorpsstraat 12 a (achterom)")
    assert dict(reading.values) == {
        "street": "Dorpsstraat",
        "house_number": "12",
        "house_number_suffix": "A",
    }
    assert reading.notes == ("Dorpsstraat 12 a (achterom)",)

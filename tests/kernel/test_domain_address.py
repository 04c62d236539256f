"""Dutch address lines as letters and lists show them."""

from __future__ import annotations

import pytest

from steunpunt.domain.address import Address

SOEST = Address("Dorpsstraat", 12, "A", "1234 AB", "Soest", "Soest")


@pytest.mark.parametrize(
    ("address", "line"),
    [
        (SOEST, "Dorpsstraat 12 A"),
        (Address("Dorpsstraat", 12), "Dorpsstraat 12"),
        (Address("Dorpsstraat", 12, "2"), "Dorpsstraat 12-2"),
        (Address("Dorpsstraat", 12, "bis"), "Dorpsstraat 12 bis"),
        (Address("Dorpsstraat"), "Dorpsstraat"),
        (Address(), ""),
    ],
)
def test_street_line(address: Address, line: str) -> None:
    assert address.street_line == line


@pytest.mark.parametrize(
    ("address", "line"),
    [
        (SOEST, "1234 AB  SOEST"),
        (Address(postcode="3811 AB", place="'s-Hertogenbosch"), "3811 AB  'S-HERTOGENBOSCH"),
        (Address(place="Soest"), "SOEST"),
        (Address(postcode="1234 AB"), "1234 AB"),
        (Address(), ""),
    ],
)
def test_postal_line_has_two_spaces_and_the_place_in_capitals(address: Address, line: str) -> None:
    assert address.postal_line == line


def test_one_line_for_lists() -> None:
    assert SOEST.one_line == "Dorpsstraat 12 A, 1234 AB Soest"
    assert Address(place="Soest").one_line == "Soest"


@pytest.mark.parametrize(
    ("address", "complete"),
    [
        (SOEST, True),
        (Address("Dorpsstraat", 12, "", "1234 AB", "Soest"), True),
        (Address("Dorpsstraat", None, "", "1234 AB", "Soest"), False),
        (Address("", 12, "", "1234 AB", "Soest"), False),
        (Address("Dorpsstraat", 12, "", "", "Soest"), False),
        (Address("Dorpsstraat", 12, "", "1234 AB", ""), False),
    ],
)
def test_address_is_complete_when_a_letter_can_be_sent(address: Address, complete: bool) -> None:
    assert address.is_complete is complete


def test_form_values_write_the_parts_back_as_field_text() -> None:
    assert SOEST.form_values() == {
        "street": "Dorpsstraat",
        "house_number": "12",
        "house_number_suffix": "A",
        "postcode": "1234 AB",
        "place": "Soest",
        "municipality": "Soest",
    }
    assert Address().form_values()["house_number"] == ""

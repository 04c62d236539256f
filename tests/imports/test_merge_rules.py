"""A merge at import fills only what the person in the register lacks."""

from __future__ import annotations

from datetime import date

from steunpunt.domain.imports.merge import fills, same_naaste

KNOWN = {
    "first_name": "Jan",
    "initials": "J.",
    "salutation": "neutraal",
    "birth_date": None,
    "phone": "06 12345678",
    "email": "",
    "iban": "",
    "notes": "",
    "street": "Dorpsstraat",
    "house_number": 12,
    "house_number_suffix": "",
    "postcode": "3811 AB",
    "place": "Amersfoort",
    "municipality": "",
}
OFFERED = {
    **KNOWN,
    "first_name": "Johannes",
    "salutation": "heer",
    "birth_date": date(1960, 2, 1),
    "phone": "06 99999999",
    "email": "jan@example.nl",
    "notes": "Uit het oude register",
    "street": "Kerkstraat",
    "house_number": 3,
    "house_number_suffix": "a",
    "postcode": "3811 CD",
    "municipality": "Amersfoort",
}


def test_only_empty_fields_are_filled_and_a_known_address_is_left_whole() -> None:
    assert fills(KNOWN, OFFERED) == {
        "salutation": "heer",  # the form's neutral default counts as empty
        "birth_date": date(1960, 2, 1),
        "email": "jan@example.nl",
        "notes": "Uit het oude register",
    }  # not the first name, the phone, nor half of another address (suffix, gemeente)


def test_an_empty_address_is_filled_whole() -> None:
    no_address = {**KNOWN, "street": "", "house_number": None, "postcode": "", "place": ""}
    filled = fills(no_address, OFFERED)
    assert {name: filled[name] for name in ("street", "house_number", "house_number_suffix")} == {
        "street": "Kerkstraat",
        "house_number": 3,
        "house_number_suffix": "a",
    }
    assert (filled["postcode"], filled["place"], filled["municipality"]) == (
        "3811 CD",
        "Amersfoort",
        "Amersfoort",
    )


def test_nothing_empty_offered_fills_nothing() -> None:
    assert fills(OFFERED, KNOWN) == {}


def test_a_naaste_is_the_same_by_name_whatever_the_capitals_and_accents() -> None:
    assert same_naaste(("Piet", "", "Bakker"), ("piet", "", "BAKKER"))
    assert same_naaste(("Zoë", "van", "Dijk"), ("Zoe", "Van", "Dijk"))
    assert not same_naaste(("Piet", "", "Bakker"), ("Kees", "", "Bakker"))

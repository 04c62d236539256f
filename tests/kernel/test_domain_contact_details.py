"""IBAN, telephone and e-mail: normalised on the way in, refused with a Dutch message."""

from __future__ import annotations

import pytest

from steunpunt.domain.email import normalize_email
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.iban import format_iban, normalize_iban
from steunpunt.domain.phone import normalize_phone, phone_digits

CHECK_DIGITS_MESSAGE = "Dit IBAN klopt niet: de controlecijfers passen niet. Controleer het nummer."
IBAN_FORMAT_MESSAGE = "Vul een geldig IBAN in, zoals NL91 ABNA 0417 1643 00."
PHONE_MESSAGE = "Vul een geldig telefoonnummer in, zoals 06 12345678 of 033 123 4567."
EMAIL_MESSAGE = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("NL91ABNA0417164300", "NL91ABNA0417164300"),
        ("nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
        ("BE71 0961 2345 6769", "BE71096123456769"),
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
    ],
)
def test_valid_iban_is_stored_compact_and_upper_case(typed: str, stored: str) -> None:
    assert normalize_iban(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "NL92ABNA0417164300",  # check digits changed
        "NL91ABNA0417164301",  # one digit of the account mistyped
        "DE88370400440532013000",
        "BE72096123456769",
    ],
)
def test_iban_with_wrong_check_digits_says_so(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_iban(typed)
    assert caught.value.message == CHECK_DIGITS_MESSAGE


@pytest.mark.parametrize(
    "typed",
    ["hallo", "NL91", "NL91ABNA041716430", "1234567890", "XX91ABNA0417164300", "NL91-ABNA-%", "!"],
)
def test_garbage_iban_asks_for_a_valid_one(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_iban(typed)
    assert caught.value.message == IBAN_FORMAT_MESSAGE


def test_iban_is_shown_in_blocks_of_four() -> None:
    assert format_iban("NL91ABNA0417164300") == "NL91 ABNA 0417 1643 00"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("06-12345678", "06 12345678"),
        ("0612345678", "06 12345678"),
        ("+31 6 1234 5678", "06 12345678"),
        ("0031 6 12345678", "06 12345678"),
        ("033-1234567", "033 123 4567"),
        ("020 123 4567", "020 123 4567"),
        ("+49 30 12345678", "+49 30 12345678"),
        ("+32 470 12 34 56", "+32 470 12 34 56"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_phone_number_is_written_the_dutch_way(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "06-1234", "abc", "+31 6", "0612345678901"])
def test_impossible_phone_number_is_refused(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_phone(typed)
    assert caught.value.message == PHONE_MESSAGE


def test_phone_digits_keeps_only_digits() -> None:
    assert phone_digits("06 12345678") == "0612345678"
    assert phone_digits("+49 30 1234") == "49301234"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("jan@voorbeeld.nl", "jan@voorbeeld.nl"),
        ("  jan@voorbeeld.nl ", "jan@voorbeeld.nl"),
        ("Jan.de.Vries@Voorbeeld.NL", "Jan.de.Vries@voorbeeld.nl"),
        ("ayse+steunpunt@example.com", "ayse+steunpunt@example.com"),
    ],
)
def test_email_is_normalised(typed: str, stored: str) -> None:
    assert normalize_email(typed) == stored


@pytest.mark.parametrize(
    "typed", ["jan", "jan@", "@voorbeeld.nl", "jan@voorbeeld", "jan @voorbeeld.nl", "jan@@x.nl"]
)
def test_invalid_email_is_refused(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_email(typed)
    assert caught.value.message == EMAIL_MESSAGE

"""Phone numbers checked once per shape, e-mail domains once per domain and Dutch IBANs by their
check digits: the same answers as phonenumbers, email_validator and python-stdnum give for every
single value, with a fraction of their calls."""

from __future__ import annotations

import random

import email_validator
import phonenumbers
import pytest
from stdnum import exceptions as stdnum_errors
from stdnum import iban as stdnum_iban

from steunpunt.domain.email import normalize_email
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.iban import normalize_iban
from steunpunt.domain.phone import normalize_phone


def by_phonenumbers(value: str) -> str | None:
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 31
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, style))


def by_email_validator(value: str) -> str | None:
    try:
        return str(
            email_validator.validate_email(value.strip(), check_deliverability=False).normalized
        )
    except email_validator.EmailNotValidError:
        return None


def refused_or(call: object, value: str) -> str | None:
    try:
        return call(value)  # type: ignore[operator,no-any-return]
    except InvalidValue:
        return None


def written_numbers(count: int) -> list[str]:
    """Ten-digit numbers from 0 over every start, with what people write between the digits."""
    chance = random.Random(19)
    numbers = []
    for _ in range(count):
        digits = "0" + "".join(chance.choice("0123456789") for _ in range(9))
        numbers.append(
            "".join(
                digit + (chance.choice(" -.()/a") if chance.random() < 0.15 else "")
                for digit in digits
            )
        )
    return numbers


def test_a_phone_number_reads_as_phonenumbers_reads_it() -> None:
    for number in written_numbers(3000):
        assert refused_or(normalize_phone, number) == by_phonenumbers(number), number


def test_numbers_of_one_shape_ask_phonenumbers_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = []
    parse = phonenumbers.parse
    monkeypatch.setattr(phonenumbers, "parse", lambda *args: asked.append(args) or parse(*args))

    for index in range(500):
        normalize_phone(f"06-2{index:07d}")

    assert len(asked) <= 1


@pytest.mark.parametrize(
    "address",
    [
        "jan@example.nl",
        "Jan.Jansen@Example.NL",
        "a+b@sub.example.org",
        "o'brien@example.ie",
        "a..b@example.nl",
        ".a@example.nl",
        "a@example",
        "a@-example.nl",
        "a@example..nl",
        "jöran@example.se",
        "jan@bücher.de",
        "x" * 65 + "@example.nl",
        "a@" + "x" * 250 + ".nl",
        "a@b@example.nl",
        " jan@example.nl ",
        "jan@localhost",
        "jan@[127.0.0.1]",
        "jan@example.invalid",
    ],
)
def test_an_address_reads_as_email_validator_reads_it(address: str) -> None:
    assert refused_or(normalize_email, address) == by_email_validator(address)


def test_addresses_of_one_domain_ask_email_validator_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = []
    validate = email_validator.validate_email
    monkeypatch.setattr(
        email_validator,
        "validate_email",
        lambda *args, **kwargs: asked.append(args) or validate(*args, **kwargs),
    )

    for index in range(500):
        normalize_email(f"persoon{index}@schaapskooi-voorbeeld.nl")

    assert len(asked) <= 1


def by_stdnum(value: str) -> str | None:
    try:
        return str(stdnum_iban.validate(value))
    except stdnum_errors.ValidationError:
        return None


def written_ibans(count: int) -> list[str]:
    """Dutch IBANs, most with right check digits, some mistyped, written in several ways."""
    chance = random.Random(13)
    written = []
    for _ in range(count):
        bank = "".join(chance.choice("ABINRSX") for _ in range(4))
        account = "".join(chance.choice("0123456789") for _ in range(10))
        number = f"NL00{bank}{account}"
        number = number[:2] + stdnum_iban.calc_check_digits(number) + number[4:]
        if chance.random() < 0.3:
            spot = chance.randrange(2, len(number))
            number = number[:spot] + chance.choice("0123456789AZ٣ -") + number[spot + 1 :]
        written.append(chance.choice((number, number.lower(), stdnum_iban.format(number))))
    return written


def test_an_iban_reads_as_python_stdnum_reads_it() -> None:
    for number in written_ibans(3000):
        assert refused_or(normalize_iban, number) == by_stdnum(number), number


def test_dutch_ibans_ask_python_stdnum_once(monkeypatch: pytest.MonkeyPatch) -> None:
    numbers = [number.replace(" ", "").upper() for number in written_ibans(500)]
    valid = {number for number in numbers if by_stdnum(number)}
    asked: list[str] = []
    validate = stdnum_iban.validate
    monkeypatch.setattr(
        stdnum_iban, "validate", lambda number: asked.append(number) or validate(number)
    )

    for number in numbers:
        refused_or(normalize_iban, number)

    assert len(valid) > 300
    assert len(valid.intersection(asked)) <= 1  # only the mistyped ones are told by it

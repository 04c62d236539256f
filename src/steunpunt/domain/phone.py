"""Telephone numbers, Dutch by default, written the Dutch way."""

from __future__ import annotations

from steunpunt.domain.errors import InvalidValue

_MESSAGE = "Vul een geldig telefoonnummer in, zoals 06 12345678 of 033 123 4567."


def normalize_phone(value: str) -> str:
    """Return a Dutch number in national form (``06 12345678``), a foreign one in international form."""
    # Imported when first needed: start-up does not wait for it (35 ms).
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException as error:
        raise InvalidValue(_MESSAGE) from error
    if not phonenumbers.is_valid_number(number):
        raise InvalidValue(_MESSAGE)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 31
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, style))


def phone_digits(value: str) -> str:
    """Only the digits, for search: ``06 12345678`` -> ``0612345678``."""
    return "".join(filter(str.isdigit, value))

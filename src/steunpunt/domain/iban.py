"""IBAN bank account numbers, checked with their check digits."""

from __future__ import annotations

from stdnum import exceptions as stdnum_errors
from stdnum import iban as stdnum_iban

from steunpunt.domain.errors import InvalidValue


def normalize_iban(value: str) -> str:
    """Return the IBAN compact and upper case (``NL91ABNA0417164300``) or raise in Dutch."""
    try:
        return str(stdnum_iban.validate(value))
    except stdnum_errors.InvalidChecksum as error:
        raise InvalidValue(
            "Dit IBAN klopt niet: de controlecijfers passen niet. Controleer het nummer."
        ) from error
    except stdnum_errors.ValidationError as error:
        raise InvalidValue("Vul een geldig IBAN in, zoals NL91 ABNA 0417 1643 00.") from error


def format_iban(value: str) -> str:
    """Group an IBAN in blocks of four for display."""
    return str(stdnum_iban.format(value))

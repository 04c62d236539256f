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
        # The checksum is tested first, so garbage fails it too: only blame the check digits
        # when the number is a valid IBAN apart from them.
        if _valid_but_for_check_digits(value):
            raise InvalidValue(
                "Dit IBAN klopt niet: de controlecijfers passen niet. Controleer het nummer."
            ) from error
        raise InvalidValue("Vul een geldig IBAN in, zoals NL91 ABNA 0417 1643 00.") from error
    except stdnum_errors.ValidationError as error:
        raise InvalidValue("Vul een geldig IBAN in, zoals NL91 ABNA 0417 1643 00.") from error


def _valid_but_for_check_digits(value: str) -> bool:
    """Whether the number passes every IBAN check once its check digits are recalculated."""
    number = stdnum_iban.compact(value)
    try:
        fixed = number[:2] + stdnum_iban.calc_check_digits(number) + number[4:]
        stdnum_iban.validate(fixed)
    except (stdnum_errors.ValidationError, ValueError):
        return False
    return True


def format_iban(value: str) -> str:
    """Group an IBAN in blocks of four for display."""
    return str(stdnum_iban.format(value))

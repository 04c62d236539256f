"""Dutch postcodes: four digits and two letters, written ``1234 AB``."""

from __future__ import annotations

import re

from stdnum import exceptions as stdnum_errors
from stdnum.nl import postcode as nl_postcode

from steunpunt.domain.errors import InvalidValue

_PARTIAL = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{0,2})\s*$")


def normalize_postcode(value: str) -> str:
    """Return the postcode as ``1234 AB`` or raise :class:`InvalidValue` in Dutch."""
    try:
        return str(nl_postcode.validate(value))
    except stdnum_errors.ValidationError as error:
        raise InvalidValue(
            "Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 1234 AB."
        ) from error


def compact_postcode_query(value: str) -> str | None:
    """``"3811 a"`` -> ``"3811A"`` when text looks like (the start of) a postcode, else None."""
    match = _PARTIAL.match(value)
    if match is None:
        return None
    return (match.group(1) + match.group(2)).upper()

"""Dates as Dutch people type and read them (``dd-mm-jjjj``)."""

from __future__ import annotations

import re
from datetime import date

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.input_policy import (
    EARLIEST_DATE,
    LATEST_DATE,
    check_date_range,
    normalise_text,
)

_DUTCH = re.compile(r"^\s*(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})\s*$", re.ASCII)
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$", re.ASCII)
_COMPACT = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$", re.ASCII)


def parse_date(value: str) -> date:
    """Parse ``1-2-1960``, ``01/02/1960``, ``01021960`` or ``1960-02-01``; raise in Dutch.

    Any date is from 1900 to 2100 (the input policy); a field may narrow that further.
    """
    text = normalise_text(value)
    for pattern, order in ((_DUTCH, (3, 2, 1)), (_COMPACT, (3, 2, 1)), (_ISO, (1, 2, 3))):
        match = pattern.match(text)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                parsed = date(year, month, day)
            except ValueError as error:
                raise InvalidValue(f"{text.strip()} is geen bestaande datum.") from error
            check_date_range(parsed, EARLIEST_DATE, LATEST_DATE, "Deze datum")
            return parsed
    raise InvalidValue("Vul een datum in als dd-mm-jjjj, bijvoorbeeld 01-02-1960.")


def format_date(value: date | None) -> str:
    """``date(1960, 2, 1)`` -> ``"01-02-1960"``; ``None`` -> ``""``."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}" if value else ""


def parse_optional_date(value: str) -> date | None:
    """Like :func:`parse_date`, but an empty field means no date."""
    return parse_date(value) if value.strip() else None


MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(value: date) -> str:
    """``date(2026, 11, 22)`` -> ``"22 november 2026"``, as a letter is dated."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"

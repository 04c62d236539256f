"""Dates as Dutch people type and read them (``dd-mm-jjjj``)."""

from __future__ import annotations

import re
from datetime import date

from steunpunt.domain.errors import InvalidValue

_DUTCH = re.compile(r"^\s*(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_COMPACT = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")


def parse_date(value: str) -> date:
    """Parse ``1-2-1960``, ``01/02/1960``, ``01021960`` or ``1960-02-01``; raise in Dutch."""
    for pattern, order in ((_DUTCH, (3, 2, 1)), (_COMPACT, (3, 2, 1)), (_ISO, (1, 2, 3))):
        match = pattern.match(value)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return date(year, month, day)
            except ValueError as error:
                raise InvalidValue(f"{value.strip()} is geen bestaande datum.") from error
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

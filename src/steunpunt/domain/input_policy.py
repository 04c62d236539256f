"""The one input policy: how typed text is cleaned and which numbers and dates a field accepts."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.numbers import number_text

# --- text -----------------------------------------------------------------------------------

_KEPT_CONTROLS = frozenset("\n\t")
"""Line breaks and tabs are typed on purpose (a note); every other control character is not."""
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
"""Control characters (NUL among them), format characters (bidi overrides, embeddings and
isolates U+202A-U+202E and U+2066-U+2069, the marks U+200E/U+200F, zero-width U+200B-U+200D,
U+2060 and U+FEFF, the soft hyphen) and lone surrogates."""


def normalise_text(value: str) -> str:
    """Typed text in Unicode NFC without control, bidi and zero-width characters.

    They are removed rather than refused: a person cannot see them, they come with pasted
    text, and what the text says to a reader stays the same without them.
    """
    if value.isascii() and value.isprintable():
        return value  # the usual case: nothing to drop, already NFC
    kept = "".join(
        ch
        for ch in value
        if ch in _KEPT_CONTROLS or unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )
    return unicodedata.normalize("NFC", kept)


# --- numbers --------------------------------------------------------------------------------

HOUSE_NUMBER_MAX = 99_999
"""The largest huisnummer in the Dutch address register (BAG) has five digits."""
HOURS_PER_WEEK_MAX = 168
"""A week has 168 hours."""
HOURS_PER_YEAR_MAX = 8_784
"""A leap year has 8,784 hours."""
HOURS_PER_MONTH_MAX = 744
"""The longest month has 744 hours."""
MONTHS_MAX = 120
"""Ten years: no period of care, help or extension in these rules is set longer."""
RATE_MAX_CENTS = 50_000
"""An hourly rate or eigen bijdrage of at most € 500: above any provider's tariff, so more is a
typing error."""
AMOUNT_MAX_CENTS = 10_000_000
"""One amount (a compliment, a payment) of at most € 100.000: far above any real one."""
BUDGET_MAX_CENTS = 10_000_000_000
"""A round's budget of at most € 100 miljoen: above the largest gemeente's budget."""


def check_range(value: float, low: float, high: float, what: str, unit: str = "") -> None:
    """Refuse ``value`` outside ``low``..``high`` in Dutch, naming the range."""
    if not low <= value <= high:
        raise InvalidValue(
            f"{what}: vul een waarde van {number_text(low)} tot en met {number_text(high)}{unit} in."
        )


def check_cents(cents: int, high: int, what: str) -> None:
    """Refuse an amount below 0 or above ``high`` cents in Dutch, naming the range in euro."""
    if not 0 <= cents <= high:
        raise InvalidValue(f"{what}: vul een bedrag {euro_range(high)} in.")


def euro_range(high: int) -> str:
    """``"van € 0 tot en met € 500"`` for ``high`` cents."""
    return f"van € 0 tot en met € {_euro(high)}"


def _euro(cents: int) -> str:
    """``100_000`` -> ``"1.000"``."""
    return number_text(cents // 100)


# --- dates ----------------------------------------------------------------------------------

EARLIEST_DATE = date(1900, 1, 1)
"""No one in the register was born earlier: the oldest people alive were born after 1900."""
LATEST_DATE = date(2100, 12, 31)
"""No date is planned later; far enough from the end of the calendar that adding a year or a
month to a date never overflows."""
WORK_DATE_FIRST = date(2000, 1, 1)
"""Steunpunten and their registers date from after 2000: an earlier contact, referral, grant,
application or letter is a typing error."""
WORK_YEARS_AHEAD = 5
"""Work is planned at most a few years ahead (a round a year, a grant with its extension less
than two years); five leaves room and still catches a mistyped year."""


def format_day(value: date) -> str:
    """``date(2000, 1, 1)`` -> ``"01-01-2000"``."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def check_date_range(value: date, first: date, last: date, what: str) -> None:
    """Refuse ``value`` outside ``first``..``last`` in Dutch, naming the range."""
    if not first <= value <= last:
        raise InvalidValue(
            f"{what}: vul een datum van {format_day(first)} tot en met {format_day(last)} in."
        )


def last_work_date(today: date) -> date:
    """The last day a work date may fall on: the end of the year ``WORK_YEARS_AHEAD`` ahead."""
    return date(min(today.year + WORK_YEARS_AHEAD, LATEST_DATE.year), 12, 31)


def check_birth_date(value: date, today: date, what: str = "De geboortedatum") -> None:
    """A birth date lies from 1900 to today."""
    if value > today:
        raise InvalidValue(f"{what} kan niet in de toekomst liggen.")
    check_date_range(value, EARLIEST_DATE, today, what)


def check_work_date(value: date, today: date, what: str = "De datum") -> None:
    """A work date lies from 2000 to a few years ahead."""
    check_date_range(value, WORK_DATE_FIRST, last_work_date(today), what)


def refusal(check: Callable[..., object], *args: Any) -> str:
    """The Dutch message ``check(*args)`` refuses with; ``""`` when it accepts."""
    try:
        check(*args)
    except InvalidValue as error:
        return error.message
    return ""

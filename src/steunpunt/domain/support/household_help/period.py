"""A grant's period in months: a year from any day (29 February too), lengths and overlaps."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta


def day_after(day: date) -> date:
    return day + timedelta(days=1)


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later, on the month's last day when that month is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def anniversary(start: date, months: int) -> date:
    """The first day after ``months`` whole months from ``start``.

    When the month is too short for the start's day (29 February a year on, 31 January a
    month on), that month is used up to its end: the anniversary is the 1st of the next month.
    """
    same_day = months_after(start, months)
    return day_after(same_day) if same_day.day < start.day else same_day


def period_length(start: date, last: date) -> tuple[int, bool]:
    """Whole months from ``start`` up to and including ``last``, and whether days remain.

    1 January to 31 December is 12 months exactly; to 15 January of the next year "ruim 12";
    29 February 2028 to 28 February 2029 is 12 months exactly.
    """
    after = day_after(last)
    months = max((after.year - start.year) * 12 + after.month - start.month, 0)
    while months > 0 and anniversary(start, months) > after:
        months -= 1
    return months, anniversary(start, months) < after


def started_months(start: date, last: date) -> int:
    """Months from ``start`` to ``last`` where a started month counts as a month."""
    months, more = period_length(start, last)
    return months + int(more)


def fits_months(start: date, last: date, limit: int) -> bool:
    """The period lasts at most ``limit`` months; a started month counts as a month."""
    return started_months(start, last) <= limit


def months_text(start: date, last: date) -> str:
    """``"12 maanden"``, ``"ruim 12 maanden"``, ``"1 maand"``, ``"minder dan een maand"``."""
    months, more = period_length(start, last)
    if months == 0:
        return "minder dan een maand"
    text = "1 maand" if months == 1 else f"{months} maanden"
    return f"ruim {text}" if more else text


def year_from(start: date) -> date:
    """The last day of a year of help from ``start`` (the day before its anniversary)."""
    return anniversary(start, 12) - timedelta(days=1)


def overlap(first: tuple[date, date], second: tuple[date, date]) -> bool:
    """Two periods (first and last day, both included) share a day; an empty one shares none."""
    (start, last), (other_start, other_last) = first, second
    return (
        start <= last and other_start <= other_last and start <= other_last and other_start <= last
    )


def last_day_of(ends_on: date, extended_until: date | None, stopped_on: date | None) -> date:
    """The last day of help: the extension's end (else the end), or the day before the help
    stopped when that is earlier."""
    last = extended_until if extended_until is not None and extended_until > ends_on else ends_on
    if stopped_on is not None and stopped_on <= last:
        return stopped_on - timedelta(days=1)
    return last

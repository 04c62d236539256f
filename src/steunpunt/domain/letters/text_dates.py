"""Dates written in a letter's text ("10 november", "1 november 2026", "10-11-2026"), and which
of them lie in the past on the letter's date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from steunpunt.domain.dates import MONTHS, long_date

_WRITTEN = re.compile(
    r"(?<![\w-])(\d{1,2})\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?(?![\w-])",
    re.IGNORECASE,
)
"""``10 november`` or ``10 november 2026``."""
_NUMERIC = re.compile(r"(?<![\w.\-/])(\d{1,2})([-/])(\d{1,2})\2(\d{4})(?![\w\-/]|\.\d)", re.ASCII)
"""``10-11-2026`` or ``10/11/2026``."""


@dataclass(frozen=True)
class TextDate:
    """A date as the text writes it, and the day it means."""

    written: str
    day: date


def dates_in(text: str, year: int) -> list[TextDate]:
    """The dates ``text`` names, in the order written; a date without a year is in ``year``.

    What is no real day (``31 november``) is no date.
    """
    found: list[tuple[int, TextDate]] = []
    for match in _WRITTEN.finditer(text):
        day, month, written_year = match.groups()
        month_number = MONTHS.index(month.lower()) + 1
        _add(found, match, int(written_year) if written_year else year, month_number, int(day))
    for match in _NUMERIC.finditer(text):
        day, _separator, month, written_year = match.groups()
        _add(found, match, int(written_year), int(month), int(day))
    return [text_date for _start, text_date in sorted(found, key=lambda pair: pair[0])]


def _add(
    found: list[tuple[int, TextDate]], match: re.Match[str], year: int, month: int, day: int
) -> None:
    try:
        written = " ".join(match.group(0).split())
        found.append((match.start(), TextDate(written, date(year, month, day))))
    except ValueError:
        return


def past_dates(text: str, letter_date: date) -> list[TextDate]:
    """The dates in ``text`` before ``letter_date`` (a date without a year in that date's year),
    each written once."""
    past: list[TextDate] = []
    for text_date in dates_in(text, letter_date.year):
        if text_date.day < letter_date and text_date not in past:
            past.append(text_date)
    return past


def past_dates_warning(text: str, letter_date: date) -> str | None:
    """A Dutch warning naming the dates in ``text`` that lie before ``letter_date``; None when
    there are none."""
    past = [text_date.written for text_date in past_dates(text, letter_date)]
    if not past:
        return None
    named = past[0] if len(past) == 1 else f"{', '.join(past[:-1])} en {past[-1]}"
    return (
        f"De tekst van de brief noemt {'een datum' if len(past) == 1 else 'data'} die op de "
        f"briefdatum ({long_date(letter_date)}) al voorbij {'is' if len(past) == 1 else 'zijn'}: "
        f"{named}. Pas zo nodig het sjabloon aan via Brieven › Briefsjablonen."
    )

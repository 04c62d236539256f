"""Age and the age brackets caregiver schemes use (<18, 18-24, 25+)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class AgeBracket(StrEnum):
    """The brackets of young-caregiver schemes; UNKNOWN when no birth date is known."""

    UNDER_18 = "<18"
    FROM_18_TO_24 = "18-24"
    FROM_25 = "25+"
    UNKNOWN = "onbekend"

    @property
    def label(self) -> str:
        return {
            AgeBracket.UNDER_18: "jonger dan 18",
            AgeBracket.FROM_18_TO_24: "18 t/m 24",
            AgeBracket.FROM_25: "25 en ouder",
            AgeBracket.UNKNOWN: "onbekend",
        }[self]


def age_on(birth_date: date, day: date) -> int:
    """Completed years on ``day``."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def bracket_for(birth_date: date | None, day: date) -> AgeBracket:
    """The bracket a person with this birth date is in on ``day``."""
    if birth_date is None:
        return AgeBracket.UNKNOWN
    age = age_on(birth_date, day)
    if age < 18:
        return AgeBracket.UNDER_18
    return AgeBracket.FROM_18_TO_24 if age <= 24 else AgeBracket.FROM_25


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def birth_date_range(bracket: AgeBracket, day: date) -> tuple[date | None, date | None]:
    """Birth dates in a bracket on ``day`` as (born after, born on or before); None is open.

    Someone is 18 or older exactly when born on or before ``years_before(day, 18)``.
    """
    eighteen = years_before(day, 18)
    twenty_five = years_before(day, 25)
    if bracket is AgeBracket.UNDER_18:
        return eighteen, None
    if bracket is AgeBracket.FROM_18_TO_24:
        return twenty_five, eighteen
    if bracket is AgeBracket.FROM_25:
        return None, twenty_five
    raise ValueError("UNKNOWN has no date range")

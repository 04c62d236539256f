"""Age and the age brackets of young-caregiver schemes, on and around birthdays."""

from __future__ import annotations

from datetime import date

import pytest

from steunpunt.domain.age import AgeBracket, age_on, birth_date_range, bracket_for, years_before

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("birth_date", "bracket"),
    [
        (date(2008, 11, 23), AgeBracket.UNDER_18),  # 18 tomorrow
        (date(2008, 11, 22), AgeBracket.FROM_18_TO_24),  # 18 today
        (date(2008, 11, 21), AgeBracket.FROM_18_TO_24),
        (date(2001, 11, 23), AgeBracket.FROM_18_TO_24),  # 25 tomorrow
        (date(2001, 11, 22), AgeBracket.FROM_25),  # 25 today
        (date(1940, 1, 1), AgeBracket.FROM_25),
        (date(2026, 11, 22), AgeBracket.UNDER_18),  # born today
        (None, AgeBracket.UNKNOWN),
    ],
)
def test_bracket_changes_exactly_on_the_birthday(
    birth_date: date | None, bracket: AgeBracket
) -> None:
    assert bracket_for(birth_date, TODAY) is bracket


@pytest.mark.parametrize(
    ("day", "age"),
    [
        (date(2026, 2, 28), 17),  # not a leap year: the birthday is 1 March
        (date(2026, 3, 1), 18),
        (date(2028, 2, 28), 19),
        (date(2028, 2, 29), 20),
        (date(2029, 2, 28), 20),
        (date(2029, 3, 1), 21),
    ],
)
def test_someone_born_on_29_february(day: date, age: int) -> None:
    assert age_on(date(2008, 2, 29), day) == age


@pytest.mark.parametrize(
    ("day", "bracket"),
    [
        (date(2026, 2, 28), AgeBracket.UNDER_18),
        (date(2026, 3, 1), AgeBracket.FROM_18_TO_24),
        (date(2033, 2, 28), AgeBracket.FROM_18_TO_24),
        (date(2033, 3, 1), AgeBracket.FROM_25),
    ],
)
def test_bracket_of_someone_born_on_29_february(day: date, bracket: AgeBracket) -> None:
    assert bracket_for(date(2008, 2, 29), day) is bracket


@pytest.mark.parametrize(
    ("day", "years", "earlier"),
    [
        (date(2026, 11, 22), 18, date(2008, 11, 22)),
        (date(2028, 2, 29), 18, date(2010, 2, 28)),
        (date(2028, 2, 29), 4, date(2024, 2, 29)),
    ],
)
def test_years_before(day: date, years: int, earlier: date) -> None:
    assert years_before(day, years) == earlier


def test_birth_date_ranges_meet_without_gap_or_overlap() -> None:
    assert birth_date_range(AgeBracket.UNDER_18, TODAY) == (date(2008, 11, 22), None)
    assert birth_date_range(AgeBracket.FROM_18_TO_24, TODAY) == (
        date(2001, 11, 22),
        date(2008, 11, 22),
    )
    assert birth_date_range(AgeBracket.FROM_25, TODAY) == (None, date(2001, 11, 22))
    with pytest.raises(ValueError):
        birth_date_range(AgeBracket.UNKNOWN, TODAY)


DAYS = [
    date(2026, 11, 22),
    date(2026, 2, 28),
    date(2026, 3, 1),
    date(2028, 2, 28),
    date(2028, 2, 29),
    date(2028, 3, 1),
]
BIRTH_DATES = [
    date(y, m, d)
    for y in (2001, 2002, 2003, 2004, 2008, 2009, 2010)
    for m, d in ((2, 27), (2, 28), (3, 1), (3, 2), (11, 21), (11, 22), (11, 23))
] + [date(2004, 2, 29), date(2008, 2, 29), date(2010, 2, 28), date(2003, 2, 28)]


@pytest.mark.parametrize("day", DAYS)
def test_date_range_agrees_with_bracket_for(day: date) -> None:
    """The range the database filters on puts everyone in the bracket ``bracket_for`` gives."""
    for birth_date in BIRTH_DATES:
        for bracket in (AgeBracket.UNDER_18, AgeBracket.FROM_18_TO_24, AgeBracket.FROM_25):
            born_after, born_on_or_before = birth_date_range(bracket, day)
            inside = (born_after is None or birth_date > born_after) and (
                born_on_or_before is None or birth_date <= born_on_or_before
            )
            assert inside == (bracket_for(birth_date, day) is bracket), (birth_date, bracket)


def test_bracket_labels_are_dutch() -> None:
    assert AgeBracket.UNDER_18.label == "jonger dan 18"
    assert AgeBracket.FROM_18_TO_24.label == "18 t/m 24"
    assert AgeBracket.FROM_25.label == "25 en ouder"
    assert AgeBracket.UNKNOWN.label == "onbekend"

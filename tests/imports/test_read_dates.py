"""Dates as old registers hold them: Excel date cells and serial numbers, and typed in every way."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.cells import Cell
from steunpunt.domain.imports.date_reader import read_date

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("cell", "read", "interpreted"),
    [
        (date(1956, 3, 12), "12-03-1956", False),
        (datetime(1956, 3, 12, 0, 0), "12-03-1956", False),
        ("12-3-1956", "12-03-1956", False),
        ("12.03.1956", "12-03-1956", False),
        ("1956-03-12", "12-03-1956", False),
        ("12 maart 1956", "12-03-1956", False),
        ("12 mrt 1956", "12-03-1956", False),
        ("12 Maart 1956", "12-03-1956", False),
        ("12-Mar-1956", "12-03-1956", False),
        ("12/03/1956", "12-03-1956", False),
        ("12031956", "12-03-1956", False),
        ("12-03-1956 00:00", "12-03-1956", False),
        ("12/03/56", "12-03-1956", True),  # two-digit year: the most recent past one
        ("12-mrt-56", "12-03-1956", True),
        ("05-01-05", "05-01-2005", True),
        ("04-12-26", "04-12-2026", True),  # yesterday's date this year
        ("31-12-26", "31-12-1926", True),  # not yet this year: a hundred years back
        (20526, "12-03-1956", True),  # an Excel serial number
        (20526.0, "12-03-1956", True),
        ("20526", "12-03-1956", True),
    ],
)
def test_every_date_form_is_read(cell: Cell, read: str, interpreted: bool) -> None:
    reading = read_date(cell, "birth_date", TODAY)
    assert dict(reading.values) == {"birth_date": read}
    assert reading.interpreted is interpreted


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31-02-1956", "31-02-1956 is geen bestaande datum."),
        ("30-13-1956", "30-13-1956 is geen bestaande datum."),
        ("1956", "Hier staat geen leesbare datum"),
        (1956, "Hier staat alleen een jaartal"),
        ("ergens in de jaren vijftig", "Hier staat geen leesbare datum"),
        ("12 smarch 1956", "Hier staat geen leesbare datum"),
        ("01-01-1850", "Deze datum: vul een datum van 01-01-1900"),
        (-5, "Hier staat geen leesbare datum"),
    ],
)
def test_an_impossible_date_is_a_problem(cell: Cell, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        read_date(cell, "birth_date", TODAY)
    assert caught.value.message.startswith(message)


def test_the_field_read_is_the_one_asked_for() -> None:
    reading = read_date("1-2-2020", "registered_on", TODAY)
    assert dict(reading.values) == {"registered_on": "01-02-2020"}

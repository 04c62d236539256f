"""Hours of care per week as people fill them in."""

from __future__ import annotations

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.cells import Cell
from steunpunt.domain.imports.hours_reader import read_hours


@pytest.mark.parametrize(
    ("cell", "read", "interpreted"),
    [
        ("10", "10", False),
        ("10,5", "10,5", False),
        ("10.5", "10,5", False),
        (10.0, "10", False),
        (7.5, "7,5", False),
        ("10 uur", "10", False),
        ("20 p/w", "20", False),
        ("12 pw", "12", False),
        ("4 uur per week", "4", False),
        ("10 u/w", "10", False),
        ("ca. 10", "10", True),
        ("+/- 12", "12", True),
        ("± 4 uur per week", "4", True),
        ("ongeveer 10 uur p.w.", "10", True),
        ("8-10", "9", True),  # the middle of the range
        ("8 à 10", "9", True),
        ("8 tot 11", "9,5", True),
    ],
)
def test_hours_are_read(cell: Cell, read: str, interpreted: bool) -> None:
    reading = read_hours(cell)
    assert dict(reading.values) == {"hours_per_week": read}
    assert reading.interpreted is interpreted


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("2 per dag", "Uren per dag, maand of jaar rekent de import niet om"),
        ("10 p/m", "Uren per dag, maand of jaar rekent de import niet om"),
        ("4 uur per maand", "Uren per dag, maand of jaar rekent de import niet om"),
        ("veel", "Hier staan geen leesbare uren per week"),
        ("dag en nacht", "Hier staan geen leesbare uren per week"),
    ],
)
def test_hours_that_cannot_be_read_are_a_problem(cell: str, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        read_hours(cell)
    assert caught.value.message.startswith(message)

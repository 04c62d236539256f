"""The suppression rule on generated tables: no hidden cell can be worked out.

Hypothesis makes a cross table (organisations by outcomes, with a "Totaal" column and a "Totaal"
row, many small counts and zeros) and a compliment table whose "Bedrag toegekend" is the number
granted times € 100, at a threshold of 3, 5 or 10. After suppression the test plays the
attacker with only what is printed: no row or column has exactly one hidden cell, an amount
beside a hidden count is hidden, and the range of each hidden cell that the row and column sums
and the amount allow (by linear programming) holds its true value and more than one value, and
a small count keeps all the values "<5" allows but at most one.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.interval_bounds import Bound, Relation, intervals
from steunpunt.domain.reports.report import Cell, Report, ReportTable
from steunpunt.domain.reports.suppression import HIDDEN, is_hidden, suppress_report
from tests.strategies import PROPERTY

CENTS = 10_000
"""€ 100 a compliment."""

counts = st.one_of(st.integers(0, 4), st.integers(0, 40))
"""Small counts and zeros as often as larger ones."""


@st.composite
def reports(draw: st.DrawFn) -> Report:
    threshold = draw(st.sampled_from((3, 5, 10)))
    width, height = draw(st.integers(2, 4)), draw(st.integers(2, 5))
    grid = [[draw(counts) for _ in range(width)] for _ in range(height)]
    rows: list[tuple[Cell, ...]] = [
        (f"Organisatie {r}", sum(row), *row) for r, row in enumerate(grid)
    ]
    sums = [sum(row[c] for row in grid) for c in range(width)]
    rows.append(("Totaal", sum(sums), *sums))
    headers = ("Organisatie", "Totaal", *(f"Uitkomst {c}" for c in range(width)))
    applied, granted, refused = (draw(counts) for _ in range(3))
    compliment = (
        ("Aanvragen", applied),
        ("Toegekend", granted),
        ("Afgewezen", refused),
        ("Bedrag toegekend", euro(granted * CENTS)),
    )
    tables = (
        ReportTable("verwijzingen", "Verwijzingen", headers, tuple(rows)),
        ReportTable("compliment", "Compliment", ("", "Aantal"), compliment),
    )
    period = (date(2026, 1, 1), date(2026, 12, 31))
    return Report("V", "S", "Soest", *period, date(2026, 11, 22), threshold, (), tables)


@PROPERTY
@given(reports())
def test_no_hidden_cell_can_be_worked_out(raw: Report) -> None:
    published = suppress_report(raw)
    threshold = published.suppress_below
    truth = _values(raw)
    shown = _values(published, hidden=False)
    cross, compliment = published.tables
    table_rows = [row[1:] for row in cross.rows]
    for line in [*table_rows, *zip(*table_rows, strict=True)]:
        assert sum(1 for cell in line if is_hidden(cell)) != 1, line
    granted, amount = compliment.rows[1][1], compliment.rows[3][1]
    assert not is_hidden(granted) or amount == HIDDEN

    marked = {
        table.key
        for table in published.tables
        for row in table.rows
        if any(isinstance(cell, str) and cell.startswith("<") for cell in row[1:])
    }
    unknown: dict[Hashable, Bound] = {}
    for key, cell in _cells(published):
        if isinstance(cell, str) and cell.startswith("<"):
            unknown[key] = (1, threshold - 1)
        elif cell == HIDDEN:  # an amount may be 0; a "×" count is at least 1, or 5 beside "<5"
            count = key[1] != 3 or key[0] == "verwijzingen"
            unknown[key] = ((threshold if key[0] in marked else 1) if count else 0, None)
    found = intervals(unknown, shown, _relations(published))
    for key, (low, high) in found.items():
        assert low <= truth[key] and (high is None or truth[key] <= high), key
        assert high is None or high > low, f"{key} is pinned to {low}"
        if 0 < truth[key] < threshold and key in _small_marks(published):
            assert high is None or high - low >= min(2, threshold - 2), (key, low, high)


def _cells(report: Report) -> list[tuple[tuple[str, int, int], Cell]]:
    return [
        ((table.key, r, c), cell)
        for table in report.tables
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if c
    ]


def _values(report: Report, hidden: bool = True) -> dict[Hashable, int]:
    """Counts, and the amount in cents; without the hidden cells unless ``hidden``."""
    return {
        key: cell if isinstance(cell, int) else _cents(cell)
        for key, cell in _cells(report)
        if hidden or not is_hidden(cell)
    }


def _cents(text: str) -> int:
    return int(text.replace("€", "").replace(".", "").replace(",", "").strip())


def _small_marks(report: Report) -> set[tuple[str, int, int]]:
    return {key for key, cell in _cells(report) if isinstance(cell, str) and cell[:1] == "<"}


def _relations(report: Report) -> list[Relation]:
    """What the printed tables tell: each row and column adds up to its "Totaal", and the
    amount granted is the number granted times € 100."""
    cross = report.tables[0]
    height, width = len(cross.rows), len(cross.headers)
    found = [
        Relation(
            (
                (("verwijzingen", r, 1), 1),
                *((("verwijzingen", r, c), -1) for c in range(2, width)),
            ),
            0,
        )
        for r in range(height)
    ]
    found += [
        Relation(
            (
                (("verwijzingen", height - 1, c), 1),
                *((("verwijzingen", r, c), -1) for r in range(height - 1)),
            ),
            0,
        )
        for c in range(1, width)
    ]
    found.append(Relation(((("compliment", 3, 1), 1), (("compliment", 1, 1), -CENTS)), 0))
    return found

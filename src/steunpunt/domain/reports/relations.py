"""What a reader can work out from the verantwoording's tables: the relations between its cells.

A reader who has the printed report knows more than its cells: a "Totaal" row or column is the
sum of the others, the registrations at the end of a period are those at its start plus the new
ones minus the ended ones, and a column of one table (the ages) adds up to a figure printed in
another (the caregivers registered). Suppression must hold against all of it, so this module
lists, for one report, the cells that count people, the lines (a column, or a row beside a
"Totaal" column) along which one hidden cell could be worked out from the others, the linear
relations a reader may use, and which amounts and hours go with which counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from steunpunt.domain.interval_bounds import Relation
from steunpunt.domain.reports.report import Report, ReportTable

Position = tuple[int, int, int]
"""(table, row, column) of a cell in a report."""
TOTAL = "totaal"
IDENTITIES: dict[str, tuple[tuple[int, ...], ...]] = {
    "bereik": ((1, 1, -1, -1),),
}
"""Signed sums of a table's first count column that are zero by definition: registered at the
start + new - ended - registered at the end. Kept only where the figures bear them out."""
REPEATS: tuple[tuple[tuple[str, int, int], tuple[str, int, int]], ...] = (
    (("jaren", -1, 1), ("bereik", -1, 1)),  # registered at the end of the last year
    (("jaren", -1, 2), ("bereik", 1, 1)),  # new in the last year, for a period of a whole year
)
"""Cells (table key, row, column; a negative row counts from the end) that print one figure
twice. Kept only where the two are equal."""
KEY_FIGURES: tuple[tuple[str, int, int], ...] = (
    ("bereik", -1, 1),
    ("bereik", 1, 1),
    ("overbelasting", 0, 1),
    ("verwijzingen", -1, 1),
    ("compliment", 1, 1),
)
"""The cell each key figure (headline) repeats, in order; used where the values agree."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Layout:
    """The cells of one report that count people, and how they hang together."""

    counts: dict[Position, int]
    lines: tuple[frozenset[Position], ...]
    """Cells of which one could be worked out from the others (a column, a row with a total)."""
    relations: tuple[Relation, ...]
    """Everything a reader may use: totals, definitions, and the column sums assumed known."""
    amounts: dict[Position, frozenset[Position]]
    """An amount or a number of hours, and the counts it would give away."""
    repeats: tuple[tuple[Position, Position], ...]
    """Two cells that show the same figure: hidden together."""
    key_figures: dict[int, Position]
    """The cell a key figure repeats, where known."""


def layout(report: Report) -> Layout:
    """The counts, lines, relations and amounts of ``report`` (counts still as numbers)."""
    counts: dict[Position, int] = {}
    lines: list[frozenset[Position]] = []
    relations: list[Relation] = []
    amounts: dict[Position, frozenset[Position]] = {}
    columns: list[list[Position]] = []
    for number, table in enumerate(report.tables):
        cells = _counts(number, table)
        counts.update(cells)
        table_lines, table_relations, table_columns = _lines(number, table, cells)
        lines += table_lines
        relations += table_relations
        columns += table_columns
        amounts.update(_amounts(number, table, cells))
    for column in columns:  # the ages add up to those registered, printed in another table
        total = sum(counts[p] for p in column)
        for other, value in counts.items():
            if total and value == total and other[0] != column[0][0]:
                lines.append(frozenset((*column, other)))
                relations.append(_sum_relation(other, [*column, other]))
    repeats = _repeats(report, counts)
    relations += [Relation(((a, 1), (b, -1)), 0) for a, b in repeats]
    held = tuple(r for r in relations if _holds(r, counts))
    tables = {table.key: (number, len(table.rows)) for number, table in enumerate(report.tables)}
    sources = {i: _position(tables, *cell) for i, cell in enumerate(KEY_FIGURES)}
    key_figures = {
        i: p
        for i, p in sources.items()
        if i < len(report.headlines) and counts.get(p, -1) == report.headlines[i].value
    }
    lines_kept = tuple(line for line in lines if len(line) > 1)
    return Layout(counts, lines_kept, held, amounts, repeats, key_figures)


def _repeats(report: Report, counts: dict[Position, int]) -> tuple[tuple[Position, Position], ...]:
    """The pairs of :data:`REPEATS` present in ``report`` with equal figures."""
    tables = {table.key: (number, len(table.rows)) for number, table in enumerate(report.tables)}
    found = []
    for first, second in REPEATS:
        a, b = (_position(tables, *cell) for cell in (first, second))
        if a in counts and b in counts and counts[a] == counts[b]:
            found.append((a, b))
    return tuple(found)


def _position(tables: dict[str, tuple[int, int]], key: str, row: int, column: int) -> Position:
    number, rows = tables.get(key, (-1, 0))
    return number, row % rows if rows else row, column


def _counts(number: int, table: ReportTable) -> dict[Position, int]:
    return {
        (number, r, c): cell
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if c and isinstance(cell, int)
    }


def _lines(
    number: int, table: ReportTable, cells: dict[Position, int]
) -> tuple[list[frozenset[Position]], list[Relation], list[list[Position]]]:
    """Columns (with their "Totaal" row) and, beside a "Totaal" column, rows; and the columns
    without a "Totaal" row, whose sum may be a figure of another table."""
    rows = range(len(table.rows))
    total_row = next((r for r in rows if _is_total(table.rows[r][0])), None)
    total_column = next(
        (c for c, header in enumerate(table.headers) if c and _is_total(header)), None
    )
    columns = sorted({c for _t, _r, c in cells})
    lines: list[frozenset[Position]] = []
    relations: list[Relation] = []
    open_columns: list[list[Position]] = []
    for c in columns:
        column = [(number, r, c) for r in rows if (number, r, c) in cells]
        lines.append(frozenset(column))
        if total_row is not None and (number, total_row, c) in cells:
            relations.append(_sum_relation((number, total_row, c), column))
        else:  # the column's sum may be printed elsewhere (ages add up to those registered)
            relations.append(Relation(tuple((p, 1) for p in column), sum(cells[p] for p in column)))
            open_columns.append(column)
        for signs in IDENTITIES.get(table.key, ()) if c == columns[0] else ():
            if len(signs) == len(column):
                relations.append(Relation(tuple(zip(column, signs, strict=True)), 0))
    if total_column is not None:
        for r in rows:
            row = [(number, r, c) for c in columns if (number, r, c) in cells]
            lines.append(frozenset(row))
            if (number, r, total_column) in cells:
                relations.append(_sum_relation((number, r, total_column), row))
    return lines, relations, open_columns


def _sum_relation(total: Position, line: Sequence[Position]) -> Relation:
    """``total - sum(others) == 0``."""
    return Relation(((total, 1), *((p, -1) for p in line if p != total)), 0)


def _amounts(
    number: int, table: ReportTable, cells: dict[Position, int]
) -> dict[Position, frozenset[Position]]:
    """Each amount goes with the counts of its row, else the count its label names (Bedrag
    toegekend: Toegekend), else every count of its table."""
    found: dict[Position, frozenset[Position]] = {}
    named = {str(row[0]).strip().lower(): r for r, row in enumerate(table.rows) if row and row[0]}
    everything = frozenset(cells)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if not c or not isinstance(cell, str) or not cell.strip():
                continue
            same_row = frozenset(p for p in cells if p[1] == r)
            words = set(_WORD.findall(str(row[0]).lower()))
            rows = {named[w] for w in words if w in named and named[w] != r}
            by_name = frozenset(p for p in cells if p[1] in rows)
            found[(number, r, c)] = same_row or by_name or everything
    return found


def _is_total(label: object) -> bool:
    return str(label).strip().lower() == TOTAL


def _holds(relation: Relation, counts: dict[Position, int]) -> bool:
    """A relation is only a reader's tool where the real figures satisfy it."""
    value = sum(coefficient * counts[cast(Position, p)] for p, coefficient in relation.terms)
    return value <= relation.total if relation.at_most else value == relation.total

"""Small-cell suppression of the verantwoording that a reader cannot undo.

One rule for the PDF, the workbook and the dashboard (its key figures and its years chart are
the report's, as hidden here):

1. A count from 1 up to the threshold (not included) is hidden and printed as ``"<5"``.
2. Secondary suppression: where a hidden count could be worked out from what is printed (the
   other cells of its column or of its row beside a "Totaal", a total, or another table that
   counts the same people: the ages and the sources add up to the registered and the new
   caregivers of the reach table, the years table repeats the reach, a key figure repeats a
   cell), more cells are hidden, printed as ``"×"``, choosing the cells that protect it at
   least cost: large enough to protect it, then leaving the fewest other rows and columns
   to protect, then the smallest count. A reader who combines everything may narrow a small
   count down to no fewer than three possible values (two for a threshold of 3), and never
   pins a hidden cell down; this is checked by linear programming (:mod:`interval_bounds`).
3. An amount or a number of hours is hidden (``"×"``) with the count it goes with.
4. Zeros stay: a zero is never hidden, so the hidden cells are never zero.
5. The report for every gemeente hides each cell that is hidden in the report of any gemeente
   (and of the caregivers without one), so that it minus the other gemeenten' reports gives
   nothing away. There, and in a table where "<5" itself would say too much, every hidden
   cell is ``"×"``, which tells a reader only "not zero".
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace

from steunpunt.domain.interval_bounds import Bound, Solved, intervals, too_narrow
from steunpunt.domain.reports.relations import Layout, Position, layout
from steunpunt.domain.reports.report import Cell, Headline, Report, ReportTable

HIDDEN = "×"
"""A cell hidden so that a small count elsewhere cannot be worked out."""
CHOICES = 3
"""A small count must keep at least this many possible values for a reader (all below the
threshold where there are fewer)."""

_Key = tuple[str, str, int]
"""A cell by table key, row label and column: the same cell in another gemeente's report."""


def small_mark(threshold: int) -> str:
    """``"<5"``."""
    return f"<{threshold}"


def is_hidden(cell: Cell) -> bool:
    """A hidden count (``"<5"``) or a cell hidden to protect one (``"×"``)."""
    return isinstance(cell, str) and (cell == HIDDEN or (cell[:1] == "<" and cell[1:].isdigit()))


def privacy_note(threshold: int) -> str:
    """The rule in one Dutch paragraph, for the cover, the overview sheet and the dialog."""
    if not threshold:
        return "Alle aantallen staan er precies in."
    n = threshold
    return (
        f"Alleen aantallen, geen namen. Aantallen van 1 tot {n} staan als <{n}. Zou zo'n klein "
        f"aantal uit te rekenen zijn uit andere cellen, een totaal of een andere tabel, dan "
        f"staan ook die cellen als {HIDDEN} (steeds de kleinste die volstaan); een bedrag of "
        f"uren bij een verborgen aantal ook. Nullen staan er precies in. In het overzicht "
        f"voor alle gemeenten is verborgen wat in het overzicht van een gemeente verborgen "
        f"is; daar, en waar <{n} zelf te veel zou zeggen, staat elke verborgen cel als {HIDDEN}."
    )


def required_width(threshold: int, small: bool) -> int:
    """How far apart the least and the greatest possible value of a hidden cell must lie."""
    return min(CHOICES - 1, threshold - 2) if small else 1


def suppress_report(report: Report) -> Report:
    """``report`` (counts as numbers) as it may be printed.

    Small counts show as ``"<5"`` where that mark is safe. In a table where "<5" itself would
    give a count away (four partners with "<5" referrals each and a total of "<5": every one is
    1) and no cell is left to hide, every hidden cell shows as ``"×"``, which says no more than
    "not zero".
    """
    if not report.suppress_below:
        return report
    grid = layout(report)
    crossed: set[int] = set()  # tables whose hidden cells all show "×"
    while True:
        hidden, exposed = choose_hidden(grid, report.suppress_below, frozenset(crossed))
        more = {table for table, _r, _c in exposed} - crossed
        if not more:
            return _publish(report, grid, hidden, (), frozenset(crossed))
        crossed |= more


def suppress_all_gemeenten(whole: Report, parts: Sequence[Report]) -> Report:
    """The report for every gemeente, hiding every cell hidden in any one gemeente's report.

    ``parts`` are the gemeenten' reports as counted (not yet suppressed); whatever ``whole``
    counts beyond them (caregivers without a gemeente) is suppressed as one more part. Every
    hidden cell shows ``"×"``: a ``"<5"`` would bound a sum of several gemeenten' small counts,
    each at least 1, and so narrow them down.
    """
    n = whole.suppress_below
    if not n:
        return whole
    grid = layout(whole)
    hidden_keys: set[_Key] = set()
    hidden_headlines: set[int] = set()
    for part in [*parts, _rest(whole, parts)]:
        published = suppress_report(part)
        hidden_keys |= {key for key, cell in _keyed(published).items() if is_hidden(cell)}
        hidden_headlines |= {i for i, h in enumerate(published.headlines) if is_hidden(h.value)}
    keys = _keys(whole)
    hidden = {p for p in grid.counts if keys[p] in hidden_keys or _is_small(grid.counts[p], n)}
    extra = {p for p, key in keys.items() if key in hidden_keys and p not in grid.counts}
    crossed = frozenset(range(len(whole.tables)))
    hidden_headlines |= {
        i
        for i, h in enumerate(whole.headlines)
        if isinstance(h.value, int) and _is_small(h.value, n)
    }
    return _publish(whole, grid, hidden | extra, hidden_headlines, crossed)


def choose_hidden(
    grid: Layout, threshold: int, crossed: frozenset[int]
) -> tuple[set[Position], list[Position]]:
    """The small counts and, greedily, the least informative cells that protect them; and the
    hidden cells still exposed when no cell is left to hide (``crossed``: tables that show
    every hidden cell as "×")."""
    hidden = {p for p, value in grid.counts.items() if _is_small(value, threshold)}
    lost_lines: set[frozenset[Position]] = set()
    lost_cells: set[Position] = set()
    cache: Solved = {}
    while True:
        hidden |= _copies(grid, hidden)
        lonely = next(
            (ln for ln in grid.lines if len(ln & hidden) == 1 and ln not in lost_lines), None
        )
        if lonely is not None:
            (cell,) = lonely & hidden
            if not _add_cover(grid, hidden, cell, [lonely], threshold):
                lost_lines.add(lonely)
            continue
        exposed = _exposed(grid, hidden, threshold, crossed, cache)
        failing = [c for c in exposed if c not in lost_cells]
        if not failing:
            return hidden, exposed
        touched: set[Position] = set()  # one cover per line a round: one may protect both
        for cell in failing:
            lines = _lines_of(grid, cell)
            if any(line & touched for line in lines):
                continue
            before = set(hidden)
            if not _add_cover(grid, hidden, cell, lines, threshold):
                lost_cells.add(cell)
            touched |= {cell, *(hidden - before)}


def reader_bounds(
    grid: Layout, hidden: set[Position], threshold: int, crossed: frozenset[int] = frozenset()
) -> dict[Hashable, Bound]:
    """What a reader can work out about each hidden cell from the printed report."""
    unknown, known = _knowledge(grid, hidden, threshold, crossed)
    return intervals(unknown, known, grid.relations)


def _knowledge(
    grid: Layout, hidden: set[Position], threshold: int, crossed: frozenset[int]
) -> tuple[dict[Hashable, Bound], dict[Hashable, int]]:
    """The printed counts, and the bounds of the hidden ones: "<5" is 1 to 4 and "×" at least 5
    in a table that shows "<5"; elsewhere "×" is at least 1."""
    unknown: dict[Hashable, Bound] = {
        p: (
            (1, None)
            if p[0] in crossed
            else (1, threshold - 1)
            if _is_small(grid.counts[p], threshold)
            else (threshold, None)
        )
        for p in hidden
    }
    return unknown, {p: v for p, v in grid.counts.items() if p not in hidden}


def _exposed(
    grid: Layout, hidden: set[Position], threshold: int, crossed: frozenset[int], cache: Solved
) -> list[Position]:
    """Hidden cells a reader can narrow down too far."""
    unknown, known = _knowledge(grid, hidden, threshold, crossed)
    wanted: dict[Hashable, int] = {
        p: required_width(threshold, _is_small(grid.counts[p], threshold)) for p in hidden
    }
    cap = 2 * max(grid.counts.values(), default=0) + threshold + 10  # above every count
    narrow = too_narrow(unknown, known, grid.relations, wanted, cap, cache)
    return sorted(p for p in hidden if p in narrow)


def _add_cover(
    grid: Layout,
    hidden: set[Position],
    cell: Position,
    lines: Sequence[frozenset[Position]],
    threshold: int,
) -> bool:
    """Hide the cell of ``lines`` that protects ``cell`` at least cost; False if none.

    The cost: first whether the cell is large enough to give the protection, then how many of
    its other lines it would leave with a single hidden cell (closing a cycle of hidden cells
    in a table with totals hides fewer cells in the end), then its value (a small count says
    less than a large one)."""
    need = threshold + required_width(threshold, _is_small(grid.counts[cell], threshold))
    candidates = {p for line in lines for p in line if p not in hidden and grid.counts[p] > 0}
    if not candidates:
        return False

    def cost(p: Position) -> tuple[bool, int, int, Position]:
        """Too small to protect; lines it leaves with one hidden cell; how much it says."""
        value = grid.counts[p]
        shown_twice = any(p in pair for pair in grid.repeats)
        opened = sum(1 for line in _lines_of(grid, p) if line not in lines and not line & hidden)
        return value < need, opened, value * (1 + shown_twice), p

    hidden.add(min(candidates, key=cost))
    return True


def _copies(grid: Layout, hidden: set[Position]) -> set[Position]:
    """The other cell of a figure printed twice, where one is hidden."""
    return {b if a in hidden else a for a, b in grid.repeats if a in hidden or b in hidden}


def _lines_of(grid: Layout, cell: Position) -> list[frozenset[Position]]:
    return [line for line in grid.lines if cell in line]


def _is_small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def _publish(
    report: Report,
    grid: Layout,
    hidden: set[Position],
    headlines: set[int] | tuple[()],
    crossed: frozenset[int],
) -> Report:
    """The report with hidden counts as ``"<5"`` or ``"×"`` and their amounts as ``"×"``."""
    n = report.suppress_below
    covered = {p for p, counts in grid.amounts.items() if counts & hidden}

    def shown(position: Position, cell: Cell) -> Cell:
        if position in grid.counts and position in hidden:
            small = _is_small(grid.counts[position], n) and position[0] not in crossed
            return small_mark(n) if small else HIDDEN
        return HIDDEN if position in covered or position in hidden else cell

    tables = tuple(
        replace(
            table,
            rows=tuple(
                tuple(shown((t, r, c), cell) for c, cell in enumerate(row))
                for r, row in enumerate(table.rows)
            ),
        )
        for t, table in enumerate(report.tables)
    )
    large = {v for p, v in grid.counts.items() if p in hidden and not _is_small(v, n)}
    behind_cross = {v for p, v in grid.counts.items() if p in hidden and p[0] in crossed}

    def key_figure(i: int, headline: Headline) -> Headline:
        source = grid.key_figures.get(i)
        if source is None:  # its cell unknown: judged by its value
            return _headline(headline, n, large, behind_cross, i in headlines)
        shown_there = tables[source[0]].rows[source[1]][source[2]]
        hide = i in headlines and not is_hidden(shown_there)
        return replace(headline, value=HIDDEN if hide else shown_there)

    return replace(
        report,
        tables=tables,
        headlines=tuple(key_figure(i, h) for i, h in enumerate(report.headlines)),
    )


def _headline(
    headline: Headline, n: int, large: set[int], behind_cross: set[int], hide: bool
) -> Headline:
    """A key figure repeats a table cell: hidden when small or equal to a hidden cell, and
    ``"×"`` rather than ``"<5"`` where it may repeat a cell shown as ``"×"``."""
    value = headline.value
    if not isinstance(value, int):
        return headline
    if _is_small(value, n) and not hide and value not in behind_cross:
        return replace(headline, value=small_mark(n))
    hidden = hide or value in large or value in behind_cross or _is_small(value, n)
    return replace(headline, value=HIDDEN) if hidden else headline


def _keys(report: Report) -> dict[Position, _Key]:
    return {
        (t, r, c): (table.key, str(row[0]), c)
        for t, table in enumerate(report.tables)
        for r, row in enumerate(table.rows)
        for c in range(1, len(row))
    }


def _keyed(report: Report) -> dict[_Key, Cell]:
    return {
        (table.key, str(row[0]), c): row[c]
        for table in report.tables
        for row in table.rows
        for c in range(1, len(row))
    }


def _rest(whole: Report, parts: Sequence[Report]) -> Report:
    """What ``whole`` counts beyond ``parts``: the caregivers without a gemeente."""
    counted: dict[_Key, int] = {}
    for part in parts:
        for key, cell in _keyed(part).items():
            if isinstance(cell, int):
                counted[key] = counted.get(key, 0) + cell

    def rest(table: ReportTable, row: tuple[Cell, ...], c: int) -> Cell:
        cell = row[c]
        if not c or not isinstance(cell, int):
            return cell
        return max(0, cell - counted.get((table.key, str(row[0]), c), 0))

    tables = tuple(
        replace(
            table,
            rows=tuple(tuple(rest(table, row, c) for c in range(len(row))) for row in table.rows),
        )
        for table in whole.tables
    )
    headlines = tuple(
        replace(h, value=max(0, h.value - sum(_int(p.headlines[i].value) for p in parts)))
        if isinstance(h.value, int)
        else h
        for i, h in enumerate(whole.headlines)
    )
    return replace(whole, tables=tables, headlines=headlines)


def _int(cell: Cell) -> int:
    return cell if isinstance(cell, int) else 0

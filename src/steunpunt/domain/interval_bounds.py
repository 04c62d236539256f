"""The range each unknown count can take under linear relations: a small two-phase simplex.

What a careful reader can work out from a printed table is a linear programme: the hidden cells
are unknowns with bounds (``"<5"`` is 1 to 4), and every total, difference or "at most" that the
definitions give is a relation between them. The smallest and largest value each unknown can
take, rounded inwards to whole numbers, is what the reader learns about it.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

Bound = tuple[int, int | None]
"""The smallest and the largest value; ``None``: no largest."""
Solved = dict[Hashable, set[Hashable]]
"""Groups already checked by :func:`too_narrow`, by their unknowns, relations and widths: a
caller that adds one unknown at a time solves only the group that changed."""
EPSILON = 1e-9
ROUNDING = 1e-6


@dataclass(frozen=True)
class Relation:
    """``sum(coefficient * cell) == total`` (or ``<= total`` when ``at_most``)."""

    terms: tuple[tuple[Hashable, int], ...]
    total: int
    at_most: bool = False


def intervals(
    unknown: Mapping[Hashable, Bound],
    known: Mapping[Hashable, int],
    relations: Iterable[Relation],
) -> dict[Hashable, Bound]:
    """The whole-number range of every unknown; raises ``ValueError`` when nothing fits."""
    rows = [row for row in (_substitute(r, unknown, known) for r in relations) if row[0]]
    result: dict[Hashable, Bound] = dict(unknown)
    for cells, group in _components(unknown, rows):
        result.update(_solve(cells, {cell: unknown[cell] for cell in cells}, group))
    return result


def too_narrow(
    unknown: Mapping[Hashable, Bound],
    known: Mapping[Hashable, int],
    relations: Iterable[Relation],
    wanted: Mapping[Hashable, int],
    cap: int,
    cache: Solved | None = None,
) -> set[Hashable]:
    """The unknowns whose whole-number range is narrower than ``wanted`` (a width).

    ``cap`` is a largest value for unknowns without one, above every true value and far above
    the widths wanted: it can only make a range narrower (so a range found wide enough is), and
    a range that reaches it is wide enough anyway.

    Faster than :func:`intervals` where most are wide enough: every vertex the simplex visits
    is a possible set of values, and an unknown already seen at values far enough apart needs
    no optimisation of its own.
    """
    rows = [row for row in (_substitute(r, unknown, known) for r in relations) if row[0]]
    found: set[Hashable] = set()
    grouped: set[Hashable] = set()
    for cells, group in _components(unknown, rows):
        grouped.update(cells)
        bounds = {cell: unknown[cell] for cell in cells}
        key = (
            frozenset(bounds.items()),
            frozenset((frozenset(t.items()), total, at_most) for t, total, at_most in group),
            frozenset((cell, wanted[cell]) for cell in cells),
            cap,
        )
        if cache is None or key not in cache:
            narrow = _narrow(cells, bounds, group, wanted, cap)
            if cache is None:
                found |= narrow
                continue
            cache[key] = narrow
        found |= cache[key]
    for cell, (low, high) in unknown.items():  # in no relation: only its own bounds
        if cell not in grouped and high is not None and high - low < wanted[cell]:
            found.add(cell)
    return found


_Row = tuple[dict[Hashable, float], float, bool]


def _substitute(
    relation: Relation, unknown: Mapping[Hashable, Bound], known: Mapping[Hashable, int]
) -> _Row:
    """The relation over the unknowns only; a cell neither known nor unknown is an error."""
    terms: dict[Hashable, float] = {}
    total = float(relation.total)
    for cell, coefficient in relation.terms:
        if cell in unknown:
            terms[cell] = terms.get(cell, 0.0) + coefficient
        elif cell in known:
            total -= coefficient * known[cell]
        else:
            raise KeyError(cell)
    return {c: v for c, v in terms.items() if v}, total, relation.at_most


def _components(
    unknown: Mapping[Hashable, Bound], rows: list[_Row]
) -> list[tuple[list[Hashable], list[_Row]]]:
    """Unknowns linked by relations, each group with its relations (solved apart: faster)."""
    parent = {cell: cell for cell in unknown}

    def root(cell: Hashable) -> Hashable:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for terms, _total, _at_most in rows:
        first, *rest = terms
        for cell in rest:
            parent[root(cell)] = root(first)
    groups: dict[Hashable, tuple[list[Hashable], list[_Row]]] = {}
    for cell in unknown:
        groups.setdefault(root(cell), ([], []))[0].append(cell)
    for row in rows:
        groups[root(next(iter(row[0])))][1].append(row)
    return [group for group in groups.values() if group[1]]


def _narrow(
    cells: list[Hashable],
    bounds: Mapping[Hashable, Bound],
    rows: list[_Row],
    wanted: Mapping[Hashable, int],
    cap: int,
) -> set[Hashable]:
    """The cells of one group whose range is narrower than wanted."""
    capped = {cell: (low, cap if high is None else high) for cell, (low, high) in bounds.items()}
    tableau = _Tableau(cells, capped, rows)
    seen = [(value, value) for value in tableau.point(list(tableau.basis), tableau.rows)]

    def see(point: list[float]) -> None:
        for i, value in enumerate(point):
            low, high = seen[i]
            seen[i] = (min(low, value), max(high, value))

    def wide(i: int) -> bool:
        low, high = seen[i]
        return math.floor(high + ROUNDING) - math.ceil(low - ROUNDING) >= wanted[cells[i]]

    narrow: set[Hashable] = set()
    for i, cell in enumerate(cells):
        for maximise in (False, True):
            if wide(i):
                break
            point = tableau.solution(i, maximise=maximise)
            if point is not None:  # never None: every cell has a largest value
                see(point)
        if not wide(i):
            narrow.add(cell)
    return narrow


def _solve(
    cells: list[Hashable], bounds: Mapping[Hashable, Bound], rows: list[_Row]
) -> dict[Hashable, Bound]:
    """Minimise and maximise every cell of one group."""
    tableau = _Tableau(cells, bounds, rows)
    found: dict[Hashable, Bound] = {}
    for index, cell in enumerate(cells):
        low = bounds[cell][0]
        smallest = tableau.optimum(index, maximise=False)
        largest = tableau.optimum(index, maximise=True)
        assert smallest is not None  # every unknown has a lower bound
        found[cell] = (
            max(low, math.ceil(low + smallest - ROUNDING)),
            None if largest is None else math.floor(low + largest + ROUNDING),
        )
    return found


class _Tableau:
    """A feasible simplex tableau over ``y = cell - lower bound >= 0``, after phase one."""

    def __init__(
        self, cells: list[Hashable], bounds: Mapping[Hashable, Bound], rows: list[_Row]
    ) -> None:
        count = self.count = len(cells)
        index = {cell: i for i, cell in enumerate(cells)}
        lows = [bounds[cell][0] for cell in cells]
        lines: list[tuple[list[float], float, bool]] = []
        for i, cell in enumerate(cells):
            high = bounds[cell][1]
            if high is not None:
                line = [0.0] * count
                line[i] = 1.0
                lines.append((line, float(high - lows[i]), True))
        for terms, total, at_most in rows:
            line = [0.0] * count
            for cell, coefficient in terms.items():
                line[index[cell]] = coefficient
            shifted = total - sum(c * lows[index[cell]] for cell, c in terms.items())
            lines.append((line, shifted, at_most))
        slacks = sum(1 for _l, _t, at_most in lines if at_most)
        # an artificial column for every row its slack cannot start (then phase one)
        needy = [not at_most or total < 0 for _l, total, at_most in lines]
        width = count + slacks + sum(needy)
        self.rows: list[list[float]] = []
        self.basis: list[int] = []
        slack, artificial = count, count + slacks
        for (line, total, at_most), needs in zip(lines, needy, strict=True):
            row = [*line, *[0.0] * (width - count), total]
            if at_most:
                row[slack] = 1.0
                slack += 1
            if total < 0:
                row = [-value for value in row]
            if needs:
                row[artificial] = 1.0
                artificial += 1
            self.rows.append(row)
            self.basis.append(artificial - 1 if needs else slack - 1)
        self.variables = count + slacks
        cost = [0.0] * self.variables + [1.0] * sum(needy)
        missing = _run(self.rows, self.basis, cost)  # never unbounded: a sum of y >= 0
        if missing is None or missing > EPSILON:
            raise ValueError("De relaties spreken elkaar tegen.")
        self._drop_artificials()

    def _drop_artificials(self) -> None:
        """Pivot artificials out of the basis (or drop their redundant rows), then their columns."""
        keep = self.variables
        for number in reversed(range(len(self.rows))):
            if self.basis[number] < keep:
                continue
            row = self.rows[number]
            column = next((c for c in range(keep) if abs(row[c]) > EPSILON), None)
            if column is None:
                del self.rows[number], self.basis[number]
            else:
                _pivot(self.rows, self.basis, number, column)
        self.rows = [[*row[:keep], row[-1]] for row in self.rows]

    def point(self, basis: list[int], rows: list[list[float]]) -> list[float]:
        """The values of the cells' ``y`` at a basis."""
        values = [0.0] * self.count
        for row, base in zip(rows, basis, strict=True):
            if base < self.count:
                values[base] = row[-1]
        return values

    def solution(self, column: int, *, maximise: bool) -> list[float] | None:
        """Values of every ``y`` where ``y[column]`` is least (greatest); ``None``: unbounded."""
        cost = [0.0] * self.count
        cost[column] = -1.0 if maximise else 1.0
        return self.vertex(cost)

    def vertex(self, cost: list[float]) -> list[float] | None:
        """Values of every ``y`` where ``cost . y`` is least; ``None`` when unbounded."""
        rows = [list(row) for row in self.rows]
        basis = list(self.basis)
        if _run(rows, basis, [*cost, *[0.0] * (self.variables - self.count)]) is None:
            return None
        return self.point(basis, rows)

    def optimum(self, column: int, *, maximise: bool) -> float | None:
        """The least (or greatest) value of ``y[column]``; ``None`` when unbounded."""
        rows = [list(row) for row in self.rows]
        basis = list(self.basis)
        cost = [0.0] * self.variables
        cost[column] = -1.0 if maximise else 1.0
        value = _run(rows, basis, cost)
        if value is None:
            return None
        return -value if maximise else value


def _run(rows: list[list[float]], basis: list[int], cost: list[float]) -> float | None:
    """Minimise ``cost`` from a feasible basis (Bland's rule); ``None`` when unbounded."""
    columns = len(cost)
    objective = [*cost, 0.0]  # reduced costs, and minus the value, kept up to date by pivots
    for row, base in zip(rows, basis, strict=True):
        if cost[base]:
            weight = cost[base]
            objective = [value - weight * r for value, r in zip(objective, row, strict=True)]
    while True:
        entering = next((c for c in range(columns) if objective[c] < -EPSILON), None)
        if entering is None:
            return -objective[-1]
        leaving, best = None, math.inf
        for number, row in enumerate(rows):
            if row[entering] > EPSILON:
                ratio = row[-1] / row[entering]
                if ratio < best - EPSILON or (
                    ratio <= best + EPSILON
                    and leaving is not None
                    and basis[number] < basis[leaving]
                ):
                    leaving, best = number, ratio
        if leaving is None:
            return None
        _pivot(rows, basis, leaving, entering)
        weight = objective[entering]
        pivot_row = rows[leaving]
        objective = [value - weight * p for value, p in zip(objective, pivot_row, strict=True)]


def _pivot(rows: list[list[float]], basis: list[int], number: int, column: int) -> None:
    pivot_row = rows[number]
    factor = pivot_row[column]
    pivot_row[:] = [value / factor for value in pivot_row]
    for other, row in enumerate(rows):
        if other != number and abs(row[column]) > EPSILON:
            weight = row[column]
            row[:] = [value - weight * p for value, p in zip(row, pivot_row, strict=True)]
    basis[number] = column

"""The reader's linear programme: hand-worked ranges, and agreement with brute force."""

from __future__ import annotations

import itertools
import random
from collections.abc import Hashable, Mapping, Sequence

import pytest

from steunpunt.domain.interval_bounds import Bound, Relation, intervals, too_narrow


def test_a_small_count_beside_a_large_one_in_a_known_sum() -> None:
    row = [Relation((("a", 1), ("b", 1)), 9)]
    # a + b = 9, a is 1..4, b at least 5: a any of 1..4, b 5..8.
    assert intervals({"a": (1, 4), "b": (5, None)}, {}, row) == {"a": (1, 4), "b": (5, 8)}
    # a + b = 6: b at least 5 leaves a = 1.
    tight = [Relation((("a", 1), ("b", 1)), 6)]
    assert intervals({"a": (1, 4), "b": (5, None)}, {}, tight) == {"a": (1, 1), "b": (5, 5)}
    wanted = {"a": 2, "b": 1}
    assert too_narrow({"a": (1, 4), "b": (5, None)}, {}, tight, wanted, 100) == {"a", "b"}
    assert too_narrow({"a": (1, 4), "b": (5, None)}, {}, row, wanted, 100) == set()


def test_known_cells_inequalities_and_no_largest_value() -> None:
    relations = [
        Relation((("t", 1), ("a", -1), ("k", -1)), 0),  # t = a + k, k printed as 10
        Relation((("a", 1), ("c", -1)), 0, at_most=True),  # a <= c
    ]
    found = intervals({"a": (1, 4), "t": (1, None), "c": (2, 3)}, {"k": 10}, relations)
    # a <= c <= 3, so a is 1..3 and t = a + 10 is 11..13; c at least 2.
    assert found == {"a": (1, 3), "t": (11, 13), "c": (2, 3)}
    assert intervals({"x": (5, None)}, {}, []) == {"x": (5, None)}


def test_contradicting_relations_are_refused() -> None:
    with pytest.raises(ValueError):
        intervals({"a": (1, 4)}, {}, [Relation((("a", 1),), 9)])


@pytest.mark.parametrize("seed", range(40))
def test_ranges_agree_with_trying_every_value(seed: int) -> None:
    """A 3 x 3 table with row and column sums, some cells hidden, and one "at most"."""
    shuffle = random.Random(seed)
    grid = {(r, c): shuffle.choice((0, 1, 2, 3, 6, 8)) for r in range(3) for c in range(3)}
    hidden = [cell for cell in shuffle.sample(sorted(grid), 3) if grid[cell]]
    unknown: dict[Hashable, Bound] = {
        cell: (1, 4) if grid[cell] < 5 else (5, 12) for cell in hidden
    }
    known: dict[Hashable, int] = {cell: v for cell, v in grid.items() if cell not in hidden}
    relations = [
        Relation(tuple(((r, c), 1) for c in range(3)), sum(grid[r, c] for c in range(3)))
        for r in range(3)
    ] + [
        Relation(tuple(((r, c), 1) for r in range(3)), sum(grid[r, c] for r in range(3)))
        for c in range(3)
    ]
    at_most = max(0, grid[0, 0] - grid[1, 1])  # top left at most this above the middle
    relations.append(Relation((((0, 0), 1), ((1, 1), -1)), at_most, at_most=True))
    expected = _brute_force(unknown, known, relations)
    assert intervals(unknown, known, relations) == expected
    wanted = {cell: 2 for cell in unknown}
    narrow = {cell for cell, (low, high) in expected.items() if (high or 99) - low < 2}
    assert too_narrow(unknown, known, relations, wanted, 100) == narrow


def _brute_force(
    unknown: Mapping[Hashable, Bound], known: Mapping[Hashable, int], relations: Sequence[Relation]
) -> dict[Hashable, Bound]:
    cells = list(unknown)
    ranges = [range(unknown[c][0], (unknown[c][1] or 0) + 1) for c in cells]
    seen: dict[Hashable, list[int]] = {cell: [] for cell in cells}
    for values in itertools.product(*ranges):
        value = {**known, **dict(zip(cells, values, strict=True))}
        fits = all(
            (sum(k * value[c] for c, k in r.terms) <= r.total)
            if r.at_most
            else (sum(k * value[c] for c, k in r.terms) == r.total)
            for r in relations
        )
        if fits:
            for cell, v in zip(cells, values, strict=True):
                seen[cell].append(v)
    return {cell: (min(values), max(values)) for cell, values in seen.items()}

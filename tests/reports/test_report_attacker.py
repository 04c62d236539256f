"""The attacker: from everything the verantwoording prints, how well can one pin a hidden cell?

Generated data (a demo register with support work and a compliment round) is spread over a
large, a middle and a small gemeente. For the same period the attacker reads every gemeente's
report and the report for all gemeenten, and knows the definitions: totals, "registered at the
start + new - ended = registered at the end", ages and sources adding up to those registered,
the last year of the reach table repeating the reach, the overload rows bounded by each other,
granted + refused at most applied, amounts at € 100 a compliment and hours at 52 a grant, the
key figures repeating table cells, and the report for all gemeenten being the sum of the
gemeenten's. It keeps only the relations that the real figures satisfy, and it knows that "<5"
is 1 to 4, "×" on a count in a table that shows "<5" at least 5 (there a small count shows
"<5"), any other "×" at least 1 (a zero is never hidden). Linear programming then gives the
range of every hidden cell: it must hold the true value, never be a single value, and leave a
small count at least three possible values (the two of "<3" at a threshold of 3). The data sets
use thresholds of 5, 3 and 10 (then "<5" above reads "<3" or "<10").
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from steunpunt.domain.interval_bounds import Bound, Relation, intervals
from steunpunt.domain.reports.report import Cell, Report, ReportSettings
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.reports.report_generated import GEMEENTEN, three_gemeenten

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
DATA = {  # caregivers, seed, period, threshold
    "140-caregivers-year": (140, 11, YEAR, 5),
    "400-caregivers-half-year": (400, 5, (date(2026, 1, 1), date(2026, 6, 30)), 5),
    "250-caregivers-year-below-3": (250, 3, YEAR, 3),
    "80-caregivers-quarter-below-10": (80, 8, (date(2026, 4, 1), date(2026, 6, 30)), 10),
}
Key = tuple[str, str, str, int]
"""(gemeente or "" for all, table key, row label, column)."""


@pytest.fixture(params=DATA.values(), ids=DATA.keys())
def printed(
    services: Services, actor: Actor, engine: Engine, request: pytest.FixtureRequest
) -> tuple[dict[str, Report], dict[str, Report], int]:
    """(raw, published) reports by gemeente, "" for all gemeenten."""
    caregivers, seed, period, threshold = request.param
    three_gemeenten(services, actor, engine, caregivers, seed)

    def reports(threshold: int) -> dict[str, Report]:
        services.reports.save_settings(actor, ReportSettings(suppress_below=threshold))
        return {where: services.reports.report(*period, where) for where in ("", *GEMEENTEN)}

    return reports(0), reports(threshold), threshold


def test_no_hidden_cell_can_be_pinned_down(
    printed: tuple[dict[str, Report], dict[str, Report], int],
) -> None:
    raw, published, threshold = printed
    truth = {key: value for where, report in raw.items() for key, value in _values(where, report)}
    unknown: dict[Hashable, Bound] = {}
    known: dict[Hashable, int] = {}
    for where, report in published.items():
        cells = _cells(where, report)
        marked = {key[1] for key, cell in cells if str(cell).startswith("<")} - {"kerncijfers"}
        for key, cell in cells:
            if isinstance(cell, str) and cell.startswith("<"):
                unknown[key] = (1, threshold - 1)
            elif cell == "×" and not _is_count(raw, key):
                unknown[key] = (0, None)  # an amount or hours
            elif cell == "×":  # at least 5 in a table with "<5" marks; else only "not zero"
                unknown[key] = (threshold, None) if key[1] in marked else (1, None)
            else:
                known[key] = _number(cell)
    hidden_small = [k for k in unknown if _is_count(raw, k) and 0 < truth[k] < threshold]
    choices = min(3, threshold - 1)  # three possible values, or the two of "<3"
    assert len(hidden_small) > 20 and len(unknown) > len(hidden_small)  # a real test
    relations = [
        relation
        for relation in _relations(published)
        if _holds(relation, truth) and any(term in unknown for term, _c in relation.terms)
    ]
    found = intervals(unknown, known, relations)
    for key, (low, high) in found.items():
        assert low <= truth[key] and (high is None or truth[key] <= high), key
        assert high is None or high > low, f"{key} is pinned to {low}"
        if key in hidden_small:
            assert high is None or high - low >= choices - 1, f"{key} narrowed to {low}..{high}"


def _cells(where: str, report: Report) -> list[tuple[Key, Cell]]:
    """Every printed value: table cells, then the key figures as table "kerncijfers"."""
    found: list[tuple[Key, Cell]] = [
        ((where, table.key, str(row[0]), c), row[c])
        for table in report.tables
        for row in table.rows
        for c in range(1, len(row))
    ]
    found += [((where, "kerncijfers", str(i), 1), h.value) for i, h in enumerate(report.headlines)]
    return found


def _values(where: str, report: Report) -> list[tuple[Key, int]]:
    return [(key, _number(cell)) for key, cell in _cells(where, report)]


def _number(cell: Cell) -> int:
    """A count; an amount in cents; hours in hundredths."""
    if isinstance(cell, int):
        return cell
    text = cell.replace("€", "").replace(".", "").replace(",", ".").strip()
    return int(Decimal(text) * 100)


def _is_count(raw: dict[str, Report], key: Key) -> bool:
    where = key[0]
    return isinstance(dict(_cells(where, raw[where]))[key], int)


def _relations(published: dict[str, Report]) -> list[Relation]:
    """What the definitions tell a reader, within each report and between the reports."""
    found: list[Relation] = []
    for where, report in published.items():
        found += _within(where, report)
    printed = {key for where, report in published.items() for key, _cell in _cells(where, report)}
    for key, _cell in _cells("", published[""]):  # all gemeenten: the sum of the gemeenten
        parts = [(where, *key[1:]) for where in GEMEENTEN]  # a row a gemeente lacks is 0 there
        found.append(Relation(((key, 1), *((p, -1) for p in parts if p in printed)), 0))
    return found


def _within(where: str, report: Report) -> list[Relation]:
    """The definitions inside one report, by table and row."""
    keys = {
        table.key: [(where, table.key, str(row[0])) for row in table.rows]
        for table in report.tables
    }

    def cell(table: str, row: int, column: int = 1) -> Key:
        return (*keys[table][row], column)  # type: ignore[return-value]

    def equal(a: Key, b: Key) -> Relation:
        return Relation(((a, 1), (b, -1)), 0)

    def at_most(a: Key, b: Key) -> Relation:
        return Relation(((a, 1), (b, -1)), 0, at_most=True)

    def sums(total: Key, terms: Sequence[Key]) -> Relation:
        return Relation(((total, 1), *((t, -1) for t in terms)), 0)

    start, new, ended, end = (cell("bereik", r) for r in range(4))
    found = [Relation(((start, 1), (new, 1), (ended, -1), (end, -1)), 0)]
    found += [equal(cell("jaren", -1, 1), end), equal(cell("jaren", -1, 2), new)]
    for table in ("leeftijd", "herkomst"):
        rows = [cell(table, r) for r in range(len(keys[table]))]
        found += [sums(end, rows), sums(new, rows)]
    found += [at_most(cell("relatie", r), end) for r in range(len(keys["relatie"]))]
    overloaded, *support, anyone = (cell("overbelasting", r) for r in range(5))
    found += [at_most(overloaded, end), at_most(anyone, overloaded)]
    found += [at_most(s, anyone) for s in support]
    found.append(Relation(((anyone, 1), *((s, -1) for s in support)), 0, at_most=True))
    contacts = [cell("contacten", r) for r in range(len(keys["contacten"]))]
    found.append(sums(contacts[-1], contacts[:-1]))
    applied, granted, refused, paid, granted_euro, paid_euro = (
        cell("compliment", r) for r in range(6)
    )
    found.append(Relation(((granted, 1), (refused, 1), (applied, -1)), 0, at_most=True))
    found.append(at_most(paid, granted))
    found += [
        Relation(((granted_euro, 1), (granted, -10_000)), 0),
        Relation(((paid_euro, 1), (paid, -10_000)), 0),
    ]
    helped, grants, hours_granted, _hours_used = (cell("huishoudelijke_hulp", r) for r in range(4))
    found += [at_most(helped, grants), Relation(((hours_granted, 1), (grants, -5_200)), 0)]
    referrals = keys["verwijzingen"]
    columns = len(report.table("verwijzingen").headers)
    for r in range(len(referrals)):
        found.append(
            sums(
                cell("verwijzingen", r, 1), [cell("verwijzingen", r, c) for c in range(2, columns)]
            )
        )
    for c in range(1, columns):
        found.append(
            sums(
                cell("verwijzingen", -1, c),
                [cell("verwijzingen", r, c) for r in range(len(referrals) - 1)],
            )
        )
    headline = [(where, "kerncijfers", str(i), 1) for i in range(len(report.headlines))]
    found += [
        equal(headline[0], end),
        equal(headline[1], new),
        equal(headline[2], overloaded),
        equal(headline[3], cell("verwijzingen", -1, 1)),
        equal(headline[4], granted),
    ]
    return found


def _holds(relation: Relation, truth: dict[Key, int]) -> bool:
    total = sum(c * truth[k] for k, c in relation.terms)  # type: ignore[index]
    return total <= relation.total if relation.at_most else total == relation.total

"""Suppression of the verantwoording, scenarios worked out by hand from the rule.

The rule (threshold 5): counts 1-4 show as "<5"; a line (a column, or a row beside a "Totaal"
column) never has exactly one hidden cell; the cell added to protect one is the one that is
large enough (at least 5 + 2, so that a small count keeps three possible values), leaves the
fewest other lines with one hidden cell, and is smallest; zeros are never hidden; amounts and
hours go with their count.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.reports.relations import layout
from steunpunt.domain.reports.report import Cell, Headline, Report, ReportSettings, ReportTable
from steunpunt.domain.reports.suppression import (
    HIDDEN,
    is_hidden,
    reader_bounds,
    suppress_all_gemeenten,
    suppress_report,
)

X = HIDDEN
OUTCOMES = ("Organisatie", "Totaal", "Geholpen", "Niet geholpen", "Geweigerd", "Anders", "Open")


def report(
    *tables: ReportTable, headlines: tuple[Headline, ...] = (), where: str = "Soest"
) -> Report:
    return Report(
        "Verantwoording",
        "Steunpunt",
        where,
        date(2026, 1, 1),
        date(2026, 12, 31),
        date(2026, 11, 22),
        5,
        headlines,
        tables,
    )


def column(key: str, *rows: tuple[str, Cell]) -> ReportTable:
    return ReportTable(key, key.capitalize(), ("", "Aantal"), tuple(rows))


def rows(published: Report, number: int = 0) -> list[tuple[Cell, ...]]:
    return [row[1:] for row in published.tables[number].rows]


def test_an_amount_beside_a_hidden_count_is_hidden_with_it() -> None:
    """Issue 15: "Toegekend <5" beside "Bedrag toegekend € 300,00" at € 100 a compliment."""
    table = column(
        "compliment",
        ("Aanvragen", 40),
        ("Toegekend", 3),
        ("Afgewezen", 30),
        ("Uitbetaald", 0),
        ("Bedrag toegekend", "€ 300,00"),
        ("Bedrag uitbetaald", "€ 0,00"),
    )
    published = suppress_report(report(table, headlines=(Headline("Toegekend", 3),)))
    # 3 is small. Its column would give it away (the counts' sum may be printed elsewhere):
    # of 40 and 30 (both at least 5 + 2) the smaller, 30, is hidden too. The amount granted
    # names "Toegekend": hidden with it; nothing was paid, so 0 and € 0,00 stay.
    assert rows(published) == [(40,), ("<5",), (X,), (0,), (X,), ("€ 0,00",)]
    assert published.headlines[0].value == "<5"


def test_a_row_with_one_small_cell_and_a_total_is_protected_by_a_cycle() -> None:
    """Issue 15: 64 - 26 - 10 - 7 - 19 = 2 from a row with one "<5" and its total."""
    table = ReportTable(
        "verwijzingen",
        "Verwijzingen",
        OUTCOMES,
        (
            ("A", 64, 26, 10, 7, 19, 2),
            ("B", 40, 10, 10, 10, 5, 5),
            ("Totaal", 104, 36, 20, 17, 24, 7),
        ),
    )
    published = suppress_report(report(table))
    # Column "Open" (2, 5, 7): 5 is too small to hide 2 (2 + 5 = 7 and "×" means at least 5
    # would leave 2 as 1 or 2), so its total 7 is hidden. Row A then has only the 2 hidden:
    # its smallest large-enough cell is 7 ("Geweigerd"). That column (7, 10, 17) then needs
    # one more: 17 closes the cycle in the Totaal row (where 7 is hidden), 10 would open
    # row B. Four cells: A: x + y = 9, totals: u + v = 24, u - x = 10, v - y = 5.
    assert rows(published) == [
        (64, 26, 10, X, 19, "<5"),
        (40, 10, 10, 10, 5, 5),
        (104, 36, 20, X, 24, X),
    ]
    grid = layout(report(table))
    hidden = {(0, 0, 4), (0, 0, 6), (0, 2, 4), (0, 2, 6)}
    bounds = reader_bounds(grid, hidden, 5)
    # y (the 2) can be 1..4 with x = 9 - y in 5..8: the reader learns nothing beyond "<5".
    assert bounds[(0, 0, 6)] == (1, 4)
    assert bounds[(0, 0, 4)] == (5, 8)


def test_a_printed_total_and_zeros_do_not_give_a_small_count_away() -> None:
    table = column(
        "contacten",
        ("Telefoon", 30),
        ("Huisbezoek", 2),
        ("Gesprek", 0),
        ("E-mail", 0),
        ("Totaal", 32),
    )
    published = suppress_report(report(table))
    # 2 is small; zeros are never hidden; of 30 and the total 32 the smaller: 30.
    # A reader has a + b = 32 with a "<5" and b at least 5: a is still any of 1..4.
    assert rows(published) == [(X,), ("<5",), (0,), (0,), (32,)]


def test_hours_beside_small_counts_are_hidden_and_large_ones_stay() -> None:
    small = column(
        "huishoudelijke_hulp",
        ("Mantelzorgers geholpen", 3),
        ("Toekenningen", 3),
        ("Uren toegekend (per jaar)", "156"),
        ("Uren geleverd in de periode", "40,5"),
    )
    # Both counts small: the column has two hidden cells (a + b = 6 leaves each 2..4). The
    # hours name no count of the table, so any hidden count hides them (156 = 3 x 52).
    assert rows(suppress_report(report(small))) == [("<5",), ("<5",), (X,), (X,)]
    large = column(
        "huishoudelijke_hulp",
        ("Mantelzorgers geholpen", 40),
        ("Toekenningen", 44),
        ("Uren toegekend (per jaar)", "2288"),
        ("Uren geleverd in de periode", "1500"),
    )
    assert rows(suppress_report(report(large))) == [(40,), (44,), ("2288",), ("1500",)]


def test_a_zero_is_never_hidden_nor_used_to_hide() -> None:
    table = column("herkomst", ("a", 0), ("b", 2), ("c", 0), ("d", 30), ("e", 25))
    # 2 is small; the zeros cannot protect it; 25 is the smallest large enough.
    assert rows(suppress_report(report(table))) == [(0,), ("<5",), (0,), (30,), (X,)]


def test_the_report_for_all_gemeenten_minus_the_others_gives_nothing_away() -> None:
    def ages(young: int, middle: int, old: int, where: str) -> Report:
        table = column("leeftijd", ("<18", young), ("18-64", middle), ("65+", old))
        return report(table, headlines=(Headline("Geen", 0), Headline("Jong", young)), where=where)

    soest, baarn, whole = ages(3, 40, 20, "Soest"), ages(10, 50, 30, "Baarn"), ages(13, 90, 50, "")
    # Soest: 3 is small, the smaller of 40 and 20 protects it. Baarn hides nothing.
    assert rows(suppress_report(soest)) == [("<5",), (40,), (X,)]
    assert rows(suppress_report(baarn)) == [(10,), (50,), (30,)]
    # Printing 13 for all gemeenten would give Soest's 13 - 10 = 3 and 50 - 30 = 20: every
    # cell hidden in a gemeente is hidden for all gemeenten too (13 and 50 are not small).
    both = suppress_all_gemeenten(whole, [soest, baarn])
    assert rows(both) == [(X,), (90,), (X,)]
    assert [h.value for h in both.headlines] == [0, X]  # a zero stays; 13 repeats a hidden cell


def test_caregivers_without_a_gemeente_are_protected_like_a_gemeente() -> None:
    def ages(young: int, old: int, where: str) -> Report:
        return report(column("leeftijd", ("<18", young), ("65+", old)), where=where)

    # 2 young caregivers have no gemeente: all (12) minus Soest (10) would show them.
    whole = suppress_all_gemeenten(ages(12, 60, ""), [ages(10, 50, "Soest")])
    assert rows(whole) == [(X,), (X,)]


def test_a_key_figure_equal_to_a_hidden_cell_is_hidden() -> None:
    table = column("bereik", ("Begin", 30), ("Nieuw", 3), ("Einde", 20))
    headlines = (Headline("Nieuw", 3), Headline("Einde", 20), Headline("Begin", 30))
    published = suppress_report(report(table, headlines=headlines))
    assert rows(published) == [(30,), ("<5",), (X,)]
    assert [h.value for h in published.headlines] == ["<5", X, 30]


def test_no_threshold_shows_everything_and_two_is_refused() -> None:
    table = column("leeftijd", ("<18", 1), ("18+", 9))
    unsuppressed = replace(report(table), suppress_below=0)
    assert suppress_report(unsuppressed) == unsuppressed
    with pytest.raises(ValidationFailed, match="precies 1"):
        ReportSettings(suppress_below=2).check()
    assert ReportSettings(suppress_below=3).check().suppress_below == 3


def test_marks_are_recognised() -> None:
    assert is_hidden("<5") and is_hidden(X) and is_hidden("<12")
    assert not is_hidden(4) and not is_hidden("€ 0,00") and not is_hidden("1.040")


def test_where_the_small_mark_itself_gives_counts_away_every_hidden_cell_is_a_cross() -> None:
    """Four partners with one referral each and a total of 4."""
    table = ReportTable(
        "verwijzingen",
        "Verwijzingen",
        OUTCOMES,
        (
            ("Logeerhuis", 1, 0, 1, 0, 0, 0),
            ("Respijthuis", 1, 1, 0, 0, 0, 0),
            ("Wijkteam", 1, 1, 0, 0, 0, 0),
            ("Wmo-loket", 1, 0, 0, 0, 0, 1),
            ("Totaal", 4, 2, 1, 0, 0, 1),
        ),
    )
    published = suppress_report(report(table, headlines=(Headline("Verwijzingen", 4),)))
    # Printed as "<5", four rows of at least 1 under a total of at most 4 must each be 1,
    # and no nonzero cell is left to hide. So every hidden cell shows "×" ("not zero"):
    # the total is then any number from 4 up, and each row from 1 up.
    assert rows(published) == [
        (X, 0, X, 0, 0, 0),
        (X, X, 0, 0, 0, 0),
        (X, X, 0, 0, 0, 0),
        (X, 0, 0, 0, 0, X),
        (X, X, X, 0, 0, X),
    ]
    assert published.headlines[0].value == X


def test_a_column_that_adds_up_to_a_figure_of_another_table_is_protected() -> None:
    """The ages count the caregivers registered at the end, printed in the reach table."""
    reach = column("bereik", ("Begin", 30), ("Nieuw", 10), ("Uitgeschreven", 8), ("Einde", 32))
    ages = column("leeftijd", ("<18", 2), ("18-64", 20), ("65+", 10))
    published = suppress_report(report(reach, ages))
    # 2 + 20 + 10 = 32, the "Einde" of the reach table: 32 - 20 - 10 would give the 2 away.
    # Of 20, 10 and 32 (all at least 5 + 2), the smallest, 10, is hidden too; the reach table
    # has nothing small and stays whole. A reader has a + b = 12, a "<5" and b at least 5.
    assert rows(published, 0) == [(30,), (10,), (8,), (32,)]
    assert rows(published, 1) == [("<5",), (20,), (X,)]
    bounds = reader_bounds(layout(report(reach, ages)), {(1, 0, 1), (1, 2, 1)}, 5)
    assert bounds[(1, 0, 1)] == (1, 4) and bounds[(1, 2, 1)] == (8, 11)

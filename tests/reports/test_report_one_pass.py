"""The report for all gemeenten counts every gemeente in one pass, and its figures are the sums
of the gemeenten' figures (every caregiver lives in one gemeente, or in none)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event

from steunpunt.domain.reports.report import Report, ReportSettings
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import contact_data
from tests.reports.test_services_reports import YEAR, caregiver


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements run on ``engine`` inside the block."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def living_in(services: Services, actor: Actor, name: str, gemeente: str) -> int:
    return caregiver(services, actor, name, municipality=gemeente, place=gemeente)


def test_the_report_for_all_gemeenten_runs_as_many_queries_for_eight_gemeenten_as_for_one(
    services: Services, actor: Actor, engine: Engine
) -> None:
    # suppression on (the default 5): the report for all gemeenten needs every gemeente's
    # figures, but each counting query runs once for all of them
    living_in(services, actor, "anna", "Amersfoort")
    with statements(engine) as one:
        services.reports.report(*YEAR)
    for name in ("Baarn", "Bunschoten", "De Bilt", "Eemnes", "Leusden", "Soest", "Zeist"):
        living_in(services, actor, name.lower().replace(" ", ""), name)
    with statements(engine) as eight:
        services.reports.report(*YEAR)
    assert len(services.reports.municipalities()) == 8
    assert len(eight) == len(one)


def numbers(report: Report) -> dict[tuple[str, str, int], int]:
    """Every count of the report by table, row label and column."""
    return {
        (table.key, str(row[0]), c): row[c]
        for table in report.tables
        for row in table.rows
        for c in range(1, len(row))
        if isinstance(row[c], int)
    }


def test_all_gemeenten_is_the_sum_of_each_gemeente_and_those_without_one(
    services: Services, actor: Actor
) -> None:
    services.reports.save_settings(actor, ReportSettings(suppress_below=0))
    anna = living_in(services, actor, "anna", "Amersfoort")  # born 1960: 66 on 31-12-2026
    bram = living_in(services, actor, "bram", "Soest")
    fien = caregiver(services, actor, "fien", municipality="", registered_on="01-02-2026")
    for who, kind in ((anna, "telefoon"), (bram, "telefoon"), (bram, "email"), (fien, "email")):
        services.contacts.add(actor, who, contact_data(contact_date="05-03-2026", kind=kind))
    whole = services.reports.report(*YEAR)
    parts = [services.reports.report(*YEAR, name) for name in ("Amersfoort", "Soest")]
    assert services.reports.municipalities() == ["Amersfoort", "Soest"]
    rest = {
        key: count - sum(numbers(part)[key] for part in parts)
        for key, count in numbers(whole).items()
    }
    # fien alone, counted in no gemeente: new in 2026 and registered at its end, 66 years old,
    # sent by the huisarts, one e-mail contact
    assert {key: count for key, count in rest.items() if count} == {
        ("bereik", "Nieuw ingeschreven", 1): 1,
        ("bereik", "Ingeschreven op 31 december 2026", 1): 1,
        ("jaren", "2026", 1): 1,
        ("jaren", "2026", 2): 1,
        ("leeftijd", "65-79", 1): 1,
        ("herkomst", "Huisarts of POH", 1): 1,
        ("contacten", "E-mail", 1): 1,
        ("contacten", "Totaal", 1): 1,
    }
    # all three are new in 2026 and registered at its end; no one is overloaded, was referred
    # or got a compliment
    assert [h.value for h in whole.headlines] == [3, 3, 0, 0, 0]
    assert [h.value for h in parts[0].headlines] == [1, 1, 0, 0, 0]

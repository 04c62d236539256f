"""The verantwoording of a past period counts what was true in that period, worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from steunpunt.db.support.models import HouseholdHelpGrant
from steunpunt.domain.reports.report import Report, ReportSettings
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.io.report_workbook import write_report_workbook
from steunpunt.letters.report_pdf import render_report
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.reports.report_scenario import (
    PERIOD_2025,
    Register,
    happened_in_2026,
    known_at_the_end_of_2025,
)
from tests.reports.test_report_output import page_texts


@pytest.fixture
def unsuppressed(services: Services, actor: Actor) -> None:
    services.reports.save_settings(actor, ReportSettings(suppress_below=0))


@pytest.fixture
def register(services: Services, actor: Actor, engine: Engine, unsuppressed: None) -> Register:
    """Both steps: the 2025 report is made in November 2026, after everything of 2026."""
    register = known_at_the_end_of_2025(services, actor, engine)
    happened_in_2026(services, actor, engine, register)
    return register


def rows(report: Report, key: str) -> list[tuple[object, ...]]:
    return list(report.table(key).rows)


def test_overload_is_the_latest_measurement_on_or_before_the_end(
    services: Services, register: Register
) -> None:
    report = services.reports.report(*PERIOD_2025, "Amersfoort")
    assert [count for _label, count in rows(report, "overbelasting")] == [
        # anna (10 on 1-3-2025, 3 only in 2026), dirk (9 in 2024), hans (9 on 31-12-2025);
        # not bram (4 in 2025, 12 only in 2026), cor (first measured in 2026), eva (ended)
        3,
        1,  # anna's contact of 1-4-2025 (bram's does not count: not overloaded in 2025)
        1,  # anna's referral of 1-5-2025
        1,  # dirk's household help from 1-7-2025
        2,  # anna and dirk
    ]
    assert report.headlines[2].value == 3


def test_the_source_table_counts_the_newcomers_of_the_period(
    services: Services, register: Register
) -> None:
    report = services.reports.report(*PERIOD_2025, "Amersfoort")
    sources = dict(rows(report, "herkomst"))
    # new in 2025: cor (huisarts, the form's default) and hans (zelf); ivo came in 2026
    assert sources["Huisarts of POH"] == 1
    assert sources["Zelf aangemeld"] == 1
    assert sum(int(count) for count in sources.values()) == 2
    assert dict(rows(report, "bereik"))["Nieuw ingeschreven"] == 2  # the same newcomers


def test_hours_granted_are_pro_rata_to_the_period(services: Services, register: Register) -> None:
    report = services.reports.report(*PERIOD_2025, "Amersfoort")
    assert rows(report, "huishoudelijke_hulp") == [
        ("Mantelzorgers geholpen", 1),  # dirk
        ("Toekenningen", 1),
        # 52 hours over 1-7-2025 to 30-6-2026 (365 days), 184 of them in 2025:
        # 52 x 184 / 365 = 26.21; bram's grant starts in March 2026
        ("Uren toegekend, naar rato van de periode", "26,2"),
        ("Uren geleverd in de maanden van de periode", "0"),
    ]
    next_year = services.reports.report(date(2026, 1, 1), date(2026, 12, 31), "Amersfoort")
    hours = dict(rows(next_year, "huishoudelijke_hulp"))
    # dirk: 52 x 181 / 365 = 25.79 (with 26.21 in 2025: 52, not 104);
    # bram: 36 hours over 1-3-2026 to 28-2-2027 (365 days), 306 in 2026: 30.18; together 55.97
    assert hours["Uren toegekend, naar rato van de periode"] == "56"


def test_hours_of_a_stopped_grant_end_on_the_day_it_stopped(
    services: Services, register: Register, engine: Engine
) -> None:
    with Session(engine) as session, session.begin():
        session.execute(
            update(HouseholdHelpGrant)
            .where(HouseholdHelpGrant.caregiver_id == register.ids["dirk"])
            .values(stopped_on=date(2025, 10, 1), status=HouseholdHelpStatus.ENDED.value)
        )
    hours = dict(rows(services.reports.report(*PERIOD_2025, "Amersfoort"), "huishoudelijke_hulp"))
    # dirk was helped 1-7 to 30-9-2025: 31 + 31 + 30 = 92 of the grant's 365 days,
    # 52 x 92 / 365 = 13.11
    assert hours["Mantelzorgers geholpen"] == 1
    assert hours["Uren toegekend, naar rato van de periode"] == "13,1"
    next_year = services.reports.report(date(2026, 1, 1), date(2026, 12, 31), "Amersfoort")
    hours = dict(rows(next_year, "huishoudelijke_hulp"))
    # only bram's grant runs in 2026: 36 x 306 / 365 = 30.18
    assert hours["Mantelzorgers geholpen"] == 1
    assert hours["Uren toegekend, naar rato van de periode"] == "30,2"


def test_referrals_show_their_outcome_at_the_end_of_the_period(
    services: Services, register: Register
) -> None:
    report = services.reports.report(*PERIOD_2025, "Amersfoort")
    # columns: total, geholpen, wachtlijst, niet passend, geen contact, nog open
    assert rows(report, "verwijzingen") == [
        # anna's, open on 31-12-2025 (closed as helped on 1-2-2026); gijs' of 1-6-2025
        # came after he ended on 31-3-2025 and does not count
        ("Respijthuis De Linde (Respijtzorg)", 1, 0, 0, 0, 0, 1),
        # bram's on the waiting list; eva's on her last day, no contact
        ("Wijkteam Zuid (Wijkteam)", 2, 0, 1, 0, 1, 0),
        ("Totaal", 3, 0, 1, 0, 1, 1),
    ]
    assert report.headlines[3].value == 3


def test_compliments_go_by_the_caregivers_gemeente_and_the_status_at_the_end(
    services: Services, register: Register
) -> None:
    report = services.reports.report(*PERIOD_2025, "Amersfoort")
    assert rows(report, "compliment") == [
        # received in 2025 from caregivers living in Amersfoort: anna and dirk (Amersfoort's
        # round) and bram (Soest's round, his naaste lives there); not sara (lives in Soest)
        ("Aanvragen", 3),
        ("Toegekend", 1),  # anna, on 1-6-2025; dirk only on 10-1-2026
        ("Afgewezen", 1),  # bram
        ("Uitbetaald", 0),  # anna was paid on 15-1-2026
        ("Bedrag toegekend", "€ 100,00"),
        ("Bedrag uitbetaald", "€ 0,00"),
    ]
    soest = services.reports.report(*PERIOD_2025, "Soest")
    assert rows(soest, "compliment")[:4] == [
        ("Aanvragen", 1),  # sara, in Amersfoort's round
        ("Toegekend", 1),
        ("Afgewezen", 0),
        ("Uitbetaald", 0),
    ]
    everyone = services.reports.report(*PERIOD_2025)
    assert dict(rows(everyone, "compliment"))["Bedrag toegekend"] == "€ 200,00"  # anna, sara


def test_the_headlines_agree_with_the_tables(services: Services, register: Register) -> None:
    report = services.reports.report(*PERIOD_2025, "Amersfoort")
    # at the end: anna, bram, cor, dirk, hans; new: cor, hans; overloaded: anna, dirk, hans;
    # referrals: anna, bram, eva; compliments granted on 31-12-2025: anna
    assert [headline.value for headline in report.headlines] == [5, 2, 3, 3, 1]


@pytest.mark.parametrize("municipality", ["", "Amersfoort", "Soest"])
def test_a_past_period_made_again_later_gives_the_same_figures(
    services: Services, actor: Actor, engine: Engine, unsuppressed: None, municipality: str
) -> None:
    register = known_at_the_end_of_2025(services, actor, engine)
    before = services.reports.report(*PERIOD_2025, municipality)
    happened_in_2026(services, actor, engine, register)
    again = services.reports.report(*PERIOD_2025, municipality)
    assert again.tables == before.tables
    assert again.headlines == before.headlines


def test_the_pdf_and_the_workbook_say_what_each_figure_counts(
    services: Services, register: Register, tmp_path: Path
) -> None:
    report = services.reports.report(*PERIOD_2025, "Amersfoort")
    render_report(tmp_path / "r.pdf", report)
    write_report_workbook(tmp_path / "r.xlsx", report)
    pdf = " ".join(page_texts(tmp_path / "r.pdf"))
    workbook = load_workbook(tmp_path / "r.xlsx")
    cells = " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    for definition in (
        "Overbelast op 31 december 2025 (laatste EDIZ-plus)",
        "laatste EDIZ-plus op of vóór die dag (score 9 of hoger)",
        "Hoe de nieuwe mantelzorgers het steunpunt vonden",
        "Nieuw ingeschreven in de periode.",
        "Uren toegekend, naar rato van de periode",
        "gelijk verdeeld over haar dagen",
        "uitkomst op 31 december 2025",
        "terwijl de mantelzorger ingeschreven was",
        "mantelzorgers die in de gemeente wonen, uit elke ronde",
        "toegekend, afgewezen en uitbetaald op 31 december 2025",
    ):
        assert definition in cells
        assert definition in pdf

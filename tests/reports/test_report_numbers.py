"""The verantwoording's figures are numbers finance can add up, printed the Dutch way."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import Engine

from steunpunt.domain.numbers import number_text
from steunpunt.domain.reports.report import Report, ReportSettings
from steunpunt.io.report_workbook import write_report_workbook
from steunpunt.letters.report_pdf import render_report
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.reports.report_scenario import (
    PERIOD_2025,
    grant,
    happened_in_2026,
    known_at_the_end_of_2025,
)
from tests.reports.test_report_output import page_texts
from tests.workbook_cells import figures_as_text

GRANTED = "Uren toegekend, naar rato van de periode"
DELIVERED = "Uren geleverd in de maanden van de periode"


@pytest.fixture(params=[0, 5], ids=["exact", "suppressed"])
def report(
    request: pytest.FixtureRequest, services: Services, actor: Actor, engine: Engine
) -> Report:
    """The 2025 report for Amersfoort, with two full-time grants: thousands of hours."""
    services.reports.save_settings(actor, ReportSettings(suppress_below=request.param))
    register = known_at_the_end_of_2025(services, actor, engine)
    happened_in_2026(services, actor, engine, register)
    for name in ("anna", "hans"):
        grant(engine, register.ids[name], register.home_care, PERIOD_2025, 8784)
    return services.reports.report(*PERIOD_2025, "Amersfoort")


def hours(report: Report) -> dict[str, object]:
    return {str(row[0]): row[1] for row in report.table("huishoudelijke_hulp").rows}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (999, "999"),
        (14348, "14.348"),
        (-1234567, "-1.234.567"),
        (7.5, "7,5"),
        (1000.0, "1.000"),
        (Decimal("26.20"), "26,2"),
        (Decimal("14348.0"), "14.348"),
        (Decimal("1234.25"), "1.234,25"),
    ],
)
def test_numbers_are_written_the_dutch_way(value: int | float | Decimal, text: str) -> None:
    assert number_text(value) == text


def test_the_pdf_groups_thousands_of_hours(report: Report, tmp_path: Path) -> None:
    granted = hours(report)[GRANTED]
    if report.suppress_below:
        return  # hidden or not, the workbook test below holds it to a number
    assert isinstance(granted, str) and re.fullmatch(r"\d{2}\.\d{3}(,\d)?", granted)
    render_report(tmp_path / "r.pdf", report)
    pdf = " ".join(page_texts(tmp_path / "r.pdf"))
    assert f"{GRANTED} {granted}" in pdf
    assert granted.replace(".", "") not in pdf


def test_every_figure_of_the_workbook_is_a_number_or_a_date(report: Report, tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    write_report_workbook(target, report)
    assert figures_as_text(target) == []
    workbook = load_workbook(target)

    years = workbook["jaren"]
    labels = [years.cell(row, 1) for row in range(3, years.max_row + 1)]
    year_cells = [cell for cell in labels if isinstance(cell.value, int)]
    assert [cell.value for cell in year_cells] == list(range(2021, 2026))
    assert {(cell.data_type, cell.number_format) for cell in year_cells} == {("n", "0")}

    overview = {
        row[0].value: row[1] for row in workbook["Overzicht"].iter_rows(min_row=3) if len(row) > 1
    }
    made = overview["Gemaakt op"]
    assert isinstance(made.value, datetime) and made.data_type == "d"
    assert made.number_format == "dd-mm-yyyy"
    assert overview["Begin van de periode"].value == datetime(2025, 1, 1)
    assert overview["Einde van de periode"].value == datetime(2025, 12, 31)

    help_rows = {
        row[0].value: row[1]
        for row in workbook["huishoudelijke_hulp"].iter_rows(min_row=3)
        if len(row) > 1
    }
    for label in (GRANTED, DELIVERED):
        shown = hours(report)[label]
        cell = help_rows[label]
        if shown == "×":
            assert (cell.value, cell.data_type) == ("×", "s")
            continue
        assert cell.data_type == "n" and number_text(Decimal(str(cell.value))) == shown
        assert cell.number_format in ("#,##0", "#,##0.0")
    money = [
        cell
        for row in workbook["compliment"].iter_rows(min_row=3)
        for cell in row[1:]
        if str(row[0].value).startswith("Bedrag") and cell.value != "×"
    ]
    assert money and all(cell.number_format == '"€" #,##0.00' for cell in money)

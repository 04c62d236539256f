"""The verantwoording as a designed PDF and as an Excel workbook, read back as a reader would."""

from __future__ import annotations

import io
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.reports.report import Headline, Report, ReportTable
from steunpunt.domain.reports.suppression import privacy_note
from steunpunt.io.report_workbook import sheet_name, write_report_workbook
from steunpunt.letters.report_pdf import render_report
from tests.workbook_cells import figures_as_text

TITLE = "Verantwoording mantelzorgondersteuning"


def age_table() -> ReportTable:
    return ReportTable(
        "leeftijd",
        "Mantelzorgers naar leeftijd",
        ("Leeftijd", "Mantelzorgers", "Nieuw"),
        (("<18", 12, "<5"), ("18-24", "<5", 0), ("45-64", 1234, 310), ("Totaal", 1250, 314)),
        note="Leeftijd op de laatste dag van de periode.",
        chart=True,
    )


def compliment_table() -> ReportTable:
    return ReportTable(
        "complimenten",
        "Mantelzorgcompliment",
        ("Soort", "Aantal", "Bedrag"),
        (("Toegekend", 812, "€ 81.200,00"), ("Uitbetaald", 790, "€ 79.000,00")),
    )


def partner_table(rows: int = 60, key: str = "partners", chart: bool = False) -> ReportTable:
    return ReportTable(
        key,
        "Doorverwijzingen per partner",
        ("Partner", "Doorverwijzingen"),
        tuple((f"Partner {n}", n * 3 if n % 9 else "<5") for n in range(rows)),
        note="Alle partners met minstens één verwijzing.",
        chart=chart,
    )


def make_report(
    tables: tuple[ReportTable, ...] | None = None,
    headlines: tuple[Headline, ...] | None = None,
    municipality: str = "Amersfoort",
    suppress_below: int = 5,
) -> Report:
    return Report(
        title=TITLE,
        organisation="Steunpunt Mantelzorg Eemland",
        municipality=municipality,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        made_on=date(2026, 11, 22),
        suppress_below=suppress_below,
        headlines=(
            (Headline("Geregistreerde mantelzorgers", 2268), Headline("Jonge mantelzorgers", "<5"))
            if headlines is None
            else headlines
        ),
        tables=(age_table(), compliment_table(), partner_table()) if tables is None else tables,
    )


def page_texts(pdf: Path | bytes) -> list[str]:
    """The text of every page, whitespace folded to single spaces."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def fonts_of(pdf: Path) -> list[Any]:
    """Every font dictionary the pages use."""
    return [
        font.get_object()
        for page in PdfReader(pdf).pages
        for font in page["/Resources"]["/Font"].values()
    ]


def test_the_pdf_has_a_cover_every_table_and_page_numbers(tmp_path: Path) -> None:
    pdf = tmp_path / "verantwoording.pdf"
    pages = render_report(pdf, make_report())
    texts = page_texts(pdf)
    assert pages == len(texts) >= 4  # cover, headlines, and the long table flows over pages
    cover = texts[0]
    for expected in (
        TITLE,
        "Steunpunt Mantelzorg Eemland",
        "Amersfoort",
        "1 januari 2026 tot en met 31 december 2026",
        "22 november 2026",
        "Aantallen van 1 tot 5 staan als <5.",
        "staat elke verborgen cel als ×",
        f"Pagina 1 van {pages}",
    ):
        assert expected in cover
    assert "2.268" in texts[1] and "Jonge mantelzorgers" in texts[1]
    everything = " ".join(texts)
    for title in ("Mantelzorgers naar leeftijd", "Mantelzorgcompliment", "Doorverwijzingen"):
        assert title in everything
    assert "1.234" in everything and "€ 81.200,00" in everything and "<5" in everything
    assert "Leeftijd op de laatste dag van de periode." in everything
    ages = everything.split("Mantelzorgers naar leeftijd")[1].split("Leeftijd op de laatste")[0]
    assert ages.count("<5") == 3  # twice in the table, once beside the empty bar of the chart
    first = next(i for i, text in enumerate(texts) if "Partner 1 " in text)
    last = next(i for i, text in enumerate(texts) if "Partner 59" in text)
    assert last > first  # the 60 rows flow over pages, the header repeated
    assert "Partner Doorverwijzingen" in texts[last]
    assert all(f"Pagina {n} van {pages}" in text for n, text in enumerate(texts, start=1))
    assert all(TITLE in text for text in texts)


def test_the_fonts_are_embedded(tmp_path: Path) -> None:
    pdf = tmp_path / "verantwoording.pdf"
    render_report(pdf, make_report())
    fonts = fonts_of(pdf)
    assert fonts
    for font in fonts:
        assert "+DejaVuSans" in str(font["/BaseFont"])  # an embedded subset
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()


def test_all_gemeenten_and_no_privacy_note_without_a_threshold(tmp_path: Path) -> None:
    pdf = tmp_path / "alle.pdf"
    render_report(pdf, make_report(municipality="", suppress_below=0))
    cover = page_texts(pdf)[0]
    assert "alle gemeenten" in cover
    assert "Alleen aantallen" not in cover


def test_an_empty_report_still_renders(tmp_path: Path) -> None:
    pdf = tmp_path / "leeg.pdf"
    assert render_report(pdf, make_report(tables=(), headlines=())) == 1
    [text] = page_texts(pdf)
    assert "Geen gegevens in deze periode." in text
    assert "Pagina 1 van 1" in text


def test_a_table_without_rows_says_so_and_a_stream_takes_the_pdf() -> None:
    empty = ReportTable("leeg", "Huishoudelijke hulp", ("Soort", "Uren"), (), chart=True)
    logo = io.BytesIO()
    Image.new("RGB", (300, 100), "#1b6a8f").save(logo, format="PNG")
    target = io.BytesIO()
    pages = render_report(target, make_report(tables=(empty,)), HouseStyle(logo=logo.getvalue()))
    texts = page_texts(target.getvalue())
    assert pages == len(texts) == 3
    assert "Huishoudelijke hulp" in texts[2] and "Geen gegevens in deze periode." in texts[2]


def test_twelve_long_tables_render_quickly(tmp_path: Path) -> None:
    tables = tuple(partner_table(key=f"tabel{n}", chart=n % 2 == 0) for n in range(12))
    started = time.perf_counter()
    pages = render_report(tmp_path / "groot.pdf", make_report(tables=tables))
    assert time.perf_counter() - started < 3.0
    assert pages > 12


def test_the_workbook_has_an_overview_and_a_sheet_per_table(tmp_path: Path) -> None:
    target = tmp_path / "verantwoording.xlsx"
    long_key = "doorverwijzingen/partners_in_de_gemeente_amersfoort"
    report = make_report(tables=(age_table(), compliment_table(), partner_table(key=long_key)))
    write_report_workbook(target, report)
    workbook = load_workbook(target)
    assert workbook.sheetnames == [
        "Overzicht",
        "leeftijd",
        "complimenten",
        "doorverwijzingen_partners_in_de",
    ]
    overview = [tuple(row) for row in workbook["Overzicht"].iter_rows(values_only=True)]
    assert overview[0][0] == TITLE
    assert ("Gemeente", "Amersfoort") in overview
    assert ("Begin van de periode", datetime(2026, 1, 1)) in overview
    assert ("Einde van de periode", datetime(2026, 12, 31)) in overview
    assert ("Gemaakt op", datetime(2026, 11, 22)) in overview
    assert ("Privacy", privacy_note(5)) in overview
    assert ("Geregistreerde mantelzorgers", 2268) in overview
    assert ("Jonge mantelzorgers", "<5") in overview

    ages = workbook["leeftijd"]
    assert ages.freeze_panes == "A3"
    assert [cell.value for cell in ages[2]] == ["Leeftijd", "Mantelzorgers", "Nieuw"]
    assert all(cell.font.bold for cell in ages[2])
    assert [cell.value for cell in ages[3]] == ["<18", 12, "<5"]
    assert isinstance(ages["B3"].value, int) and ages["B3"].number_format == "#,##0"
    assert ages["B4"].value == "<5" and ages["B4"].data_type == "s"
    assert ages.column_dimensions["B"].width >= len("Mantelzorgers")
    money = workbook["complimenten"]["C3"]
    assert money.value == Decimal("81200") and "€" in money.number_format
    assert figures_as_text(target) == []
    partners = workbook["doorverwijzingen_partners_in_de"]
    assert partners.max_row == 2 + 60 + 2  # title, header, rows, a blank line and the note


def test_an_empty_workbook_says_there_is_nothing(tmp_path: Path) -> None:
    target = tmp_path / "leeg.xlsx"
    write_report_workbook(target, make_report(tables=(), headlines=(), municipality=""))
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["Overzicht"]
    values = [row for row in workbook["Overzicht"].iter_rows(values_only=True)]
    assert ("Gemeente", "alle gemeenten") in values
    assert any(row[0] == "Geen gegevens in deze periode." for row in values)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("leeftijd", "leeftijd"),
        ("a/b:c*d?e[f]", "a_b_c_d_e_f_"),
        ("'citaat'", "citaat"),
        ("", "Tabel 3"),
        ("History", "History_"),
        ("x" * 40, "x" * 31),
        ("Overzicht", "Overzicht (2)"),
    ],
)
def test_sheet_names_are_safe_for_excel(key: str, expected: str) -> None:
    assert sheet_name(key, {"overzicht"}, 3) == expected


def test_sheet_names_stay_unique() -> None:
    used: set[str] = set()
    names = [sheet_name("y" * 40, used, n) for n in range(1, 4)]
    assert names == ["y" * 31, "y" * 27 + " (2)", "y" * 27 + " (3)"]


def test_hidden_cells_print_as_marks_in_the_pdf_and_the_workbook(tmp_path: Path) -> None:
    table = ReportTable(
        "leeftijd",
        "Mantelzorgers naar leeftijd",
        ("Leeftijd", "Aantal"),
        (("<18", "<5"), ("18-64", "×"), ("65+", 40)),
        chart=True,
    )
    report = make_report(tables=(table,), headlines=(Headline("Overbelast", "×"),))
    pdf = tmp_path / "r.pdf"
    render_report(pdf, report)
    ages = " ".join(page_texts(pdf)).split("Mantelzorgers naar leeftijd")[1]
    assert ages.count("×") == 2  # beside its empty bar and in the table
    write_report_workbook(tmp_path / "r.xlsx", report)
    sheet = load_workbook(tmp_path / "r.xlsx")["leeftijd"]
    assert [cell.value for cell in sheet[4]] == ["18-64", "×"]
    assert sheet["B4"].data_type == "s" and sheet["B4"].alignment.horizontal == "right"
    assert sheet["B5"].value == 40

"""The recovery key sheet: an A4 page for the safe with the key in groups and what to do.

Rendered from plain values; the key is on it in readable form, so the sheet is written only
where the person chooses (``services/kernel/recovery_sheet.py``) and never kept by the program.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from steunpunt.domain.dates import long_date
from steunpunt.domain.keys.recovery import SEPARATOR
from steunpunt.letters.fonts import Fonts, print_at_true_size, register_fonts

GROUPS_PER_LINE = 5
_FRAME_PADDING = 6
"""ReportLab's frame keeps this many points free on each side."""
KEEP = (
    "Bewaar dit vel in de kluis van het steunpunt, op papier. Zet de sleutel niet op de "
    "computer, niet in een e-mail en niet op een foto of een USB-stick."
)
DANGER = (
    "Wie deze sleutel heeft, kan alle gegevens van het steunpunt lezen: namen, adressen, "
    "gezondheid en rekeningnummers van iedereen in het register. Laat het vel nooit slingeren."
)
REPLACED = (
    "Maakt een beheerder een nieuwe herstelsleutel, dan werkt deze niet meer. Vernietig dit vel "
    "dan (versnipperaar) en leg het nieuwe vel in de kluis."
)
USE = (
    "Start Steunpunt op de computer met de database.",
    "Kies in het aanmeldvenster voor de herstelsleutel.",
    "Typ de sleutel over zoals hij hierboven staat. Streepjes, spaties en kleine letters "
    "mogen; een tikfout wordt herkend.",
    "Stel daarna een nieuw wachtwoord in voor een beheerder, en maak een nieuwe "
    "herstelsleutel als u denkt dat iemand anders dit vel heeft gezien.",
)
ALSO = (
    "Dezelfde sleutel opent ook een reservekopie van deze database op een andere computer "
    "van het steunpunt."
)


@dataclass(frozen=True)
class RecoverySheet:
    """What the sheet shows."""

    organisation: str
    recovery_key: str
    made_on: date
    database_name: str


def recovery_sheet_pdf(sheet: RecoverySheet) -> bytes:
    """The sheet as PDF bytes (for a preview; nothing is written to disk)."""
    buffer = BytesIO()
    render_recovery_sheet(buffer, sheet)
    return buffer.getvalue()


def render_recovery_sheet(target: Path | BinaryIO, sheet: RecoverySheet) -> None:
    """Write the one-page A4 sheet to a file name or an open binary file."""
    fonts = register_fonts()
    title = f"Herstelsleutel van {sheet.organisation}"
    document = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        title=title,
        initialFontName=fonts.regular,  # not Helvetica: every font in the file is embedded
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
    )
    styles = _Styles(fonts)
    width = document.width - 2 * _FRAME_PADDING
    story = [
        Paragraph(escape(title), styles.title),
        Paragraph("Voor de kluis. Alleen nodig als alle wachtwoorden kwijt zijn.", styles.lead),
        Spacer(0, 6 * mm),
        _key_box(sheet.recovery_key, fonts, width),
        Spacer(0, 4 * mm),
        _details(sheet, styles, width),
        Spacer(0, 6 * mm),
        Paragraph("Bewaren", styles.heading),
        _bullets((KEEP, DANGER), styles),
        Paragraph("Geldig tot er een nieuwe is", styles.heading),
        Paragraph(escape(REPLACED), styles.body),
        KeepTogether(
            [
                Paragraph("Gebruiken als alle wachtwoorden kwijt zijn", styles.heading),
                _steps(USE, styles),
                Spacer(0, 3 * mm),
                Paragraph(escape(ALSO), styles.body),
            ]
        ),
        Spacer(0, 14 * mm),
        _filed(styles, width),
    ]
    document.build(story, onFirstPage=lambda canvas, _doc: print_at_true_size(canvas))


class _Styles:
    def __init__(self, fonts: Fonts) -> None:
        self.title = ParagraphStyle("title", fontName=fonts.bold, fontSize=20, leading=25)
        self.lead = ParagraphStyle(
            "lead", fontName=fonts.regular, fontSize=11, leading=15, textColor=HexColor("#444444")
        )
        self.heading = ParagraphStyle(
            "heading", fontName=fonts.bold, fontSize=12, leading=16, spaceBefore=8, spaceAfter=3
        )
        self.body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10.5, leading=14.5)
        self.small = ParagraphStyle("small", fontName=fonts.regular, fontSize=10, leading=13)


def _key_box(key: str, fonts: Fonts, width: float) -> Table:
    """The key in large monospace groups, a few groups a line, in a box."""
    groups = key.split(SEPARATOR)
    lines = [
        groups[start : start + GROUPS_PER_LINE] for start in range(0, len(groups), GROUPS_PER_LINE)
    ]
    table = Table(
        [[f" {SEPARATOR} ".join(line)] for line in lines], colWidths=[width], rowHeights=13 * mm
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.mono_bold, 21),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 1.2, HexColor("#202020")),
                ("BACKGROUND", (0, 0), (-1, -1), HexColor("#f2f2f2")),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return table


def _details(sheet: RecoverySheet, styles: _Styles, width: float) -> Table:
    rows = [
        ("Gemaakt op", long_date(sheet.made_on)),
        ("Databasebestand", sheet.database_name),
        ("Steunpunt", sheet.organisation),
    ]
    table = Table(
        [
            [Paragraph(label, styles.small), Paragraph(escape(value), styles.small)]
            for label, value in rows
        ],
        colWidths=[40 * mm, width - 40 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.small.fontName),  # else Helvetica is named
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _bullets(texts: tuple[str, ...], styles: _Styles) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(escape(text), styles.body), leftIndent=12) for text in texts],
        bulletType="bullet",
        start="•",
        bulletFontName=styles.body.fontName,
        leftIndent=12,
    )


def _steps(texts: tuple[str, ...], styles: _Styles) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(escape(text), styles.body), leftIndent=14) for text in texts],
        bulletType="1",
        bulletFontName=styles.body.fontName,
        bulletFontSize=styles.body.fontSize,
        leftIndent=14,
    )


def _filed(styles: _Styles, width: float) -> Table:
    """Lines to fill in by hand when the sheet goes into the safe."""
    table = Table(
        [
            [Paragraph("In de kluis gelegd door", styles.small), ""],
            [Paragraph("Datum", styles.small), ""],
        ],
        colWidths=[50 * mm, width - 50 * mm],
        rowHeights=10 * mm,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.small.fontName),  # else Helvetica is named
                ("LINEBELOW", (1, 0), (1, -1), 0.5, HexColor("#808080")),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table

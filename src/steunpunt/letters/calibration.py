"""The calibration page: the envelope window and millimetre rulers, to hold against an envelope."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from steunpunt.domain.address import Address
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, A4_WIDTH_MM, EnvelopeWindow
from steunpunt.letters.address_block import Recipient, draw_address_block
from steunpunt.letters.fonts import Fonts, print_at_true_size, register_fonts

SAMPLE = Recipient(
    ("Mevrouw A. Yılmaz-de Vries",),
    Address("Voorbeeldstraat", 12, "A", "3811 AB", "Amersfoort"),
)
INSTRUCTIONS = (
    "Kalibratiepagina envelopvenster",
    "1. Druk deze pagina af op 100 % (zet 'aanpassen aan pagina' uit).",
    "2. Vouw de pagina zoals een brief en schuif haar in een vensterenvelop.",
    "3. Het adres moet helemaal binnen het venster vallen; de lijn geeft het ingestelde venster.",
    "4. Past het niet, meet dan met de linialen en pas het venster aan onder Beheer.",
)


def render_calibration_page(
    target: Path, window: EnvelopeWindow, return_line: str = "Retouradres: Steunpunt"
) -> None:
    """Write a one-page PDF with rulers, the window outline and a sample address."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    fonts = register_fonts()
    canvas = Canvas(str(target), pagesize=A4, initialFontName=fonts.regular)
    print_at_true_size(canvas)
    canvas.setTitle("Kalibratiepagina envelopvenster")
    _rulers(canvas, fonts)
    _window_outline(canvas, window, fonts)
    draw_address_block(canvas, window.check(), SAMPLE, return_line, fonts)
    _instructions(canvas, fonts)
    canvas.showPage()
    canvas.save()


def _rulers(canvas: Any, fonts: Fonts) -> None:
    """Ticks every mm along the top and left edge, longer every 5 and numbered every 10 mm."""
    from reportlab.lib.units import mm

    canvas.setLineWidth(0.3)
    canvas.setFont(fonts.regular, 6)
    page_top = A4_HEIGHT_MM * mm
    for position in range(0, int(A4_WIDTH_MM) + 1):
        length = 5 if position % 10 == 0 else 3 if position % 5 == 0 else 1.5
        canvas.line(position * mm, page_top, position * mm, page_top - length * mm)
        if position % 10 == 0 and 0 < position < A4_WIDTH_MM:
            canvas.drawCentredString(position * mm, page_top - 8 * mm, str(position))
    for position in range(0, int(A4_HEIGHT_MM / 2) + 1):
        length = 5 if position % 10 == 0 else 3 if position % 5 == 0 else 1.5
        y = page_top - position * mm
        canvas.line(0, y, length * mm, y)
        if position % 10 == 0 and position > 0:
            canvas.drawString(6 * mm, y - 2, str(position))


def _window_outline(canvas: Any, window: EnvelopeWindow, fonts: Fonts) -> None:
    from reportlab.lib.units import mm

    canvas.setDash(3, 2)
    canvas.setLineWidth(0.6)
    bottom = (A4_HEIGHT_MM - window.top - window.height) * mm
    canvas.rect(window.left * mm, bottom, window.width * mm, window.height * mm)
    canvas.setDash()
    canvas.setFont(fonts.regular, 6)
    canvas.drawString(
        window.left * mm,
        bottom - 3.5 * mm,
        f"venster: {window.left:g} mm van links, {window.top:g} mm van boven, "
        f"{window.width:g} × {window.height:g} mm",
    )


def _instructions(canvas: Any, fonts: Fonts) -> None:
    from reportlab.lib.units import mm

    y = (A4_HEIGHT_MM - 130) * mm
    for number, line in enumerate(INSTRUCTIONS):
        canvas.setFont(fonts.bold if number == 0 else fonts.regular, 12 if number == 0 else 10)
        canvas.drawString(25 * mm, y, line)
        y -= 7 * mm

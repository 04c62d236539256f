"""The page after the labels that lists the addresses to write by hand, each one whole."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, A4_WIDTH_MM
from steunpunt.letters.address_block import Recipient
from steunpunt.letters.address_fit import wrap_words
from steunpunt.letters.fonts import Fonts

MARGIN_MM = 20.0
TITLE_SIZE = 14.0
TEXT_SIZE = 10.0
LINE_GAP = 1.25
TITLE = "Met de hand adresseren"
EXPLANATION = (
    "Deze adressen passen niet helemaal op een etiket, ook niet in de kleinste letter. "
    "Er is geen etiket voor gemaakt: schrijf ze met de hand op de envelop."
)


def draw_hand_list(
    canvas: Any, recipients: Sequence[Recipient], fonts: Fonts, extent: float
) -> None:
    """Write the title and every address block, starting a new page when one is full."""
    from reportlab.lib.units import mm

    left = MARGIN_MM * mm
    width = (A4_WIDTH_MM - 2 * MARGIN_MM) * mm
    bottom = MARGIN_MM * mm
    step = TEXT_SIZE * LINE_GAP
    y = _heading(canvas, fonts, left, width, len(recipients))
    for recipient in recipients:
        lines = [part for line in recipient.lines for part in _fitted(line, fonts, width)]
        if y - (len(lines) - 1) * step - extent * TEXT_SIZE < bottom:
            canvas.showPage()
            y = _heading(canvas, fonts, left, width, len(recipients))
        canvas.setFont(fonts.regular, TEXT_SIZE)
        for line in lines:
            canvas.drawString(left, y, line)
            y -= step
        y -= step


def _heading(canvas: Any, fonts: Fonts, left: float, width: float, count: int) -> float:
    """Draw the title and the explanation at the top of a page; return the first baseline."""
    from reportlab.lib.units import mm

    y: float = (A4_HEIGHT_MM - MARGIN_MM) * mm - TITLE_SIZE
    canvas.setFont(fonts.bold, TITLE_SIZE)
    canvas.drawString(left, y, f"{TITLE} ({count})")
    y -= TITLE_SIZE * LINE_GAP + 2 * mm
    canvas.setFont(fonts.regular, TEXT_SIZE)
    for line in wrap_words(EXPLANATION, fonts.regular, TEXT_SIZE, width) or [EXPLANATION]:
        canvas.drawString(left, y, line)
        y -= TEXT_SIZE * LINE_GAP
    return y - TEXT_SIZE * LINE_GAP


def _fitted(line: str, fonts: Fonts, width: float) -> list[str]:
    """``line`` as it is (two spaces before the place kept), wrapped only when too wide."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(line, fonts.regular, TEXT_SIZE) <= width:
        return [line]
    return wrap_words(line, fonts.regular, TEXT_SIZE, width) or [line]

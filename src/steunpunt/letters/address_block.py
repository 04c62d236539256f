"""The Dutch address block in the envelope window, with a small return-address line above it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from steunpunt.domain.address import Address
from steunpunt.letters.envelope import A4_HEIGHT_MM, EnvelopeWindow
from steunpunt.letters.fonts import Fonts

ADDRESS_SIZE = 10.0  # pt: plain sans-serif, no bold or italics (PostNL)
ADDRESS_MIN_SIZE = 8.0  # a long name is made smaller, never wider than the window
RETURN_SIZE = 6.5
RETURN_MIN_SIZE = 4.5
LINE_GAP = 1.25
PADDING_MM = 4.0


@dataclass(frozen=True)
class Recipient:
    """Who a letter goes to: the name lines as they stand on the envelope, and the address."""

    names: tuple[str, ...]
    address: Address

    @property
    def lines(self) -> list[str]:
        """``Mevrouw J. de Vries`` / ``Dorpsstraat 12 A`` / ``1234 AB  SOEST``."""
        return [*self.names, self.address.street_line, self.address.postal_line]


def draw_address_block(
    canvas: Any, window: EnvelopeWindow, recipient: Recipient, return_line: str, fonts: Fonts
) -> None:
    """Write the return line and the address inside ``window`` (ReportLab canvas, A4)."""
    from reportlab.lib.units import mm

    x = (window.left + PADDING_MM) * mm
    top = (A4_HEIGHT_MM - window.top - PADDING_MM) * mm
    width = (window.width - 2 * PADDING_MM) * mm
    if return_line:
        size = fitting_size(return_line, fonts.regular, RETURN_SIZE, RETURN_MIN_SIZE, width)
        canvas.setFont(fonts.regular, size)
        canvas.drawString(x, top - RETURN_SIZE, return_line)
        top -= RETURN_SIZE * LINE_GAP + 2 * mm
    for number, line in enumerate(recipient.lines, start=1):
        canvas.setFont(
            fonts.regular, fitting_size(line, fonts.regular, ADDRESS_SIZE, ADDRESS_MIN_SIZE, width)
        )
        canvas.drawString(x, top - number * ADDRESS_SIZE * LINE_GAP, line)


def fitting_size(text: str, font: str, size: float, smallest: float, width: float) -> float:
    """The largest size from ``size`` down to ``smallest`` at which ``text`` fits ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    natural = float(stringWidth(text, font, size))
    if natural <= width:
        return size
    return max(smallest, size * width / natural)

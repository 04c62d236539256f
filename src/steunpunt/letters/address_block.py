"""The Dutch address block in the envelope window, with a small return-address line above it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from steunpunt.domain.address import Address
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.letters.envelope import A4_HEIGHT_MM, EnvelopeWindow
from steunpunt.letters.address_fit import Box, FittedBlock, fit_address
from steunpunt.letters.fonts import Fonts

ADDRESS_SIZE = 10.0  # pt: plain sans-serif, no bold or italics (PostNL)
ADDRESS_MIN_SIZE = 8.0  # pt: a long address is made smaller down to this, then names wrap
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


def window_box(window: EnvelopeWindow, return_line: str, font: str) -> Box:
    """The room for the address in ``window`` (in points), below the return line."""
    from reportlab.lib.units import mm

    height = (window.height - 2 * PADDING_MM) * mm
    if return_line:
        height -= RETURN_SIZE * LINE_GAP + 2 * mm
    width = (window.width - 2 * PADDING_MM) * mm
    return Box(width, height, font, ADDRESS_SIZE, ADDRESS_MIN_SIZE, LINE_GAP)


def fit_recipient(recipient: Recipient, box: Box) -> FittedBlock | None:
    """The address's lines and size in ``box`` (a window or a label), or None when it cannot
    be printed whole there."""
    address = recipient.address
    return fit_address(recipient.names, (address.street_line, address.postal_line), box)


def draw_address_block(
    canvas: Any, window: EnvelopeWindow, recipient: Recipient, return_line: str, fonts: Fonts
) -> None:
    """Write the return line and the address inside ``window`` (ReportLab canvas, A4).

    Raise ``InvalidValue`` naming the addressee when the address cannot stay inside the
    window; the mailing checks every address before it prints (see ``window_misfits``).
    """
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    box = window_box(window, return_line, fonts.regular)
    fitted = fit_recipient(recipient, box)
    if fitted is None:
        raise InvalidValue(misfit_message([recipient]))
    x = (window.left + PADDING_MM) * mm
    top = (A4_HEIGHT_MM - window.top - PADDING_MM) * mm
    if return_line:
        width = (window.width - 2 * PADDING_MM) * mm
        size = fitting_size(return_line, fonts.regular, RETURN_SIZE, RETURN_MIN_SIZE, width)
        canvas.setFont(fonts.regular, size)
        canvas.drawString(x, top - RETURN_SIZE, return_line)
        top -= RETURN_SIZE * LINE_GAP + 2 * mm
    ascent, _descent = getAscentDescent(fonts.regular, fitted.size)
    canvas.setFont(fonts.regular, fitted.size)
    for number, line in enumerate(fitted.lines):
        canvas.drawString(x, top - ascent - number * fitted.size * LINE_GAP, line)


def window_misfits(
    recipients: Iterable[Recipient], window: EnvelopeWindow, return_line: str, font: str
) -> list[Recipient]:
    """The recipients whose address cannot stay inside the window, in the order given."""
    box = window_box(window, return_line, font)
    return [recipient for recipient in recipients if fit_recipient(recipient, box) is None]


def misfit_message(recipients: Sequence[Recipient]) -> str:
    """Dutch refusal naming the addressees whose address does not fit the envelope window."""
    shown = "; ".join(" en ".join(r.names) or r.address.street_line for r in recipients[:5])
    more = f" en nog {len(recipients) - 5}" if len(recipients) > 5 else ""
    return (
        f"Het adres van {shown}{more} past niet in het venster van de envelop, ook niet in de "
        f"kleinste letter ({ADDRESS_MIN_SIZE:g} pt) en met de naam over meer regels. Maak het "
        "venster groter onder Beheer › Huisstijl en briefpapier, of stuur deze brief apart. "
        "Er is niets gemaakt."
    )


def fitting_size(text: str, font: str, size: float, smallest: float, width: float) -> float:
    """The largest size from ``size`` down to ``smallest`` at which ``text`` fits ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    natural = float(stringWidth(text, font, size))
    if natural <= width:
        return size
    return max(smallest, size * width / natural)

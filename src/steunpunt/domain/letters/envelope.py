"""Where the address window of a window envelope lies on an A4 letter, in millimetres."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from steunpunt.domain.errors import InvalidValue

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0


@dataclass(frozen=True)
class EnvelopeWindow:
    """The window, measured from the top-left corner of the folded A4 sheet."""

    left: float
    top: float
    width: float
    height: float

    def check(self) -> EnvelopeWindow:
        """Refuse a window that does not fit on the page, with a Dutch message."""
        sizes = (self.left, self.top, self.width, self.height)
        if (
            not all(math.isfinite(size) for size in sizes)
            or min(sizes[:2]) < 0
            or min(sizes[2:]) < 20
        ):
            raise InvalidValue(
                "Het venster moet minstens 20 bij 20 mm zijn en op de pagina liggen."
            )
        if self.left + self.width > A4_WIDTH_MM or self.top + self.height > A4_HEIGHT_MM / 2:
            raise InvalidValue(
                "Het venster valt buiten de pagina: controleer links, boven, breedte en hoogte."
            )
        return self


class WindowPreset(StrEnum):
    """Common Dutch window envelopes (EA5/6 and C5/6 with the window left or right)."""

    LEFT = "venster links"
    RIGHT = "venster rechts"

    @property
    def window(self) -> EnvelopeWindow:
        return {
            WindowPreset.LEFT: EnvelopeWindow(left=20, top=45, width=90, height=45),
            WindowPreset.RIGHT: EnvelopeWindow(left=105, top=45, width=90, height=45),
        }[self]
